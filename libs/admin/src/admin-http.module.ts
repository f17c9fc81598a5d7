import { Module } from '@nestjs/common';
import { AdminKeyGuard } from './admin-key.guard';
import { OverridesController } from './overrides/overrides.controller';
import { OverridesRepository } from './overrides/overrides.repository';
import { SourceRepository } from './sources/source.repository';
import { SourcesController } from './sources/sources.controller';

/**
 * The admin endpoints over PostgreSQL's admin tables (sources, editorial overrides), mounted by
 * ingest and by the api alike, so an operator can use either; both need the admin key.
 */
@Module({
  controllers: [SourcesController, OverridesController],
  providers: [SourceRepository, OverridesRepository, AdminKeyGuard],
  exports: [SourceRepository, OverridesRepository, AdminKeyGuard],
})
export class AdminHttpModule {}
