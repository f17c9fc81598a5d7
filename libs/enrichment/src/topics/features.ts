import { foldKey } from '../text/normalise';

/**
 * Function words only: unlike the related-post stop list, words such as "mln", "cts", "pct"
 * and "shr" stay, because they are what tells an earnings report from a takeover.
 */
const FUNCTION_WORDS = new Set(
  `a an and are as at be been but by for from had has have he her his i if in into is it its of on or
  our she so than that the their them then there these they this to was we were which who will with
  would you reuter`.split(/\s+/),
);

/** Classifier features: folded words (numbers dropped) and adjacent bigrams, prefixed to keep them apart. */
export function topicFeatures(text: string): string[] {
  const words = (foldKey(text).match(/[a-z]+/g) ?? []).filter(
    (w) => w.length > 1 && !FUNCTION_WORDS.has(w),
  );
  const out = words.slice();
  for (let i = 0; i + 1 < words.length; i += 1) out.push(`${words[i]} ${words[i + 1]}`);
  return out;
}
