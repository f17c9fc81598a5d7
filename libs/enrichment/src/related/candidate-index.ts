import type { CanonicalStory } from '@lib/contracts';
import { contentWords } from '../text/terms';
import type { RelatedCandidate, ScoredTag } from './score-related';
import type { TagStatistics } from './tag-statistics';

/** The text a story is matched on: headline, abstract and lead carry a wire story's subject. */
export type CandidateText = Pick<CanonicalStory, 'headline' | 'description' | 'body_text'>;

/** What a story keeps in the window besides its terms. */
export interface WindowStory {
  uri: string;
  /** The story version held, so a copy of it arriving again can be told apart from an update. */
  version?: number;
  headline?: string;
  versioncreated: string;
  clusterKey?: string;
  tags: readonly ScoredTag[];
}

export interface CandidateIndexOptions {
  /** Characters of headline, abstract and body read per story (default 1,500). */
  textChars?: number;
  /** The query's most characteristic terms that are looked up (default 40). */
  maxQueryTerms?: number;
  /** Share of those terms a candidate must contain (default 0.1). */
  minimumShouldMatch?: number;
}

const DEFAULTS: Required<CandidateIndexOptions> = {
  textChars: 1500,
  maxQueryTerms: 40,
  minimumShouldMatch: 0.1,
};

/** BM25 constants, as the search engine uses them. */
const K1 = 1.2;
const B = 0.75;
const MAX_TF = 0xffff;

/** The stories one term occurs in, by sequence number, with its count in each. Grows by doubling. */
class Postings {
  seqs = new Int32Array(4);
  tfs = new Uint16Array(4);
  length = 0;

  push(seq: number, tf: number): void {
    if (this.length === this.seqs.length) {
      const seqs = new Int32Array(this.length * 2);
      seqs.set(this.seqs);
      const tfs = new Uint16Array(this.length * 2);
      tfs.set(this.tfs);
      this.seqs = seqs;
      this.tfs = tfs;
    }
    this.seqs[this.length] = seq;
    this.tfs[this.length] = tf;
    this.length += 1;
  }

  /** Drops entries `isLive` refuses; returns how many went. */
  retain(isLive: (seq: number) => boolean): number {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      const seq = this.seqs[i];
      if (!isLive(seq)) continue;
      this.seqs[kept] = seq;
      this.tfs[kept] = this.tfs[i]!;
      kept += 1;
    }
    const dropped = this.length - kept;
    this.length = kept;
    return dropped;
  }
}

function candidateText(story: CandidateText, chars: number): string {
  return [story.headline, story.description, story.body_text]
    .filter(Boolean)
    .join('\n')
    .slice(0, chars);
}

