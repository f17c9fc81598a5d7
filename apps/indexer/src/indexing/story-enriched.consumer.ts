import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Topics, storyEnrichedV1Schema, type StoryEnrichedV1 } from '@lib/contracts';
import { outcomeOf, parseEvent, type InboundBatch, type MessageOutcome } from '@lib/kafka';
import { IndexStoriesService } from './index-stories.service';

@Controller()
export class StoryEnrichedConsumer {
  constructor(private readonly indexStories: IndexStoriesService) {}

  /** One bulk request per batch; every message gets its own outcome from its bulk item. */
  @EventPattern(Topics.storyEnriched)
  async onStoryEnriched(@Payload() batch: InboundBatch): Promise<MessageOutcome[]> {
    const outcomes: MessageOutcome[] = new Array<MessageOutcome>(batch.messages.length);
    const valid: { position: number; event: StoryEnrichedV1 }[] = [];
    batch.messages.forEach((message, position) => {
      try {
        valid.push({ position, event: parseEvent(message, storyEnrichedV1Schema) });
      } catch (error) {
        outcomes[position] = outcomeOf(error);
      }
    });
    const indexed = await this.indexStories.indexAll(valid.map((v) => v.event));
    valid.forEach(({ position }, i) => {
      outcomes[position] = indexed[i];
    });
    return outcomes;
  }
}
