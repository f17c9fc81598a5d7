/**
 * A numeric command-line option as a whole number of at least `min`: a typo must stop the run,
 * not quietly become 0 or NaN (a warm-up of "4k" skipped, a rate of NaN never pushing).
 */
export function countOption(name: string, raw: string, min = 1): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < min)
    throw new Error(
      `--${name} expects a whole number of at least ${min}, got ${JSON.stringify(raw)}`,
    );
  return value;
}
