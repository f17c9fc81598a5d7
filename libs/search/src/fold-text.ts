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
