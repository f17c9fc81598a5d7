import { Module } from '@nestjs/common';
import { AdminJobConsumer } from './admin-job.consumer';
import { AdminJobRunner } from './admin-job.runner';

@Module({
  controllers: [AdminJobConsumer],
  providers: [AdminJobRunner],
})
export class JobsModule {}
