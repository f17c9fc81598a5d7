import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, ConfigModule, type Env } from '@lib/config';
import { DatabaseModule, DatabaseReadinessCheck } from '@lib/database';
import { ObservabilityModule } from '@lib/observability';
import { SearchModule, SearchReadinessCheck } from '@lib/search';
import { AdminModule } from './admin/admin.module';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { rateLimitOptions } from './http/rate-limit';
import { NewsroomModule } from './newsroom/newsroom.module';
import { StorySearchModule } from './search/search.module';
import { StoriesModule } from './stories/stories.module';
import { StreamModule } from './stream/stream.module';
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
export class ApiModule {}
