import { foldKey } from './normalise';

export interface Token {
  /** Surface form without a trailing possessive `'s`. */
  text: string;
  /** Folded form used for look-ups. */
  key: string;
  /** Word (letters/digits), abbreviation like `U.S.`, or punctuation. */
  type: 'word' | 'punct';
  isCapitalised: boolean;
  isSentenceStart: boolean;
  isPossessive: boolean;
  start: number;
  end: number;
}

// Abbreviations with inner dots (U.S., U.K.) first, then words with inner apostrophes, then punctuation.
// Hyphens split words so "Tripoli-based" and "UN-recognised" expose the name.
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[^\s\p{L}\p{N}]/gu;
const SENTENCE_END = new Set(['.', '!', '?', '“', '"', ':', ';', '•', '»']);

/** Tokenises one segment; `isSentenceStart` marks words whose capital letter says nothing. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  for (const match of text.matchAll(TOKEN)) {
    let surface = match[0];
    const start = match.index ?? 0;
    const isWord = /[\p{L}\p{N}]/u.test(surface[0] ?? '');
    if (!isWord) {
      tokens.push({
        text: surface,
        key: surface,
        type: 'punct',
        isCapitalised: false,
        isSentenceStart: false,
        isPossessive: false,
        start,
        end: start + surface.length,
      });
      if (SENTENCE_END.has(surface)) sentenceStart = true;
      continue;
    }
    let isPossessive = false;
    if (/['’]s$/i.test(surface) && surface.length > 2) {
      surface = surface.slice(0, -2);
      isPossessive = true;
    }
    const first = surface[0] ?? '';
    tokens.push({
      text: surface,
      key: foldKey(surface),
      type: 'word',
      isCapitalised: first !== first.toLowerCase(),
      isSentenceStart: sentenceStart,
      isPossessive,
      start,
      end: start + match[0].length,
    });
    sentenceStart = false;
  }
  return tokens;
}

/** Keys of a name as the tokeniser would produce them, for building look-up tables. */
export function nameKeys(name: string): string[] {
  return tokenise(name)
    .filter((t) => t.type === 'word' || t.text === '&')
    .map((t) => t.key);
}

/** True when most letters are upper case (Reuters headlines, datelines). */
export function isShouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length > 0.8;
}
