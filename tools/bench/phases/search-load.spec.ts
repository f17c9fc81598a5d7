import { JIT_SETTLED_PERCENT, latencyWindows, warmUpDone } from './search-load';

describe('warmUpDone', () => {
  const bounds = { min: 1000, max: 4000 };

  it('goes on below the minimum, however quiet the JIT', () => {
    expect(warmUpDone(500, 0, bounds)).toEqual({ done: false, settled: false });
  });

  it('goes on while the JIT is busy, until the cap', () => {
    expect(warmUpDone(1500, 30, bounds)).toEqual({ done: false, settled: false });
    expect(warmUpDone(4000, 30, bounds)).toEqual({ done: true, settled: false });
  });

  it('stops once the JIT takes less than the settled share', () => {
    expect(warmUpDone(1500, JIT_SETTLED_PERCENT - 0.1, bounds)).toEqual({
      done: true,
      settled: true,
    });
    expect(warmUpDone(1500, JIT_SETTLED_PERCENT, bounds).done).toBe(false);
  });

  it('takes a settled share of its own where one is given', () => {
    expect(warmUpDone(1500, 10, { ...bounds, settledPercent: 12 })).toEqual({
      done: true,
      settled: true,
    });
    expect(warmUpDone(1500, 12, { ...bounds, settledPercent: 12 }).done).toBe(false);
  });

  it('stops at the minimum when the JIT cannot be watched', () => {
    expect(warmUpDone(1000, null, bounds)).toEqual({ done: true, settled: false });
  });
});

describe('latencyWindows', () => {
  it('groups samples by when they were due, in order', () => {
    const samples = [
      { dueSecond: 16, ms: 30 },
      { dueSecond: 0.5, ms: 10 },
      { dueSecond: 14.9, ms: 20 },
      { dueSecond: 31, ms: 5 },
    ];
    expect(latencyWindows(samples, 15)).toEqual([
      { fromSecond: 0, count: 2, p50: 10, p99: 20 },
      { fromSecond: 15, count: 1, p50: 30, p99: 30 },
      { fromSecond: 30, count: 1, p50: 5, p99: 5 },
    ]);
  });
});
