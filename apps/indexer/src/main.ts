import { bootstrapConsumerService } from '@lib/kafka';
import { IndexerModule } from './indexer.module';

void bootstrapConsumerService(IndexerModule, {
  service: 'indexer',
  port: (config) => config.INDEXER_PORT,
});
