import { storyPlainText, type StoryText } from '../text/story-text';
import { simhash, type SimHash } from './simhash';

/** The signature clustering uses: SimHash of the story's readable text (headline included). */
export function storySignature(story: StoryText): SimHash {
  return simhash(storyPlainText(story));
}
