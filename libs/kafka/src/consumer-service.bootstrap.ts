import type { Type } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig, type Env } from '@lib/config';
import { METRICS_REGISTRY } from '@lib/observability';
import type { Registry } from 'prom-client';
import { ConsumerMetrics } from './consumer-metrics';
import { ConsumerReadinessCheck } from './consumer-readiness.check';
import { KafkaBatchServer } from './kafka-batch.server';
import { KafkaPublisher } from './kafka-publisher';
import { RethrowRpcErrorsFilter } from './rethrow-rpc-errors.filter';

export interface ConsumerServiceOptions {
  /** Names the consumer group `<KAFKA_GROUP_PREFIX>.<service>` and the logs. */
  service: string;
  port: (config: Env) => number;
}

/**
 * Starts a consuming service: its HTTP side (health, metrics) and the shared Kafka consumer
 * that dispatches batches to its `@EventPattern` handlers.
 */
export async function bootstrapConsumerService(
  module: Type<unknown>,
  options: ConsumerServiceOptions,
): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const groupId = `${config.KAFKA_GROUP_PREFIX}.${options.service}`;
  const server = new KafkaBatchServer({
    brokers: config.KAFKA_BROKERS,
    clientId: `${config.KAFKA_CLIENT_ID}-${options.service}`,
    groupId,
    metrics: new ConsumerMetrics(app.get<Registry>(METRICS_REGISTRY), groupId, options.service),
    maxAttempts: config.KAFKA_MAX_ATTEMPTS,
    retryBaseMs: config.KAFKA_RETRY_BASE_MS,
    maxBatchMessages: config.KAFKA_CONSUMER_MAX_BATCH,
    maxBatchBytes: config.KAFKA_CONSUMER_MAX_BATCH_BYTES,
    partitionsConsumedConcurrently: config.KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY,
    fetchMinBytes: config.KAFKA_CONSUMER_MIN_BYTES,
    fetchMaxWaitMs: config.KAFKA_CONSUMER_MAX_WAIT_MS,
    sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    deadLetters: app.get(KafkaPublisher),
  });
  // A connected microservice registers its handlers at once, so the filter must be global before,
  // and inherited: one registered on the microservice afterwards is ignored.
  app.useGlobalFilters(new RethrowRpcErrorsFilter(app.get(HttpAdapterHost).httpAdapter));
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  app.get(ConsumerReadinessCheck).watch(server);
  // A hybrid app runs its modules' init hooks only in `init` (or `listen`): run them before the
  // consumer starts, so what they prepare (the indexer's alias, the enricher's window) is there
  // for the first message.
  await app.init();
  await app.startAllMicroservices();
  await app.listen(options.port(config), config.HTTP_HOST);
}
