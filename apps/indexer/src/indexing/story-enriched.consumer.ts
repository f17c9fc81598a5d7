import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import {
  STORY_BACKLINKED_V1,
  Topics,
  storyBacklinkedV1Schema,
  storyEnrichedV1Schema,
  type StoryBacklinkedV1,
  type StoryEnrichedV1,
} from '@lib/contracts';
import { outcomeOf, parseEvent, type InboundBatch, type MessageOutcome } from '@lib/kafka';
import { BacklinkService } from './backlink.service';
import { BacklogRefreshService } from './backlog-refresh.service';
import { IndexStoriesService } from './index-stories.service';

/** The enriched-stories topic carries enriched stories and backlinks to earlier stories. */
const enrichedTopicEventSchema = z.discriminatedUnion('eventType', [
  storyEnrichedV1Schema,
  storyBacklinkedV1Schema,
]);

@Controller()
export class StoryEnrichedConsumer {
  constructor(
    private readonly indexStories: IndexStoriesService,
    private readonly backlinks: BacklinkService,
    private readonly backlogRefresh: BacklogRefreshService,
  ) {}

  /** One bulk request per batch; every message gets its own outcome from its bulk item. */
  @EventPattern(Topics.storyEnriched)
  async onStoryEnriched(@Payload() batch: InboundBatch): Promise<MessageOutcome[]> {
    this.backlogRefresh.observe(batch.partition, batch.behind);
    const outcomes: MessageOutcome[] = new Array<MessageOutcome>(batch.messages.length);
    const stories: { position: number; event: StoryEnrichedV1 }[] = [];
    const links: { position: number; event: StoryBacklinkedV1 }[] = [];
    batch.messages.forEach((message, position) => {
      try {
        const event = parseEvent(message, enrichedTopicEventSchema);
        if (event.eventType === STORY_BACKLINKED_V1) links.push({ position, event });
        else stories.push({ position, event });
      } catch (error) {
        outcomes[position] = outcomeOf(error);
      }
    });
    // Backlinks live in their own index, so they need not wait for the stories.
    const [indexed, linked] = await Promise.all([
      this.indexStories.indexAll(stories.map((v) => v.event)),
      this.backlinks.applyAll(links.map((l) => l.event)),
    ]);
    stories.forEach(({ position }, i) => {
      outcomes[position] = indexed[i];
    });
    links.forEach(({ position }, i) => {
      outcomes[position] = linked[i];
    });
    return outcomes;
  }
}
