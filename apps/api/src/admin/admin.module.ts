import { Module } from '@nestjs/common';
import { AdminJobsController } from './admin-jobs.controller';

@Module({ controllers: [AdminJobsController] })
export class AdminModule {}
