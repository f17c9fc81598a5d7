import { z } from 'zod';

export const TAG_KINDS = ['person', 'organisation', 'place', 'topic', 'subject'] as const;
export type TagKind = (typeof TAG_KINDS)[number];

export const tagSchema = z.object({
  /** Canonical id, e.g. `person:recep-tayyip-erdogan`, `place:ly`, `topic:crude`. */
  id: z.string().min(1),
  kind: z.enum(TAG_KINDS),
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  confidence: z.number().min(0).max(1),
  provenance: z.object({
    method: z.string().min(1),
    /** Model or gazetteer version that produced it. */
    version: z.string().optional(),
    /** True when the provider's own metadata already carried it. */
    fromProvider: z.boolean().default(false),
  }),
  /** For places: the containing country's tag id. */
  parentId: z.string().optional(),
});
export type Tag = z.infer<typeof tagSchema>;

export const relatedLinkSchema = z.object({
  uri: z.string().min(1),
  headline: z.string().optional(),
  score: z.number(),
  reason: z.object({
    sharedEntities: z.array(z.string()).default([]),
    sharedTerms: z.array(z.string()).default([]),
  }),
  /** Index of the paragraph after which the link fits inline, when suggested. */
  afterParagraph: z.number().int().nonnegative().optional(),
});
export type RelatedLink = z.infer<typeof relatedLinkSchema>;

export const enrichmentSchema = z.object({
  tags: z.array(tagSchema).default([]),
  cluster: z.string().optional(),
  /** 64-bit SimHash of the normalised text (16 hex digits), so later stories can find this one's cluster. */
  signature: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .optional(),
  related: z.array(relatedLinkSchema).default([]),
});
export type Enrichment = z.infer<typeof enrichmentSchema>;
