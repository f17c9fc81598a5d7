import { sliceBatch } from './batch-slices';

const message = (bytes: number, key = 'k') => ({
  key: Buffer.from(key),
  value: Buffer.alloc(bytes),
});
const sizes = (slices: { value: Buffer | null }[][]) =>
  slices.map((slice) => slice.map((m) => m.value?.length ?? 0));

describe('sliceBatch', () => {
  it('cuts by count when messages are small', () => {
    const slices = sliceBatch(
      Array.from({ length: 7 }, () => message(10)),
      3,
      1_000_000,
    );
    expect(sizes(slices)).toEqual([[10, 10, 10], [10, 10, 10], [10]]);
  });

  it('cuts by bytes (key and value) before the count is reached, keeping order', () => {
    const batch = [message(400), message(400), message(199), message(400), message(500)];
    // 1 byte of key each: 401 + 401 + 200 = 1,002 > 1,000, so the third starts a new slice;
    // 200 + 401 + 501 = 1,102, so the fifth does too.
    expect(sizes(sliceBatch(batch, 100, 1_000))).toEqual([[400, 400], [199, 400], [500]]);
  });

  it('gives a message larger than the budget a slice of its own', () => {
    const batch = [message(10), message(5_000), message(10), message(10)];
    expect(sizes(sliceBatch(batch, 100, 1_000))).toEqual([[10], [5_000], [10, 10]]);
  });

  it('returns no slices for no messages and counts a message without a value as its key', () => {
    expect(sliceBatch([], 10, 10)).toEqual([]);
    const empty = { key: Buffer.from('abc'), value: null };
    expect(sliceBatch([empty, empty, empty], 10, 6)).toEqual([[empty, empty], [empty]]);
  });
});
