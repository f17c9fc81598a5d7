import type { CanonicalStory } from '@lib/contracts';
import { contentWords } from '../text/terms';
import type { RelatedCandidate, ScoredTag } from './score-related';
import { PostingStore } from './posting-store';
import type { TagStatistics } from './tag-statistics';

/** The text a story is matched on: headline, abstract and lead carry a wire story's subject. */
export type CandidateText = Pick<CanonicalStory, 'headline' | 'description' | 'body_text'>;

/** What a story keeps in the window besides its terms. */
export interface WindowStory {
  uri: string;
  /** The story version held, so a copy of it arriving again can be told apart from an update. */
  version?: number;
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
  /** Sequence numbers are renumbered on reaching this (default 2^26); lower only to test that. */
  sequenceLimit?: number;
}

/** BM25 constants, as the search engine uses them. */
const K1 = 1.2;
const B = 0.75;

/**
 * A posting is one small integer: the story's sequence number × 16 plus its count of the term
 * (up to 15; BM25 saturates long before).
 */
const TF_BITS = 4;
const MAX_TF = (1 << TF_BITS) - 1;
/** Sequence numbers stay below this so a posting stays a small integer; then they are renumbered. */
const SEQ_LIMIT = 2 ** (30 - TF_BITS);
/** Matched query terms are kept as bits in two 32-bit words. */
const MAX_QUERY_TERMS = 64;

const DEFAULTS: Required<CandidateIndexOptions> = {
  textChars: 1500,
  maxQueryTerms: 40,
  minimumShouldMatch: 0.1,
  sequenceLimit: SEQ_LIMIT,
};

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
 * outnumber the live ones; until then they still count in document frequencies, as deleted
 * documents do in Lucene until a merge. A story is a slot across flat arrays, and a posting one
 * small integer: about 1.2 KB a Reuters story, its share of the vocabulary included.
 */
export class RelatedCandidateIndex {
  private readonly options: Required<CandidateIndexOptions>;
  private readonly termIds = new Map<string, number>();
  private termNames: string[] = [];
  private documentFrequency: number[] = [];
  private readonly postings = new PostingStore();

  /** Tags by index: a story holds indexes, and a tag's id and kind are kept once. */
  private readonly tagIndex = new Map<string, number>();
  private readonly tagIdOf: string[] = [];
  private readonly tagKindOf: ScoredTag['kind'][] = [];
  private readonly tagFrequency: number[] = [];

  private readonly seqOfSlot: Int32Array;
  private readonly timeOfSlot: Float64Array;
  private readonly versionOfSlot: Float64Array;
  private readonly lengthOfSlot: Uint32Array;
  private readonly termCountOfSlot: Uint32Array;
  private readonly uriOfSlot: (string | undefined)[];
  private readonly clusterOfSlot: (string | undefined)[];
  /** Per story: [tag count n, n tag indexes, n confidences × 1e6]. */
  private readonly tagsOfSlot: (number[] | undefined)[];
  private readonly slotOf = new Map<string, number>();

