import type { SparseVector } from '../text/sparse-vector';
import { seededRandom, shuffle } from './random';

export interface SgdOptions {
  epochs: number;
  /** L2 regularisation per example. */
  l2: number;
  /** Initial learning rate; decays linearly to 1% of it over the run (stabilises the final weights). */
  eta0: number;
  /** Positive examples of rare classes weigh up to this much more (sqrt of the imbalance). */
  maxPositiveWeight: number;
  seed: number;
}

export interface LinearModels {
  /** Dense weights per class, already multiplied out of the lazy L2 scale. */
  weights: Float64Array[];
  biases: Float64Array;
}

/**
 * One-vs-rest logistic regression by stochastic gradient descent on sparse L2-normalised rows.
 * L2 decay is applied lazily through a per-class scale factor, so each step costs only the
 * row's non-zeros.
 */
export function trainOneVsRest(
  rows: readonly SparseVector[],
  labels: readonly Int32Array[],
  classCount: number,
  dimension: number,
  options: SgdOptions,
): LinearModels {
  const weights = Array.from({ length: classCount }, () => new Float64Array(dimension));
  const scales = new Float64Array(classCount).fill(1);
  const biases = new Float64Array(classCount);
  const positives = new Float64Array(classCount);
  for (const y of labels) for (const k of y) positives[k] = (positives[k] ?? 0) + 1;
  const n = rows.length;
  const positiveWeight = Float64Array.from(positives, (p) =>
    Math.min(options.maxPositiveWeight, Math.sqrt(Math.max(1, n - p) / Math.max(1, p))),
  );
  // Start every bias at the class prior's log-odds so rare classes do not begin at 50%.
  positives.forEach((p, k) => {
    const prior = (p + 0.5) / (n + 1);
    biases[k] = Math.log(prior / (1 - prior));
  });
  const order = Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(options.seed);
  const isPositive = new Uint8Array(classCount);
  let t = 0;
  const steps = options.epochs * n;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    shuffle(order, random);
    for (const r of order) {
      const x = rows[r];
      const y = labels[r];
      if (!x || !y) continue;
      const eta = options.eta0 * Math.max(0.01, 1 - t / steps);
      t += 1;
      isPositive.fill(0);
      for (const k of y) isPositive[k] = 1;
      for (let k = 0; k < classCount; k += 1) {
        const w = weights[k] as Float64Array;
        let scale = scales[k] ?? 1;
        let z = biases[k] ?? 0;
        let dotProduct = 0;
        for (let i = 0; i < x.indices.length; i += 1)
          dotProduct += (w[x.indices[i] ?? 0] ?? 0) * (x.values[i] ?? 0);
        z += dotProduct * scale;
        const target = isPositive[k] ?? 0;
        const p = 1 / (1 + Math.exp(-z));
        const g = (p - target) * (target ? (positiveWeight[k] ?? 1) : 1);
        scale *= 1 - eta * options.l2;
        if (scale < 1e-9) {
          for (let j = 0; j < dimension; j += 1) w[j] = (w[j] ?? 0) * scale;
          scale = 1;
        }
        scales[k] = scale;
        if (Math.abs(g) < 1e-6) continue;
        const step = (eta * g) / scale;
        for (let i = 0; i < x.indices.length; i += 1) {
          const j = x.indices[i] ?? 0;
          w[j] = (w[j] ?? 0) - step * (x.values[i] ?? 0);
        }
        // The bias learns more slowly: it is shared by every example.
        biases[k] = (biases[k] ?? 0) - eta * g * 0.1;
      }
    }
  }
  weights.forEach((w, k) => {
    const scale = scales[k] ?? 1;
    for (let j = 0; j < dimension; j += 1) w[j] = (w[j] ?? 0) * scale;
  });
  return { weights, biases };
}
