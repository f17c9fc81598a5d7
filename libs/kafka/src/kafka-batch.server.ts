import { Logger } from '@nestjs/common';
import { BaseRpcContext, type CustomTransportStrategy, Server } from '@nestjs/microservices';
import {
  Kafka,
  logLevel,
  type Consumer,
  type ConsumerConfig,
  type EachBatchPayload,
  type KafkaMessage,
} from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { withCorrelation } from '@lib/observability';
import { backoffDelay } from './backoff';
import { sliceBatch } from './batch-slices';
import { CORRELATION_HEADER } from './envelope.factory';
import { toDeadLetterMessage, type DeadLetter } from './dead-letter';
import type { InboundBatch, InboundMessage, MessageOutcome } from './inbound-message';
import type { ConsumerMetrics } from './consumer-metrics';
import { DependencyUnavailableError, errorMessage } from './kafka.errors';
import type { KafkaPublisher } from './kafka-publisher';
import { outcomeOf } from './outcome';

/** While a dependency is down, look again at least this often, so the backlog drains soon after it returns. */
const OUTAGE_MAX_BACKOFF_MS = 5_000;
/** How long `close` waits for the running batch; past that it is handed back uncommitted (redelivered). */
const DRAIN_TIMEOUT_MS = 7_000;
/** Messages handed to a handler at once and committed together. */
const DEFAULT_MAX_BATCH_MESSAGES = 100;
/** Bytes of messages handed to a handler at once (past the first message). */
const DEFAULT_MAX_BATCH_BYTES = 4 * 1024 * 1024;
const HEARTBEAT_TICK_MS = 1_000;

export interface KafkaBatchServerOptions {
  brokers: string[];
  clientId: string;
  groupId: string;
  maxAttempts: number;
  retryBaseMs: number;
  /** Publishes dead letters; must be connected before `listen`. */
  deadLetters: KafkaPublisher;
  partitionsConsumedConcurrently?: number;
  /** Bytes the broker waits for before answering a fetch, at most `fetchMaxWaitMs`. */
  fetchMinBytes?: number;
  fetchMaxWaitMs?: number;
  /** Messages handed to the handler at once (default 100); a larger fetch is handled in slices. */
  maxBatchMessages?: number;
  /** Bytes (keys and values) handed to the handler at once (default 4 MiB); a larger message goes alone. */
  maxBatchBytes?: number;
  metrics?: ConsumerMetrics;
  /** A crashed member's partitions wait this long before the group rebalances (default 30 s). */
  sessionTimeoutMs?: number;
}

class StoppedError extends Error {
  constructor() {
    super('consumer stopping; batch handed back uncommitted');
  }
}

/** The kafkajs consumer settings of a batch server. */
export function consumerConfigFor(options: KafkaBatchServerOptions): ConsumerConfig {
  const sessionTimeout = options.sessionTimeoutMs ?? 30_000;
  return {
    groupId: options.groupId,
    sessionTimeout,
    heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeout / 3)),
    allowAutoTopicCreation: false,
    // With 1, the broker answers a fetch as soon as one message is there: live traffic is then
    // fetched, handled and committed almost a message at a time.
    minBytes: options.fetchMinBytes ?? 1,
    maxWaitTimeInMs: options.fetchMaxWaitMs ?? 5_000,
  };
}

/**
 * The one consumer every service uses: a Nest custom transport over kafkajs `eachBatch`.
 * Handlers are `@EventPattern(topic)` methods that take an {@link InboundBatch} and return one
 * {@link MessageOutcome} per message. Offsets are resolved only after every message of the
 * batch is done or safely in its dead-letter topic, so an effect is never acknowledged before
 * it is durable. Transient failures are retried in place with backoff (order kept); after
 * `maxAttempts`, or at once for non-retriable failures, the message goes to `<topic>.dlq`.
 */
