import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import {
  STORY_BACKLINKED_V1,
  Topics,
  storyBacklinkedV1Schema,
  storyEnrichedV1Schema,
  type StoryEnrichedV1,
} from '@lib/contracts';
import { outcomeOf, parseEvent, type InboundBatch, type MessageOutcome } from '@lib/kafka';
import { BacklogRefreshService } from './backlog-refresh.service';
import { IndexStoriesService } from './index-stories.service';

/**
 * The enriched-stories topic carries enriched stories, and may still hold backlinks published
 * by enrichers of earlier releases. A story's newer coverage is now found from the newer
 * stories' own links when it is read, so those are acknowledged and nothing is written.
 */
const enrichedTopicEventSchema = z.discriminatedUnion('eventType', [
  storyEnrichedV1Schema,
  storyBacklinkedV1Schema,
]);

@Controller()
export class StoryEnrichedConsumer {
  constructor(
    private readonly indexStories: IndexStoriesService,
    private readonly backlogRefresh: BacklogRefreshService,
  ) {}

  /** One bulk request per batch; every message gets its own outcome from its bulk item. */
  @EventPattern(Topics.storyEnriched)
  async onStoryEnriched(@Payload() batch: InboundBatch): Promise<MessageOutcome[]> {
    this.backlogRefresh.observe(batch.partition, batch.behind);
    const outcomes: MessageOutcome[] = new Array<MessageOutcome>(batch.messages.length);
    const stories: { position: number; event: StoryEnrichedV1 }[] = [];
    batch.messages.forEach((message, position) => {
      try {
        const event = parseEvent(message, enrichedTopicEventSchema);
        if (event.eventType === STORY_BACKLINKED_V1) outcomes[position] = { status: 'done' };
        else stories.push({ position, event });
      } catch (error) {
        outcomes[position] = outcomeOf(error);
      }
    });
    const indexed = await this.indexStories.indexAll(stories.map((v) => v.event));
    stories.forEach(({ position }, i) => {
      outcomes[position] = indexed[i];
    });
    return outcomes;
  }
}
