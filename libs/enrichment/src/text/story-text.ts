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

/** How much of a story enrichment reads by default: enough for any article, not a whole transcript. */
export const DEFAULT_MAX_TEXT_CHARS = 100_000;

/**
 * The story with its body (and abstract) cut to `maxChars`, at a paragraph break or else a space
 * where one is near. Enrichment costs about a millisecond and a few hundred KB of heap per
 * thousand characters, so a multi-megabyte body would stall the enricher for seconds; its tags,
 * cluster and related links come from the opening, as an editor's would.
 */
export function readableLead<T extends StoryText>(story: T, maxChars: number): T {
  const body = cut(story.body_text, maxChars);
  const description = cut(story.description, maxChars);
  if (body === story.body_text && description === story.description) return story;
  return { ...story, body_text: body, description };
}

function cut(text: string | undefined, maxChars: number): string | undefined {
  if (text === undefined || text.length <= maxChars) return text;
  const head = text.slice(0, maxChars);
  const paragraph = head.lastIndexOf('\n');
  if (paragraph >= maxChars / 2) return head.slice(0, paragraph);
  const space = head.search(/\s\S*$/);
  return space >= maxChars / 2 ? head.slice(0, space) : head;
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
