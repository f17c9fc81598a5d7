import { ClientKafka } from '@nestjs/microservices';
import { CompressionTypes, Partitioners } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { chunkByWeight } from './batch-slices';
import { DependencyUnavailableError, isKafkaOutage } from './kafka.errors';

/** An explicit Kafka envelope: never a raw domain object (ClientKafka would misread `key`). */
export interface OutboundMessage {
  key: string | null;
  value: Buffer | string | object;
  headers?: Record<string, string>;
}

export interface PublisherOptions {
  brokers: string[];
  clientId: string;
  /** Bytes per produce request; the broker refuses a record batch over `message.max.bytes` (1 MiB by default). */
  maxRequestBytes?: number;
  /** Codec of the record batches (`KAFKA_COMPRESSION`); consumers decode either without settings. */
  compression?: PublisherCompression;
}

export type PublisherCompression = 'none' | 'gzip';

const CODECS: Record<PublisherCompression, CompressionTypes> = {
  none: CompressionTypes.None,
  gzip: CompressionTypes.GZIP,
};

const DEFAULT_MAX_REQUEST_BYTES = 512 * 1024;

/**
 * Producer-only, idempotent ClientKafka: every publish awaits the broker's acknowledgement
 * (acks = all), so callers only move on once the messages are durable in Kafka.
 */
export class KafkaPublisher {
  private client: ClientKafka;
  private readonly maxRequestBytes: number;
  /** The producer being replaced, so concurrent failures replace it once. */
  private renewal: Promise<void> | null = null;

  constructor(private readonly options: PublisherOptions) {
    this.maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    this.client = this.createClient();
  }

  private createClient(): ClientKafka {
    return new ClientKafka({
      // Short retries: a publish to an unreachable cluster fails within seconds, and the caller
      // (consumer wrapper, outbox relay) waits and tries again while still heartbeating.
      client: {
        clientId: this.options.clientId,
        brokers: this.options.brokers,
        retry: { retries: 5, maxRetryTime: 2_000 },
      },
      producerOnlyMode: true,
      producer: {
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // Murmur2 like the Java client, so a story's key lands on the same partition from any producer.
        createPartitioner: Partitioners.DefaultPartitioner,
      },
      send: { acks: -1, compression: CODECS[this.options.compression ?? 'none'] },
      postfixId: '',
    });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  /**
   * Sends the messages in order, in as many requests as their size needs (a backlog of a few
   * hundred stories is more than the broker takes in one record batch). An unreachable cluster
   * surfaces as {@link DependencyUnavailableError}, so consumers wait instead of dead-lettering.
   */
  async publish(topic: string, messages: OutboundMessage[]): Promise<void> {
    for (const chunk of chunkBySize(messages.map(serialised), this.maxRequestBytes)) {
      const client = this.client;
      try {
        await lastValueFrom(client.emitBatch(topic, { messages: chunk }), {
          defaultValue: undefined,
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (isLostProducerState(error)) {
          await this.renewProducer(client);
          throw new DependencyUnavailableError(
            'kafka',
            `producer state lost, producer renewed: ${message}`,
            { cause: error },
          );
        }
        if (isKafkaOutage(error))
          throw new DependencyUnavailableError('kafka', message, { cause: error });
        throw error;
      }
    }
  }

  async close(): Promise<void> {
    await this.renewal?.catch(() => undefined);
    await this.client.close();
  }

  /**
   * kafkajs' idempotent producer never recovers once the broker has lost or rejected its sequence
   * state (after a broker restart: OUT_OF_ORDER_SEQUENCE_NUMBER on every send, kafkajs#598). A new
   * producer gets a new producer id and starts its sequences afresh; what the old one may have
   * written already is sent again (at-least-once, consumers are idempotent).
   */
  private renewProducer(failed: ClientKafka): Promise<void> {
    if (this.client !== failed) return this.renewal ?? Promise.resolve();
    this.renewal ??= (async () => {
      const next = this.createClient();
      await next.connect();
      this.client = next;
      await failed.close().catch(() => undefined);
    })().finally(() => {
      this.renewal = null;
    });
    return this.renewal;
  }
}

const LOST_PRODUCER_STATE = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_EPOCH',
  'INVALID_PRODUCER_ID_MAPPING',
]);

function isLostProducerState(error: unknown): boolean {
  for (
    let link: unknown = error, depth = 0;
    link instanceof Error && depth < 5;
    link = link.cause, depth += 1
  ) {
    const type = (link as { type?: unknown }).type;
    if (typeof type === 'string' && LOST_PRODUCER_STATE.has(type)) return true;
  }
  return false;
}

/** Objects become their JSON once, here, so their size is known before they are batched. */
function serialised(message: OutboundMessage): OutboundMessage & { value: Buffer | string } {
  const { value } = message;
  return {
    ...message,
    value: Buffer.isBuffer(value) || typeof value === 'string' ? value : JSON.stringify(value),
  };
}

function sizeOf(message: OutboundMessage & { value: Buffer | string }): number {
  let bytes =
    Buffer.byteLength(message.value) + (message.key ? Buffer.byteLength(message.key) : 0) + 64;
  for (const [name, value] of Object.entries(message.headers ?? {}))
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
  return bytes;
}

/** Consecutive runs under the byte budget; a message larger than the budget travels alone. */
export function chunkBySize<T extends OutboundMessage & { value: Buffer | string }>(
  messages: T[],
  maxBytes: number,
): T[][] {
  return chunkByWeight(messages, sizeOf, maxBytes);
}
