/** Lower-case, strip diacritics and unify apostrophes so "Zürich" and "Zurich" meet. */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase();
}

/** URL-safe slug used inside canonical ids: `Recep Tayyip Erdogan` -> `recep-tayyip-erdogan`. */
export function slugify(text: string): string {
  return foldKey(text)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Collapses whitespace; wire text arrives with hard line breaks and indentation. */
export function squashSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
