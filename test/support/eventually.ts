/** Polls until `probe` returns something truthy, or fails with the last error after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs: number,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(
    `condition not met within ${timeoutMs} ms${lastError instanceof Error ? `: ${lastError.message}` : ''}`,
  );
}

/**
 * How long a story may take through the whole pipeline in a test on a busy 2-core machine.
 * Tests assert that it arrives; how fast is measured by `npm run bench`, not here.
 */
export const PIPELINE_TIMEOUT_MS = 30_000;
