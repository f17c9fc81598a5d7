import { Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process, with Node's default metrics under the service's name. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
