import type { Token } from '../text/tokenise';
import { NAME_CONNECTORS } from './gazetteer-match';
import type { NameLexicon } from './name-lexicon';

/** Last words that make a capitalised sequence an organisation. */
const ORG_SUFFIXES = new Set(
  `group army bank corp corporation inc co ltd plc llc ag sa nv gmbh company council party ministry association
  organisation organization union fund agency commission committee federation institute exchange board
  authority reserve airlines airways motors industries holdings trust society front movement brigade
  brigades forces police parliament assembly court department office service foundation university
  league alliance coalition bureau corps administration senate cabinet cooperative bancorp petroleum
  oil chemical chemicals steel mining energy resources securities investments partners capital telecom`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

export type CandidateKind = 'person' | 'organisation' | 'single';

export interface NameCandidate {
  kind: CandidateKind;
  name: string;
  /** Acronym defined in the text right after the name: "Libyan National Army (LNA)". */
  acronym?: string;
  method: 'name-pattern' | 'title-pattern' | 'acronym';
}

/**
 * Whether a title starts at `i`: a title word, or title modifiers leading to one ("Finance
 * Minister", "Foreign Trade Minister"). A modifier alone opens no title: "Agriculture Department".
 */
export function isTitleAt(tokens: readonly Token[], i: number, lexicon: NameLexicon): boolean {
  const capitalised = (t: Token | undefined): t is Token => t?.type === 'word' && t.isCapitalised;
  let j = i;
  while (capitalised(tokens[j]) && lexicon.titleModifiers.has(tokens[j]?.key ?? '')) j += 1;
  const title = tokens[j];
  return capitalised(title) && lexicon.titles.has(title.key);
}

/**
 * The capitalised run starting at `start`: capitalised words, joined by name connectors or
 * hyphens. Stops at titles, possessives and punctuation. Returns the index after the run.
 */
export function capitalisedRun(
  tokens: readonly Token[],
  start: number,
  lexicon: NameLexicon,
  stopAt: (i: number) => boolean,
): number {
  let end = start;
  let i = start;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!token) break;
    if (i > start && stopAt(i)) break;
    // Months and weekdays end a name: "Paul Volcker on Tuesday".
    if (i > start && lexicon.calendarWords.has(token.key)) break;
    if (
      token.type === 'word' &&
      token.isCapitalised &&
      !(i > start && isTitleAt(tokens, i, lexicon))
    ) {
      i += 1;
      end = i;
      if (token.isPossessive) break;
      continue;
    }
    const next = tokens[i + 1];
    const joins =
      (token.type === 'word' && NAME_CONNECTORS.has(token.key)) ||
      token.text === '-' ||
      token.text === '&';
    if (i > start && joins && next?.type === 'word' && next.isCapitalised) {
      i += 1;
      continue;
    }
    break;
  }
  return end;
}

/** "(LNA)" right after a run defines an acronym for it. */
export function acronymAfter(tokens: readonly Token[], end: number): string | undefined {
  const open = tokens[end];
  const word = tokens[end + 1];
  const close = tokens[end + 2];
  if (open?.text !== '(' || close?.text !== ')' || word?.type !== 'word') return undefined;
  return /^[A-Z][A-Z0-9&]{1,7}$/.test(word.text) ? word.text : undefined;
}

/** Classifies a capitalised run; undefined means "not an entity we can name" (and is dropped). */
export function classifyRun(
  run: readonly Token[],
  name: string,
  hasTitleBefore: boolean,
  acronym: string | undefined,
  lexicon: NameLexicon,
): NameCandidate | undefined {
  const words = run.filter((t) => t.type === 'word');
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return undefined;
  if (words.some((t) => lexicon.calendarWords.has(t.key))) return undefined;
  if (acronym && words.length >= 2)
    return { kind: 'organisation', name, acronym, method: 'acronym' };
  if (words.length >= 2 && ORG_SUFFIXES.has(last.key))
    return { kind: 'organisation', name, method: 'name-pattern' };
  // Surnames are often ordinary words (Baker, Young, King): after a title or a first name they are names.
  if (hasTitleBefore && words.length <= 4) {
    return { kind: words.length === 1 ? 'single' : 'person', name, method: 'title-pattern' };
  }
  if (
    words.length >= 2 &&
    words.length <= 4 &&
    lexicon.firstNames.has(first.key) &&
    !lexicon.commonWords.has(first.key)
  ) {
    return { kind: 'person', name, method: 'name-pattern' };
  }
  if (words.length === 1 && !lexicon.commonWords.has(first.key))
    return { kind: 'single', name, method: 'name-pattern' };
  return undefined;
}
