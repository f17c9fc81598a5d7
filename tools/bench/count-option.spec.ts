import { countOption } from './count-option';

describe('countOption', () => {
  it('reads whole numbers from the minimum up', () => {
    expect(countOption('search-warmup', '0', 0)).toBe(0);
    expect(countOption('search-rate', '50')).toBe(50);
  });

  it.each([['4k'], [''], [' '], ['2.5'], ['-1'], ['NaN']])(
    'refuses %j, naming the option',
    (raw) => {
      expect(() => countOption('search-warmup', raw, 0)).toThrow(
        /--search-warmup expects a whole number of at least 0/,
      );
    },
  );

  it('refuses a value below the minimum', () => {
    expect(() => countOption('batch-size', '0')).toThrow(
      '--batch-size expects a whole number of at least 1, got "0"',
    );
  });
});
