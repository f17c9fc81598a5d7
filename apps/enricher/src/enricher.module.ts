import { Module } from '@nestjs/common';
import { ConfigModule } from '@lib/config';
import { ConsumerReadinessCheck, KafkaProducerModule } from '@lib/kafka';
import { ObservabilityModule } from '@lib/observability';
import { EnrichmentModule } from './enrichment/enrichment.module';

@Module({
  imports: [
    ConfigModule,
    KafkaProducerModule.register('enricher'),
    EnrichmentModule,
    ObservabilityModule.forService({ service: 'enricher', readinessChecks: [ConsumerReadinessCheck] }),
  ],
})
export class EnricherModule {}
