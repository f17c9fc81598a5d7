export interface BacklogRefreshOptions {
  /** Messages behind, over the partitions this replica reads, at which refreshes are relaxed. */
  relaxAt: number;
  /** Messages behind at or below which the live interval comes back. */
  restoreAt: number;
  /** While behind, the relaxed interval is set again this often: another replica may have restored it. */
  reassertMs: number;
  /** A partition not heard from for this long no longer counts (revoked, or nothing arrives). */
  forgetMs: number;
}

export type RefreshAction = 'relax' | 'restore';

/**
 * Decides when the indexer holds the stories index's refreshes back: a refresh every second
 * costs the engine a small segment and the merges after it, which a backlog (a replay, a
 * catch-up after an outage) pays thousands of times for stories nobody sees sooner anyway.
 * Hysteresis between `relaxAt` and `restoreAt` keeps it from flapping at the edge.
 */
export class BacklogRefreshPolicy {
  private readonly behind = new Map<number, { messages: number; at: number }>();
  private relaxed = false;
  private relaxedAt = -Infinity;

  constructor(private readonly options: BacklogRefreshOptions) {
    if (options.restoreAt >= options.relaxAt)
      throw new RangeError('restoreAt must be below relaxAt');
  }

  /** Whether this replica holds the index relaxed (it then restores it once caught up). */
  get holdsRelaxed(): boolean {
    return this.relaxed;
  }

  /** Takes over an index found relaxed, e.g. by a replica that stopped before restoring it. */
  adopt(): void {
    this.relaxed = true;
    this.relaxedAt = -Infinity;
  }

  record(partition: number, messagesBehind: number, now: number): void {
    this.behind.set(partition, { messages: messagesBehind, at: now });
  }

  /** Messages behind over the partitions heard from lately. */
  backlog(now: number): number {
    let total = 0;
    for (const [partition, { messages, at }] of this.behind) {
      if (now - at > this.options.forgetMs) this.behind.delete(partition);
      else total += messages;
    }
    return total;
  }

  /** What to do now, if anything; call `carriedOut` once it is done. */
  next(now: number): RefreshAction | null {
    const backlog = this.backlog(now);
    if (backlog >= this.options.relaxAt)
      return !this.relaxed || now - this.relaxedAt >= this.options.reassertMs ? 'relax' : null;
    if (this.relaxed && backlog <= this.options.restoreAt) return 'restore';
    return null;
  }

  carriedOut(action: RefreshAction, now: number): void {
    this.relaxed = action === 'relax';
    this.relaxedAt = action === 'relax' ? now : -Infinity;
  }
}
