import { createHash } from 'node:crypto';
import type { StoryEnrichedV1Payload, Tag, TagKind } from '@lib/contracts';
import { foldForSearch } from './fold-text';

/** Elasticsearch ids are limited to 512 bytes; long uris are hashed, others kept readable. */
export function documentIdFor(uri: string): string {
  return Buffer.byteLength(uri) <= 500
    ? uri
    : `sha256:${createHash('sha256').update(uri).digest('hex')}`;
}

/** Characters of the body kept apart for readers that need its lead only (the enricher's window). */
export const BODY_LEAD_CHARS = 1500;

export interface StorySearchDocument {
  uri: string;
  version: number;
  pubstatus: string;
  language?: string;
  urgency?: number;
  headline: string;
  subheadline?: string;
  description?: string;
  body_text?: string;
  /** The body's first {@link BODY_LEAD_CHARS} characters, stored only: what a window of recent stories reads. */
  body_lead?: string;
  body_html?: string;
  folded_text: string;
  folded_headline: string;
  folded_byline?: string;
  byline?: string;
  slugline?: string;
  located?: string;
  provider: string;
  copyrightnotice?: string;
  firstcreated?: string;
  versioncreated: string;
  embargoed?: string;
  indexed_at: string;
  source: string;
  format: string;
  cluster?: string;
  /** The cluster, or the story's own uri: stories without a cluster never collapse together. */
  collapse_key: string;
  /** SimHash hex and its four 16-bit bands: near-duplicates share at least one band. */
  simhash?: string;
  simhash_bands?: string[];
  facets: Record<'person' | 'organisation' | 'place' | 'topic' | 'subject' | 'tag', string[]>;
  /** The story's tags as enriched: stored for the answers, not indexed (facets count `facets`). */
  tags: Tag[];
  related: StoryEnrichedV1Payload['enrichment']['related'];
  /** The related links' targets, indexed: how a story's newer coverage is found when it is read. */
  related_uris: string[];
  associations: StoryEnrichedV1Payload['story']['associations'];
  links: StoryEnrichedV1Payload['story']['links'];
  subject: StoryEnrichedV1Payload['story']['subject'];
  story_people: StoryEnrichedV1Payload['story']['people'];
  story_organisations: StoryEnrichedV1Payload['story']['organisations'];
  story_places: StoryEnrichedV1Payload['story']['places'];
  correlation_id?: string;
}

const FACET_OF_KIND: Record<TagKind, keyof StorySearchDocument['facets']> = {
  person: 'person',
  organisation: 'organisation',
  place: 'place',
  topic: 'topic',
  subject: 'subject',
};

/** Maps an enriched story onto the index's fields by explicit list. */
export function toSearchDocument(
  payload: StoryEnrichedV1Payload,
  indexedAt: Date,
  correlationId?: string,
): StorySearchDocument {
  const { story, provenance, enrichment } = payload;
  const facets: StorySearchDocument['facets'] = {
    person: [],
    organisation: [],
    place: [],
    topic: [],
    subject: [],
    tag: [],
  };
  for (const tag of enrichment.tags) {
    facets[FACET_OF_KIND[tag.kind]].push(tag.id);
    facets.tag.push(tag.id);
  }
  return {
    uri: story.uri,
    version: story.version,
    pubstatus: story.pubstatus,
    language: story.language,
    urgency: story.urgency,
    headline: story.headline,
    subheadline: story.subheadline,
    description: story.description,
    body_text: story.body_text,
    body_lead: story.body_text?.slice(0, BODY_LEAD_CHARS),
    body_html: story.body_html,
    folded_text: foldForSearch(
      [story.headline, story.description, story.body_text].filter(Boolean).join('\n'),
    ),
    folded_headline: foldForSearch(story.headline),
    folded_byline: story.byline ? foldForSearch(story.byline) : undefined,
    byline: story.byline,
    slugline: story.slugline,
    located: story.located,
    provider: story.provider,
    copyrightnotice: story.copyrightnotice,
    firstcreated: story.firstcreated,
    versioncreated: story.versioncreated,
    embargoed: story.embargoed,
    indexed_at: indexedAt.toISOString(),
    source: provenance.source,
    format: provenance.format,
    cluster: enrichment.cluster,
    collapse_key: enrichment.cluster ?? `uri:${story.uri}`,
    simhash: enrichment.signature,
    simhash_bands: enrichment.signature ? simhashBands(enrichment.signature) : undefined,
    facets,
    tags: enrichment.tags,
    related: enrichment.related,
    related_uris: enrichment.related.map((link) => link.uri),
    associations: story.associations,
    links: story.links,
    subject: story.subject,
    story_people: story.people,
    story_organisations: story.organisations,
    story_places: story.places,
    correlation_id: correlationId,
  };
}

/** Four 16-bit bands: two signatures within 3 differing bits always share one (pigeonhole). */
export function simhashBands(signature: string): string[] {
  return [0, 1, 2, 3].map((band) => `${band}:${signature.slice(band * 4, band * 4 + 4)}`);
}
