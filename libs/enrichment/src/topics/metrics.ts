/** Counts for one label (or summed over labels for micro averages). */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function f1(c: Counts): number {
  const denominator = 2 * c.tp + c.fp + c.fn;
  return denominator === 0 ? 0 : (2 * c.tp) / denominator;
}

export function precision(c: Counts): number {
  return c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
}

export function recall(c: Counts): number {
  return c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
}

/** Adds the comparison of one predicted set against one gold set to per-label counts. */
export function countSets(
  predicted: ReadonlySet<string>,
  gold: ReadonlySet<string>,
  perLabel: Map<string, Counts>,
): void {
  const at = (label: string): Counts => {
    let c = perLabel.get(label);
    if (!c) {
      c = { tp: 0, fp: 0, fn: 0 };
      perLabel.set(label, c);
    }
    return c;
  };
  for (const label of predicted) {
    if (gold.has(label)) at(label).tp += 1;
    else at(label).fp += 1;
  }
  for (const label of gold) if (!predicted.has(label)) at(label).fn += 1;
}

export function sumCounts(counts: Iterable<Counts>): Counts {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const c of counts) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return total;
}
