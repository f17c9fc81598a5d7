/**
 * Postings (one integer each) by term, stored compactly: what a compaction kept sits in one
 * Int32Array, term after term (4 bytes a posting, outside the garbage-collected heap); what came
 * since sits in a small array per term until the next compaction. A plain array per term would
 * cost 8 bytes a posting plus room to grow, and most terms hold one or two.
 */
export class PostingStore {
  private offsets = new Int32Array(1);
  private packed = new Int32Array(0);
  private recent: (number[] | undefined)[] = [];
  private recentCount = 0;

  /** Terms known, numbered from 0 in the order they were first added. */
  get terms(): number {
    return this.recent.length;
  }

  /** Postings held, including those `compact` would drop. */
  get size(): number {
    return this.packed.length + this.recentCount;
  }

  /** Postings added since the last compaction: compact once they outgrow the packed part. */
  get unpacked(): number {
    return this.recentCount;
  }

  /** A new term with no postings; returns its number. */
  addTerm(): number {
    this.recent.push(undefined);
    return this.recent.length - 1;
  }

  add(term: number, posting: number): void {
    const list = this.recent[term];
    if (list) list.push(posting);
    else this.recent[term] = [posting];
    this.recentCount += 1;
  }

  /** Calls `visit` with each posting of the term, oldest first. */
  forEach(term: number, visit: (posting: number) => void): void {
    if (term + 1 < this.offsets.length)
      for (let i = this.offsets[term]; i < this.offsets[term + 1]; i++) visit(this.packed[i]);
    const list = this.recent[term];
    if (list) for (const posting of list) visit(posting);
  }

  /**
   * Packs everything into one array again. `rewrite` maps each posting to what is kept (-1:
   * dropped). Terms left with no postings are dropped and the others renumbered in order: the
   * answer maps each old term number to its new one (-1: dropped), and `lengths` holds the
   * postings each new term keeps.
   */
  compact(rewrite: (posting: number) => number): { newTerm: Int32Array; lengths: number[] } {
    // Counted first, then written straight into the new array: no second copy on the heap.
    const newTerm = new Int32Array(this.recent.length).fill(-1);
    const lengths: number[] = [];
    let count = 0;
    const countKept = (posting: number): void => {
      if (rewrite(posting) >= 0) count += 1;
    };
    for (let term = 0; term < this.recent.length; term++) {
      count = 0;
      this.forEach(term, countKept);
      if (count === 0) continue;
      newTerm[term] = lengths.length;
      lengths.push(count);
    }
    const offsets = new Int32Array(lengths.length + 1);
    lengths.forEach((length, term) => (offsets[term + 1] = offsets[term] + length));
    const packed = new Int32Array(offsets[lengths.length]);
    let at = 0;
    const write = (posting: number): void => {
      const value = rewrite(posting);
      if (value >= 0) packed[at++] = value;
    };
    for (let term = 0; term < this.recent.length; term++)
      if (newTerm[term] >= 0) this.forEach(term, write);
    this.packed = packed;
    this.offsets = offsets;
    this.recent = new Array<number[] | undefined>(lengths.length).fill(undefined);
    this.recentCount = 0;
    return { newTerm, lengths };
  }
}
