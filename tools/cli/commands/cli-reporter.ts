import { Presets, SingleBar } from 'cli-progress';
import type { JobReporter } from '@lib/admin';

/** Messages on stderr as `<job>: message`, progress as a bar with rate and ETA (also without a TTY). */
export function cliReporter(job: string, unit: string): JobReporter & { stop(): void } {
  let bar: SingleBar | null = null;
  let startedAt = 0;
  return {
    say(message) {
      process.stderr.write(`${job}: ${message}\n`);
    },
    progress(done, total) {
      if (!bar) {
        bar = new SingleBar(
          {
            stream: process.stderr,
            format: `${job} |{bar}| {percentage}% | {value}/{total} ${unit} | {speed} ${unit}/s | ETA {eta_formatted}`,
            noTTYOutput: true,
            notTTYSchedule: 1_000,
            etaBuffer: 20,
            hideCursor: true,
          },
          Presets.shades_classic,
        );
        bar.start(total, done, { speed: 0 });
        startedAt = Date.now();
        return;
      }
      bar.setTotal(total);
      bar.update(done, {
        speed: Math.round(done / Math.max((Date.now() - startedAt) / 1000, 0.001)),
      });
      if (done >= total) this.stop();
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
