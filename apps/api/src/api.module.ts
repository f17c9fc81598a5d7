import { Module } from '@nestjs/common';
import { ConfigModule } from '@lib/config';
import { ObservabilityModule } from '@lib/observability';
import { SearchModule, SearchReadinessCheck } from '@lib/search';
import { StorySearchModule } from './search/search.module';

@Module({
  imports: [
    ConfigModule,
    SearchModule,
    StorySearchModule,
    ObservabilityModule.forService({ service: 'api', readinessChecks: [SearchReadinessCheck] }),
  ],
})
export class ApiModule {}
