import { type Counts, countSets, f1, precision, recall, sumCounts } from '@lib/enrichment';

export interface TopicScore {
  categories: number;
  microF1: number;
  microPrecision: number;
  microRecall: number;
  macroF1: number;
}

/** Micro and macro F1 over the categories with at least one training and one test story. */
export function scoreTopics(
  predicted: readonly ReadonlySet<string>[],
  gold: readonly ReadonlySet<string>[],
  trainLabels: ReadonlySet<string>,
): TopicScore {
  const per = new Map<string, Counts>();
  predicted.forEach((p, i) => countSets(p, gold[i] ?? new Set(), per));
  const testLabels = new Set(gold.flatMap((g) => [...g]));
  const categories = [...trainLabels].filter((l) => testLabels.has(l));
  const counts = categories.map((c) => per.get(c) ?? { tp: 0, fp: 0, fn: 0 });
  const micro = sumCounts(counts);
  return {
    categories: categories.length,
    microF1: f1(micro),
    microPrecision: precision(micro),
    microRecall: recall(micro),
    macroF1: counts.reduce((s, c) => s + f1(c), 0) / Math.max(1, counts.length),
  };
}
