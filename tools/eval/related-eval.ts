import type { Client } from '@elastic/elasticsearch';
import type { CanonicalStory, StoryEnrichedV1Payload, Tag } from '@lib/contracts';
import {
  RelatedCandidateIndex,
  type RelatedCandidate,
  type RelatedScoringOptions,
  type TagStatistics,
  scoreRelated,
  storyTerms,
  suggestInlinePosition,
} from '@lib/enrichment';
import {
  bulkWrite,
  documentIdFor,
  SearchStoryNeighbours,
  storiesIndexDefinition,
  toSearchDocument,
} from '@lib/search';
import { progressBar } from './progress';

export interface EnrichedCase {
  story: CanonicalStory;
  tags: Tag[];
  cluster: string;
  gold: ReadonlySet<string>;
}

export interface RelatedScore {
  queries: number;
  /** Candidates asked of the engine per story (the enricher's ENRICHMENT_RELATED_CANDIDATES). */
  candidates: number;
  /** The enricher's ranking: candidates from its own window (`RelatedCandidateIndex`), re-scored. */
  precisionAt5: number;
  /** The same scoring over candidates the engine's more_like_this gives instead. */
  engineCandidatesPrecisionAt5: number;
  /** The engine's more_like_this alone: its top 5 for the same query. */
  moreLikeThisPrecisionAt5: number;
  /** (1 - P@5) / (1 - P@5 of more_like_this); the target is <= 2/3. */
  errorRatio: number;
  /** Per query: milliseconds spent finding candidates in the window, scoring them and placing links. */
  timings: number[];
  /** Per query: milliseconds the engine took for candidates and tag frequencies. */
  searchTimings: number[];
  /** Per query: milliseconds the window took for candidates and tag frequencies. */
  windowTimings: number[];
}

const K = 5;
const BULK_SIZE = 500;

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

function searchDocument(c: EnrichedCase, indexedAt: Date): object {
  const payload: StoryEnrichedV1Payload = {
    story: c.story,
    provenance: {
      source: 'reuters21578',
      format: 'newsml-1.2',
      receivedAt: indexedAt.toISOString(),
      rawPayloadId: c.story.uri,
      transport: 'cli',
    },
    enrichment: { tags: c.tags, cluster: c.cluster, related: [] },
  };
  // Reuters-21578 SGML is no wire format of the pipeline; the field is only stored.
  return { ...toSearchDocument(payload, indexedAt), format: 'reuters21578-sgml' };
}

async function indexCases(client: Client, index: string, cases: readonly EnrichedCase[]) {
  const { settings, mappings } = storiesIndexDefinition('-1');
  await client.indices.create({ index, settings, mappings });
  const bar = progressBar('indexing TEST (engine)', cases.length);
  const now = new Date();
  for (let start = 0; start < cases.length; start += BULK_SIZE) {
    const chunk = cases.slice(start, start + BULK_SIZE);
    const results = await bulkWrite(
      client,
      index,
      chunk.map((c) => ({
        kind: 'index' as const,
        id: documentIdFor(c.story.uri),
        version: c.story.version,
        document: searchDocument(c, now),
      })),
    );
    const failed = results.find((r) => r.status === 'retry' || r.status === 'rejected');
    if (failed) throw new Error(`indexing the test split failed: ${JSON.stringify(failed)}`);
    bar.update(start + chunk.length);
  }
  bar.stop();
  await client.indices.refresh({ index });
}

function rankLinks(
  query: EnrichedCase,
  candidates: readonly RelatedCandidate[],
  tagStatistics: TagStatistics,
  options: RelatedScoringOptions,
): string[] {
  const links = scoreRelated(
    {
      uri: query.story.uri,
      versioncreated: query.story.versioncreated,
      clusterKey: query.cluster,
      tags: query.tags,
      terms: storyTerms(query.story),
    },
    candidates,
    tagStatistics,
    { ...options, k: K },
  );
  for (const link of links) suggestInlinePosition(query.story, link, query.tags);
  return links.map((l) => l.uri);
}

function elapsedMs(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Related-post precision@5 within the test split (relevant = shares a gold topic), against the
 * search engine: the test stories go into a temporary index built from the production
 * definition, and for each story the engine's more_like_this top 5 is the baseline. Ours is the
 * enricher's own retrieval: candidates from its window of recent stories (every test story is
 * in it) and tag frequencies over the window, re-scored by `scoreRelated`. The same scoring over
 * the engine's candidates is reported beside it. Every other story of the split is a candidate
 * for all three. The temporary index is deleted afterwards.
 */
export async function evaluateRelated(
  cases: readonly EnrichedCase[],
  client: Client,
  candidateCount: number,
  options: RelatedScoringOptions = {},
): Promise<RelatedScore> {
  const index = `eval-related-${Date.now().toString(36)}-${process.pid}`;
  try {
    await indexCases(client, index, cases);
    const neighbours = new SearchStoryNeighbours(client, index, candidateCount, {
      isEarlierOnly: false,
    });
    const window = new RelatedCandidateIndex(cases.length);
    for (const c of cases)
      window.add(c.story, {
        uri: c.story.uri,
        versioncreated: c.story.versioncreated,
        clusterKey: c.cluster,
        tags: c.tags,
      });
    const byUri = new Map(cases.map((c) => [c.story.uri, c]));
    const sums = { ours: 0, engineCandidates: 0, moreLikeThis: 0 };
    let queries = 0;
    const timings: number[] = [];
    const searchTimings: number[] = [];
    const windowTimings: number[] = [];
    const bar = progressBar('related posts (P@5)', cases.length);
    for (const [i, query] of cases.entries()) {
      const searchStarted = process.hrtime.bigint();
      const engineCandidates = await neighbours.relatedCandidates(query.story);
      const engineTagStatistics = await neighbours.tagStatistics([
        ...new Set(engineCandidates.flatMap((c) => c.tags.map((t) => t.id))),
      ]);
      searchTimings.push(elapsedMs(searchStarted));
      const started = process.hrtime.bigint();
      const candidates = window.candidates(query.story, candidateCount);
      const tagStatistics = window.tagStatistics([
        ...new Set(candidates.flatMap((c) => c.tags.map((t) => t.id))),
      ]);
      windowTimings.push(elapsedMs(started));
      const ours = rankLinks(query, candidates, tagStatistics, options);
      timings.push(elapsedMs(started));
      if (i % 25 === 0 || i === cases.length - 1) bar.update(i + 1);
      if (query.gold.size === 0) continue;
      queries += 1;
      sums.ours += precisionAt5(query, ours, byUri);
      sums.engineCandidates += precisionAt5(
        query,
        rankLinks(query, engineCandidates, engineTagStatistics, options),
        byUri,
      );
      // Candidates come back in the engine's order: its top 5 is plain more_like_this.
      sums.moreLikeThis += precisionAt5(
        query,
        engineCandidates.map((c) => c.uri),
        byUri,
      );
    }
    bar.stop();
    const mean = (sum: number): number => sum / Math.max(1, queries);
    const p = mean(sums.ours);
    const b = mean(sums.moreLikeThis);
    return {
      queries,
      candidates: candidateCount,
      precisionAt5: p,
      engineCandidatesPrecisionAt5: mean(sums.engineCandidates),
      moreLikeThisPrecisionAt5: b,
      errorRatio: (1 - p) / Math.max(1e-9, 1 - b),
      timings,
      searchTimings,
      windowTimings,
    };
  } finally {
    await client.indices.delete({ index }, { ignore: [404] });
  }
}
