/** Sparse vector with ascending indices; the representation for TF-IDF documents. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const ai = a.indices[i] ?? 0;
    const bj = b.indices[j] ?? 0;
    if (ai === bj) {
      sum += (a.values[i] ?? 0) * (b.values[j] ?? 0);
      i += 1;
      j += 1;
    } else if (ai < bj) i += 1;
    else j += 1;
  }
  return sum;
}

/** Builds a sorted, L2-normalised vector from index -> weight pairs. */
export function normalisedVector(weights: ReadonlyMap<number, number>): SparseVector {
  const entries = [...weights.entries()].sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return {
    indices: Int32Array.from(entries.map(([i]) => i)),
    values: Float64Array.from(entries.map(([, w]) => w / norm)),
  };
}
