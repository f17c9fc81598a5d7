/** Cumulative bucket counts of one Prometheus histogram, summed over its label sets. */
export type Buckets = Map<number, number>;

export async function scrapeHistogram(url: string, name: string): Promise<Buckets> {
  return parseHistogram(await scrapeText(url), name);
}

/** A service's whole `/metrics` exposition, to read several metrics from one scrape. */
export async function scrapeText(url: string): Promise<string> {
  return (await fetch(url)).text();
}

/** `only`: a label pair (`route="/v1/search"`) a series must carry to be counted. */
export function parseHistogram(text: string, name: string, only?: string): Buckets {
  const buckets: Buckets = new Map();
  const pattern = new RegExp(`^${name}_bucket\\{([^}]*)\\} (\\S+)$`, 'gm');
  for (const [, labels, count] of text.matchAll(pattern)) {
    if (only !== undefined && !labels.split(',').includes(only)) continue;
    const bound = /le="([^"]+)"/.exec(labels)?.[1];
    if (bound === undefined) continue;
    const le = bound === '+Inf' ? Number.POSITIVE_INFINITY : Number(bound);
    buckets.set(le, (buckets.get(le) ?? 0) + Number(count));
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

/** Count and sum of one histogram per value of one of its labels. */
export type SeriesTotals = Map<string, { count: number; sum: number }>;

export async function scrapeTotals(
  url: string,
  name: string,
  label: string,
): Promise<SeriesTotals> {
  return parseTotals(await (await fetch(url)).text(), name, label);
}

export function parseTotals(text: string, name: string, label: string): SeriesTotals {
  const totals: SeriesTotals = new Map();
  const pattern = new RegExp(`^${name}_(count|sum)\\{([^}]*)\\} (\\S+)$`, 'gm');
  for (const [, kind, labels, value] of text.matchAll(pattern)) {
    const key = new RegExp(`(?:^|,)${label}="([^"]*)"`).exec(labels)?.[1];
    if (key === undefined) continue;
    const entry = totals.get(key) ?? { count: 0, sum: 0 };
    entry[kind === 'count' ? 'count' : 'sum'] += Number(value);
    totals.set(key, entry);
  }
  return totals;
}

/** What was observed between two scrapes, per label value: requests and their mean in ms. */
export function totalsDelta(
  before: SeriesTotals,
  after: SeriesTotals,
): Record<string, { requests: number; meanMs: number }> {
  const delta: Record<string, { requests: number; meanMs: number }> = {};
  for (const [key, { count, sum }] of after) {
    const requests = count - (before.get(key)?.count ?? 0);
    if (requests <= 0) continue;
    const seconds = sum - (before.get(key)?.sum ?? 0);
    delta[key] = { requests, meanMs: Math.round((seconds / requests) * 10_000) / 10 };
  }
  return delta;
}
