import { z } from 'zod';
import { canonicalStorySchema } from './canonical-story';
import { editorialOverridesSchema } from './editorial-overrides';
import { envelopeSchema } from './envelope';
import { provenanceSchema } from './provenance';
import { Topics } from './topics';

export const STORY_INGESTED_V1 = 'StoryIngested.v1';

export const storyIngestedV1PayloadSchema = z.object({
  story: canonicalStorySchema,
  provenance: provenanceSchema,
  /** SHA-256 of the normalised content, used to recognise a re-sent item. */
  contentHash: z.string().min(1),
  /** Editors' pins and blocks, re-sent with every version so re-enrichment keeps them. */
  overrides: editorialOverridesSchema.optional(),
});
export type StoryIngestedV1Payload = z.infer<typeof storyIngestedV1PayloadSchema>;

export const storyIngestedV1Schema = envelopeSchema(storyIngestedV1PayloadSchema).extend({
  eventType: z.literal(STORY_INGESTED_V1),
});
export type StoryIngestedV1 = z.infer<typeof storyIngestedV1Schema>;

export const storyIngestedV1Topic = Topics.storyIngested;
