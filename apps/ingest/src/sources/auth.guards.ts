import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { hashApiKey, presentedKey } from '@lib/admin';
import { SourceRepository } from '@lib/admin';
import type { AuthenticatedSource } from '@lib/admin';

export type SourceRequest = Request & { source?: AuthenticatedSource };

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
