import type { Tag } from '@lib/contracts';
import { type Counts, countSets, f1, precision, recall, sumCounts } from '@lib/enrichment';
import type { ReutersLabelMapper } from './reuters-labels';

export type EntityKindEval = 'place' | 'person' | 'organisation';

export interface EntityScore {
  precision: number;
  recall: number;
  f1: number;
  minConfidence: number;
  goldLabels: number;
}

export interface EntityCase {
  tags: readonly Tag[];
  gold: ReadonlySet<string>;
}

export function scoreEntities(
  cases: readonly EntityCase[],
  kind: EntityKindEval,
  mapper: ReutersLabelMapper,
  minConfidence: number,
): EntityScore {
  const per = new Map<string, Counts>();
  let goldLabels = 0;
  for (const c of cases) {
    countSets(mapper.labels(c.tags, kind, minConfidence), c.gold, per);
    goldLabels += c.gold.size;
  }
  const total = sumCounts(per.values());
  return {
    precision: precision(total),
    recall: recall(total),
    f1: f1(total),
    minConfidence,
    goldLabels,
  };
}

const CUTOFFS = [0, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

/** The confidence cut-off that maximises F1 on training stories (never on the test split). */
export function tuneCutoff(
  trainCases: readonly EntityCase[],
  kind: EntityKindEval,
  mapper: ReutersLabelMapper,
): number {
  let best = 0;
  let bestF1 = -1;
  for (const cutoff of CUTOFFS) {
    const score = scoreEntities(trainCases, kind, mapper, cutoff).f1;
    if (score > bestF1) {
      bestF1 = score;
      best = cutoff;
    }
  }
  return best;
}
