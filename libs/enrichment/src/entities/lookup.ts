import { nameKeys } from '../text/tokenise';
import type { Gazetteer, SurfaceMatch } from './gazetteer';

/** Exact, case-insensitive look-up of a whole name (provider metadata, organisation names). */
export function lookupName(gazetteer: Gazetteer, name: string): SurfaceMatch[] {
  let node = gazetteer.root;
  for (const key of nameKeys(name.replace(/^the\s+/i, ''))) {
    const child = node.children.get(key);
    if (!child) return [];
    node = child;
  }
  return node.matches.filter((m) => !m.isHint);
}
