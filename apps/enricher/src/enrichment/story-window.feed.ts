import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { Gauge, type Registry } from 'prom-client';
import { STORY_ENRICHED_V1, Topics, storyEnrichedV1Schema } from '@lib/contracts';
import { APP_CONFIG, type Env } from '@lib/config';
import { KafkaPublisher, errorMessage } from '@lib/kafka';
import { METRICS_REGISTRY } from '@lib/observability';
import { SEARCH_CLIENT } from '@lib/search';
import { StoryWindow } from './story-window';
import { warmUpWindow, warmUpWithRetries } from './story-window.warm-up';

/** How long start-up waits for the feed's partitions before reading the index anyway. */
const JOIN_WAIT_MS = 30_000;
const RESTART_DELAY_MS = 5_000;
const FEED_FETCH_BYTES = 512 * 1024;
/** How long start-up keeps trying to read the index (a fresh engine may not have its shards yet). */
const WARM_UP_DEADLINE_MS = 60_000;

/**
 * Keeps every replica's window complete. Each replica follows the enriched topic (all
 * partitions: a group of its own that commits nothing, so it starts at the end and leaves no
 * offsets behind) and takes in what the other replicas enriched; then, before the enricher
 * consumes anything, it reads the newest indexed stories into the window.
 */
@Injectable()
export class StoryWindowFeed implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger(StoryWindowFeed.name);
  private consumer: Consumer | null = null;
  private stopping = false;
  /** Uris the feed took out while the index was being read: the index may still show them. */
  private gone: Set<string> | null = new Set();

  constructor(
    private readonly window: StoryWindow,
    @Inject(SEARCH_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Env,
    @Inject(METRICS_REGISTRY) registry: Registry,
    // Built once the pipeline's topics exist.
    @Inject(KafkaPublisher) _publisher: KafkaPublisher,
  ) {
    new Gauge({
      name: 'newswire_enricher_window_stories',
      help: 'Stories held in the enricher window as related-link candidates (of ENRICHMENT_RELATED_WINDOW)',
      registers: [registry],
      collect() {
        this.set(window.related.size);
      },
    });
  }

  async onModuleInit(): Promise<void> {
    await this.follow();
    const started = Date.now();
    const alias = this.config.ES_STORIES_ALIAS;
    const result = await warmUpWithRetries(
      () =>
        warmUpWindow(
          this.window,
          this.client,
          alias,
          this.config.ENRICHMENT_WINDOW_WARM_UP,
          (uri) => this.gone?.has(uri) ?? false,
        ),
      {
        deadlineMs: WARM_UP_DEADLINE_MS,
        baseDelayMs: 500,
        onRetry: (attempt, error, delay) =>
          this.log.warn(
            `window: reading ${alias} failed (${error}); attempt ${attempt + 1} in ${delay} ms`,
          ),
      },
    );
    this.gone = null;
    const held = `${this.window.related.size} held after ${Date.now() - started} ms`;
    if (result.complete)
      this.log.log(`window: ${result.taken} stories read from ${alias}; ${held}`);
    else
      this.log.warn(
        `window: gave up reading ${alias} (${result.error}); ${held}, the rest fills as stories are enriched`,
      );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.consumer?.disconnect().catch(() => undefined);
  }

  private async follow(): Promise<void> {
    const kafka = new Kafka({
      clientId: `${this.config.KAFKA_CLIENT_ID}-enricher-window`,
      brokers: this.config.KAFKA_BROKERS,
      logLevel: logLevel.WARN,
      retry: { retries: 10, maxRetryTime: 5_000 },
    });
    const groupId = `${this.config.KAFKA_GROUP_PREFIX}.enricher-window.${hostname()}.${process.pid}`;
    // Small fetches: the feed is read as it comes, and its buffers count against the enricher's
    // memory (a record larger than this still arrives, alone).
    const consumer = kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      maxBytes: FEED_FETCH_BYTES,
      maxBytesPerPartition: FEED_FETCH_BYTES,
    });
    this.consumer = consumer;
    const joined = new Promise<boolean>((resolve) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve(true));
      setTimeout(() => resolve(false), JOIN_WAIT_MS).unref();
    });
    consumer.on(consumer.events.CRASH, (event) => {
      if (event.payload.restart || this.stopping || this.consumer !== consumer) return;
      this.log.error(`window feed stopped (${event.payload.error.message}); following again`);
      setTimeout(() => void this.followAgain(), RESTART_DELAY_MS).unref();
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [Topics.storyEnriched], fromBeginning: false });
    await consumer.run({ autoCommit: false, eachMessage: ({ message }) => this.take(message) });
    if (!(await joined))
      this.log.warn(`window feed has no partitions after ${JOIN_WAIT_MS} ms; reading the index`);
  }

  private async followAgain(): Promise<void> {
    if (this.stopping) return;
    try {
      await this.consumer?.disconnect().catch(() => undefined);
      await this.follow();
    } catch (error) {
      this.log.error(`window feed: ${errorMessage(error)}`);
      setTimeout(() => void this.followAgain(), RESTART_DELAY_MS).unref();
    }
  }

  /** Never throws: a bad event costs the window one story, not the feed. */
  private take(message: KafkaMessage): Promise<void> {
    try {
      if (!message.value) return Promise.resolve();
      const raw = JSON.parse(message.value.toString('utf8')) as {
        eventType?: string;
        payload?: { story?: { uri?: string; version?: number } };
      };
      if (raw.eventType !== STORY_ENRICHED_V1) return Promise.resolve();
      const { uri, version } = raw.payload?.story ?? {};
      // This replica's own stories were taken in when they were enriched.
      if (typeof uri === 'string' && typeof version === 'number' && this.window.holds(uri, version))
        return Promise.resolve();
      const { story, enrichment } = storyEnrichedV1Schema.parse(raw).payload;
      this.window.remember({ story, ...enrichment });
      if (story.pubstatus !== 'usable') this.gone?.add(story.uri);
    } catch (error) {
      this.log.warn(`window feed: event skipped (${errorMessage(error)})`);
    }
    return Promise.resolve();
  }
}
