import nlp from 'compromise';

/** Word classes that decide whether a capitalised sequence is a person, and what to trim. */
export interface NameLexicon {
  firstNames: ReadonlySet<string>;
  /** Lower-case words that are ordinary vocabulary (verbs, adjectives, months...). */
  commonWords: ReadonlySet<string>;
  /** Titles that introduce a person: "President", "Chancellor", "Mr". */
  titles: ReadonlySet<string>;
  /**
   * Words that make a title only in front of one: "Finance" in "Finance Minister", but not in
   * "Finance Ministry" or "Agriculture Department", which are organisations.
   */
  titleModifiers: ReadonlySet<string>;
  /** Months and weekdays: capitalised, never names. */
  calendarWords: ReadonlySet<string>;
}

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const PROPER_TAGS = new Set([
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Person',
  'Place',
  'Country',
  'City',
  'Region',
  'Organization',
  'ProperNoun',
  'SportsTeam',
  'Demonym',
]);
const EXTRA_TITLES = `president chancellor minister premier secretary mr mrs ms dr sir king queen prince princess sheikh
emir chairman chairwoman chair governor senator rep representative general gen colonel col lieutenant
ambassador pope vice deputy commissioner director judge justice lord lady marshal commander spokesman
spokeswoman leader chief executive mayor speaker envoy prosecutor treasurer economist analyst sultan
ayatollah cardinal bishop archbishop rabbi imam professor prof captain admiral brigadier major`;
const TITLE_MODIFIERS = `foreign finance trade defence defense interior economy energy oil agriculture
prime crown`;

function tagsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function lexiconOf(model: object): Record<string, unknown> {
  const one: unknown = (model as { one?: unknown }).one;
  const lexicon: unknown =
    typeof one === 'object' && one !== null ? (one as { lexicon?: unknown }).lexicon : undefined;
  if (typeof lexicon !== 'object' || lexicon === null)
    throw new Error('compromise lexicon not found');
  return lexicon as Record<string, unknown>;
}

/** Builds the name lexicon from compromise's English word list (no tagging at run time: it is slow). */
export function buildNameLexicon(): NameLexicon {
  const firstNames = new Set<string>();
  const commonWords = new Set<string>();
  const calendarWords = new Set<string>();
  const words = (list: string) => list.split(/\s+/).filter((w) => w.length > 0);
  const titles = new Set<string>(words(EXTRA_TITLES));
  const titleModifiers = new Set<string>(words(TITLE_MODIFIERS));
  for (const [word, raw] of Object.entries(lexiconOf(nlp.model()))) {
    if (word.includes(' ')) continue;
    const tags = tagsOf(raw);
    if (tags.some((t) => NAME_TAGS.has(t))) firstNames.add(word);
    if (tags.includes('Honorific')) titles.add(word.replace(/\.$/, ''));
    if (!tags.some((t) => PROPER_TAGS.has(t))) commonWords.add(word);
    if (tags.includes('Month') || tags.includes('WeekDay')) calendarWords.add(word);
  }
  for (const word of titleModifiers) titles.delete(word);
  return { firstNames, commonWords, titles, titleModifiers, calendarWords };
}
