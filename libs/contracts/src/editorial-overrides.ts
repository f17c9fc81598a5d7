import { z } from 'zod';
import { tagSchema } from './enrichment';

/** What an editor decided about one story's enrichment; it wins over every algorithm. */
export const editorialOverridesSchema = z.object({
  pinnedTags: z.array(tagSchema).default([]),
  /** Tag ids never to show on this story. */
  blockedTags: z.array(z.string().min(1)).default([]),
  pinnedRelated: z
    .array(z.object({ uri: z.string().min(1), headline: z.string().optional() }))
    .default([]),
  /** Story uris never to link from this story. */
  blockedRelated: z.array(z.string().min(1)).default([]),
});
export type EditorialOverrides = z.infer<typeof editorialOverridesSchema>;
