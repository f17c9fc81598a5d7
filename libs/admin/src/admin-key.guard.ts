import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type Env } from '@lib/config';
import { keysMatch, presentedKey } from './api-key';

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
