import type { CanonicalStory } from '@lib/contracts';

/** The parts of a story that enrichment reads, in reading order. */
export type StoryText = Pick<CanonicalStory, 'headline' | 'description' | 'body_text' | 'located'>;

export type SegmentKind = 'headline' | 'dateline' | 'description' | 'body';

export interface TextSegment {
  kind: SegmentKind;
  /** Paragraph index within the body; 0 for the other kinds. */
  paragraph: number;
  text: string;
}

/** Web pages copied into wire feeds end with navigation; nothing after these lines is the story. */
const TAIL_MARKERS =
  /^(related (posts|stories|articles|content)|read (more|also)|more (on|from) this|you may also like|recommended)\b/i;
/** A line that is only a teaser link ("Read More »") also takes the teaser headline before it. */
const TEASER_LINE = /^(read more|continue reading|see also)\b[\s»›>.:]*$/i;

/**
 * Splits body text into paragraphs (blank-line separated, or one per line when the copy uses
 * single line breaks) and drops web boilerplate: teaser links and everything from a
 * "Related posts" heading on.
 */
export function bodyParagraphs(bodyText: string | undefined): string[] {
  if (!bodyText) return [];
  const normalised = bodyText.replace(/\r\n?/g, '\n');
  const blocks = /\n\s*\n/.test(normalised) ? normalised.split(/\n\s*\n/) : normalised.split('\n');
  const paragraphs: string[] = [];
  for (const block of blocks) {
    const text = block.replace(/\s+/g, ' ').trim();
    if (text.length === 0) continue;
    if (TEASER_LINE.test(text)) {
      paragraphs.pop();
      continue;
    }
    if (TAIL_MARKERS.test(text) && text.length < 40) break;
    paragraphs.push(text);
  }
  return paragraphs;
}

/** Headline, dateline, description and body paragraphs as segments. */
export function storySegments(story: StoryText): TextSegment[] {
  const segments: TextSegment[] = [];
  if (story.headline.trim())
    segments.push({ kind: 'headline', paragraph: 0, text: story.headline.trim() });
  if (story.located?.trim())
    segments.push({ kind: 'dateline', paragraph: 0, text: story.located.trim() });
  if (story.description?.trim())
    segments.push({ kind: 'description', paragraph: 0, text: story.description.trim() });
  bodyParagraphs(story.body_text).forEach((text, paragraph) =>
    segments.push({ kind: 'body', paragraph, text }),
  );
  return segments;
}

/** All readable text of a story as one string (for similarity and classification). */
export function storyPlainText(story: StoryText): string {
  return storySegments(story)
    .filter((s) => s.kind !== 'dateline')
    .map((s) => s.text)
    .join('\n');
}
