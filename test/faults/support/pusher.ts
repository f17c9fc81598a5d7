import { ingestUrl } from './fault-env';
import type { PushItem } from './reuters-stream';

type ItemStatus = 'accepted' | 'duplicate' | 'stale' | 'rejected';

interface BatchResponse {
  items: (
    | {
        index: number;
        status: 'ok';
        results: { uri: string; version: number; status: 'accepted' | 'duplicate' | 'stale' }[];
      }
    | { index: number; status: 'rejected'; error: string; message: string }
  )[];
}

export interface PushReport {
  items: number;
  batches: number;
  /** Outcomes of the answer that finally came back for each item. */
  outcomes: Record<ItemStatus, number>;
  /** HTTP answers other than 200/202 (503 while storage is away, ...), by status. */
  refusals: Record<string, number>;
  /** Requests that got no answer at all (connection refused or reset). */
  networkErrors: number;
  retries: number;
  /** Highest version ingest said it accepted per uri (202 items only). */
  accepted: Map<string, number>;
  rejections: string[];
  elapsedMs: number;
}

export interface PusherOptions {
  apiKey: string;
  batchSize?: number;
  /** Upper bound on items per second, so a stream lasts long enough to break things in the middle. */
  maxItemsPerSecond?: number;
  /** Gives up on a batch that no ingest accepted for this long. */
  retryForMs?: number;
}

/**
 * Pushes items through `POST /v1/ingest/batch` the way a well-behaved agency client does: a batch
 * that gets no answer, a 5xx or a 503 is sent again (after Retry-After) until ingest takes it, so an
 * item whose first attempt was committed before a crash comes back as `duplicate`, never twice.
 */
export class Pusher {
  readonly report: PushReport = {
    items: 0,
    batches: 0,
    outcomes: { accepted: 0, duplicate: 0, stale: 0, rejected: 0 },
    refusals: {},
    networkErrors: 0,
    retries: 0,
    accepted: new Map(),
    rejections: [],
    elapsedMs: 0,
  };
  private pushed = 0;
  private readonly waiters: { count: number; resolve: () => void }[] = [];

  constructor(private readonly options: PusherOptions) {}

  get progress(): number {
    return this.pushed;
  }

  /** Resolves once `count` items have been answered. */
  reached(count: number): Promise<void> {
    if (this.pushed >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  async pushAll(items: PushItem[]): Promise<PushReport> {
    const startedAt = Date.now();
    const batchSize = this.options.batchSize ?? 25;
    for (let start = 0; start < items.length; start += batchSize) {
      const batch = items.slice(start, start + batchSize);
      await this.pushBatch(batch);
      this.pushed += batch.length;
      for (const waiter of this.waiters.filter((w) => w.count <= this.pushed)) waiter.resolve();
      if (this.options.maxItemsPerSecond) {
        const due = startedAt + (this.pushed / this.options.maxItemsPerSecond) * 1000;
        if (due > Date.now()) await sleep(due - Date.now());
      }
    }
    this.report.items += items.length;
    this.report.elapsedMs += Date.now() - startedAt;
    return this.report;
  }

  private async pushBatch(batch: PushItem[]): Promise<void> {
    const deadline = Date.now() + (this.options.retryForMs ?? 120_000);
    const body = JSON.stringify({
      items: batch.map((item) => ({ content: item.ninjs, format: 'ninjs' })),
    });
    for (let attempt = 1; ; attempt += 1) {
      if (attempt > 1) this.report.retries += 1;
      let response: Response;
      try {
        response = await fetch(`${ingestUrl}/v1/ingest/batch`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${this.options.apiKey}`,
            'content-type': 'application/json',
          },
          body,
          signal: AbortSignal.timeout(30_000),
        });
      } catch {
        this.report.networkErrors += 1;
        if (Date.now() > deadline)
          throw new Error(`no answer from ingest for ${this.options.retryForMs ?? 120_000} ms`);
        await sleep(250);
        continue;
      }
      if (response.status === 200 || response.status === 202) {
        this.record(batch, (await response.json()) as BatchResponse);
        this.report.batches += 1;
        return;
      }
      this.report.refusals[response.status] = (this.report.refusals[response.status] ?? 0) + 1;
      const text = await response.text();
      if (response.status < 500 && response.status !== 429)
        throw new Error(`ingest refused a batch with ${response.status}: ${text}`);
      if (Date.now() > deadline)
        throw new Error(
          `ingest kept answering ${response.status} for ${this.options.retryForMs ?? 120_000} ms: ${text}`,
        );
      const retryAfter = Number(response.headers.get('retry-after'));
      // A shorter wait than Retry-After asks for keeps the test brisk; the header itself is asserted elsewhere.
      await sleep(
        Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, 500) : 250,
      );
    }
  }

  private record(batch: PushItem[], body: BatchResponse): void {
    for (const item of body.items) {
      if (item.status === 'rejected') {
        this.report.outcomes.rejected += 1;
        this.report.rejections.push(
          `${batch[item.index]?.uri ?? '?'}: ${item.error} ${item.message}`,
        );
        continue;
      }
      for (const result of item.results) {
        this.report.outcomes[result.status] += 1;
        if (result.status === 'accepted')
          this.report.accepted.set(
            result.uri,
            Math.max(result.version, this.report.accepted.get(result.uri) ?? 0),
          );
      }
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
