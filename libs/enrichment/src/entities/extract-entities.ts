import type { CanonicalStory, NamedEntity, Tag } from '@lib/contracts';
import { slugify } from '../text/normalise';
import { storySegments, type StoryText } from '../text/story-text';
import type { EntityKind, Gazetteer } from './gazetteer';
import {
  type CandidateMention,
  extractSegmentMentions,
  type SegmentMentions,
} from './extract-mentions';
import type { EntityResources } from './load-gazetteer';
import { lookupName } from './lookup';
import { evidenceToConfidence, type Mention, mentionWeight } from './mention';
import { resolvePeople, surnamesOverPlaces } from './resolve-people';
import { resolvePlaceMentions } from './resolve-places';

export type EntityInput = StoryText &
  Partial<Pick<CanonicalStory, 'people' | 'organisations' | 'places'>>;

export interface EntityExtractionOptions {
  /** Tags below this confidence are dropped (provider-carried ones are always kept). */
  minConfidence?: number;
}

export const ENTITY_METHOD_VERSION = 'entities@1';
const DEFAULT_MIN_CONFIDENCE = 0.25;

interface Accumulator {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: Set<string>;
  evidence: number;
  methods: Set<Mention['method']>;
  fromProvider: boolean;
  parentId?: string;
}

function providerMentions(story: EntityInput, gazetteer: Gazetteer): Mention[] {
  const groups: [EntityKind, NamedEntity[] | undefined][] = [
    ['person', story.people],
    ['organisation', story.organisations],
    ['place', story.places],
  ];
  const out: Mention[] = [];
  for (const [kind, list] of groups) {
    for (const entity of list ?? []) {
      const code = entity.code?.toLowerCase();
      const byCode =
        kind === 'place' &&
        code &&
        /^[a-z]{2}$/.test(code) &&
        gazetteer.entries.has(`place:${code}`)
          ? [`place:${code}`]
          : [];
      const byName = lookupName(gazetteer, entity.name)
        .map((m) => m.entryId)
        .filter((id) => gazetteer.entries.get(id)?.kind === kind);
      const prefix = kind === 'organisation' ? 'org' : kind;
      const ids =
        byCode.length > 0
          ? byCode
          : byName.length > 0
            ? byName
            : [`${prefix}:${slugify(entity.name)}`];
      out.push({
        kind,
        entryIds: ids,
        surface: entity.name,
        segment: 'body',
        paragraph: 0,
        isHint: false,
        method: 'provider',
      });
    }
  }
  return out;
}

function organisationMentions(
  candidates: readonly CandidateMention[],
  bareAcronyms: readonly CandidateMention[],
  gazetteer: Gazetteer,
): Mention[] {
  const out: Mention[] = [];
  const acronymToId = new Map<string, string>();
  for (const c of candidates) {
    if (c.kind !== 'organisation') continue;
    const known = lookupName(gazetteer, c.name).find(
      (m) => gazetteer.entries.get(m.entryId)?.kind === 'organisation',
    );
    const id = known?.entryId ?? `org:${slugify(c.name)}`;
    if (c.acronym) acronymToId.set(c.acronym, id);
    out.push({
      kind: 'organisation',
      entryIds: [id],
      surface: c.name,
      segment: c.segment,
      paragraph: c.paragraph,
      isHint: false,
      method: c.method === 'acronym' ? 'acronym' : 'name-pattern',
    });
    if (c.acronym)
      out.push({
        kind: 'organisation',
        entryIds: [id],
        surface: c.acronym,
        segment: c.segment,
        paragraph: c.paragraph,
        isHint: false,
        method: 'acronym',
      });
  }
  for (const a of bareAcronyms) {
    const id = acronymToId.get(a.name);
    if (id)
      out.push({
        kind: 'organisation',
        entryIds: [id],
        surface: a.name,
        segment: a.segment,
        paragraph: a.paragraph,
        isHint: false,
        method: 'acronym',
      });
  }
  return out;
}

function accumulate(mentions: readonly Mention[], gazetteer: Gazetteer): Map<string, Accumulator> {
  const byId = new Map<string, Accumulator>();
  for (const m of mentions) {
    const id = m.entryIds[0];
    if (!id) continue;
    const entry = gazetteer.entries.get(id);
    let acc = byId.get(id);
    if (!acc) {
      acc = {
        id,
        kind: entry?.kind ?? m.kind,
        name: entry?.name ?? m.surface,
        aliases: new Set(),
        evidence: 0,
        methods: new Set(),
        fromProvider: false,
        ...(entry?.parentId ? { parentId: entry.parentId } : {}),
      };
      byId.set(id, acc);
    }
    // Longest surface wins as display name for entities the gazetteer does not know.
    if (!entry && m.surface.length > acc.name.length && m.method !== 'provider') {
      acc.aliases.add(acc.name);
      acc.name = m.surface;
    }
    // Demonyms are evidence, not names: "Turkish" is no alias of Turkey.
    if (m.surface !== acc.name && !m.isHint) acc.aliases.add(m.surface);
    acc.evidence += mentionWeight(m);
    acc.methods.add(m.method);
    if (m.method === 'provider') acc.fromProvider = true;
  }
  return byId;
}

function toTag(acc: Accumulator, gazetteer: Gazetteer): Tag {
  const methods = [...acc.methods].filter((m) => m !== 'provider').sort();
  const usesGazetteer = gazetteer.entries.has(acc.id);
  return {
    id: acc.id,
    kind: acc.kind,
    name: acc.name,
    aliases: [...acc.aliases].filter((a) => a !== acc.name),
    confidence: evidenceToConfidence(acc.evidence),
    provenance: {
      method: methods.length > 0 ? methods.join('+') : 'provider',
      version: usesGazetteer ? gazetteer.version : ENTITY_METHOD_VERSION,
      fromProvider: acc.fromProvider,
    },
    ...(acc.parentId ? { parentId: acc.parentId } : {}),
  };
}

/**
 * People, organisations and places of a story as tags with canonical ids. Pure: the gazetteer
 * and lexicon are loaded once by the caller.
 */
export function extractEntities(
  story: EntityInput,
  resources: EntityResources,
  options: EntityExtractionOptions = {},
): Tag[] {
  const { gazetteer, lexicon } = resources;
  const found: SegmentMentions = { mentions: [], candidates: [], bareAcronyms: [] };
  for (const segment of storySegments(story))
    extractSegmentMentions(segment, gazetteer, lexicon, found);
  const gazetteerMentions = resolvePlaceMentions(found.mentions, gazetteer);
  const people = resolvePeople(found.candidates, gazetteerMentions, gazetteer);
  const mentions = [
    ...surnamesOverPlaces(gazetteerMentions, people),
    ...people,
    ...organisationMentions(found.candidates, found.bareAcronyms, gazetteer),
    ...providerMentions(story, gazetteer),
  ];
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  return [...accumulate(mentions, gazetteer).values()]
    .map((acc) => toTag(acc, gazetteer))
    .filter((tag) => tag.provenance.fromProvider || tag.confidence >= minConfidence)
    .sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) || b.confidence - a.confidence || a.id.localeCompare(b.id),
    );
}
