import { Inject, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, ConfigModule, type Env } from '@lib/config';
import { DatabaseModule, DatabaseReadinessCheck } from '@lib/database';
import { METRICS_REGISTRY, ObservabilityModule } from '@lib/observability';
import { Counter, type Registry } from 'prom-client';
import { SearchModule, SearchReadinessCheck } from '@lib/search';
import { AdminModule } from './admin/admin.module';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { ApiMetrics, ApiMetricsModule } from './http/api-metrics';
import { admitWhileFree } from './http/engine-admission';
import { rateLimitOptions } from './http/rate-limit';
import { NewsroomModule } from './newsroom/newsroom.module';
import { SearchController } from './search/search.controller';
import { StorySearchModule } from './search/search.module';
import { StoriesController } from './stories/stories.controller';
import { StoriesModule } from './stories/stories.module';
import { StreamModule } from './stream/stream.module';
import { TagsController } from './tags/tags.controller';
import { TagsModule } from './tags/tags.module';

@Module({
  imports: [
    ConfigModule,
    SearchModule,
    DatabaseModule,
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: Env) => rateLimitOptions(config),
    }),
    StorySearchModule,
    StoriesModule,
    TagsModule,
    StreamModule,
    NewsroomModule,
    AdminModule,
    ApiMetricsModule,
    ObservabilityModule.forService({
      service: 'api',
      readinessChecks: [SearchReadinessCheck, DatabaseReadinessCheck],
    }),
  ],
  providers: [
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
  ],
})
export class ApiModule implements NestModule {
  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(APP_CONFIG) private readonly config: Env,
    private readonly metrics: ApiMetrics,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    const busy = new Counter({
      name: 'newswire_api_busy_total',
      help: 'Requests answered 503 API.BUSY because API_MAX_INFLIGHT requests were being answered',
      registers: [this.registry],
    });
    consumer.apply(this.metrics.timeRequests()).forRoutes('*');
    // Every route that reads the engine; the stream, the page and the probes are never refused.
    consumer
      .apply(admitWhileFree(this.config.API_MAX_INFLIGHT, () => busy.inc()))
      .forRoutes(SearchController, StoriesController, TagsController);
  }
}
