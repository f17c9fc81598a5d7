import { bootstrapConsumerService } from '@lib/kafka';
import { EnricherModule } from './enricher.module';

void bootstrapConsumerService(EnricherModule, {
  service: 'enricher',
  port: (config) => config.ENRICHER_PORT,
});
