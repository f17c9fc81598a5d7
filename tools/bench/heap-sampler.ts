import { round } from './stats';

export interface HeapPeaks {
  /** Highest V8 heap in use, after the service's own garbage collection. */
  heapUsedMb: number;
  /** Highest heap V8 reserved: what the RSS mostly follows. */
  heapTotalMb: number;
  externalMb: number;
}

const GAUGES = {
  heapUsedMb: 'nodejs_heap_size_used_bytes',
  heapTotalMb: 'nodejs_heap_size_total_bytes',
  externalMb: 'nodejs_external_memory_bytes',
} as const;

/**
 * Reads each service's own heap gauges from `/metrics` every few seconds, so a high RSS can be
 * told apart: data the service keeps (heap used) or room V8 reserved and did not give back.
 */
export class HeapSampler {
  private readonly peaks = new Map<string, HeapPeaks>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly services: { name: string; metricsUrl: string }[]) {}

  start(intervalMs = 2_000): void {
    this.timer = setInterval(() => void this.sample(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  peaksOf(name: string): HeapPeaks | undefined {
    return this.peaks.get(name);
  }

  private async sample(): Promise<void> {
    await Promise.all(
      this.services.map(async ({ name, metricsUrl }) => {
        try {
          const text = await (await fetch(metricsUrl)).text();
          const peak = this.peaks.get(name) ?? { heapUsedMb: 0, heapTotalMb: 0, externalMb: 0 };
          for (const [field, gauge] of Object.entries(GAUGES) as [keyof HeapPeaks, string][]) {
            const match = new RegExp(`^${gauge}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
            if (match) peak[field] = Math.max(peak[field], round(Number(match[1]) / 1024 ** 2, 0));
          }
          this.peaks.set(name, peak);
        } catch {
          // a service busy past its answer is sampled next time
        }
      }),
    );
  }
}
