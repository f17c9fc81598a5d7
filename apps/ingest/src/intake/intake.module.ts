import { Module } from '@nestjs/common';
import { SourcesModule } from '../sources/sources.module';
import { IntakeController } from './intake.controller';
import { IntakeMetrics } from './intake.metrics';
import { IntakeService } from './intake.service';
import { OutboxNotifier } from './outbox-notifier';
import { StoryRepository } from './story.repository';

@Module({
  imports: [SourcesModule],
  controllers: [IntakeController],
  providers: [IntakeService, StoryRepository, OutboxNotifier, IntakeMetrics],
  exports: [IntakeService, OutboxNotifier, IntakeMetrics],
})
export class IntakeModule {}
