import { storyPlainText, type StoryText } from '../text/story-text';
import { normalisedWords, shingles, simhash, type SimHash } from './simhash';

/** The signature clustering uses: SimHash of the story's readable text (headline included). */
export function storySignature(story: StoryText): SimHash {
  return simhash(storyPlainText(story));
}

/** Above this many shingles a story is long enough for the full distance budget. */
const LONG_STORY_SHINGLES = 40;
const MIN_DISTANCE = 3;
const MAX_DISTANCE = 12;

/**
 * The Hamming distance within which a story joins an earlier cluster. Short items (briefs,
 * one-line results) have few shingles, so unrelated ones land closer by chance: they get a
 * tighter budget, from 3 bits for a handful of shingles up to 12 for 40 or more.
 */
export function clusterDistanceFor(story: StoryText): number {
  const count = shingles(normalisedWords(storyPlainText(story))).length;
  const share = Math.min(1, count / LONG_STORY_SHINGLES);
  return Math.round(MIN_DISTANCE + share * (MAX_DISTANCE - MIN_DISTANCE));
}
