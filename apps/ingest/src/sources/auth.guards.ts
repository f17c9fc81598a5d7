import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type Env } from '@lib/config';
import { hashApiKey, keysMatch, presentedKey } from './api-key';
import { SourceRepository } from './source.repository';
import type { AuthenticatedSource } from './source.types';

export type SourceRequest = Request & { source?: AuthenticatedSource };

/** Admin endpoints: the configured admin key, compared in constant time; none configured means none allowed. */
@Injectable()
export class AdminKeyGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: Env) {}

  canActivate(context: ExecutionContext): boolean {
    const key = presentedKey(context.switchToHttp().getRequest<Request>().headers);
    const expected = this.config.ADMIN_API_KEY;
    if (!key)
      throw new UnauthorizedException({
        error: 'AUTH.MISSING_KEY',
        message: 'admin endpoints need the admin API key (Authorization: Bearer <key>)',
      });
    if (!expected || !keysMatch(key, expected))
      throw new UnauthorizedException({
        error: 'AUTH.INVALID_KEY',
        message: 'the admin API key is not valid',
      });
    return true;
  }
}

/** Pushes: each source authenticates with its own key; the source is taken from the key, never from the request. */
@Injectable()
export class SourceKeyGuard implements CanActivate {
  constructor(private readonly sources: SourceRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SourceRequest>();
    const key = presentedKey(request.headers);
    if (!key)
      throw new UnauthorizedException({
        error: 'AUTH.MISSING_KEY',
        message: "pushes need the source's API key (Authorization: Bearer <key> or X-Api-Key)",
      });
    const source = await this.sources.findByKeyHash(hashApiKey(key));
    if (!source)
      throw new UnauthorizedException({
        error: 'AUTH.INVALID_KEY',
        message: 'the API key is not valid or was revoked',
      });
    request.source = source;
    return true;
  }
}
