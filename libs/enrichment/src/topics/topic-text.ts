import { bodyParagraphs, type StoryText } from '../text/story-text';

/**
 * The text the topic model reads. The headline is given twice: it is the densest statement of
 * what a story is about (measured on Reuters TRAIN folds, this lifts micro-F1 by ~0.4 points).
 */
export function topicDocumentText(
  story: Pick<StoryText, 'headline' | 'description' | 'body_text'>,
): string {
  return [
    story.headline,
    story.headline,
    story.description ?? '',
    ...bodyParagraphs(story.body_text),
  ].join('\n');
}
