import { type Counts, f1 } from './metrics';

export interface ThresholdTuning {
  thresholds: number[];
  atLeastOne: boolean;
  microF1: number;
}

const GRID = [
  0.01,
  0.02,
  0.03,
  0.04,
  ...Array.from({ length: 19 }, (_, i) => Math.round(0.05 * (i + 1) * 100) / 100),
];
/** For a class the held-out stories never predict right, any threshold is a guess; lean to recall. */
const UNLEARNT_THRESHOLD = 0.3;

function microF1(
  probabilities: readonly Float64Array[],
  labels: readonly Int32Array[],
  thresholds: readonly number[],
  atLeastOne: boolean,
): number {
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  probabilities.forEach((p, d) => {
    const gold = new Set(labels[d] ?? []);
    const chosen: number[] = [];
    p.forEach((v, k) => {
      if (v >= (thresholds[k] ?? 0.5)) chosen.push(k);
    });
    if (chosen.length === 0 && atLeastOne && p.length > 0) chosen.push(p.indexOf(Math.max(...p)));
    for (const k of chosen) {
      if (gold.has(k)) total.tp += 1;
      else total.fp += 1;
    }
    for (const k of gold) if (!chosen.includes(k)) total.fn += 1;
  });
  return f1(total);
}

/**
 * Per-class thresholds that maximise each class's F1 on held-out stories (SCut). A class with
 * no held-out positives keeps the threshold that is best for micro-F1 over all classes.
 */
export function tuneThresholds(
  probabilities: readonly Float64Array[],
  labels: readonly Int32Array[],
  classCount: number,
): ThresholdTuning {
  let globalBest = 0.5;
  let globalScore = -1;
  for (const t of GRID) {
    const score = microF1(probabilities, labels, new Array<number>(classCount).fill(t), false);
    // Ties go to the threshold nearest 0.5, the calibrated decision point.
    if (
      score > globalScore + 1e-9 ||
      (Math.abs(score - globalScore) <= 1e-9 && Math.abs(t - 0.5) < Math.abs(globalBest - 0.5))
    ) {
      globalScore = score;
      globalBest = t;
    }
  }
  const thresholds = new Array<number>(classCount).fill(globalBest);
  for (let k = 0; k < classCount; k += 1) {
    const positives = labels.filter((y) => y.includes(k)).length;
    if (positives === 0) continue;
    let best = globalBest;
    let bestScore = -1;
    for (const t of GRID) {
      const c: Counts = { tp: 0, fp: 0, fn: 0 };
      probabilities.forEach((p, d) => {
        const predicted = (p[k] ?? 0) >= t;
        const gold = labels[d]?.includes(k) ?? false;
        if (predicted && gold) c.tp += 1;
        else if (predicted) c.fp += 1;
        else if (gold) c.fn += 1;
      });
      // Ties go to the threshold nearer the global one: few held-out examples make extremes noisy.
      const score = f1(c);
      if (
        score > bestScore + 1e-9 ||
        (Math.abs(score - bestScore) <= 1e-9 &&
          Math.abs(t - globalBest) < Math.abs(best - globalBest))
      ) {
        bestScore = score;
        best = t;
      }
    }
    thresholds[k] = bestScore > 0 ? best : Math.min(globalBest, UNLEARNT_THRESHOLD);
  }
  const without = microF1(probabilities, labels, thresholds, false);
  const withOne = microF1(probabilities, labels, thresholds, true);
  return { thresholds, atLeastOne: withOne > without, microF1: Math.max(without, withOne) };
}
