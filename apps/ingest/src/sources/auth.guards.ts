import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  type NestMiddleware,
  UnauthorizedException,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { hashApiKey, presentedKey } from '@lib/admin';
import { SourceRepository } from '@lib/admin';
import type { AuthenticatedSource } from '@lib/admin';

export type SourceRequest = Request & { source?: AuthenticatedSource };

/** The pushing source, from its own key; never from anything else in the request. */
async function authenticateSource(
  request: SourceRequest,
  sources: SourceRepository,
): Promise<void> {
  const key = presentedKey(request.headers);
  if (!key)
    throw new UnauthorizedException({
      error: 'AUTH.MISSING_KEY',
      message: "pushes need the source's API key (Authorization: Bearer <key> or X-Api-Key)",
    });
  const source = await sources.findByKeyHash(hashApiKey(key));
  if (!source)
    throw new UnauthorizedException({
      error: 'AUTH.INVALID_KEY',
      message: 'the API key is not valid or was revoked',
    });
  request.source = source;
}

/**
 * Authenticates a push before its body is read, so a caller without a valid key cannot make
 * ingest buffer and parse megabytes only to be refused.
 */
@Injectable()
export class SourceKeyMiddleware implements NestMiddleware {
  constructor(private readonly sources: SourceRepository) {}

  use(request: SourceRequest, _response: Response, next: NextFunction): void {
    authenticateSource(request, this.sources).then(() => next(), next);
  }
}

/** Pushes: each source authenticates with its own key (already done when the middleware ran). */
@Injectable()
export class SourceKeyGuard implements CanActivate {
  constructor(private readonly sources: SourceRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SourceRequest>();
    if (!request.source) await authenticateSource(request, this.sources);
    return true;
  }
}
