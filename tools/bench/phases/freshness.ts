import type { ReutersDocument } from '../../../libs/enrichment/src/corpus/reuters-reader';
import type { BenchStack } from '../bench-stack';
import { registerPushSource } from '../bench-stack';
import { toNinjs } from '../corpus';
import { progressBar } from '../progress';
import { bucketQuantiles, scrapeHistogram } from '../service-metrics';
import { round, sleep, summarise, type LatencySummary } from '../stats';

export interface FreshnessOptions {
  rate: number;
  seconds: number;
  /** How often the search API is asked for the newest stories: the resolution of the measurement. */
  pollMs: number;
  /** How long to keep looking after the last push. */
  graceSeconds: number;
}

export interface FreshnessResult {
  source: string;
  rate: number;
  seconds: number;
  pushed: number;
  accepted: number;
  /** Ingest's 202 to the story first returned by `GET /v1/search`. */
  latency: LatencySummary;
  /** Request sent to ingest's 202. */
  ingestLatency: LatencySummary;
  achievedRate: number;
  /** The indexer's own histogram: ingest's acceptance to the bulk write (before the engine's refresh), bucket bounds in s. */
  acceptedToWritten: { count: number; bounds: Record<string, number | null> };
  pollMs: number;
  polls: number;
  notSeen: number;
}

const FRESHNESS_METRIC = 'newswire_freshness_seconds';

/** A story not visible after this long no longer holds the polling window open. */
const STUCK_AFTER_MS = 30_000;

interface Pushed {
  uri: string;
  versioncreated: string;
  pushedAtMs: number;
  sentAt: number;
  acceptedAt?: number;
  seenAt?: number;
}

/**
 * Live traffic: single-story pushes on a fixed schedule (open loop: a slow answer does not
 * delay the next push), each a story published now. A poller asks the public search API for
 * the source's newest stories and notes when each one first appears.
 */
export async function runFreshness(
  stack: BenchStack,
  corpus: ReutersDocument[],
  options: FreshnessOptions,
  log: (line: string) => void,
): Promise<FreshnessResult> {
  const source = 'bench-live';
  const apiKey = await registerPushSource(stack, source);
  const documents = corpus.filter((d) => d.title && d.body);
  const total = Math.round(options.rate * options.seconds);
  const indexerMetrics = stack.url('indexer', '/metrics');
  const writtenBefore = await scrapeHistogram(indexerMetrics, FRESHNESS_METRIC);
  const pushed = new Map<string, Pushed>();
  const runId = Date.now().toString(36);
  const bar = progressBar('freshness', total, 'seen');
  let seen = 0;
  let polls = 0;
  let pushing = true;
  let lastPushAt = Date.now();

  // The window starts at the oldest story not seen yet, so a burst of arrivals larger than one
  // page cannot push a story out of sight; pages are followed with the api's cursor.
  const windowStart = (): string => {
    const cutoff = Date.now() - STUCK_AFTER_MS;
    for (const entry of pushed.values())
      if (entry.seenAt === undefined && entry.pushedAtMs > cutoff) return entry.versioncreated;
    return new Date(Date.now() - 1000).toISOString();
  };
  const poll = async (): Promise<void> => {
    const params = new URLSearchParams({
      source,
      sort: 'newest',
      collapse: 'false',
      size: '100',
      from: windowStart(),
    });
    let cursor: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      if (cursor) params.set('cursor', cursor);
      const response = await fetch(stack.url('api', `/v1/search?${params.toString()}`));
      const body = (await response.json()) as { items?: { uri: string }[]; cursor?: string | null };
      // Seen somewhere between asking and the answer; the answer's arrival is the honest bound.
      const now = performance.now();
      polls += 1;
      for (const item of body.items ?? []) {
        const entry = pushed.get(item.uri);
        if (entry && entry.seenAt === undefined) {
          entry.seenAt = now;
          seen += 1;
        }
      }
      cursor = body.cursor ?? null;
      if (!cursor || (body.items?.length ?? 0) < 100) return;
    }
  };
  const poller = (async () => {
    const graceEnds = (): boolean =>
      !pushing && Date.now() > lastPushAt + options.graceSeconds * 1000;
    while (!graceEnds() && !(!pushing && seen === pushed.size)) {
      const askedAt = performance.now();
      try {
        await poll();
      } catch (error) {
        log(`freshness poll failed: ${String(error)}`);
      }
      bar.update(seen, `pushed ${pushed.size}`);
      await sleep(Math.max(0, options.pollMs - (performance.now() - askedAt)));
    }
  })();

  const sends: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = t0 + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const doc = documents[i % documents.length];
    const uri = `urn:newswire:bench-live:${runId}:${i}`;
    const versioncreated = new Date().toISOString();
    const entry: Pushed = {
      uri,
      versioncreated,
      pushedAtMs: Date.now(),
      sentAt: performance.now(),
    };
    pushed.set(uri, entry);
    const body = JSON.stringify(toNinjs(uri, doc, versioncreated));
    sends.push(
      fetch(stack.url('ingest', '/v1/ingest'), {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body,
      })
        .then(async (response) => {
          const answeredAt = performance.now();
          await response.arrayBuffer();
          if (response.status === 202) entry.acceptedAt = answeredAt;
          else log(`live push answered ${response.status}`);
        })
        .catch((error: unknown) => log(`live push failed: ${String(error)}`)),
    );
    lastPushAt = Date.now();
  }
  const achievedRate = round(total / ((performance.now() - t0) / 1000), 1);
  await Promise.all(sends);
  pushing = false;
  lastPushAt = Date.now();
  await poller;
  bar.stop();

  const writtenAfter = await scrapeHistogram(indexerMetrics, FRESHNESS_METRIC);
  const entries = [...pushed.values()];
  const accepted = entries.filter((e) => e.acceptedAt !== undefined);
  const latencies = accepted.flatMap((e) =>
    e.seenAt !== undefined && e.acceptedAt !== undefined
      ? [Math.max(0, e.seenAt - e.acceptedAt)]
      : [],
  );
  return {
    source,
    rate: options.rate,
    seconds: options.seconds,
    pushed: entries.length,
    accepted: accepted.length,
    latency: summarise(latencies),
    ingestLatency: summarise(accepted.map((e) => (e.acceptedAt ?? 0) - e.sentAt)),
    achievedRate,
    acceptedToWritten: bucketQuantiles(writtenBefore, writtenAfter, [0.5, 0.95, 0.99]),
    pollMs: options.pollMs,
    polls,
    notSeen: accepted.length - latencies.length,
  };
}
