import { foldKey } from './normalise';
import { STOPWORDS } from './stopwords';

/** Content words of a text: folded, no stop words, no numbers, at least two letters. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const match of foldKey(text).matchAll(/[a-z][a-z'-]*[a-z]|[a-z]/g)) {
    const word = match[0].replace(/'s$/, '');
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    out.push(word);
  }
  return out;
}

/** Unigrams plus adjacent bigrams (`interest rates` keeps its meaning as `interest_rates`). */
export function unigramsAndBigrams(words: readonly string[]): string[] {
  const out = words.slice();
  for (let i = 0; i + 1 < words.length; i += 1) out.push(`${words[i]}_${words[i + 1]}`);
  return out;
}
