import type { CanonicalStory, NamedEntity, Tag, TagKind } from '@lib/contracts';

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function fromEntity(entity: NamedEntity, kind: TagKind): Tag {
  return {
    id: `${kind}:${entity.code ?? slug(entity.name)}`,
    kind,
    name: entity.name,
    aliases: [],
    confidence: 1,
    provenance: { method: 'provider-metadata', fromProvider: true },
  };
}

/** Tags the provider's own metadata already carries: people, organisations, places, subjects. */
export function providerTags(story: CanonicalStory): Tag[] {
  return [
    ...story.people.map((e) => fromEntity(e, 'person')),
    ...story.organisations.map((e) => fromEntity(e, 'organisation')),
    ...story.places.map((e) => fromEntity(e, 'place')),
    ...story.subject.map(
      (s): Tag => ({
        id: `subject:${s.code}`,
        kind: 'subject',
        name: s.name ?? s.code,
        aliases: [],
        confidence: 1,
        provenance: { method: 'provider-metadata', fromProvider: true },
      }),
    ),
  ];
}
