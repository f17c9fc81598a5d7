import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import type { Env } from '@lib/config';

/** Probes and scrapes must never be rate limited, or an orchestrator would restart a busy api. */
const UNLIMITED_PATHS = /^\/(health|metrics)(\/|$)/;

/** Per client address: API_RATE_LIMIT requests per API_RATE_LIMIT_WINDOW_SECONDS; 0 turns it off. */
export function rateLimitOptions(config: Env): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        name: 'default',
        limit: config.API_RATE_LIMIT,
        ttl: config.API_RATE_LIMIT_WINDOW_SECONDS * 1000,
      },
    ],
    errorMessage: `rate limit of ${config.API_RATE_LIMIT} requests per ${config.API_RATE_LIMIT_WINDOW_SECONDS} s exceeded; retry after the Retry-After delay`,
    // One budget per client across all endpoints (the default would count each route separately).
    generateKey: (_context: ExecutionContext, tracker: string, throttler: string) =>
      `${throttler}:${tracker}`,
    skipIf: (context: ExecutionContext) =>
      config.API_RATE_LIMIT === 0 ||
      UNLIMITED_PATHS.test(context.switchToHttp().getRequest<Request>().path ?? ''),
  };
}
