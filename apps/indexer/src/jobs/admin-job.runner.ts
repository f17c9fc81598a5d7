import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type Env } from '@lib/config';
import type { AdminJobRequestedV1Payload } from '@lib/contracts';
import { createDataSource } from '@lib/database';
import { errorMessage } from '@lib/kafka';
import {
  AdminJobs,
  parseDeadLetterFilter,
  replayDeadLetters,
  replayTopics,
  runReindex,
  type JobReporter,
} from '@lib/admin';
import { SEARCH_CLIENT } from '@lib/search';

const REPORT_EVERY_MS = 1_000;

/**
 * Runs the maintenance jobs operators ask for through the api. The indexer runs them because a
 * reindex writes the index, which only the indexer does; the database pool is opened at the first
 * job, so an indexer that never runs one never needs PostgreSQL.
 */
@Injectable()
export class AdminJobRunner implements OnApplicationShutdown {
  private readonly log = new Logger(AdminJobRunner.name);
  private db: Promise<DataSource> | null = null;
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: Env,
    @Inject(SEARCH_CLIENT) private readonly client: Client,
  ) {}

  /**
   * Claims the job and starts it without waiting for it: a reindex takes minutes, longer than a
   * consumer may hold a batch. A job another runner claimed (a redelivery), or that this
   * deployment's database does not know, is left alone.
   */
  async start(request: AdminJobRequestedV1Payload): Promise<void> {
    const jobs = new AdminJobs(await this.database());
    await jobs.interruptStale();
    if (!(await jobs.claim(request.jobId))) {
      this.log.log(`job ${request.jobId} (${request.kind}) is not queued here; left alone`);
      return;
    }
    this.log.log(`job ${request.jobId} (${request.kind}) started`);
    const run = this.run(jobs, request).finally(() => this.running.delete(request.jobId));
    this.running.set(request.jobId, run);
  }

  private async run(jobs: AdminJobs, request: AdminJobRequestedV1Payload): Promise<void> {
    const reporter = new RowReporter(jobs, request.jobId);
    try {
      const result = await this.execute(request, reporter, await this.database());
      await reporter.flush();
      await jobs.finish(request.jobId, {
        ok: result.ok,
        result: result.value,
        ...(result.ok ? {} : { error: result.error }),
      });
      this.log.log(`job ${request.jobId} (${request.kind}) ${result.ok ? 'succeeded' : 'failed'}`);
    } catch (error) {
      await reporter.flush().catch(() => undefined);
      await jobs.finish(request.jobId, { ok: false, error: errorMessage(error) });
      this.log.error(`job ${request.jobId} (${request.kind}) failed: ${errorMessage(error)}`);
    } finally {
      reporter.stop();
    }
  }

  private async execute(
    request: AdminJobRequestedV1Payload,
    reporter: JobReporter,
    db: DataSource,
  ): Promise<{ ok: boolean; value: unknown; error?: string }> {
    if (request.kind === 'reindex') {
      const result = await runReindex(
        this.client,
        db,
        {
          alias: this.config.ES_STORIES_ALIAS,
          refreshInterval: this.config.ES_REFRESH_INTERVAL,
          batchSize: request.params.batchSize,
          verifyTimeoutMs: request.params.verifyTimeoutSeconds * 1000,
        },
        reporter,
      );
      return result.ok
        ? { ok: true, value: result }
        : { ok: false, value: result, error: `verification failed; ${result.index} abandoned` };
    }
    const { topic, filters, fromBeginning, dryRun } = request.params;
    const summary = await replayDeadLetters(
      {
        brokers: this.config.KAFKA_BROKERS,
        clientId: this.config.KAFKA_CLIENT_ID,
        groupPrefix: this.config.KAFKA_GROUP_PREFIX,
        compression: this.config.KAFKA_COMPRESSION,
      },
      {
        ...replayTopics(topic),
        filters: filters.map(parseDeadLetterFilter),
        fromBeginning,
        dryRun,
        group: undefined,
      },
      reporter,
    );
    return summary.unroutable > 0
      ? {
          ok: false,
          value: summary,
          error: `${summary.unroutable} dead letter(s) without a source topic`,
        }
      : { ok: true, value: summary };
  }

  private database(): Promise<DataSource> {
    this.db ??= createDataSource({
      url: this.config.DATABASE_URL,
      poolSize: 2,
      applicationName: `${this.config.KAFKA_CLIENT_ID}-jobs`,
    })
      .initialize()
      .catch((error: unknown) => {
        this.db = null;
        throw error;
      });
    return this.db;
  }

  /** A job cut short by shutdown is marked interrupted at once rather than after the heartbeat goes stale. */
  async onApplicationShutdown(): Promise<void> {
    if (!this.db) return;
    const db = await this.db.catch(() => null);
    if (!db) return;
    const jobs = new AdminJobs(db);
    for (const id of this.running.keys())
      await jobs.interrupt(id, 'the indexer running it stopped').catch(() => undefined);
    await db.destroy();
  }
}

/** Buffers what a job says and writes it with its progress at most once a second, which is also its heartbeat. */
class RowReporter implements JobReporter {
  private said: string[] = [];
  private progressed = { done: 0, total: null as number | null };
  private readonly timer: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly jobs: AdminJobs,
    private readonly id: string,
  ) {
    this.timer = setInterval(() => void this.flush().catch(() => undefined), REPORT_EVERY_MS);
  }

  say(message: string): void {
    this.said.push(message);
  }

  progress(done: number, total: number): void {
    this.progressed = { done, total };
  }

  flush(): Promise<void> {
    const said = this.said;
    this.said = [];
    const progress = this.progressed;
    // One failed write (a database blip) must not fail every later one: each starts afresh.
    this.writing = this.writing
      .catch(() => undefined)
      .then(() => this.jobs.report(this.id, progress, said));
    return this.writing;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
