import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { Env } from '@lib/config';

/** CORS from API_CORS_ORIGINS: none by default (the newsroom page is same-origin), `*` for any. */
export function corsOptions(config: Env): CorsOptions | null {
  const origins = config.API_CORS_ORIGINS;
  if (origins.length === 0) return null;
  return {
    origin: origins.includes('*') ? '*' : origins,
    methods: ['GET', 'HEAD', 'OPTIONS'],
    exposedHeaders: [
      'Retry-After',
      'X-RateLimit-Limit',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
    ],
    maxAge: 600,
  };
}
