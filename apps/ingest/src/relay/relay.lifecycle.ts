import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type Env } from '@lib/config';
import { DATA_SOURCE, OutboxRelay } from '@lib/database';
import { KafkaPublisher, ensureTopics } from '@lib/kafka';
import type { ReadinessCheck } from '@lib/observability';
import { OutboxNotifier } from '../intake/outbox-notifier';

/** Runs the outbox relay for as long as the service runs, and reports Kafka readiness. */
@Injectable()
export class RelayLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown, ReadinessCheck
{
  readonly name = 'kafka';
  private readonly publisher: KafkaPublisher;
  private readonly relay: OutboxRelay;
  private connected = false;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: Env,
    @Inject(DATA_SOURCE) dataSource: DataSource,
    notifier: OutboxNotifier,
  ) {
    this.publisher = new KafkaPublisher({
      brokers: config.KAFKA_BROKERS,
      clientId: `${config.KAFKA_CLIENT_ID}-ingest`,
      compression: config.KAFKA_COMPRESSION,
    });
    this.relay = new OutboxRelay(dataSource, this.publisher, {
      pollMs: config.OUTBOX_POLL_MS,
      batchSize: config.OUTBOX_BATCH_SIZE,
      maxBatchBytes: config.OUTBOX_BATCH_MAX_BYTES,
      vacuumAfterRows: config.OUTBOX_VACUUM_ROWS,
    });
    notifier.onNudge(() => this.relay.nudge());
  }

  onApplicationBootstrap(): void {
    // Ingest accepts stories even while Kafka is away: the relay connects in the background.
    void this.connectAndRelay();
  }

  private async connectAndRelay(): Promise<void> {
    for (let attempt = 1; !this.connected && !this.stopping; attempt += 1) {
      try {
        await ensureTopics({
          brokers: this.config.KAFKA_BROKERS,
          partitions: this.config.KAFKA_TOPIC_PARTITIONS,
          replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
        });
        await this.publisher.connect();
        this.connected = true;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 250 * attempt)));
      }
    }
    if (this.connected) this.relay.start();
  }

  async isReady(): Promise<boolean> {
    return Promise.resolve(this.connected);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.relay.stop();
    await this.publisher.close();
  }
}
