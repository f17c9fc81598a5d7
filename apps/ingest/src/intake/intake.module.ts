import { Module } from '@nestjs/common';
import { IntakeController } from './intake.controller';
import { IntakeService } from './intake.service';
import { OutboxNotifier } from './outbox-notifier';
import { StoryRepository } from './story.repository';

@Module({
  controllers: [IntakeController],
  providers: [IntakeService, StoryRepository, OutboxNotifier],
  exports: [IntakeService, OutboxNotifier],
})
export class IntakeModule {}
