import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { Registry } from 'prom-client';
import { ApiMetrics, routeOf } from './api-metrics';

async function observations(registry: Registry, name: string): Promise<Record<string, number>> {
  const metric = await registry.getSingleMetric(name)?.get();
  const counts: Record<string, number> = {};
  for (const value of metric?.values ?? []) {
    if (!('metricName' in value) || value.metricName !== `${name}_count`) continue;
    const labels = Object.entries(value.labels)
      .map(([key, label]) => `${key}=${String(label)}`)
      .join(',');
    counts[labels] = value.value;
  }
  return counts;
}

function fakeExchange(route: { path: string } | undefined, baseUrl = '') {
  const response = Object.assign(new EventEmitter(), { statusCode: 200 });
  const request = { route, baseUrl };
  return {
    request: request as unknown as Request,
    response: response as unknown as Response & EventEmitter,
  };
}

describe('routeOf', () => {
  it('labels a request by the pattern of the route that matched, never by its path', () => {
    expect(routeOf({ baseUrl: '', route: { path: '/v1/stories/:id' } })).toBe('/v1/stories/:id');
    expect(routeOf({ baseUrl: '/v1', route: { path: '/search' } })).toBe('/v1/search');
    expect(routeOf({ baseUrl: '', route: undefined })).toBe('unmatched');
  });
});

describe('ApiMetrics', () => {
  it('times a request when its answer is sent, by route and status class', async () => {
    const registry = new Registry();
    const metrics = new ApiMetrics(registry);
    const middleware = metrics.timeRequests();
    const next = jest.fn() as NextFunction;

    const found = fakeExchange({ path: '/v1/search' });
    middleware(found.request, found.response, next);
    expect(await observations(registry, 'newswire_api_request_duration_seconds')).toEqual({});
    found.response.emit('finish');

    const missing = fakeExchange(undefined);
    missing.response.statusCode = 404;
    middleware(missing.request, missing.response, next);
    missing.response.emit('finish');

    expect(next).toHaveBeenCalledTimes(2);
    expect(await observations(registry, 'newswire_api_request_duration_seconds')).toEqual({
      'route=/v1/search,status=2xx': 1,
      'route=unmatched,status=4xx': 1,
    });
  });

  it('times engine requests by operation, failed ones too, and passes their outcome on', async () => {
    const registry = new Registry();
    const metrics = new ApiMetrics(registry);
    await expect(metrics.timeEngine('search_page', () => Promise.resolve(7))).resolves.toBe(7);
    await expect(
      metrics.timeEngine('copies', () => Promise.reject(new Error('engine down'))),
    ).rejects.toThrow('engine down');
    expect(await observations(registry, 'newswire_api_engine_seconds')).toEqual({
      'operation=search_page': 1,
      'operation=copies': 1,
    });
  });
});
