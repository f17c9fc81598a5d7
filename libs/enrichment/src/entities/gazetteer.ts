import type { TagKind } from '@lib/contracts';
import { nameKeys } from '../text/tokenise';

export type EntityKind = Extract<TagKind, 'person' | 'organisation' | 'place'>;
export type PlaceType = 'country' | 'city' | 'region';

/** One known entity with its canonical id. */
export interface GazetteerEntry {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  placeType?: PlaceType;
  /** For cities: the containing country's tag id. */
  parentId?: string;
  population?: number;
  isCapital?: boolean;
}

/** How a surface form points at an entry. */
export interface SurfaceMatch {
  entryId: string;
  /** Demonyms ("Turkish") only hint at a country; they never stand for it alone. */
  isHint: boolean;
  /** Acronyms match only with this exact spelling ("US" but not "us"). */
  exactCase?: string;
  /** State abbreviations ("Va.", "Ind.") are read only in datelines. */
  datelineOnly?: boolean;
}

export interface TrieNode {
  children: Map<string, TrieNode>;
  matches: SurfaceMatch[];
}

/** Immutable look-up structure built once at start-up. */
export interface Gazetteer {
  version: string;
  entries: ReadonlyMap<string, GazetteerEntry>;
  root: TrieNode;
}

export class GazetteerBuilder {
  private readonly entries = new Map<string, GazetteerEntry>();
  private readonly root: TrieNode = { children: new Map(), matches: [] };

  constructor(private readonly version: string) {}

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Adds (or merges into) an entry and indexes its name and aliases. */
  add(entry: GazetteerEntry): void {
    const existing = this.entries.get(entry.id);
    const target = existing ?? { ...entry, aliases: [] };
    if (!existing) this.entries.set(entry.id, target);
    for (const alias of [entry.name, ...entry.aliases]) this.addSurface(target, alias, false);
  }

  addDatelineSurface(entryId: string, surface: string): void {
    if (this.entries.has(entryId))
      this.index(surface, { entryId, isHint: false, datelineOnly: true });
  }

  addHint(entryId: string, surface: string): void {
    const entry = this.entries.get(entryId);
    if (entry) this.index(surface, { entryId, isHint: true });
  }

  /** Adds an alias to an existing entry. */
  addSurface(entry: GazetteerEntry, surface: string, isHint: boolean): void {
    const trimmed = surface.trim();
    if (trimmed.length < 2) return;
    if (trimmed !== entry.name && !entry.aliases.includes(trimmed)) entry.aliases.push(trimmed);
    this.index(trimmed, { entryId: entry.id, isHint });
  }

  build(): Gazetteer {
    return { version: this.version, entries: this.entries, root: this.root };
  }

  private index(surface: string, match: SurfaceMatch): void {
    // "the UAE" is indexed as "UAE"; a capitalised article is part of the name ("The Valley").
    const withoutArticle = surface.replace(/^the\s+/, '');
    const keys = nameKeys(withoutArticle);
    if (keys.length === 0) return;
    const letters = withoutArticle.replace(/[^\p{L}]/gu, '');
    const isAcronym =
      letters.length <= 6 && letters === letters.toUpperCase() && !/\s/.test(withoutArticle.trim());
    const full: SurfaceMatch = isAcronym
      ? { ...match, exactCase: withoutArticle.replace(/[^\p{L}\p{N}.]/gu, '') }
      : match;
    let node = this.root;
    for (const key of keys) {
      let child = node.children.get(key);
      if (!child) {
        child = { children: new Map(), matches: [] };
        node.children.set(key, child);
      }
      node = child;
    }
    if (
      !node.matches.some(
        (m) =>
          m.entryId === full.entryId && m.isHint === full.isHint && m.exactCase === full.exactCase,
      )
    ) {
      node.matches.push(full);
    }
  }
}
