import {
  contentWords,
  dot,
  fitTfidf,
  type SparseVector,
  type TfidfModel,
  tfidfVector,
} from '@lib/enrichment';

/**
 * A more_like_this stand-in: TF-IDF cosine over content words, IDF fitted on the training split.
 * The real comparison against the search engine is wired in the enricher later.
 */
export class TextSimilarity {
  readonly model: TfidfModel;
  private readonly vectors: SparseVector[];

  constructor(trainTexts: readonly string[], texts: readonly string[]) {
    this.model = fitTfidf(
      trainTexts.map((t) => contentWords(t)),
      { minDocumentFrequency: 2, maxDocumentShare: 0.5 },
    );
    this.vectors = texts.map((t) => tfidfVector(this.model, contentWords(t)));
  }

  /** The `limit` most similar other documents, best first. */
  nearest(index: number, limit: number): { index: number; similarity: number }[] {
    const query = this.vectors[index];
    if (!query) return [];
    const scored: { index: number; similarity: number }[] = [];
    this.vectors.forEach((v, j) => {
      if (j !== index) scored.push({ index: j, similarity: dot(query, v) });
    });
    return scored.sort((a, b) => b.similarity - a.similarity || a.index - b.index).slice(0, limit);
  }
}
