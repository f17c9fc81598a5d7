import { Module } from '@nestjs/common';
import { ConfigModule } from '@lib/config';
import { ConsumerReadinessCheck, KafkaProducerModule } from '@lib/kafka';
import { ObservabilityModule } from '@lib/observability';
import { SearchModule, SearchReadinessCheck } from '@lib/search';
import { EnrichmentModule } from './enrichment/enrichment.module';

@Module({
  imports: [
    ConfigModule,
    SearchModule,
    KafkaProducerModule.register('enricher'),
    EnrichmentModule,
    ObservabilityModule.forService({
      service: 'enricher',
      readinessChecks: [ConsumerReadinessCheck, SearchReadinessCheck],
    }),
  ],
})
export class EnricherModule {}
