import type { RelatedLink, Tag } from '@lib/contracts';
import { foldKey } from '../text/normalise';
import { bodyParagraphs, type StoryText } from '../text/story-text';
import { contentWords } from '../text/terms';

/** Words that stand for a tag in running text: its name and aliases, else the words of its id. */
function tagWords(id: string, tags: readonly Pick<Tag, 'id' | 'name' | 'aliases'>[]): string[] {
  const tag = tags.find((t) => t.id === id);
  const names = tag
    ? [tag.name, ...tag.aliases]
    : [
        id
          .split(':')
          .pop()
          ?.replace(/-[a-z]{2}$/, '')
          .replace(/-/g, ' ') ?? '',
      ];
  return names.map((n) => foldKey(n)).filter((n) => n.length > 1);
}

/** A body paragraph as links are matched against it: folded, and its content words. */
interface ParagraphText {
  folded: string;
  words: ReadonlySet<string>;
}

function paragraphTexts(story: StoryText): ParagraphText[] {
  return bodyParagraphs(story.body_text).map((paragraph) => ({
    folded: ` ${foldKey(paragraph).replace(/[^a-z0-9]+/g, ' ')} `,
    words: new Set(contentWords(paragraph)),
  }));
}

/**
 * Index of the body paragraph after which the link fits best: the one mentioning most of the
 * link's shared entities (counted double: they are the link's subject) and shared terms.
 * Undefined when no paragraph mentions any of them.
 */
export function suggestInlinePosition(
  story: StoryText,
  link: RelatedLink,
  tags: readonly Pick<Tag, 'id' | 'name' | 'aliases'>[] = [],
): number | undefined {
  return inlinePositions(story, tags)(link);
}

/**
 * `suggestInlinePosition` for several links of one story: its paragraphs are folded and split
 * into words once, not once per link.
 */
export function inlinePositions(
  story: StoryText,
  tags: readonly Pick<Tag, 'id' | 'name' | 'aliases'>[] = [],
): (link: RelatedLink) => number | undefined {
  let paragraphs: ParagraphText[] | undefined;
  return (link) => {
    paragraphs ??= paragraphTexts(story);
    const entityNames = link.reason.sharedEntities.map((id) =>
      tagWords(id, tags).map((n) => ` ${n.replace(/[^a-z0-9]+/g, ' ').trim()} `),
    );
    const terms = link.reason.sharedTerms;
    let best: number | undefined;
    let bestScore = 0;
    paragraphs.forEach(({ folded, words }, index) => {
      let score = 0;
      for (const names of entityNames) if (names.some((n) => folded.includes(n))) score += 2;
      for (const term of new Set(terms)) if (words.has(term)) score += 1;
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    });
    return best;
  };
}
