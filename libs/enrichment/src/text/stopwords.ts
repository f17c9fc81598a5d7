/**
 * A compact English stop list for term statistics (TF-IDF, shingles, related-post reasons).
 * Kept short on purpose: wire copy is dense and words like "oil" or "bank" carry signal.
 */
const WORDS = `a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not now of off on once only or other our ours ourselves out over own same she should so some
such than that the their theirs them themselves then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your yours yourself
yourselves said says say told reuter reuters would could may might must shall also mln pct dlrs cts vs
one two three four five six seven eight nine ten year years last week month new`;

export const STOPWORDS: ReadonlySet<string> = new Set(
  WORDS.split(/\s+/).filter((w) => w.length > 0),
);
