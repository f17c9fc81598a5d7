import type { FacetBucket, Facets, StorySearchDocument } from '@lib/search';
import type { StoryHit } from './search.repository';

export interface ResultTag {
  id: string;
  kind: string;
  name: string;
}

export interface ResultCopy {
  uri: string;
  version?: number;
  headline?: string;
  source?: string;
  provider?: string;
  versioncreated?: string;
}

export interface SearchResultItem {
  uri: string;
  version: number;
  headline: string;
  description?: string;
  byline?: string;
  located?: string;
  slugline?: string;
  provider?: string;
  source?: string;
  language?: string;
  urgency?: number;
  firstcreated?: string;
  versioncreated?: string;
  cluster?: string;
  tags: ResultTag[];
  score: number | null;
  /** Matched words wrapped in <mark>; the rest of the text is HTML-escaped. */
  highlight: { headline?: string; snippets: string[] };
  /** Other wires' copies of the same story, when results are collapsed by cluster. */
  copies?: { total: number; items: ResultCopy[] };
}

export interface SearchResponse {
  total: number;
  groups?: number;
  items: SearchResultItem[];
  facets: Record<keyof Facets, FacetBucket[]>;
  cursor: string | null;
  /** Tag names or slugs given in filters, by filter, and the tag id each was read as. */
  resolved?: Partial<Record<string, Record<string, string>>>;
}

/** Index hit to response item, by explicit field list. */
export function toSearchResultItem(hit: StoryHit): SearchResultItem {
  const d = hit.document;
  const headline = hit.highlight['headline']?.[0] ?? hit.highlight['headline.exact']?.[0];
  const snippets =
    hit.highlight['body_text'] ??
    hit.highlight['body_text.exact'] ??
    hit.highlight['description'] ??
    [];
  return {
    uri: d.uri,
    version: d.version,
    headline: d.headline,
    description: d.description,
    byline: d.byline,
    located: d.located,
    slugline: d.slugline,
    provider: d.provider,
    source: d.source,
    language: d.language,
    urgency: d.urgency,
    firstcreated: d.firstcreated,
    versioncreated: d.versioncreated,
    cluster: d.cluster,
    tags: (d.tags ?? []).map((t) => ({ id: t.id, kind: t.kind, name: t.name })),
    score: hit.score,
    highlight: { ...(headline ? { headline } : {}), snippets },
    ...(hit.copies
      ? { copies: { total: hit.copies.total, items: hit.copies.documents.flatMap(toCopy) } }
      : {}),
  };
}

function toCopy(d: Partial<StorySearchDocument>): ResultCopy[] {
  if (!d.uri) return [];
  return [
    {
      uri: d.uri,
      version: d.version,
      headline: d.headline,
      source: d.source,
      provider: d.provider,
      versioncreated: d.versioncreated,
    },
  ];
}
