import { ClientKafka } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { lastValueFrom } from 'rxjs';

/** An explicit Kafka envelope: never a raw domain object (ClientKafka would misread `key`). */
export interface OutboundMessage {
  key: string | null;
  value: Buffer | string | object;
  headers?: Record<string, string>;
}

export interface PublisherOptions {
  brokers: string[];
  clientId: string;
}

/**
 * Producer-only, idempotent ClientKafka: every publish awaits the broker's acknowledgement
 * (acks = all), so callers only move on once the messages are durable in Kafka.
 */
export class KafkaPublisher {
  private readonly client: ClientKafka;

  constructor(options: PublisherOptions) {
    this.client = new ClientKafka({
      client: { clientId: options.clientId, brokers: options.brokers },
      producerOnlyMode: true,
      producer: {
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // Murmur2 like the Java client, so a story's key lands on the same partition from any producer.
        createPartitioner: Partitioners.DefaultPartitioner,
      },
      send: { acks: -1 },
      postfixId: '',
    });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  async publish(topic: string, messages: OutboundMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await lastValueFrom(this.client.emitBatch(topic, { messages }), { defaultValue: undefined });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
