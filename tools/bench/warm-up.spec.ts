import { JIT_SETTLED_PERCENT, warmUpDone } from './warm-up';

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