  /**
   * Per-query scratch, reused: scores, matched-term counts and which query terms matched (a bit
   * per term, 64 at most) by slot, and the slots touched.
   */
  private readonly scores: Float64Array;
  private readonly matches: Uint8Array;
  private readonly matchedLow: Uint32Array;
  private readonly matchedHigh: Uint32Array;
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
    if (this.options.maxQueryTerms > MAX_QUERY_TERMS)
      throw new RangeError(`maxQueryTerms may be at most ${MAX_QUERY_TERMS}`);
    if (this.options.sequenceLimit > SEQ_LIMIT || this.options.sequenceLimit < 2 * capacity)
      throw new RangeError(`sequenceLimit must lie in [${2 * capacity}, ${SEQ_LIMIT}]`);
    this.seqOfSlot = new Int32Array(capacity).fill(-1);
    this.timeOfSlot = new Float64Array(capacity);
    this.versionOfSlot = new Float64Array(capacity).fill(NaN);
    this.lengthOfSlot = new Uint32Array(capacity);
    this.termCountOfSlot = new Uint32Array(capacity);
    this.uriOfSlot = new Array<string | undefined>(capacity).fill(undefined);
    this.clusterOfSlot = new Array<string | undefined>(capacity).fill(undefined);
    this.tagsOfSlot = new Array<number[] | undefined>(capacity).fill(undefined);
    this.scores = new Float64Array(capacity);
    this.matches = new Uint8Array(capacity);
    this.matchedLow = new Uint32Array(capacity);
    this.matchedHigh = new Uint32Array(capacity);
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
    const version = slot === undefined ? NaN : this.versionOfSlot[slot];
    return Number.isNaN(version) ? undefined : version;
  }

  /** Adds a story, or replaces the version held under its uri. */
  add(text: CandidateText, story: WindowStory): void {
    this.remove(story.uri);
    const slot = this.nextSlot;
    if (this.uriOfSlot[slot] !== undefined) this.vacate(slot);
    if (this.nextSeq >= this.options.sequenceLimit) this.compact(true);
    const seq = this.nextSeq++;
    let length = 0;
    const counts = termCounts(candidateText(text, this.options.textChars));
    for (const [term, count] of counts) {
      const id = this.termId(term);
      this.documentFrequency[id] += 1;
      this.postings.add(id, seq * (MAX_TF + 1) + Math.min(count, MAX_TF));
      length += count;
    }
    const time = Date.parse(story.versioncreated);
    this.seqOfSlot[slot] = seq;
    this.timeOfSlot[slot] = Number.isFinite(time) ? time : 0;
    this.versionOfSlot[slot] = story.version ?? NaN;
    this.lengthOfSlot[slot] = length;
    this.termCountOfSlot[slot] = counts.size;
    this.uriOfSlot[slot] = story.uri;
    this.clusterOfSlot[slot] = story.clusterKey;
    this.tagsOfSlot[slot] = this.packTags(story.tags);
    this.slotOf.set(story.uri, slot);
    this.live += 1;
    this.totalLength += length;
    this.livePostings += counts.size;
    this.nextSlot = (slot + 1) % this.capacity;
    if (this.postings.unpacked > Math.max(this.postings.size / 4, 10_000)) this.compact();
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
      this.matchedLow[slot] = 0;
      this.matchedHigh[slot] = 0;
    }
    return result;
  }

  /** How many stories of the window carry each tag. */
  tagStatistics(tagIds: readonly string[]): TagStatistics {
    const documentFrequency = new Map<string, number>();
    for (const id of tagIds) {
      const tag = this.tagIndex.get(id);
      documentFrequency.set(id, tag === undefined ? 0 : this.tagFrequency[tag]);
    }
    return { documentCount: this.live, documentFrequency };
  }

  /** The query's terms with the highest count × IDF, as `more_like_this` picks them. */
  private queryTerms(story: CandidateText): number[] {
    const weighted: [number, number][] = [];
    for (const [term, count] of termCounts(candidateText(story, this.options.textChars))) {
      const id = this.termIds.get(term);
      const df = id === undefined ? 0 : this.documentFrequency[id];
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
    let q = 0;
    let idf = 0;
    const visit = (posting: number): void => {
      const seq = posting >>> TF_BITS;
      const slot = seq % this.capacity;
      if (this.seqOfSlot[slot] !== seq) return;
      const tf = posting & MAX_TF;
      const norm = K1 * (1 - B + (B * this.lengthOfSlot[slot]) / averageLength);
      if (this.matches[slot] === 0) this.touched[touchedCount++] = slot;
      this.matches[slot] += 1;
      if (q < 32) this.matchedLow[slot] |= 1 << q;
      else this.matchedHigh[slot] |= 1 << (q - 32);
      this.scores[slot] += (idf * (tf * (K1 + 1))) / (tf + norm);
    };
    for (q = 0; q < query.length; q++) {
      const df = this.documentFrequency[query[q]];
      idf = Math.log(1 + Math.max(0, this.live - df + 0.5) / (df + 0.5));
      this.postings.forEach(query[q], visit);
    }
    return touchedCount;
  }

  private candidate(slot: number, query: readonly number[], similarity: number): RelatedCandidate {
    const cluster = this.clusterOfSlot[slot];
    const low = this.matchedLow[slot];
    const high = this.matchedHigh[slot];
    return {
      uri: this.uriOfSlot[slot]!,
      versioncreated: new Date(this.timeOfSlot[slot]).toISOString(),
      ...(cluster ? { clusterKey: cluster } : {}),
      tags: this.unpackTags(this.tagsOfSlot[slot] ?? [0]),
      // The query terms it shares, most characteristic first: what a link's reason names.
      terms: query
        .filter((_, q) => (q < 32 ? (low >>> q) & 1 : (high >>> (q - 32)) & 1))
        .map((id) => this.termNames[id]),
      textSimilarity: similarity,
    };
  }

  private packTags(tags: readonly ScoredTag[]): number[] {
    const confidence = new Map<number, number>();
    for (const tag of tags) confidence.set(this.tagNumber(tag), tag.confidence);
    const packed = [confidence.size];
    for (const tag of confidence.keys()) {
      packed.push(tag);
      this.tagFrequency[tag] += 1;
    }
    for (const value of confidence.values()) packed.push(Math.round(value * 1e6));
    return packed;
  }

  private unpackTags(packed: readonly number[]): ScoredTag[] {
    const count = packed[0];
    const tags: ScoredTag[] = [];
    for (let i = 1; i <= count; i++)
      tags.push({
        id: this.tagIdOf[packed[i]],
        kind: this.tagKindOf[packed[i]],
        confidence: packed[i + count] / 1e6,
      });
    return tags;
  }

  private tagNumber(tag: ScoredTag): number {
    let index = this.tagIndex.get(tag.id);
    if (index === undefined) {
      index = this.tagIdOf.length;
      this.tagIndex.set(tag.id, index);
      this.tagIdOf.push(tag.id);
      this.tagKindOf.push(tag.kind);
      this.tagFrequency.push(0);
    }
    return index;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(term, id);
      this.termNames.push(term);
      this.documentFrequency.push(0);
      this.postings.addTerm();
    }
    return id;
  }

  private vacate(slot: number): void {
    const uri = this.uriOfSlot[slot];
    if (uri === undefined) return;
    const tags = this.tagsOfSlot[slot] ?? [0];
    for (let i = 1; i <= tags[0]; i++) this.tagFrequency[tags[i]] -= 1;
    this.slotOf.delete(uri);
    this.seqOfSlot[slot] = -1;
    this.versionOfSlot[slot] = NaN;
    this.uriOfSlot[slot] = undefined;
    this.clusterOfSlot[slot] = undefined;
    this.tagsOfSlot[slot] = undefined;
    this.live -= 1;
    this.totalLength -= this.lengthOfSlot[slot];
    this.livePostings -= this.termCountOfSlot[slot];
    this.stalePostings += this.termCountOfSlot[slot];
    if (this.stalePostings > Math.max(this.livePostings, 100_000)) this.compact();
  }

  /**
   * Packs the postings and drops those of stories that left, and the terms no story holds any
   * more, so a long-running window's memory follows what it holds, not what it ever saw;
   * document frequencies are exact again afterwards. With `renumber`, every story held gets its
   * slot as sequence number again, so numbers never outgrow a posting.
   */
  private compact(renumber = false): void {
    const rewrite = (posting: number): number => {
      const seq = posting >>> TF_BITS;
      const slot = seq % this.capacity;
      if (this.seqOfSlot[slot] !== seq) return -1;
      return renumber ? slot * (MAX_TF + 1) + (posting & MAX_TF) : posting;
    };
    const { newTerm, lengths } = this.postings.compact(rewrite);
    const names = new Array<string>(lengths.length);
    this.termIds.clear();
    this.termNames.forEach((name, id) => {
      const term = newTerm[id];
      if (term < 0) return;
      names[term] = name;
      this.termIds.set(name, term);
    });
    this.termNames = names;
    this.documentFrequency = lengths;
    if (renumber) {
      for (let slot = 0; slot < this.capacity; slot++)
        if (this.seqOfSlot[slot] >= 0) this.seqOfSlot[slot] = slot;
      // Above every number held, and still `nextSeq % capacity === nextSlot`.
      this.nextSeq = this.capacity + this.nextSlot;
    }
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
