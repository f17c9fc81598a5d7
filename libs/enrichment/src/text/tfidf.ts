import { normalisedVector, type SparseVector } from './sparse-vector';

/** Vocabulary with inverse document frequencies, learnt from a corpus. */
export interface TfidfModel {
  vocabulary: ReadonlyMap<string, number>;
  idf: Float64Array;
}

export interface TfidfOptions {
  /** Terms in fewer documents are dropped (typos, one-off numbers). */
  minDocumentFrequency?: number;
  /** Terms in more than this share of documents carry no signal. */
  maxDocumentShare?: number;
}

/** Learns a vocabulary and smoothed IDF (ln((1+N)/(1+df)) + 1, as in common toolkits). */
export function fitTfidf(
  documents: readonly (readonly string[])[],
  options: TfidfOptions = {},
): TfidfModel {
  const minDf = options.minDocumentFrequency ?? 2;
  const maxShare = options.maxDocumentShare ?? 0.5;
  const df = new Map<string, number>();
  for (const terms of documents)
    for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
  const n = documents.length;
  const kept = [...df.entries()]
    .filter(([, count]) => count >= minDf && count / n <= maxShare)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const vocabulary = new Map<string, number>();
  const idf = new Float64Array(kept.length);
  kept.forEach(([term, count], i) => {
    vocabulary.set(term, i);
    idf[i] = Math.log((1 + n) / (1 + count)) + 1;
  });
  return { vocabulary, idf };
}

/** Sublinear TF (1 + ln tf) times IDF, L2-normalised; unknown terms are ignored. */
export function tfidfVector(model: TfidfModel, terms: readonly string[]): SparseVector {
  const counts = new Map<number, number>();
  for (const term of terms) {
    const index = model.vocabulary.get(term);
    if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  const weights = new Map<number, number>();
  for (const [index, tf] of counts)
    weights.set(index, (1 + Math.log(tf)) * (model.idf[index] ?? 1));
  return normalisedVector(weights);
}
