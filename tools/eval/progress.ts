import { SingleBar, Presets } from 'cli-progress';

/** A progress bar on stderr, so `--json` output on stdout stays clean. */
export function progressBar(label: string, total: number): SingleBar {
  const bar = new SingleBar(
    {
      format: `${label.padEnd(28)} [{bar}] {value}/{total} {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      noTTYOutput: true,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

export function eachWithProgress<T>(
  label: string,
  items: readonly T[],
  fn: (item: T, index: number) => void,
): void {
  const bar = progressBar(label, items.length);
  items.forEach((item, i) => {
    fn(item, i);
    if (i % 25 === 0 || i === items.length - 1) bar.update(i + 1);
  });
  bar.stop();
}