export class KafkaBatchServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(KafkaBatchServer.name);
  private consumer: Consumer | null = null;
  private stopping = false;
  private consuming = false;
  private crashes = 0;
  /** Wakes every backoff pause at once when the server closes. */
  private readonly sleepers = new Set<() => void>();

  constructor(private readonly options: KafkaBatchServerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  private async start(): Promise<void> {
    const kafka = new Kafka({
      clientId: this.options.clientId,
      brokers: this.options.brokers,
      logLevel: logLevel.WARN,
      // Reconnect attempts at most 5 s apart, so the consumer is back soon after the broker.
      retry: { retries: 10, maxRetryTime: 5_000 },
    });
    const consumer = kafka.consumer(consumerConfigFor(this.options));
    this.consumer = consumer;
    // kafkajs restarts a crashed consumer only for errors it deems retriable; otherwise the service
    // would stay up, look ready and consume nothing. Start it again ourselves (the batch is redelivered).
    consumer.on(consumer.events.CRASH, (event) => {
      if (event.payload.restart || this.stopping || this.consumer !== consumer) return;
      this.consuming = false;
      this.crashes += 1;
      const delay = Math.min(60_000, 1_000 * 2 ** Math.min(this.crashes, 6));
      this.log.error(
        `consumer crashed (${event.payload.error.message}); starting it again in ${delay} ms`,
      );
      void this.restartAfter(delay);
    });
    await consumer.connect();
    const topics = [...this.messageHandlers.keys()];
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      // Without a threshold kafkajs commits only once the whole fetch is handled: commit each
      // resolved slice, so a restart does not redo the slices already settled.
      autoCommitThreshold: 1,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.onBatch(payload),
    });
    this.consuming = true;
    this.log.log(`consuming ${topics.join(', ')} as group ${this.options.groupId}`);
  }

  private async restartAfter(delayMs: number): Promise<void> {
    await this.pause(delayMs);
    if (this.stopping) return;
    try {
      await this.start();
    } catch (error) {
      this.log.error(`consumer restart failed: ${errorMessage(error)}`);
      await this.consumer?.disconnect().catch(() => undefined);
      this.crashes += 1;
      void this.restartAfter(Math.min(60_000, delayMs * 2));
    }
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const handler = this.getHandlerByPattern(batch.topic);
    if (!handler || batch.messages.length === 0) return;
    // A fetch can hold a megabyte of messages per partition: worked through in slices, each
    // committed as soon as it is settled, so a slow handler neither outlives the session nor
    // redoes the whole fetch after a restart, and a run of large stories is not held at once.
    // Slices run in order: one key keeps its order.
    const slices = sliceBatch(
      batch.messages,
      this.options.maxBatchMessages ?? DEFAULT_MAX_BATCH_MESSAGES,
      this.options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES,
    );
    for (const slice of slices) {
      if (this.stopping || !payload.isRunning() || payload.isStale()) return;
      const messages = slice.map((m) => toInbound(batch.topic, batch.partition, m));
      const last = slice[slice.length - 1];
      const behind = messagesBehind(batch.highWatermark, last.offset);
      const stopTimer = this.options.metrics?.timeBatch();
      // kafkajs sends at most one heartbeat per interval; ticking keeps the member alive while
      // a handler works (the event loop runs between messages).
      const ticker = setInterval(
        () => void payload.heartbeat().catch(() => undefined),
        HEARTBEAT_TICK_MS,
      );
      try {
        await this.settle(
          messages,
          (pending) =>
            this.invoke(handler, {
              topic: batch.topic,
              partition: batch.partition,
              messages: pending,
              behind,
            }),
          payload,
        );
      } catch (error) {
        if (error instanceof StoppedError) return;
        throw error;
      } finally {
        clearInterval(ticker);
      }
      payload.resolveOffset(last.offset);
      await payload.commitOffsetsIfNecessary();
      this.crashes = 0;
      stopTimer?.();
      this.options.metrics?.recordLag(batch.topic, batch.partition, behind);
    }
  }

  /**
   * Drives the batch until every message is done or dead-lettered. Each message has its own
   * attempt count; a round in which a dependency was unavailable counts against none of them.
   */
  private async settle(
    messages: InboundMessage[],
    run: (pending: InboundMessage[]) => Promise<MessageOutcome[]>,
    payload: EachBatchPayload,
  ): Promise<void> {
    let pending = messages;
    let outageRounds = 0;
    const attempts = new Map<InboundMessage, number>();
    const firstFailure = new Map<InboundMessage, Date>();
    while (pending.length > 0) {
      if (this.stopping || !payload.isRunning() || payload.isStale()) throw new StoppedError();
      const outcomes = await run(pending);
      const now = new Date();
      const retry: InboundMessage[] = [];
      const dead: DeadLetter[] = [];
      let outage: DependencyUnavailableError | null = null;
      let failure: unknown = null;
      for (const [index, message] of pending.entries()) {
        const outcome = outcomes[index] ?? {
          status: 'retry',
          error: new Error('handler returned no outcome'),
        };
        if (outcome.status === 'done') continue;
        if (!firstFailure.has(message)) firstFailure.set(message, now);
        const isOutage =
          outcome.status === 'retry' && outcome.error instanceof DependencyUnavailableError;
        if (isOutage) outage = outcome.error as DependencyUnavailableError;
        else failure ??= outcome.error;
        const spent = (attempts.get(message) ?? 0) + (isOutage ? 0 : 1);
        attempts.set(message, spent);
        const letter = {
          message,
          error: outcome.error,
          attempts: spent,
          firstFailureAt: firstFailure.get(message) ?? now,
          lastFailureAt: now,
        };
        if (outcome.status === 'dead' || spent >= this.options.maxAttempts) dead.push(letter);
        else retry.push(message);
      }
      await this.deadLetter(dead);
      if (retry.length > 0) {
        let delay: number;
        if (outage) {
          outageRounds += 1;
          delay = backoffDelay(outageRounds, this.options.retryBaseMs, OUTAGE_MAX_BACKOFF_MS);
          this.log.warn(
            `waiting ${delay} ms for the ${outage.dependency} with ${retry.length} message(s) of ${retry[0].topic}: ${outage.message}`,
          );
        } else {
          outageRounds = 0;
          const attempt = Math.max(...retry.map((m) => attempts.get(m) ?? 1));
          delay = backoffDelay(attempt, this.options.retryBaseMs);
          this.log.warn(
            `retrying ${retry.length} message(s) of ${retry[0].topic}, attempt ${attempt + 1}: ${errorMessage(failure)}`,
          );
        }
        await this.pause(delay);
        await payload.heartbeat();
      }
      pending = retry;
    }
  }

  /** A backoff that `close` cuts short. */
  private pause(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private async deadLetter(letters: DeadLetter[]): Promise<void> {
    if (letters.length === 0) return;
    const byTopic = new Map<string, ReturnType<typeof toDeadLetterMessage>['message'][]>();
    for (const letter of letters) {
      const { topic, message } = toDeadLetterMessage(letter);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
      this.options.metrics?.countDeadLetter(letter.message.topic);
      withCorrelation(letter.message.headers[CORRELATION_HEADER], () =>
        this.log.error(
          `dead-lettering ${letter.message.topic}[${letter.message.partition}]@${letter.message.offset} ` +
            `after ${letter.attempts} attempt(s): ${message.headers?.['x-dlq-error-code'] ?? ''}`,
        ),
      );
    }
    for (const [topic, batch] of byTopic) await this.options.deadLetters.publish(topic, batch);
  }

  private async invoke(
    handler: NonNullable<ReturnType<Server['getHandlerByPattern']>>,
    batch: InboundBatch,
  ): Promise<MessageOutcome[]> {
    try {
      const result: unknown = await handler(batch, new BaseRpcContext([batch.topic]));
      const outcomes: unknown = isObservable(result)
        ? await lastValueFrom(result, { defaultValue: undefined })
        : result;
      if (!Array.isArray(outcomes) || outcomes.length !== batch.messages.length) {
        throw new Error(`handler for ${batch.topic} must return one outcome per message`);
      }
      return outcomes as MessageOutcome[];
    } catch (error) {
      // A throw means the whole batch failed in the same way: classify it once for all.
      const outcome = outcomeOf(error);
      return batch.messages.map(() => outcome);
    }
  }

  isConsuming(): boolean {
    return this.consuming && !this.stopping;
  }

  async close(): Promise<void> {
    this.stopping = true;
    this.consuming = false;
    for (const wake of [...this.sleepers]) wake();
    const consumer = this.consumer;
    this.consumer = null;
    if (!consumer) return;
    // kafkajs lets the running batch finish and commits it; a batch interrupted mid-retry is
    // handed back uncommitted. A handler stuck on a dependency that does not answer must not hold
    // the shutdown past its budget: its batch is then redelivered to whoever takes the partition.
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      consumer.disconnect().then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), DRAIN_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (!drained)
      this.log.warn(
        `running batch not finished after ${DRAIN_TIMEOUT_MS} ms; leaving it uncommitted`,
      );
  }

  on(): never {
    throw new Error('KafkaBatchServer does not support event listeners');
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new Error('not listening');
    return this.consumer as T;
  }
}

/** Messages after `offset` up to the partition end (`highWatermark` is the next offset to be written). */
export function messagesBehind(highWatermark: string, offset: string): number {
  return Math.max(0, Number(BigInt(highWatermark) - BigInt(offset) - 1n));
}

function toInbound(topic: string, partition: number, message: KafkaMessage): InboundMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString('utf8') : null,
    value: message.value,
    headers,
    timestamp: message.timestamp,
  };
}
