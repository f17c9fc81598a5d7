import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { WIRE_FORMATS } from '@lib/contracts';
import { APP_CONFIG, type Env } from '@lib/config';
import { withCorrelation } from '@lib/observability';
import { PeriodicTask } from '../common/periodic-task';
import { RejectedInputError } from '../intake/intake.errors';
import { IntakeService } from '../intake/intake.service';
import { SourceRepository, type DueFeed } from '@lib/admin';
import { failureDelaySeconds, fetchFeed } from './feed-fetcher';

const FEEDS_PER_TICK = 10;

/** Polls registered feeds when they are due; each feed is claimed by one ingest replica per poll. */
@Injectable()
export class FeedPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger(FeedPoller.name);
  private readonly task: PeriodicTask;

  constructor(
    private readonly sources: SourceRepository,
    private readonly intake: IntakeService,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {
    this.task = new PeriodicTask(config.FEED_POLL_TICK_MS, () => this.tick());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  private async tick(): Promise<void> {
    let due: DueFeed[];
    try {
      due = await this.sources.claimDueFeeds(FEEDS_PER_TICK);
    } catch (error) {
      this.log.warn(`cannot claim feeds (database unavailable?): ${String(error)}`);
      return;
    }
    await Promise.all(due.map((feed) => this.poll(feed)));
  }

  async poll(feed: DueFeed): Promise<void> {
    const fetched = await fetchFeed(
      feed.url,
      feed,
      this.config.FEED_FETCH_TIMEOUT_MS,
      this.config.INGEST_MAX_BODY_BYTES,
    );
    try {
      if (fetched.status === 'not-modified') {
        await this.sources.recordPollSuccess(feed.id, feed, false);
        return;
      }
      if (fetched.status === 'failed') {
        await this.fail(feed, fetched.reason);
        return;
      }
      const correlationId = randomUUID();
      const result = await withCorrelation(correlationId, () =>
        this.intake.submit({
          bytes: fetched.bytes,
          source: feed.name,
          provider: feed.provider ?? undefined,
          transport: 'feed',
          contentType: fetched.contentType,
          filename: new URL(feed.url).pathname,
          forcedFormat: WIRE_FORMATS.find((f) => f === feed.format),
          correlationId,
          receivedAt: new Date(),
        }),
      );
      const accepted = result.results.filter((r) => r.status === 'accepted').length;
      if (accepted > 0)
        this.log.log(`feed ${feed.name}: ${accepted} new of ${result.results.length}`);
      await this.sources.recordPollSuccess(
        feed.id,
        { etag: fetched.etag, lastModified: fetched.lastModified },
        accepted > 0,
      );
    } catch (error) {
      if (error instanceof RejectedInputError)
        await this.fail(
          feed,
          `${error.wireError.code}: ${error.message} (rejected item ${error.rejectedItemId})`,
        );
      else this.log.warn(`feed ${feed.name} poll not recorded: ${String(error)}`);
    }
  }

  private async fail(feed: DueFeed, reason: string): Promise<void> {
    const delay = failureDelaySeconds(feed.intervalSeconds, feed.consecutiveFailures);
    this.log.warn(
      `feed ${feed.name} failed (${feed.consecutiveFailures + 1} in a row), next try in ${delay}s: ${reason}`,
    );
    await this.sources.recordPollFailure(feed.id, reason, delay);
  }
}
