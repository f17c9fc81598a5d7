import { latencyWindows } from './search-load';

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
