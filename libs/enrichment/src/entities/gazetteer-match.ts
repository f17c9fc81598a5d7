import type { Token } from '../text/tokenise';
import type { SurfaceMatch, TrieNode } from './gazetteer';

/** Lower-case words allowed inside a multi-word name ("Bank of Japan", "Fayez al-Sarraj"). */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set([
  'of',
  'the',
  'and',
  'for',
  'de',
  'du',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'ibn',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'y',
  '&',
]);
/** Punctuation that may sit inside a name and is skipped while matching. */
const INNER_PUNCT = new Set(['-', '.', "'", '’']);

export interface GazetteerHit {
  start: number;
  /** Index after the last token of the match. */
  end: number;
  matches: SurfaceMatch[];
  surface: string;
}

function spanSurface(tokens: readonly Token[], start: number, end: number, text: string): string {
  const first = tokens[start];
  const last = tokens[end - 1];
  return first && last ? text.slice(first.start, last.end).replace(/['’]s$/, '') : '';
}

function acceptable(
  tokens: readonly Token[],
  start: number,
  end: number,
  match: SurfaceMatch,
  isShouting: boolean,
  commonWords: ReadonlySet<string>,
  inDateline: boolean,
): boolean {
  if (match.datelineOnly && !inDateline) return false;
  const words = tokens.slice(start, end).filter((t) => t.type === 'word');
  if (match.exactCase !== undefined) {
    return words.map((t) => t.text).join('') === match.exactCase;
  }
  if (isShouting) return true;
  const first = words[0];
  const last = words[words.length - 1];
  if (!first?.isCapitalised || !last?.isCapitalised) return false;
  if (!words.every((t) => t.isCapitalised || NAME_CONNECTORS.has(t.key))) return false;
  // "Split the bill" / "Sale of assets": a lone ordinary word at sentence start is not a place.
  if (words.length === 1 && first.isSentenceStart && commonWords.has(first.key)) return false;
  return true;
}

/** Longest gazetteer match starting at `start`, honouring capitalisation and acronym case. */
export function matchGazetteer(
  root: TrieNode,
  tokens: readonly Token[],
  start: number,
  text: string,
  isShouting: boolean,
  commonWords: ReadonlySet<string>,
  inDateline = false,
): GazetteerHit | undefined {
  let node: TrieNode | undefined = root;
  let best: GazetteerHit | undefined;
  let i = start;
  while (node && i < tokens.length) {
    const token = tokens[i];
    if (!token) break;
    if (token.type === 'punct') {
      if (i === start || !INNER_PUNCT.has(token.text)) break;
      i += 1;
      continue;
    }
    node = node.children.get(token.key);
    if (!node) break;
    i += 1;
    if (node.matches.length > 0) {
      const accepted = node.matches.filter((m) =>
        acceptable(tokens, start, i, m, isShouting, commonWords, inDateline),
      );
      if (accepted.length > 0)
        best = { start, end: i, matches: accepted, surface: spanSurface(tokens, start, i, text) };
    }
    // A possessive ("Haftar's") ends the name.
    if (token.isPossessive) break;
  }
  return best;
}
