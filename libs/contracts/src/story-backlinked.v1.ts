import { z } from 'zod';
import { envelopeSchema } from './envelope';
import { relatedLinkSchema } from './enrichment';
import { Topics } from './topics';

export const STORY_BACKLINKED_V1 = 'StoryBacklinked.v1';

/**
 * A newer story is strongly related to an earlier one: the earlier story gains a link to the
 * newer coverage. Published on the enriched-stories topic keyed by the earlier story's uri.
 *
 * @deprecated No longer published: the api finds a story's newer coverage from the newer
 * stories' own related links (`findNewerCoverage` in libs/search). Kept so the indexer can
 * acknowledge the events earlier releases left on the topic.
 */
export const storyBacklinkedV1PayloadSchema = z.object({
  targetUri: z.string().min(1),
  link: relatedLinkSchema,
});
export type StoryBacklinkedV1Payload = z.infer<typeof storyBacklinkedV1PayloadSchema>;

export const storyBacklinkedV1Schema = envelopeSchema(storyBacklinkedV1PayloadSchema).extend({
  eventType: z.literal(STORY_BACKLINKED_V1),
});
export type StoryBacklinkedV1 = z.infer<typeof storyBacklinkedV1Schema>;

export const storyBacklinkedV1Topic = Topics.storyEnriched;
