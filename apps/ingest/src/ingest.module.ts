import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { raw } from 'express';
import { ConfigModule, loadConfig } from '@lib/config';
import { DatabaseModule, DatabaseReadinessCheck } from '@lib/database';
import { ObservabilityModule } from '@lib/observability';
import { IntakeModule } from './intake/intake.module';
import { RelayLifecycle } from './relay/relay.lifecycle';
import { RelayModule } from './relay/relay.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    IntakeModule,
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
    // Wire copy is taken as raw bytes: the parsers decide charset and format, not Express.
    consumer.apply(raw({ type: () => true, limit: loadConfig().INGEST_MAX_BODY_BYTES })).forRoutes('v1/ingest');
  }
}
