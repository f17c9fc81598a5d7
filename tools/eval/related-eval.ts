import type { CanonicalStory, Tag } from '@lib/contracts';
import {
  buildTagStatistics,
  type RelatedScoringOptions,
  type RelatedCandidate,
  scoreRelated,
  suggestInlinePosition,
} from '@lib/enrichment';
import type { TextSimilarity } from './text-similarity';

export interface EnrichedCase {
  story: CanonicalStory;
  tags: Tag[];
  cluster: string;
  terms: string[];
  gold: ReadonlySet<string>;
}

export interface RelatedScore {
  queries: number;
  precisionAt5: number;
  baselinePrecisionAt5: number;
  /** (1 - P@5) / (1 - P@5 baseline); the target is <= 2/3. */
  errorRatio: number;
  /** Per query: milliseconds spent scoring candidates and placing links. */
  timings: number[];
}

const CANDIDATES = 50;
const K = 5;

function precisionAt5(
  query: EnrichedCase,
  uris: readonly string[],
  byUri: ReadonlyMap<string, EnrichedCase>,
): number {
  let relevant = 0;
  for (const uri of uris.slice(0, K)) {
    const other = byUri.get(uri);
    if (other && [...other.gold].some((l) => query.gold.has(l))) relevant += 1;
  }
  return relevant / K;
}

/**
 * Related-post precision@5 within the test split (relevant = shares a gold topic): our ranking
 * re-scores the 50 most text-similar stories; the baseline takes the top 5 by text similarity.
 */
export function evaluateRelated(
  cases: readonly EnrichedCase[],
  similarity: TextSimilarity,
  options: RelatedScoringOptions = {},
  candidateCount = CANDIDATES,
): RelatedScore {
  const stats = buildTagStatistics(cases.map((c) => c.tags));
  const byUri = new Map(cases.map((c) => [c.story.uri, c]));
  let ours = 0;
  let baseline = 0;
  let queries = 0;
  const timings: number[] = [];
  cases.forEach((query, i) => {
    const nearest = similarity.nearest(i, candidateCount);
    const candidates: RelatedCandidate[] = nearest.map(({ index, similarity: textSimilarity }) => {
      const c = cases[index];
      return {
        uri: c.story.uri,
        headline: c.story.headline,
        versioncreated: c.story.versioncreated,
        clusterKey: c.cluster,
        tags: c.tags,
        terms: c.terms,
        textSimilarity,
      };
    });
    const started = process.hrtime.bigint();
    const links = scoreRelated(
      {
        uri: query.story.uri,
        versioncreated: query.story.versioncreated,
        clusterKey: query.cluster,
        tags: query.tags,
        terms: query.terms,
      },
      candidates,
      stats,
      { ...options, k: K },
    );
    for (const link of links) suggestInlinePosition(query.story, link, query.tags);
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (query.gold.size === 0) return;
    queries += 1;
    ours += precisionAt5(
      query,
      links.map((l) => l.uri),
      byUri,
    );
    baseline += precisionAt5(
      query,
      candidates.map((c) => c.uri),
      byUri,
    );
  });
  const p = ours / Math.max(1, queries);
  const b = baseline / Math.max(1, queries);
  return {
    queries,
    precisionAt5: p,
    baselinePrecisionAt5: b,
    errorRatio: (1 - p) / Math.max(1e-9, 1 - b),
    timings,
  };
}
