import { Logger } from '@nestjs/common';
import { BaseRpcContext, type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Kafka, logLevel, type Consumer, type EachBatchPayload, type KafkaMessage } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { backoffDelay, sleep } from './backoff';
import { CORRELATION_HEADER } from './envelope.factory';
import { toDeadLetterMessage, type DeadLetter } from './dead-letter';
import type { InboundBatch, InboundMessage, MessageOutcome } from './inbound-message';
import type { ConsumerMetrics } from './consumer-metrics';
import type { KafkaPublisher } from './kafka-publisher';
import { outcomeOf } from './outcome';

export interface KafkaBatchServerOptions {
  brokers: string[];
  clientId: string;
  groupId: string;
  maxAttempts: number;
  retryBaseMs: number;
  /** Publishes dead letters; must be connected before `listen`. */
  deadLetters: KafkaPublisher;
  partitionsConsumedConcurrently?: number;
  metrics?: ConsumerMetrics;
}

class StoppedError extends Error {
  constructor() {
    super('consumer stopping; batch handed back uncommitted');
  }
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
      retry: { retries: 10 },
    });
    const consumer = kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    await consumer.connect();
    const topics = [...this.messageHandlers.keys()];
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.onBatch(payload),
    });
    this.consuming = true;
    this.log.log(`consuming ${topics.join(', ')} as group ${this.options.groupId}`);
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const handler = this.getHandlerByPattern(batch.topic);
    if (!handler || batch.messages.length === 0) return;
    const messages = batch.messages.map((m) => toInbound(batch.topic, batch.partition, m));
    const stopTimer = this.options.metrics?.timeBatch();
    try {
      await this.settle(messages, (pending) =>
        this.invoke(handler, { topic: batch.topic, partition: batch.partition, messages: pending }),
      payload);
    } catch (error) {
      if (error instanceof StoppedError) return;
      throw error;
    }
    const last = batch.messages[batch.messages.length - 1];
    payload.resolveOffset(last.offset);
    await payload.commitOffsetsIfNecessary();
    stopTimer?.();
    this.options.metrics?.recordLag(batch.topic, batch.partition, batch.highWatermark, last.offset);
  }

  /** Drives the batch until every message is done or dead-lettered. */
  private async settle(
    messages: InboundMessage[],
    run: (pending: InboundMessage[]) => Promise<MessageOutcome[]>,
    payload: EachBatchPayload,
  ): Promise<void> {
    let pending = messages;
    let attempt = 1;
    const firstFailure = new Map<InboundMessage, Date>();
    while (pending.length > 0) {
      if (this.stopping || !payload.isRunning() || payload.isStale()) throw new StoppedError();
      const outcomes = await run(pending);
      const now = new Date();
      const retry: InboundMessage[] = [];
      const dead: DeadLetter[] = [];
      pending.forEach((message, index) => {
        const outcome = outcomes[index] ?? { status: 'retry', error: new Error('handler returned no outcome') };
        if (outcome.status === 'done') return;
        if (!firstFailure.has(message)) firstFailure.set(message, now);
        const letter = {
          message,
          error: outcome.error,
          attempts: attempt,
          firstFailureAt: firstFailure.get(message) ?? now,
          lastFailureAt: now,
        };
        if (outcome.status === 'dead' || attempt >= this.options.maxAttempts) dead.push(letter);
        else retry.push(message);
      });
      await this.deadLetter(dead);
      if (retry.length > 0) {
        this.log.warn(`retrying ${retry.length} message(s) of ${retry[0].topic}, attempt ${attempt + 1}`);
        await sleep(backoffDelay(attempt, this.options.retryBaseMs));
        await payload.heartbeat();
      }
      pending = retry;
      attempt += 1;
    }
  }

  private async deadLetter(letters: DeadLetter[]): Promise<void> {
    if (letters.length === 0) return;
    const byTopic = new Map<string, ReturnType<typeof toDeadLetterMessage>['message'][]>();
    for (const letter of letters) {
      const { topic, message } = toDeadLetterMessage(letter);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
      this.options.metrics?.countDeadLetter(letter.message.topic);
      this.log.error(
        `dead-lettering ${letter.message.topic}[${letter.message.partition}]@${letter.message.offset} ` +
          `after ${letter.attempts} attempt(s): ${message.headers?.['x-dlq-error-code'] ?? ''} ` +
          `(correlation ${letter.message.headers[CORRELATION_HEADER] ?? 'none'})`,
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
      const outcomes: unknown = isObservable(result) ? await lastValueFrom(result, { defaultValue: undefined }) : result;
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
    // kafkajs waits for the running batch; a batch interrupted mid-retry is not committed.
    await this.consumer?.disconnect();
    this.consumer = null;
  }

  on(): never {
    throw new Error('KafkaBatchServer does not support event listeners');
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new Error('not listening');
    return this.consumer as T;
  }
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
