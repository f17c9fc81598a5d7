import type { CanonicalStory, Provenance, RelatedLink, Tag } from '@lib/contracts';
import type { StoryVersionEntity } from '@lib/database';
import type { StorySearchDocument } from '@lib/search';
import type { FieldChange, VersionChange, VersionKind } from './story-changes';

export type StoryStatus = 'live' | 'killed' | 'pending';

export interface StoryTagView {
  id: string;
  kind: string;
  name: string;
  confidence: number;
  fromProvider: boolean;
}

export interface RelatedStoryView {
  uri: string;
  headline?: string;
  source?: string;
  provider?: string;
  versioncreated?: string;
  score: number | null;
  reason: {
    /** same-story: another wire's copy (same cluster); related: linked by the enricher. */
    kind: 'same-story' | 'related';
    sharedEntities: { id: string; name: string }[];
    sharedTerms: string[];
    /** The reason in words, for people. */
    text: string;
  };
  afterParagraph?: number;
}

export interface StoryVersionView {
  version: number;
  pubstatus: string;
  kind: VersionKind;
  headline: string;
  versioncreated: string;
  receivedAt: string;
  changes: FieldChange[];
}

export interface StoryContentView {
  uri: string;
  version: number;
  pubstatus: string;
  headline: string;
  subheadline?: string;
  byline?: string;
  located?: string;
  slugline?: string;
  description?: string;
  body_text?: string;
  body_html?: string;
  language?: string;
  urgency?: number;
  provider: string;
  source?: string;
  firstcreated?: string;
  versioncreated: string;
  embargoed?: string;
  copyrightnotice?: string;
}

export interface StoryView extends StoryContentView {
  /** live: searchable; killed: withdrawn by the agency; pending: accepted, not indexed yet. */
  status: StoryStatus;
  /** Some version after the first was a correction. */
  isCorrected: boolean;
  tags: StoryTagView[];
  topics: { id: string; name: string; confidence: number }[];
  cluster: string | null;
  related: RelatedStoryView[];
  history: StoryVersionView[];
}

export function contentFromDocument(d: StorySearchDocument): StoryContentView {
  return {
    uri: d.uri,
    version: d.version,
    pubstatus: d.pubstatus,
    headline: d.headline,
    subheadline: d.subheadline,
    byline: d.byline,
    located: d.located,
    slugline: d.slugline,
    description: d.description,
    body_text: d.body_text,
    body_html: d.body_html,
    language: d.language,
    urgency: d.urgency,
    provider: d.provider,
    source: d.source,
    firstcreated: d.firstcreated,
    versioncreated: d.versioncreated,
    embargoed: d.embargoed,
    copyrightnotice: d.copyrightnotice,
  };
}

export function contentFromStory(
  s: CanonicalStory,
  provenance: Provenance | null,
): StoryContentView {
  return {
    uri: s.uri,
    version: s.version,
    pubstatus: s.pubstatus,
    headline: s.headline,
    subheadline: s.subheadline,
    byline: s.byline,
    located: s.located,
    slugline: s.slugline,
    description: s.description,
    body_text: s.body_text,
    body_html: s.body_html,
    language: s.language,
    urgency: s.urgency,
    provider: s.provider,
    source: provenance?.source,
    firstcreated: s.firstcreated,
    versioncreated: s.versioncreated,
    embargoed: s.embargoed,
    copyrightnotice: s.copyrightnotice,
  };
}

export function toTagView(tag: Tag): StoryTagView {
  return {
    id: tag.id,
    kind: tag.kind,
    name: tag.name,
    confidence: tag.confidence,
    fromProvider: tag.provenance.fromProvider,
  };
}

export function toTopics(tags: Tag[]): StoryView['topics'] {
  return tags
    .filter((t) => t.kind === 'topic')
    .map((t) => ({ id: t.id, name: t.name, confidence: t.confidence }));
}

export function toVersionView(row: StoryVersionEntity, change: VersionChange): StoryVersionView {
  return {
    version: row.version,
    pubstatus: row.pubstatus,
    kind: change.kind,
    headline: row.story.headline,
    versioncreated: row.story.versioncreated,
    receivedAt: row.receivedAt.toISOString(),
    changes: change.changes,
  };
}

export function toSameStory(copy: StorySearchDocument): RelatedStoryView {
  return {
    uri: copy.uri,
    headline: copy.headline,
    source: copy.source,
    provider: copy.provider,
    versioncreated: copy.versioncreated,
    score: null,
    reason: {
      kind: 'same-story',
      sharedEntities: [],
      sharedTerms: [],
      text: `The same story from ${copy.provider} (${copy.source})`,
    },
  };
}

export function toRelated(
  link: RelatedLink,
  target: StorySearchDocument,
  tagNames: Map<string, string>,
): RelatedStoryView {
  const sharedEntities = link.reason.sharedEntities.map((id) => ({
    id,
    name: tagNames.get(id) ?? id,
  }));
  const parts = [
    sharedEntities.length > 0 ? `Both about ${sharedEntities.map((e) => e.name).join(', ')}` : '',
    link.reason.sharedTerms.length > 0 ? `shared words: ${link.reason.sharedTerms.join(', ')}` : '',
  ].filter(Boolean);
  return {
    uri: target.uri,
    headline: target.headline,
    source: target.source,
    provider: target.provider,
    versioncreated: target.versioncreated,
    score: link.score,
    reason: {
      kind: 'related',
      sharedEntities,
      sharedTerms: link.reason.sharedTerms,
      text: parts.length > 0 ? parts.join('; ') : 'Similar coverage',
    },
    ...(link.afterParagraph !== undefined ? { afterParagraph: link.afterParagraph } : {}),
  };
}
