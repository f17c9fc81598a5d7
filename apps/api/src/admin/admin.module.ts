import { Module } from '@nestjs/common';
import { AdminHttpModule } from '@lib/admin';
import { AdminJobsController } from './admin-jobs.controller';

/** Sources and editorial overrides (shared with ingest), and maintenance jobs. */
@Module({ imports: [AdminHttpModule], controllers: [AdminJobsController] })
export class AdminModule {}
