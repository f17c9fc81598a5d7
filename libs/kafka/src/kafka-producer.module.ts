import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type Env } from '@lib/config';
import { ensureTopics } from './topic-admin';
import { ConsumerReadinessCheck } from './consumer-readiness.check';
import { KafkaPublisher } from './kafka-publisher';

@Injectable()
class PublisherCloser implements OnApplicationShutdown {
  constructor(@Inject(KafkaPublisher) private readonly publisher: KafkaPublisher) {}
  async onApplicationShutdown(): Promise<void> {
    await this.publisher.close();
  }
}

/**
 * A connected, idempotent producer for a consuming service (its output events and dead
 * letters). Topics are created first so a fresh cluster works without auto-creation.
 */
@Module({})
export class KafkaProducerModule {
  static register(service: string): DynamicModule {
    return {
      module: KafkaProducerModule,
      global: true,
      providers: [
        {
          provide: KafkaPublisher,
          inject: [APP_CONFIG],
          useFactory: async (config: Env): Promise<KafkaPublisher> => {
            await ensureTopics({
              brokers: config.KAFKA_BROKERS,
              partitions: config.KAFKA_TOPIC_PARTITIONS,
              replicationFactor: config.KAFKA_REPLICATION_FACTOR,
            });
            const publisher = new KafkaPublisher({
              brokers: config.KAFKA_BROKERS,
              clientId: `${config.KAFKA_CLIENT_ID}-${service}`,
              compression: config.KAFKA_COMPRESSION,
            });
            await publisher.connect();
            return publisher;
          },
        },
        PublisherCloser,
        ConsumerReadinessCheck,
      ],
      exports: [KafkaPublisher, ConsumerReadinessCheck],
    };
  }
}
