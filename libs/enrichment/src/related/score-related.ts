import type { RelatedLink, Tag } from '@lib/contracts';
import { type TagStatistics, tagIdf } from './tag-statistics';

export type ScoredTag = Pick<Tag, 'id' | 'kind' | 'confidence'>;

/** The story links are chosen for. */
export interface RelatedQuery {
  uri: string;
  versioncreated: string;
  clusterKey?: string;
  tags: readonly ScoredTag[];
  /** Content terms of the story, most important first (for reasons). */
  terms: readonly string[];
}

/** An earlier story proposed by the search engine (more_like_this) or an own index. */
export interface RelatedCandidate {
  uri: string;
  headline?: string;
  versioncreated: string;
  clusterKey?: string;
  tags: readonly ScoredTag[];
  terms: readonly string[];
  /** Text similarity in [0, 1]: TF-IDF cosine, or a more_like_this score normalised by the top hit. */
  textSimilarity: number;
}

export interface RelatedScoringOptions {
  k?: number;
  textWeight?: number;
  /** Weight of shared topics and subjects (what a story is about). */
  topicWeight?: number;
  /** Weight of shared people, organisations and places (who and where). */
  entityWeight?: number;
  /** Hours after which the recency factor has lost half of its share. */
  halfLifeHours?: number;
  /** Share of the score that recency may take away from an old story. */
  recencyShare?: number;
  minScore?: number;
}

const DEFAULTS: Required<RelatedScoringOptions> = {
  k: 5,
  textWeight: 1,
  topicWeight: 1,
  entityWeight: 0.5,
  halfLifeHours: 72,
  recencyShare: 0.3,
  minScore: 0.05,
};

const isTopical = (tag: ScoredTag): boolean => tag.kind === 'topic' || tag.kind === 'subject';

interface SharedTags {
  /** Shared share of the query's IDF-weighted topic tags, in [0, 1]. */
  topics: number;
  /** Shared share of the query's IDF-weighted entity tags, in [0, 1]. */
  entities: number;
  shared: string[];
}

/**
 * Topics and entities are scored as separate shares: a story has one or two topics but often a
 * dozen places and names, and pooling them would let the many entities drown the topic.
 */
function sharedTags(
  query: RelatedQuery,
  candidate: RelatedCandidate,
  stats: TagStatistics,
): SharedTags {
  const theirs = new Map(candidate.tags.map((t) => [t.id, t.confidence]));
  const total = { topics: 0, entities: 0 };
  const shared = { topics: 0, entities: 0 };
  const sharedIds: [string, number][] = [];
  for (const tag of query.tags) {
    const group = isTopical(tag) ? 'topics' : 'entities';
    const idf = tagIdf(stats, tag.id);
    total[group] += idf * tag.confidence;
    const other = theirs.get(tag.id);
    if (other === undefined) continue;
    const contribution = idf * Math.min(tag.confidence, other);
    shared[group] += contribution;
    sharedIds.push([tag.id, contribution]);
  }
  return {
    topics: total.topics > 0 ? shared.topics / total.topics : 0,
    entities: total.entities > 0 ? shared.entities / total.entities : 0,
    shared: sharedIds.sort((a, b) => b[1] - a[1]).map(([id]) => id),
  };
}

function recencyFactor(
  query: RelatedQuery,
  candidate: RelatedCandidate,
  options: Required<RelatedScoringOptions>,
): number {
  const hours =
    Math.abs(Date.parse(query.versioncreated) - Date.parse(candidate.versioncreated)) / 3_600_000;
  if (!Number.isFinite(hours)) return 1 - options.recencyShare;
  return (
    1 - options.recencyShare + options.recencyShare * Math.pow(0.5, hours / options.halfLifeHours)
  );
}

/**
 * Ranks candidate stories: text similarity plus shared topics and shared entities, each weighted
 * by rarity (IDF over the tag corpus), scaled by recency. Stories of the same cluster (copies, versions) and the story
 * itself are never linked. Each link says why: shared tag ids and shared terms.
 */
export function scoreRelated(
  query: RelatedQuery,
  candidates: readonly RelatedCandidate[],
  stats: TagStatistics,
  options: RelatedScoringOptions = {},
): RelatedLink[] {
  const o = { ...DEFAULTS, ...options };
  const links: RelatedLink[] = [];
  for (const candidate of candidates) {
    if (candidate.uri === query.uri) continue;
    if (query.clusterKey !== undefined && candidate.clusterKey === query.clusterKey) continue;
    const tags = sharedTags(query, candidate, stats);
    const score =
      (o.textWeight * candidate.textSimilarity +
        o.topicWeight * tags.topics +
        o.entityWeight * tags.entities) *
      recencyFactor(query, candidate, o);
    if (score < o.minScore) continue;
    const theirTerms = new Set(candidate.terms);
    const sharedTerms = query.terms.filter((t) => theirTerms.has(t));
    links.push({
      uri: candidate.uri,
      ...(candidate.headline ? { headline: candidate.headline } : {}),
      score: Math.round(score * 10_000) / 10_000,
      reason: { sharedEntities: tags.shared, sharedTerms: [...new Set(sharedTerms)].slice(0, 8) },
    });
  }
  return links.sort((a, b) => b.score - a.score || a.uri.localeCompare(b.uri)).slice(0, o.k);
}
