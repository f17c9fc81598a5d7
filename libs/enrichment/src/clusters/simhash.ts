import { contentWords } from '../text/terms';

/** A 64-bit SimHash as two unsigned 32-bit halves (plain numbers are faster than BigInt here). */
export interface SimHash {
  hi: number;
  lo: number;
}

const SHINGLE_SIZE = 3;

/**
 * Folded content words and numbers: punctuation and stop words are dropped, so a rewrite that
 * only changes particles stays close. Numbers stay: they are all that tells two templated
 * earnings reports apart. "1,234.5" becomes "1234.5".
 */
export function normalisedWords(text: string): string[] {
  const words: string[] = [];
  for (const token of text.replace(/(\d)[,.](?=\d)/g, '$1').split(/\s+/)) {
    if (/^\D*\d/.test(token)) {
      const number = token.replace(/[^0-9]/g, '');
      if (number.length > 0) words.push(number);
    } else words.push(...contentWords(token));
  }
  return words;
}

/** Word 3-shingles: order-sensitive enough to tell stories apart, tolerant of small edits. */
export function shingles(words: readonly string[], size: number = SHINGLE_SIZE): string[] {
  if (words.length < size) return words.length > 0 ? [words.join(' ')] : [];
  const out: string[] = [];
  for (let i = 0; i + size <= words.length; i += 1) out.push(words.slice(i, i + size).join(' '));
  return out;
}

/** MurmurHash3 (x86, 32-bit) of a string; two seeds give the two halves of a 64-bit hash. */
function murmur3(text: string, seed: number): number {
  let h = seed >>> 0;
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let i = 0;
  const mixIn = (k0: number): void => {
    let k = Math.imul(k0, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  };
  for (; i + 4 <= text.length; i += 4) {
    mixIn(
      (text.charCodeAt(i) & 0xff) |
        ((text.charCodeAt(i + 1) & 0xff) << 8) |
        ((text.charCodeAt(i + 2) & 0xff) << 16) |
        ((text.charCodeAt(i + 3) & 0xff) << 24),
    );
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) >>> 0;
  }
  let k = 0;
  for (let shift = 0; i < text.length; i += 1, shift += 8)
    k |= (text.charCodeAt(i) & 0xff) << shift;
  if (k !== 0) mixIn(k);
  h ^= text.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Charikar's SimHash over the text's shingles: similar texts get signatures a few bits apart. */
export function simhash(text: string): SimHash {
  return simhashOfShingles(shingles(normalisedWords(text)));
}

/** The SimHash of shingles already taken from a text (see `simhash`). */
export function simhashOfShingles(textShingles: readonly string[]): SimHash {
  const counts = new Int32Array(64);
  for (const shingle of textShingles) {
    const hi = murmur3(shingle, 0x9747b28c);
    const lo = murmur3(shingle, 0x5bd1e995);
    for (let bit = 0; bit < 32; bit += 1) {
      counts[bit] = (counts[bit] ?? 0) + ((hi >>> bit) & 1 ? 1 : -1);
      counts[bit + 32] = (counts[bit + 32] ?? 0) + ((lo >>> bit) & 1 ? 1 : -1);
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit += 1) {
    if ((counts[bit] ?? 0) > 0) hi |= 1 << bit;
    if ((counts[bit + 32] ?? 0) > 0) lo |= 1 << bit;
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

/** Set bits of a 32-bit value. */
export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of differing bits (0..64). */
export function hammingDistance(a: SimHash, b: SimHash): number {
  return popcount((a.hi ^ b.hi) >>> 0) + popcount((a.lo ^ b.lo) >>> 0);
}

export function toHex(hash: SimHash): string {
  return hash.hi.toString(16).padStart(8, '0') + hash.lo.toString(16).padStart(8, '0');
}

export function fromHex(hex: string): SimHash {
  if (!/^[0-9a-f]{16}$/i.test(hex)) throw new Error(`not a 64-bit hex simhash: ${hex}`);
  return { hi: parseInt(hex.slice(0, 8), 16) >>> 0, lo: parseInt(hex.slice(8), 16) >>> 0 };
}
