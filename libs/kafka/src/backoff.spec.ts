import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles the ceiling with each attempt and stays within it', () => {
    expect(backoffDelay(1, 100, 30_000, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, 30_000, () => 1)).toBe(400);
    expect(backoffDelay(3, 100, 30_000, () => 0)).toBe(200);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(30, 100, 5_000, () => 1)).toBe(5_000);
  });
});
