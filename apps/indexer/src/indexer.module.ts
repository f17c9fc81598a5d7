import { Module } from '@nestjs/common';
import { ConfigModule } from '@lib/config';
import { ConsumerReadinessCheck, KafkaProducerModule } from '@lib/kafka';
import { ObservabilityModule } from '@lib/observability';
import { SearchModule, SearchReadinessCheck } from '@lib/search';
import { IndexingModule } from './indexing/indexing.module';

@Module({
  imports: [
    ConfigModule,
    SearchModule,
    KafkaProducerModule.register('indexer'),
    IndexingModule,
    ObservabilityModule.forService({
      service: 'indexer',
      readinessChecks: [ConsumerReadinessCheck, SearchReadinessCheck],
    }),
  ],
})
export class IndexerModule {}
