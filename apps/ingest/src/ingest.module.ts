import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { json, raw } from 'express';
import { ConfigModule, loadConfig } from '@lib/config';
import { DatabaseModule, DatabaseReadinessCheck } from '@lib/database';
import { ObservabilityModule } from '@lib/observability';
import { FeedsModule } from './feeds/feeds.module';
import { IntakeModule } from './intake/intake.module';
import { IntakeMetrics } from './intake/intake.metrics';
import { PushByteBudget, admitPushes } from './intake/push-admission';
import { RelayLifecycle } from './relay/relay.lifecycle';
import { RelayModule } from './relay/relay.module';
import { SourceKeyMiddleware, type SourceRequest } from './sources/auth.guards';
import { SourcesModule } from './sources/sources.module';

/** Admin bodies (a source, an override) are small: no reason to read megabytes before the key check. */
const ADMIN_BODY_MAX_BYTES = 1024 * 1024;

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    IntakeModule,
    SourcesModule,
    FeedsModule,
    RelayModule,
    ObservabilityModule.forService({
      service: 'ingest',
      imports: [RelayModule],
      readinessChecks: [DatabaseReadinessCheck, RelayLifecycle],
    }),
  ],
})
export class IngestModule implements NestModule {
  constructor(private readonly metrics: IntakeMetrics) {}

  configure(consumer: MiddlewareConsumer): void {
    const config = loadConfig();
    // A push is authenticated, then admitted within the shared byte budget, and only then read.
    const budget = new PushByteBudget(config.INGEST_INFLIGHT_MAX_BYTES);
    this.metrics.watchBudget(budget);
    const countBusy = (request: SourceRequest) =>
      this.metrics.countBusy(request.source?.name ?? 'unknown');
    const pushRoute = (path: string, limit: number, bodyParser: typeof raw | typeof json) =>
      consumer
        .apply(
          SourceKeyMiddleware,
          admitPushes(budget, limit, countBusy),
          bodyParser({ type: () => true, limit }),
        )
        .forRoutes({ path, method: RequestMethod.POST });
    // Wire copy is taken as raw bytes: the parsers decide charset and format, not Express.
    pushRoute('v1/ingest', config.INGEST_MAX_BODY_BYTES, raw);
    pushRoute('v1/ingest/batch', config.INGEST_BATCH_MAX_BYTES, json);
    consumer
      .apply(json({ type: () => true, limit: ADMIN_BODY_MAX_BYTES }))
      .forRoutes(
        { path: 'v1/sources', method: RequestMethod.POST },
        { path: 'v1/overrides/*uri', method: RequestMethod.PUT },
      );
  }
}
