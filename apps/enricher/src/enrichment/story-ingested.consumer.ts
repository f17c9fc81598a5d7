import { Controller, Inject, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  STORY_ENRICHED_V1,
  Topics,
  storyIngestedV1Schema,
  type StoryEnrichedV1,
} from '@lib/contracts';
import { APP_CONFIG, type Env } from '@lib/config';
import {
  CORRELATION_HEADER,
  KafkaPublisher,
  createEnvelope,
  parseEvent,
  processByKey,
  type InboundBatch,
  type MessageOutcome,
  type OutboundMessage,
} from '@lib/kafka';
import { EnrichStoryService } from './enrich-story.service';

@Controller()
export class StoryIngestedConsumer {
  constructor(
    private readonly enrichStory: EnrichStoryService,
    private readonly publisher: KafkaPublisher,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  private readonly log = new Logger(StoryIngestedConsumer.name);

  /**
   * Enriches each story and publishes the results as one batch; the batch's offsets are only
   * committed after Kafka acknowledged every enriched event.
   */
  @EventPattern(Topics.storyIngested)
  async onStoryIngested(@Payload() batch: InboundBatch): Promise<MessageOutcome[]> {
    const output: OutboundMessage[] = [];
    const outcomes = await processByKey(
      batch.messages,
      this.config.KAFKA_CONSUMER_CONCURRENCY,
      async (message) => {
        const event = parseEvent(message, storyIngestedV1Schema);
        const enrichment = await this.enrichStory.enrich(event.payload);
        const enriched: StoryEnrichedV1 = {
          ...createEnvelope(
            STORY_ENRICHED_V1,
            { story: event.payload.story, provenance: event.payload.provenance, enrichment },
            {
              producer: 'enricher',
              correlationId: event.correlationId,
              causationId: event.eventId,
            },
          ),
          eventType: STORY_ENRICHED_V1,
        };
        const { story } = event.payload;
        this.log.log(
          `enriched ${story.uri} v${story.version}: ${enrichment.tags.length} tags, ` +
            `${enrichment.related.length} related, cluster ${enrichment.cluster}`,
        );
        const headers = { [CORRELATION_HEADER]: event.correlationId };
        output.push({ key: event.payload.story.uri, value: enriched, headers });
      },
    );
    await this.publisher.publish(Topics.storyEnriched, output);
    return outcomes;
  }
}
