import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { errors, type Client } from '@elastic/elasticsearch';
import { Gauge, type Registry } from 'prom-client';
import { APP_CONFIG, type Env } from '@lib/config';
import { errorMessage } from '@lib/kafka';
import { METRICS_REGISTRY } from '@lib/observability';
import { SEARCH_CLIENT } from '@lib/search';
import { BacklogRefreshPolicy, type RefreshAction } from './backlog-refresh.policy';

/** How often the backlog is looked at when no batch arrives (a drained or revoked partition). */
const CHECK_EVERY_MS = 5_000;
const REASSERT_MS = 10_000;
const FORGET_MS = 30_000;

/**
 * Holds the stories index's refreshes back while this indexer works through a backlog
 * (`ES_BACKLOG_MESSAGES` behind), and once it has caught up restores `ES_REFRESH_INTERVAL`,
 * which refreshes at once: the last stories of a replay wait for no relaxed interval.
 */
@Injectable()
export class BacklogRefreshService implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger(BacklogRefreshService.name);
  private readonly policy: BacklogRefreshPolicy | null;
  private readonly relaxedGauge: Gauge;
  private applying = false;
  /** After a failed attempt the engine is left alone this long. */
  private retryAt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Env,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    const relaxAt = config.ES_BACKLOG_MESSAGES;
    this.policy =
      relaxAt > 0
        ? new BacklogRefreshPolicy({
            relaxAt,
            restoreAt: Math.floor(relaxAt / 10),
            reassertMs: REASSERT_MS,
            forgetMs: FORGET_MS,
          })
        : null;
    this.relaxedGauge = new Gauge({
      name: 'newswire_index_refresh_relaxed',
      help: `1 while this indexer holds the stories index at ES_BACKLOG_REFRESH_INTERVAL for a backlog`,
      registers: [registry],
    });
  }

  /** An index left relaxed (its indexer stopped while behind) is restored once this one has caught up. */
  async onModuleInit(): Promise<void> {
    if (!this.policy) return;
    try {
      const settings = await this.client.indices.getSettings({
        index: this.config.ES_STORIES_ALIAS,
        name: 'index.refresh_interval',
        flat_settings: true,
      });
      const relaxed = Object.values(settings).some(
        (index) =>
          index.settings?.['index.refresh_interval'] === this.config.ES_BACKLOG_REFRESH_INTERVAL,
      );
      if (relaxed) this.policy.adopt();
    } catch (error) {
      // No index yet (a first start): nothing was left relaxed.
      if (!(error instanceof errors.ResponseError && error.statusCode === 404))
        this.log.warn(`could not read the refresh interval: ${errorMessage(error)}`);
    }
    this.timer = setInterval(() => this.check(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** A batch from `partition` arrived with `messagesBehind` more after it. */
  observe(partition: number, messagesBehind: number | undefined): void {
    if (!this.policy || messagesBehind === undefined) return;
    this.policy.record(partition, messagesBehind, Date.now());
    this.check();
  }

  private check(): void {
    const now = Date.now();
    if (!this.policy || this.applying || now < this.retryAt) return;
    const action = this.policy.next(now);
    if (!action) return;
    this.applying = true;
    void this.apply(this.policy, action).finally(() => {
      this.applying = false;
    });
  }

  private async apply(policy: BacklogRefreshPolicy, action: RefreshAction): Promise<void> {
    const index = this.config.ES_STORIES_ALIAS;
    const interval =
      action === 'relax'
        ? this.config.ES_BACKLOG_REFRESH_INTERVAL
        : this.config.ES_REFRESH_INTERVAL;
    try {
      // The engine refreshes whenever the interval changes, so on restoring the backlog shows at once.
      await this.client.indices.putSettings({ index, settings: { refresh_interval: interval } });
      if (policy.holdsRelaxed !== (action === 'relax'))
        this.log.log(
          `${action === 'relax' ? 'backlog of' : 'caught up at'} ${policy.backlog(Date.now())} ` +
            `messages: refresh interval ${interval}`,
        );
      policy.carriedOut(action, Date.now());
      this.relaxedGauge.set(action === 'relax' ? 1 : 0);
    } catch (error) {
      this.retryAt = Date.now() + REASSERT_MS;
      this.log.warn(`could not set the refresh interval to ${interval}: ${errorMessage(error)}`);
    }
  }
}
