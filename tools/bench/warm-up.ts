/** When an unmeasured warm-up has done enough for a JVM's JIT compiler to have settled. */

/** Below this share of the engine's CPU in the JIT compiler, its search code counts as compiled. */
export const JIT_SETTLED_PERCENT = 5;

/**
 * Whether a warm-up can stop after a round in which the JIT took `jitSharePercent`: never before
 * `min` units of work (searches, documents), always at `max`, else once the JIT's share fell
 * below `settledPercent`.
 */
export function warmUpDone(
  sent: number,
  jitSharePercent: number | null,
  bounds: { min: number; max: number; settledPercent?: number },
): { done: boolean; settled: boolean } {
  if (sent < bounds.min) return { done: false, settled: false };
  if (jitSharePercent === null) return { done: true, settled: false };
  const settled = jitSharePercent < (bounds.settledPercent ?? JIT_SETTLED_PERCENT);
  return { done: settled || sent >= bounds.max, settled };
}
