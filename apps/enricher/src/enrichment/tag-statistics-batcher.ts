import type { TagStatistics } from '@lib/enrichment';

/** Tags in one lookup at most; the filters aggregation grows with every tag. */
const MAX_TAGS_PER_LOOKUP = 1_000;

interface Waiter {
  tagIds: string[];
  resolve: (statistics: TagStatistics) => void;
  reject: (error: unknown) => void;
}

/**
 * Lets concurrent stories share one tag-frequency lookup: while one lookup is in flight, the
 * next requests queue and then go out together. The answer is the same as asking alone (the
 * counts of the index as it stands), but a batch of stories costs the engine one aggregation
 * instead of one each. With no concurrency nothing waits: a lone request goes out at once.
 */
export class TagStatisticsBatcher {
  private queue: Waiter[] = [];
  private running = false;

  constructor(private readonly lookup: (tagIds: string[]) => Promise<TagStatistics>) {}

  get(tagIds: string[]): Promise<TagStatistics> {
    return new Promise((resolve, reject) => {
      this.queue.push({ tagIds, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        const union = [...new Set(batch.flatMap((w) => w.tagIds))];
        try {
          const statistics = await this.lookup(union);
          for (const waiter of batch) waiter.resolve(only(statistics, waiter.tagIds));
        } catch (error) {
          for (const waiter of batch) waiter.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** Waiters in arrival order while their tags fit one lookup (always at least one). */
  private takeBatch(): Waiter[] {
    const tags = new Set<string>();
    let count = 0;
    for (const waiter of this.queue) {
      const added = waiter.tagIds.filter((id) => !tags.has(id));
      if (count > 0 && tags.size + added.length > MAX_TAGS_PER_LOOKUP) break;
      for (const id of added) tags.add(id);
      count += 1;
    }
    return this.queue.splice(0, count);
  }
}

function only(statistics: TagStatistics, tagIds: string[]): TagStatistics {
  return {
    documentCount: statistics.documentCount,
    documentFrequency: new Map(tagIds.map((id) => [id, statistics.documentFrequency.get(id) ?? 0])),
  };
}
