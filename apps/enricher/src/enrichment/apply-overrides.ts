import type { EditorialOverrides, Enrichment, RelatedLink } from '@lib/contracts';

/**
 * Editors win over algorithms: blocked tags and links go, pinned ones stay whatever the
 * scores say. Pinned tags are marked as editorial so a reader can tell them apart.
 */
export function applyOverrides(
  enrichment: Enrichment,
  overrides: EditorialOverrides | undefined,
): Enrichment {
  if (!overrides) return enrichment;
  const blockedTags = new Set(overrides.blockedTags);
  const blockedRelated = new Set(overrides.blockedRelated);
  const pinnedTagIds = new Set(overrides.pinnedTags.map((t) => t.id));
  const pinnedUris = new Set(overrides.pinnedRelated.map((r) => r.uri));
  const tags = [
    ...overrides.pinnedTags
      .filter((t) => !blockedTags.has(t.id))
      .map((t) => ({
        ...t,
        confidence: 1,
        provenance: { ...t.provenance, method: 'editorial-pin' },
      })),
    ...enrichment.tags.filter((t) => !blockedTags.has(t.id) && !pinnedTagIds.has(t.id)),
  ];
  const pinned: RelatedLink[] = overrides.pinnedRelated
    .filter((r) => !blockedRelated.has(r.uri))
    .map((r) => ({
      uri: r.uri,
      headline: r.headline,
      score: 1,
      reason: { sharedEntities: [], sharedTerms: ['editorial pin'] },
    }));
  const related = [
    ...pinned,
    ...enrichment.related.filter((r) => !blockedRelated.has(r.uri) && !pinnedUris.has(r.uri)),
  ];
  return { ...enrichment, tags, related };
}
