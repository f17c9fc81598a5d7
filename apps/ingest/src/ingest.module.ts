import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { json, raw } from 'express';
import { ConfigModule, loadConfig } from '@lib/config';
import { DatabaseModule, DatabaseReadinessCheck } from '@lib/database';
import { ObservabilityModule } from '@lib/observability';
import { FeedsModule } from './feeds/feeds.module';
import { IntakeModule } from './intake/intake.module';
import { RelayLifecycle } from './relay/relay.lifecycle';
import { RelayModule } from './relay/relay.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    IntakeModule,
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
  configure(consumer: MiddlewareConsumer): void {
    const config = loadConfig();
    // Wire copy is taken as raw bytes: the parsers decide charset and format, not Express.
    consumer
      .apply(raw({ type: () => true, limit: config.INGEST_MAX_BODY_BYTES }))
      .forRoutes({ path: 'v1/ingest', method: RequestMethod.POST });
    consumer
      .apply(json({ type: () => true, limit: config.INGEST_BATCH_MAX_BYTES }))
      .forRoutes(
        { path: 'v1/ingest/batch', method: RequestMethod.POST },
        { path: 'v1/sources', method: RequestMethod.POST },
        { path: 'v1/overrides/*uri', method: RequestMethod.PUT },
      );
  }
}
