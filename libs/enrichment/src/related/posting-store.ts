/**
 * Postings (one integer each) by term, stored compactly outside the garbage-collected heap:
 * what the last compaction kept sits in one Int32Array, term after term; what came since sits
 * in an append-only log where each entry points back at the term's previous one. A plain array
 * per term would cost 8 bytes a posting plus room to grow, and most terms hold one or two.
 */
export class PostingStore {
  private offsets = new Int32Array(1);
  private packed = new Int32Array(0);
  /** Newest log entry of each term (-1: none since the last compaction). */
  private head = new Int32Array(16).fill(-1);
  private termCount = 0;
  private logPosting: Int32Array = new Int32Array(1024);
  private logPrevious: Int32Array = new Int32Array(1024);
  private logLength = 0;

  /** Terms known, numbered from 0 in the order they were first added. */
  get terms(): number {
    return this.termCount;
  }

  /** Postings held, including those `compact` would drop. */
  get size(): number {
    return this.packed.length + this.logLength;
  }

  /** Postings added since the last compaction: compact once they outgrow the packed part. */
  get unpacked(): number {
    return this.logLength;
  }

  /** A new term with no postings; returns its number. */
  addTerm(): number {
    if (this.termCount === this.head.length) {
      const head = new Int32Array(this.head.length * 2).fill(-1);
      head.set(this.head);
      this.head = head;
    }
    return this.termCount++;
  }

  add(term: number, posting: number): void {
    if (this.logLength === this.logPosting.length) {
      this.logPosting = grown(this.logPosting);
      this.logPrevious = grown(this.logPrevious);
    }
    this.logPosting[this.logLength] = posting;
    this.logPrevious[this.logLength] = this.head[term];
    this.head[term] = this.logLength;
    this.logLength += 1;
  }

  /** Calls `visit` with each posting of the term (in no particular order). */
  forEach(term: number, visit: (posting: number) => void): void {
    if (term + 1 < this.offsets.length)
      for (let i = this.offsets[term]; i < this.offsets[term + 1]; i++) visit(this.packed[i]);
    for (let i = this.head[term]; i >= 0; i = this.logPrevious[i]) visit(this.logPosting[i]);
  }

  /**
   * Packs everything into one array again. `rewrite` maps each posting to what is kept (-1:
   * dropped). Terms left with no postings are dropped and the others renumbered in order: the
   * answer maps each old term number to its new one (-1: dropped), and `lengths` holds the
   * postings each new term keeps.
   */
  compact(rewrite: (posting: number) => number): { newTerm: Int32Array; lengths: number[] } {
    // Counted first, then written straight into the new array: no second copy on the heap.
    const newTerm = new Int32Array(this.termCount).fill(-1);
    const lengths: number[] = [];
    let count = 0;
    const countKept = (posting: number): void => {
      if (rewrite(posting) >= 0) count += 1;
    };
    for (let term = 0; term < this.termCount; term++) {
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
    for (let term = 0; term < this.termCount; term++)
      if (newTerm[term] >= 0) this.forEach(term, write);
    this.packed = packed;
    this.offsets = offsets;
    this.termCount = lengths.length;
    this.head = new Int32Array(Math.max(16, this.termCount)).fill(-1);
    this.logLength = 0;
    return { newTerm, lengths };
  }
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
