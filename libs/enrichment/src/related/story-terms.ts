import type { TfidfModel } from '../text/tfidf';
import { storyPlainText, type StoryText } from '../text/story-text';
import { contentWords } from '../text/terms';

/** A story's most characteristic content words (count x IDF when a model is given), best first. */
export function storyTerms(story: StoryText, model?: TfidfModel, limit = 25): string[] {
  const counts = new Map<string, number>();
  for (const word of contentWords(storyPlainText(story)))
    counts.set(word, (counts.get(word) ?? 0) + 1);
  const weight = (term: string, count: number): number => {
    if (!model) return count;
    const index = model.vocabulary.get(term);
    return index === undefined ? 0 : count * (model.idf[index] ?? 1);
  };
  return [...counts.entries()]
    .map(([term, count]) => [term, weight(term, count)] as const)
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([term]) => term);
}