function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of contentWords(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/**
 * The enricher's own index of the most recent stories, for related-post candidates and tag
 * frequencies: what it used to ask the search engine for every story (`more_like_this` and a
 * tag aggregation, ~10 ms of engine CPU each), answered in process in well under a millisecond.
 *
 * It works like `more_like_this`: the query story's 40 terms with the highest TF-IDF are looked
 * up, and stories holding at least 10 % of them are ranked by BM25. Stories sit in a ring of
 * `capacity` slots; a story seen again moves to the newest end, and past `capacity` the oldest
 * go. Postings of stories that left are skipped by sequence number and dropped in bulk once they
 * outnumber the live ones. Typed arrays keep the postings out of the garbage-collected heap.
 */
export class RelatedCandidateIndex {
  private readonly options: Required<CandidateIndexOptions>;
  private readonly termIds = new Map<string, number>();
  private termNames: string[] = [];
  private documentFrequency: number[] = [];
  private postings: Postings[] = [];

  private readonly seqOfSlot: Int32Array;
  private readonly timeOfSlot: Float64Array;
  private readonly lengthOfSlot: Uint32Array;
  private readonly termsOfSlot: (Int32Array | undefined)[];
  private readonly storyOfSlot: (WindowStory | undefined)[];
  private readonly slotOf = new Map<string, number>();
  private readonly tagFrequency = new Map<string, number>();

  /** Per-query scratch, reused: scores and matched-term counts by slot, and the slots touched. */
  private readonly scores: Float64Array;
  private readonly matches: Uint16Array;
  private readonly touched: Int32Array;

  private nextSlot = 0;
  private nextSeq = 0;
  private live = 0;
  private totalLength = 0;
  private livePostings = 0;
  private stalePostings = 0;

  constructor(
    readonly capacity: number,
    options: CandidateIndexOptions = {},
  ) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.options = { ...DEFAULTS, ...options };
    this.seqOfSlot = new Int32Array(capacity).fill(-1);
    this.timeOfSlot = new Float64Array(capacity);
    this.lengthOfSlot = new Uint32Array(capacity);
    this.termsOfSlot = new Array<Int32Array | undefined>(capacity).fill(undefined);
    this.storyOfSlot = new Array<WindowStory | undefined>(capacity).fill(undefined);
    this.scores = new Float64Array(capacity);
    this.matches = new Uint16Array(capacity);
    this.touched = new Int32Array(capacity);
  }

  /** Stories in the window. */
  get size(): number {
    return this.live;
  }

  has(uri: string): boolean {
    return this.slotOf.has(uri);
  }

  versionOf(uri: string): number | undefined {
    const slot = this.slotOf.get(uri);
    return slot === undefined ? undefined : this.storyOfSlot[slot]?.version;
  }

  /** Adds a story, or replaces the version held under its uri. */
  add(text: CandidateText, story: WindowStory): void {
    this.remove(story.uri);
    const slot = this.nextSlot;
    if (this.storyOfSlot[slot]) this.vacate(slot);
    const seq = this.nextSeq++;
    const counts = termCounts(candidateText(text, this.options.textChars));
    const terms = new Int32Array(counts.size);
    let length = 0;
    let i = 0;
    for (const [term, count] of counts) {
      const id = this.termId(term);
      terms[i++] = id;
      this.documentFrequency[id] = (this.documentFrequency[id] ?? 0) + 1;
      this.postings[id].push(seq, Math.min(count, MAX_TF));
      length += count;
    }
    for (const id of new Set(story.tags.map((t) => t.id)))
      this.tagFrequency.set(id, (this.tagFrequency.get(id) ?? 0) + 1);
    const time = Date.parse(story.versioncreated);
    this.seqOfSlot[slot] = seq;
    this.timeOfSlot[slot] = Number.isFinite(time) ? time : 0;
    this.lengthOfSlot[slot] = length;
    this.termsOfSlot[slot] = terms;
    this.storyOfSlot[slot] = story;
    this.slotOf.set(story.uri, slot);
    this.live += 1;
    this.totalLength += length;
    this.livePostings += terms.length;
    this.nextSlot = (slot + 1) % this.capacity;
  }

  /** Takes a story out (killed, withheld); unknown uris are ignored. */
  remove(uri: string): void {
    const slot = this.slotOf.get(uri);
    if (slot !== undefined) this.vacate(slot);
  }

  /**
   * Stories textually close to this one, best first, with the similarity normalised by the best
   * hit. `notAfter` keeps only stories published no later than that time (the enricher's view).
   */
  candidates(
    story: CandidateText & { uri: string },
    limit: number,
    notAfter?: string,
  ): RelatedCandidate[] {
    const query = this.queryTerms(story);
    if (query.length === 0 || limit < 1) return [];
    const minimumMatch = Math.max(1, Math.floor(query.length * this.options.minimumShouldMatch));
    const touchedCount = this.score(query);
    const latest = notAfter === undefined ? Infinity : Date.parse(notAfter);
    const self = this.slotOf.get(story.uri);
    const best: number[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const slot = this.touched[i];
      if (this.matches[slot] < minimumMatch || slot === self) continue;
      if (this.timeOfSlot[slot] > latest) continue;
      insertTopK(best, slot, limit, this.scores);
    }
    const top = best.length > 0 ? this.scores[best[0]] : 0;
    const result = best.map((slot) => this.candidate(slot, query, this.scores[slot] / top));
    for (let i = 0; i < touchedCount; i++) {
      const slot = this.touched[i];
      this.scores[slot] = 0;
      this.matches[slot] = 0;
    }
    return result;
  }

  /** How many stories of the window carry each tag. */
  tagStatistics(tagIds: readonly string[]): TagStatistics {
    const documentFrequency = new Map<string, number>();
    for (const id of tagIds) documentFrequency.set(id, this.tagFrequency.get(id) ?? 0);
    return { documentCount: this.live, documentFrequency };
  }

  /** The query's terms with the highest count × IDF, as `more_like_this` picks them. */
  private queryTerms(story: CandidateText): number[] {
    const weighted: [number, number][] = [];
    for (const [term, count] of termCounts(candidateText(story, this.options.textChars))) {
      const id = this.termIds.get(term);
      const df = id === undefined ? 0 : (this.documentFrequency[id] ?? 0);
      if (id === undefined || df === 0) continue;
      weighted.push([id, count * (Math.log((this.live + 1) / (df + 1)) + 1)]);
    }
    return weighted
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, this.options.maxQueryTerms)
      .map(([id]) => id);
  }

  /** BM25 of every live story holding a query term; returns how many slots it touched. */
  private score(query: readonly number[]): number {
    const averageLength = this.live > 0 ? this.totalLength / this.live : 1;
    let touchedCount = 0;
    for (const id of query) {
      const df = this.documentFrequency[id] ?? 0;
      const idf = Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
      const list = this.postings[id];
      for (let i = 0; i < list.length; i++) {
        const seq = list.seqs[i];
        const slot = seq % this.capacity;
        if (this.seqOfSlot[slot] !== seq) continue;
        const tf = list.tfs[i];
        const norm = K1 * (1 - B + (B * this.lengthOfSlot[slot]) / averageLength);
        if (this.matches[slot] === 0) this.touched[touchedCount++] = slot;
        this.matches[slot] = this.matches[slot] + 1;
        this.scores[slot] = this.scores[slot] + (idf * (tf * (K1 + 1))) / (tf + norm);
      }
    }
    return touchedCount;
  }

  private candidate(slot: number, query: readonly number[], similarity: number): RelatedCandidate {
    const story = this.storyOfSlot[slot]!;
    const own = new Set(this.termsOfSlot[slot]);
    return {
      uri: story.uri,
      ...(story.headline ? { headline: story.headline } : {}),
      versioncreated: story.versioncreated,
      ...(story.clusterKey ? { clusterKey: story.clusterKey } : {}),
      tags: story.tags,
      // The query terms it shares, most characteristic first: what a link's reason names.
      terms: query.filter((id) => own.has(id)).map((id) => this.termNames[id]),
      textSimilarity: similarity,
    };
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(term, id);
      this.termNames.push(term);
      this.documentFrequency.push(0);
      this.postings.push(new Postings());
    }
    return id;
  }

  private vacate(slot: number): void {
    const story = this.storyOfSlot[slot];
    const terms = this.termsOfSlot[slot];
    if (!story || !terms) return;
    for (const id of terms) this.documentFrequency[id] = (this.documentFrequency[id] ?? 1) - 1;
    for (const id of new Set(story.tags.map((t) => t.id))) {
      const left = (this.tagFrequency.get(id) ?? 1) - 1;
      if (left > 0) this.tagFrequency.set(id, left);
      else this.tagFrequency.delete(id);
    }
    this.slotOf.delete(story.uri);
    this.seqOfSlot[slot] = -1;
    this.termsOfSlot[slot] = undefined;
    this.storyOfSlot[slot] = undefined;
    this.live -= 1;
    this.totalLength -= this.lengthOfSlot[slot];
    this.livePostings -= terms.length;
    this.stalePostings += terms.length;
    if (this.stalePostings > Math.max(this.livePostings, 100_000)) this.compact();
  }

  /**
   * Drops the postings of stories that left, and the terms no story holds any more, so a
   * long-running window's memory follows what it holds, not what it ever saw.
   */
  private compact(): void {
    const isLive = (seq: number): boolean => this.seqOfSlot[seq % this.capacity] === seq;
    const newId = new Int32Array(this.termNames.length).fill(-1);
    const names: string[] = [];
    const frequencies: number[] = [];
    const postings: Postings[] = [];
    this.termIds.clear();
    this.termNames.forEach((name, id) => {
      const list = this.postings[id];
      list.retain(isLive);
      if (list.length === 0) return;
      newId[id] = names.length;
      this.termIds.set(name, names.length);
      names.push(name);
      frequencies.push(this.documentFrequency[id]);
      postings.push(list);
    });
    this.termNames = names;
    this.documentFrequency = frequencies;
    this.postings = postings;
    for (const terms of this.termsOfSlot)
      if (terms) for (let i = 0; i < terms.length; i++) terms[i] = newId[terms[i]]!;
    this.stalePostings = 0;
  }
}

/** Keeps `best` the `limit` highest-scoring slots, highest first (ties keep the order they were found in). */
function insertTopK(best: number[], slot: number, limit: number, scores: Float64Array): void {
  const score = scores[slot];
  if (best.length === limit && score <= scores[best[limit - 1]]) return;
  let i = best.length;
  while (i > 0 && scores[best[i - 1]] < score) i -= 1;
  best.splice(i, 0, slot);
  if (best.length > limit) best.pop();
}
