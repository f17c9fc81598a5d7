import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@lib/observability';
import { SourceRepository } from '@lib/admin';

const CHECK_EVERY_MS = 15_000;

/**
 * Exposes each source's last item time and idle window, and logs once when a source goes quiet
 * longer than its window: agencies fail silently, and a quiet wire is news to the desk.
 */
@Injectable()
export class SourceHealthMonitor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger(SourceHealthMonitor.name);
  private readonly lastItem: Gauge<'source'>;
  private readonly idleWindow: Gauge<'source'>;
  private readonly quiet = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sources: SourceRepository,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.lastItem = new Gauge({
      name: 'newswire_source_last_item_timestamp_seconds',
      help: 'When a source last delivered a new story',
      labelNames: ['source'],
      registers: [registry],
    });
    this.idleWindow = new Gauge({
      name: 'newswire_source_idle_window_seconds',
      help: 'How long a source may stay quiet before it is alerted on',
      labelNames: ['source'],
      registers: [registry],
    });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.check().catch(() => undefined), CHECK_EVERY_MS);
  }

  beforeApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async check(): Promise<void> {
    for (const source of await this.sources.list()) {
      if (source.revokedAt) continue;
      const last = Date.parse(source.lastItemAt ?? source.createdAt) / 1000;
      this.lastItem.set({ source: source.name }, last);
      this.idleWindow.set({ source: source.name }, source.idleWindowSeconds);
      const isQuiet = Date.now() / 1000 - last > source.idleWindowSeconds;
      if (isQuiet && !this.quiet.has(source.name))
        this.log.warn(
          `source ${source.name} quiet since ${source.lastItemAt ?? 'registration'} (idle window ${source.idleWindowSeconds}s)`,
        );
      if (isQuiet) this.quiet.add(source.name);
      else this.quiet.delete(source.name);
    }
  }
}
