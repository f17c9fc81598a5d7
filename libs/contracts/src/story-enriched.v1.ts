import { z } from 'zod';
import { canonicalStorySchema } from './canonical-story';
import { enrichmentSchema } from './enrichment';
import { envelopeSchema } from './envelope';
import { provenanceSchema } from './provenance';
import { Topics } from './topics';

export const STORY_ENRICHED_V1 = 'StoryEnriched.v1';

export const storyEnrichedV1PayloadSchema = z.object({
  story: canonicalStorySchema,
  provenance: provenanceSchema,
  enrichment: enrichmentSchema,
});
export type StoryEnrichedV1Payload = z.infer<typeof storyEnrichedV1PayloadSchema>;

export const storyEnrichedV1Schema = envelopeSchema(storyEnrichedV1PayloadSchema).extend({
  eventType: z.literal(STORY_ENRICHED_V1),
});
export type StoryEnrichedV1 = z.infer<typeof storyEnrichedV1Schema>;

export const storyEnrichedV1Topic = Topics.storyEnriched;
