/** Cumulative bucket counts of one Prometheus histogram, summed over its label sets. */
export type Buckets = Map<number, number>;

export async function scrapeHistogram(url: string, name: string): Promise<Buckets> {
  const text = await (await fetch(url)).text();
  const buckets: Buckets = new Map();
  const pattern = new RegExp(`^${name}_bucket\\{[^}]*le="([^"]+)"[^}]*\\} (\\S+)$`, 'gm');
  for (const match of text.matchAll(pattern)) {
    const le = match[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(match[1]);
    buckets.set(le, (buckets.get(le) ?? 0) + Number(match[2]));
  }
  return buckets;
}

/**
 * The upper bound of the bucket holding each quantile of what was observed between two scrapes:
 * coarse (the service's bucket edges), but measured inside the pipeline, not from outside.
 */
export function bucketQuantiles(
  before: Buckets,
  after: Buckets,
  quantiles: number[],
): { count: number; bounds: Record<string, number | null> } {
  const edges = [...after.keys()].sort((a, b) => a - b);
  const delta = edges.map((le) => (after.get(le) ?? 0) - (before.get(le) ?? 0));
  const count = delta[delta.length - 1] ?? 0;
  const bounds: Record<string, number | null> = {};
  for (const q of quantiles) {
    const index = delta.findIndex((cumulative) => cumulative >= q * count);
    const edge = index < 0 ? undefined : edges[index];
    bounds[`p${Math.round(q * 100)}`] =
      count === 0 || edge === undefined || !Number.isFinite(edge) ? null : edge;
  }
  return { count, bounds };
}
