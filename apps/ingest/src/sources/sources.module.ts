import { Module } from '@nestjs/common';
import { AdminKeyGuard } from '@lib/admin';
import { SourceKeyGuard } from './auth.guards';
import { SourceRepository } from './source.repository';
import { SourcesController } from './sources.controller';

@Module({
  controllers: [SourcesController],
  providers: [SourceRepository, AdminKeyGuard, SourceKeyGuard],
  exports: [SourceRepository, SourceKeyGuard],
})
export class SourcesModule {}
