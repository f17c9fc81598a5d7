import { storyPlainText, type StoryText } from '../text/story-text';
import { normalisedWords, shingles, simhashOfShingles, type SimHash } from './simhash';

/** What clustering needs of a story: its signature and the distance budget its length allows. */
export interface StoryFingerprint {
  signature: SimHash;
  maxDistance: number;
}

/**
 * The signature clustering uses (SimHash of the story's readable text, headline included) and
 * its distance budget, from one pass over the story's words and shingles.
 */
export function storyFingerprint(story: StoryText): StoryFingerprint {
  const storyShingles = shingles(normalisedWords(storyPlainText(story)));
  return {
    signature: simhashOfShingles(storyShingles),
    maxDistance: distanceForShingles(storyShingles.length),
  };
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
  return storyFingerprint(story).maxDistance;
}

function distanceForShingles(count: number): number {
  const share = Math.min(1, count / LONG_STORY_SHINGLES);
  return Math.round(MIN_DISTANCE + share * (MAX_DISTANCE - MIN_DISTANCE));
}
