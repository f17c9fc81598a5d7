import { Module } from '@nestjs/common';
import { ConfigModule } from '@lib/config';
import { ConsumerReadinessCheck, KafkaProducerModule } from '@lib/kafka';
import { ObservabilityModule } from '@lib/observability';
import { SearchModule, SearchReadinessCheck } from '@lib/search';
import { IndexingModule } from './indexing/indexing.module';
import { JobsModule } from './jobs/jobs.module';

@Module({
  imports: [
    ConfigModule,
    SearchModule,
    KafkaProducerModule.register('indexer'),
    IndexingModule,
    JobsModule,
    ObservabilityModule.forService({
      service: 'indexer',
      readinessChecks: [ConsumerReadinessCheck, SearchReadinessCheck],
    }),
  ],
})
export class IndexerModule {}
