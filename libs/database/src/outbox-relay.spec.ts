import { withinBudget } from './outbox-relay';

const rows = (...sizes: number[]) => sizes.map((bytes, i) => ({ id: String(i + 1), bytes }));

describe('withinBudget', () => {
  it('takes the oldest rows as far as their bytes fit', () => {
    expect(withinBudget(rows(40, 50, 10, 5), 100)).toEqual(['1', '2', '3']);
    expect(withinBudget(rows(40, 50, 10), 1_000)).toEqual(['1', '2', '3']);
  });

  it('sends a row larger than the budget alone, and stops at the first that does not fit', () => {
    expect(withinBudget(rows(500, 1), 100)).toEqual(['1']);
    expect(withinBudget(rows(10, 500, 1), 100)).toEqual(['1']);
  });

  it('reads sizes PostgreSQL returns as strings', () => {
    expect(withinBudget([{ id: '7', bytes: '30' as unknown as number }], 10)).toEqual(['7']);
  });
});
