import { foldKey, slugify } from '../text/normalise';
import type { Gazetteer } from './gazetteer';
import type { CandidateMention } from './extract-mentions';
import type { Mention } from './mention';

const lastWord = (name: string): string =>
  foldKey(name)
    .split(/[\s-]+/)
    .pop() ?? '';

/**
 * Document-level coreference for people: "Recep Tayyip Erdogan", "Tayyip Erdogan" and a later
 * bare "Erdogan" are one person. A bare surname is kept only when it joins a full name or
 * followed a title ("Chancellor Kohl"); otherwise it is too often a company or a place.
 */
export function resolvePeople(
  candidates: readonly CandidateMention[],
  gazetteerMentions: readonly Mention[],
  gazetteer: Gazetteer,
): Mention[] {
  const surnameToId = new Map<string, string>();
  for (const m of gazetteerMentions) {
    if (m.kind !== 'person') continue;
    const entry = gazetteer.entries.get(m.entryIds[0] ?? '');
    if (!entry) continue;
    for (const name of [entry.name, ...entry.aliases]) surnameToId.set(lastWord(name), entry.id);
  }
  const fullNames = candidates
    .filter((c) => c.kind === 'person')
    .map((c) => c.name)
    .sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length);
  const nameToId = new Map<string, string>();
  for (const name of fullNames) {
    const key = foldKey(name);
    if (nameToId.has(key)) continue;
    // A shorter form of a longer name already seen ("Tayyip Erdogan") joins it.
    const longer = [...nameToId.entries()].find(([k]) => k.endsWith(` ${key}`));
    const id = longer?.[1] ?? surnameToId.get(lastWord(name)) ?? `person:${slugify(name)}`;
    nameToId.set(key, id);
    if (!surnameToId.has(lastWord(name))) surnameToId.set(lastWord(name), id);
  }
  for (const c of candidates) {
    if (c.kind === 'single' && c.method === 'title-pattern' && !surnameToId.has(foldKey(c.name))) {
      surnameToId.set(foldKey(c.name), `person:${slugify(c.name)}`);
    }
  }
  const mentions: Mention[] = [];
  for (const c of candidates) {
    if (c.kind === 'organisation') continue;
    const id =
      c.kind === 'person' ? nameToId.get(foldKey(c.name)) : surnameToId.get(foldKey(c.name));
    if (!id) continue;
    mentions.push({
      kind: 'person',
      entryIds: [id],
      surface: c.name,
      segment: c.segment,
      paragraph: c.paragraph,
      isHint: false,
      method: c.method === 'acronym' ? 'name-pattern' : c.method,
    });
  }
  return mentions;
}

/**
 * "Finance Minister Roger Douglas ... Douglas said": once a story names a person in full, a bare
 * one-word place that is that person's surname (Douglas, capital of the Isle of Man) is the person.
 */
export function surnamesOverPlaces(
  gazetteerMentions: readonly Mention[],
  people: readonly Mention[],
): Mention[] {
  const bySurname = new Map<string, string>();
  for (const person of people) {
    const id = person.entryIds[0];
    if (id && /\s/.test(person.surface.trim())) bySurname.set(lastWord(person.surface), id);
  }
  return gazetteerMentions.map((m): Mention => {
    const isBarePlace = m.kind === 'place' && !m.isHint && !/\s/.test(m.surface.trim());
    const id = isBarePlace ? bySurname.get(foldKey(m.surface)) : undefined;
    return id ? { ...m, kind: 'person', entryIds: [id], method: 'name-pattern' } : m;
  });
}
