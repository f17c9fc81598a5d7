/** Exponential backoff with full jitter, capped: attempt 1 waits up to base, attempt n up to base·2^(n-1). */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs = 30_000,
  random = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
