import { Global, Inject, Injectable, Module } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@lib/observability';

/** The engine requests the api makes, by what they are for. */
export type EngineOperation =
  | 'open_point_in_time'
  | 'search_page'
  | 'copies'
  | 'close_point_in_time'
  | 'tag_names'
  | 'tag_filters';

// Searches take tens of milliseconds; the upper buckets are there to show queueing.
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * How long the api takes to answer, by route and status class, and how much of that is spent
 * waiting for the engine, by operation: the difference is the api's own work and its queue.
 */
@Injectable()
export class ApiMetrics {
  private readonly requests: Histogram<'route' | 'status'>;
  private readonly engine: Histogram<'operation'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.requests = new Histogram({
      name: 'newswire_api_request_duration_seconds',
      help: 'From a request arriving to its answer sent, by route pattern and status class',
      labelNames: ['route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
    this.engine = new Histogram({
      name: 'newswire_api_engine_seconds',
      help: 'One request to the search engine, by what it is for',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
  }

  /** Express middleware timing every request until its answer is sent. */
  timeRequests() {
    return (request: Request, response: Response, next: NextFunction): void => {
      const end = this.requests.startTimer();
      response.once('finish', () => {
        end({ route: routeOf(request), status: `${Math.floor(response.statusCode / 100)}xx` });
      });
      next();
    };
  }

  /** Times one engine request; failures are timed too. */
  async timeEngine<T>(operation: EngineOperation, request: () => Promise<T>): Promise<T> {
    const end = this.engine.startTimer({ operation });
    try {
      return await request();
    } finally {
      end();
    }
  }
}

/**
 * The matched route's pattern (`/v1/stories/:id`), never the path itself, so that ids do not
 * become label values; requests no route matched share one label.
 */
export function routeOf(request: Pick<Request, 'baseUrl' | 'route'>): string {
  const pattern = (request.route as { path?: unknown } | undefined)?.path;
  return typeof pattern === 'string' ? `${request.baseUrl}${pattern}` : 'unmatched';
}

@Global()
@Module({ providers: [ApiMetrics], exports: [ApiMetrics] })
export class ApiMetricsModule {}
