/**
 * Folds diacritics ("Erdoğan" → "erdogan") the way analysis-common's asciifolding would,
 * which core Elasticsearch lacks; the same function folds queries.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/**
 * The folded copy the index and the queries share: folded, and without the English possessive
 * ("Haftar's", "Erdoğan’s"), which core's standard tokenizer keeps inside the word and hunspell
 * only strips from dictionary words.
 */
export function foldForSearch(text: string): string {
  return foldText(text).replace(/(\p{L})['’]s\b/gu, '$1');
}

/** The comparison key of a tag name or slug: folded, punctuation and hyphens as single spaces. */
export function tagNameKey(value: string): string {
  return foldForSearch(value)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
