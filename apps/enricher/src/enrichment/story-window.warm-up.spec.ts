import { warmUpWithRetries, type WarmUpRetry } from './story-window.warm-up';

/** A clock that only moves when the retry loop waits. */
function fakeClock(): Pick<WarmUpRetry, 'now' | 'wait'> & { waited: number[] } {
  let time = 0;
  const waited: number[] = [];
  return {
    waited,
    now: () => time,
    wait: (ms) => {
      waited.push(ms);
      time += ms;
      return Promise.resolve();
    },
  };
}

describe('warmUpWithRetries', () => {
  it('retries a failing read until it completes, reporting each retry', async () => {
    const clock = fakeClock();
    const retries: string[] = [];
    let calls = 0;
    const result = await warmUpWithRetries(
      () => {
        calls += 1;
        return calls < 3 ? Promise.reject(new Error('no_shard_available')) : Promise.resolve(42);
      },
      {
        deadlineMs: 60_000,
        baseDelayMs: 500,
        onRetry: (attempt, error) => retries.push(`${attempt}:${error}`),
        ...clock,
      },
    );
    expect(result).toEqual({ complete: true, taken: 42 });
    expect(retries).toEqual(['1:no_shard_available', '2:no_shard_available']);
    expect(clock.waited).toHaveLength(2);
  });

  it('gives up at the deadline with the last error instead of throwing', async () => {
    const clock = fakeClock();
    let calls = 0;
    const result = await warmUpWithRetries(
      () => {
        calls += 1;
        return Promise.reject(new Error(`down ${calls}`));
      },
      { deadlineMs: 20_000, baseDelayMs: 500, onRetry: () => undefined, ...clock },
    );
    expect(result).toEqual({ complete: false, error: `down ${calls}` });
    expect(calls).toBeGreaterThan(3);
    expect(clock.waited.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(20_000);
  });
});
