import { Module } from '@nestjs/common';
import { KillEventsRepository } from './kill-events.repository';
import { StoryEventsRepository } from './story-events.repository';
import { StreamController } from './stream.controller';
import { StreamService } from './stream.service';

@Module({
  controllers: [StreamController],
  providers: [StreamService, StoryEventsRepository, KillEventsRepository],
})
export class StreamModule {}
