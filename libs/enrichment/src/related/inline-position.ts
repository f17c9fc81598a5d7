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
  const entityNames = link.reason.sharedEntities.map((id) => tagWords(id, tags));
  const terms = new Set(link.reason.sharedTerms);
  let best: number | undefined;
  let bestScore = 0;
  bodyParagraphs(story.body_text).forEach((paragraph, index) => {
    const folded = ` ${foldKey(paragraph).replace(/[^a-z0-9]+/g, ' ')} `;
    let score = 0;
    for (const names of entityNames) {
      if (names.some((n) => folded.includes(` ${n.replace(/[^a-z0-9]+/g, ' ').trim()} `)))
        score += 2;
    }
    for (const word of new Set(contentWords(paragraph))) if (terms.has(word)) score += 1;
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}
