import { createHash } from 'node:crypto';
import type { StoryEnrichedV1Payload, Tag, TagKind } from '@lib/contracts';
import { foldText } from './fold-text';

/** Elasticsearch ids are limited to 512 bytes; long uris are hashed, others kept readable. */
export function documentIdFor(uri: string): string {
  return Buffer.byteLength(uri) <= 500 ? uri : `sha256:${createHash('sha256').update(uri).digest('hex')}`;
}

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
  body_html?: string;
  folded_text: string;
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
  facets: Record<'person' | 'organisation' | 'place' | 'topic' | 'subject' | 'tag', string[]>;
  tags: Tag[];
  related: StoryEnrichedV1Payload['enrichment']['related'];
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
    body_html: story.body_html,
    folded_text: foldText([story.headline, story.description, story.body_text].filter(Boolean).join('\n')),
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
    facets,
    tags: enrichment.tags,
    related: enrichment.related,
    associations: story.associations,
    links: story.links,
    subject: story.subject,
    story_people: story.people,
    story_organisations: story.organisations,
    story_places: story.places,
    correlation_id: correlationId,
  };
}
