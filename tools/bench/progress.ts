import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  update(value: number, detail?: string): void;
  stop(): void;
}

/**
 * A bar on stderr, so `--json` on stdout stays one clean object. Without a terminal (CI, a log
 * file) it prints a plain line every few seconds instead of redrawing.
 */
export function progressBar(label: string, total: number, unit: string): Progress {
  const bar = new SingleBar(
    {
      format: `${label.padEnd(12)} [{bar}] {value}/{total} ${unit} {percentage}% {duration_formatted} {detail}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
      noTTYOutput: !process.stderr.isTTY,
      notTTYSchedule: 5_000,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { detail: '' });
  return {
    update: (value, detail = '') => bar.update(Math.min(value, total), { detail }),
    stop: () => bar.stop(),
  };
}
