import type { StoryHit } from './search.repository';

export interface SearchResultItem {
  uri: string;
  version: number;
  headline: string;
  description?: string;
  byline?: string;
  provider: string;
  source: string;
  language?: string;
  versioncreated: string;
  tags: { id: string; kind: string; name: string }[];
  cluster?: string;
  score: number | null;
}

/** Index document to response, by explicit field list. */
export function toSearchResultItem(hit: StoryHit): SearchResultItem {
  const d = hit.document;
  return {
    uri: d.uri,
    version: d.version,
    headline: d.headline,
    description: d.description,
    byline: d.byline,
    provider: d.provider,
    source: d.source,
    language: d.language,
    versioncreated: d.versioncreated,
    tags: d.tags.map((t) => ({ id: t.id, kind: t.kind, name: t.name })),
    cluster: d.cluster,
    score: hit.score,
  };
}
