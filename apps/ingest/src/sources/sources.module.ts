import { Module } from '@nestjs/common';
import { AdminKeyGuard, SourceKeyGuard } from './auth.guards';
import { SourceRepository } from './source.repository';
import { SourcesController } from './sources.controller';

@Module({
  controllers: [SourcesController],
  providers: [SourceRepository, AdminKeyGuard, SourceKeyGuard],
  exports: [SourceRepository, SourceKeyGuard],
})
export class SourcesModule {}
