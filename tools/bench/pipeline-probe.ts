import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Topics } from '@lib/contracts';
import { BENCH } from './bench-stack';
import { round, sleep } from './stats';

/**
 * Watches the pipeline from outside: how far each consumer group got (committed offsets) and
 * how many of a source's stories the engine can already find.
 */
export class PipelineProbe {
  private readonly admin: Admin;
  private baseline = new Map<string, number>();

  constructor(brokers: string[]) {
    this.admin = new Kafka({
      clientId: 'newswire-bench-probe',
      brokers,
      logLevel: logLevel.NOTHING,
    }).admin();
  }

  async connect(): Promise<void> {
    await this.admin.connect();
  }

  async close(): Promise<void> {
    await this.admin.disconnect();
  }

  /** Remembers where the topics end now; progress is counted from here. */
  async markStart(): Promise<void> {
    this.baseline = new Map();
    for (const topic of [Topics.storyIngested, Topics.storyEnriched]) {
      for (const p of await this.admin.fetchTopicOffsets(topic))
        this.baseline.set(`${topic}:${p.partition}`, Number(p.high));
    }
  }

  /** Messages produced to each topic, and committed by each group, since `markStart`. */
  async stages(): Promise<{
    relayed: number;
    enriched: number;
    enrichedProduced: number;
    indexed: number;
  }> {
    const [relayed, enrichedProduced, enriched, indexed] = await Promise.all([
      this.produced(Topics.storyIngested),
      this.produced(Topics.storyEnriched),
      this.committed(`${BENCH.groupPrefix}.enricher`, Topics.storyIngested),
      this.committed(`${BENCH.groupPrefix}.indexer`, Topics.storyEnriched),
    ]);
    return { relayed, enriched, enrichedProduced, indexed };
  }

  /** Messages the two consumer groups have not committed yet. */
  async lag(): Promise<number> {
    const lagOf = async (groupId: string, topic: string): Promise<number> => {
      const [ends, [committed]] = await Promise.all([
        this.admin.fetchTopicOffsets(topic),
        this.admin.fetchOffsets({ groupId, topics: [topic] }),
      ]);
      return ends.reduce((sum, end) => {
        const offset = Number(
          committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1,
        );
        return sum + Number(end.high) - (offset < 0 ? Number(end.low) : offset);
      }, 0);
    };
    const [enricher, indexer] = await Promise.all([
      lagOf(`${BENCH.groupPrefix}.enricher`, Topics.storyIngested),
      lagOf(`${BENCH.groupPrefix}.indexer`, Topics.storyEnriched),
    ]);
    return enricher + indexer;
  }

  /** Waits until both groups caught up (or the time is up); returns the seconds it took. */
  async waitForDrain(timeoutSeconds: number): Promise<number> {
    const startedAt = Date.now();
    while ((await this.lag()) > 0 && Date.now() - startedAt < timeoutSeconds * 1000)
      await sleep(500);
    return round((Date.now() - startedAt) / 1000, 1);
  }

  private async produced(topic: string): Promise<number> {
    const offsets = await this.admin.fetchTopicOffsets(topic);
    return offsets.reduce(
      (sum, p) => sum + Number(p.high) - (this.baseline.get(`${topic}:${p.partition}`) ?? 0),
      0,
    );
  }

  private async committed(groupId: string, topic: string): Promise<number> {
    const [offsets] = await this.admin.fetchOffsets({ groupId, topics: [topic] });
    return (offsets?.partitions ?? []).reduce((sum, p) => {
      const offset = Number(p.offset);
      return offset < 0 ? sum : sum + offset - (this.baseline.get(`${topic}:${p.partition}`) ?? 0);
    }, 0);
  }
}

/** Stories of one source the engine can find right now (no refresh forced: what a reader would see). */
export async function searchableCount(source: string, refresh = false): Promise<number> {
  if (refresh) await fetch(`${BENCH.esNode}/${BENCH.alias}/_refresh`, { method: 'POST' });
  const response = await fetch(`${BENCH.esNode}/${BENCH.alias}/_count`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: { term: { source } } }),
  });
  if (response.status === 404) return 0;
  const body = (await response.json()) as { count?: number };
  return body.count ?? 0;
}

/** Every document behind the alias, whatever its source. */
export async function totalCount(): Promise<number> {
  const response = await fetch(`${BENCH.esNode}/${BENCH.alias}/_count`);
  const body = (await response.json()) as { count?: number };
  return body.count ?? 0;
}
