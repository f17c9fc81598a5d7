import type { Gazetteer, GazetteerEntry } from './gazetteer';
import type { Mention } from './mention';

/**
 * Picks one entry for each ambiguous place mention ("Tripoli": Libya or Lebanon): a country beats
 * a city of the same name, then a city whose country the story names, then a capital, then size.
 */
export function resolvePlaceMentions(
  mentions: readonly Mention[],
  gazetteer: Gazetteer,
): Mention[] {
  const named = new Set<string>();
  for (const m of mentions) {
    if (m.kind !== 'place' || m.entryIds.length !== 1) continue;
    const entry = gazetteer.entries.get(m.entryIds[0] ?? '');
    if (!entry) continue;
    named.add(entry.id);
    if (entry.parentId) named.add(entry.parentId);
  }
  return mentions.map((m) => {
    if (m.kind !== 'place' || m.entryIds.length < 2) return m;
    const entries = m.entryIds
      .map((id) => gazetteer.entries.get(id))
      .filter((e): e is GazetteerEntry => e !== undefined);
    const score = (e: GazetteerEntry): number =>
      (e.placeType === 'country' ? 1e12 : 0) +
      (e.parentId && named.has(e.parentId) ? 1e11 : 0) +
      // A state or province beats a smaller namesake city ("Ontario", "Quebec").
      (e.placeType === 'region' ? 5e10 : 0) +
      (e.isCapital ? 1e10 : 0) +
      (e.population ?? 0);
    const best = entries.reduce<GazetteerEntry | undefined>(
      (a, e) => (a === undefined || score(e) > score(a) ? e : a),
      undefined,
    );
    return best ? { ...m, entryIds: [best.id] } : m;
  });
}
