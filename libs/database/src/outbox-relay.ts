import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

export interface RelayMessage {
  key: string;
  value: object;
  headers: Record<string, string>;
}

/** Where the relay publishes; resolves only once the broker has acknowledged. */
export interface RelayPublisher {
  publish(topic: string, messages: RelayMessage[]): Promise<void>;
}

export interface OutboxRelayOptions {
  pollMs: number;
  batchSize: number;
  /** Payload bytes per batch: rows past it wait for the next round (the first row always goes). */
  maxBatchBytes: number;
  maxBackoffMs?: number;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  payload: object;
  headers: Record<string, string>;
}

/**
 * Publishes committed outbox rows to Kafka, oldest first, and deletes them only after the
 * broker acknowledged: at-least-once, never an uncommitted story (rows are only visible once
 * the ingest transaction committed). While Kafka is down, rows simply wait in PostgreSQL.
 * `FOR UPDATE SKIP LOCKED` lets several ingest replicas relay without publishing a row twice
 * in the normal case; downstream consumers are idempotent for the crash case.
 */
export class OutboxRelay {
  private readonly log = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: RelayPublisher,
    private readonly options: OutboxRelayOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Asks the relay to look now instead of at its next poll (called after an ingest commit). */
  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /**
   * Publishes one batch, oldest first: up to `batchSize` rows, and only as many of them as fit
   * `maxBatchBytes` (a few large stories must not make the relay hold hundreds of megabytes).
   * Returns whether more rows wait: a full batch was picked, or the byte budget left some behind.
   */
  async relayOnce(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows: (OutboxRow & { picked: string })[] = await manager.query(
        `WITH picked AS (
           SELECT id FROM outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
         ), measured AS (
           SELECT o.id, octet_length(o.payload::text) AS bytes
           FROM outbox o JOIN picked USING (id)
         ), sized AS (
           SELECT id, bytes, sum(bytes) OVER (ORDER BY id) AS running FROM measured
         )
         SELECT o.id, o.topic, o.message_key, o.payload, o.headers,
                (SELECT count(*) FROM picked) AS picked
         FROM outbox o JOIN sized USING (id)
         WHERE sized.running - sized.bytes < $2
         ORDER BY o.id`,
        [this.options.batchSize, this.options.maxBatchBytes],
      );
      if (rows.length === 0) return false;
      for (const [topic, messages] of groupByTopic(rows))
        await this.publisher.publish(topic, messages);
      await manager.query(`DELETE FROM outbox WHERE id = ANY($1::bigint[])`, [
        rows.map((row) => row.id),
      ]);
      const picked = Number(rows[0].picked);
      return picked >= this.options.batchSize || rows.length < picked;
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let more = false;
      try {
        more = await this.relayOnce();
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        this.log.warn(
          `outbox relay failed (attempt ${this.failures}), rows stay queued: ${String(error)}`,
        );
      }
      if (more) continue;
      await this.pause(this.failures > 0 ? this.backoff() : this.options.pollMs);
    }
  }

  private backoff(): number {
    return Math.min(this.options.maxBackoffMs ?? 10_000, this.options.pollMs * 2 ** this.failures);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

function groupByTopic(rows: OutboxRow[]): Map<string, RelayMessage[]> {
  const byTopic = new Map<string, RelayMessage[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.message_key, value: row.payload, headers: row.headers });
    byTopic.set(row.topic, messages);
  }
  return byTopic;
}
