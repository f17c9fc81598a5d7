import { z } from 'zod';

/**
 * The canonical story: one internal model, aligned with IPTC ninjs 2.x field names.
 * Every wire-format parser maps onto it; nothing downstream knows formats.
 */
export const PUBSTATUSES = ['usable', 'withheld', 'canceled'] as const;
export type Pubstatus = (typeof PUBSTATUSES)[number];

const isoDate = z.string().datetime({ offset: true });

export const subjectSchema = z.object({
  /** Provider code, e.g. `medtop:20000568` or a Reuters/AP category code. */
  code: z.string().min(1),
  name: z.string().optional(),
  /** Vocabulary or scheme the code belongs to, e.g. `medtop`, `subj`, `ap-category`. */
  scheme: z.string().optional(),
});
export type Subject = z.infer<typeof subjectSchema>;

export const namedEntitySchema = z.object({
  name: z.string().min(1),
  code: z.string().optional(),
  scheme: z.string().optional(),
});
export type NamedEntity = z.infer<typeof namedEntitySchema>;

export const associationSchema = z.object({
  type: z.enum(['picture', 'video', 'audio', 'graphic', 'text', 'other']),
  uri: z.string().optional(),
  href: z.string().optional(),
  mimetype: z.string().optional(),
  headline: z.string().optional(),
  description: z.string().optional(),
  byline: z.string().optional(),
});
export type Association = z.infer<typeof associationSchema>;

export const linkSchema = z.object({
  href: z.string().min(1),
  rel: z.string().optional(),
  title: z.string().optional(),
  mimetype: z.string().optional(),
});
export type Link = z.infer<typeof linkSchema>;

export const canonicalStorySchema = z.object({
  /** Stable identity: provider + agency item id (or derived keys when the format has none). */
  uri: z.string().min(1),
  /** Monotonic per uri. */
  version: z.number().int().nonnegative(),
  firstcreated: isoDate.optional(),
  versioncreated: isoDate,
  pubstatus: z.enum(PUBSTATUSES),
  language: z.string().optional(),
  urgency: z.number().int().min(0).max(9).optional(),
  headline: z.string(),
  subheadline: z.string().optional(),
  byline: z.string().optional(),
  slugline: z.string().optional(),
  located: z.string().optional(),
  description: z.string().optional(),
  /** Sanitised HTML (allow-list). */
  body_html: z.string().optional(),
  body_text: z.string().optional(),
  subject: z.array(subjectSchema).default([]),
  people: z.array(namedEntitySchema).default([]),
  organisations: z.array(namedEntitySchema).default([]),
  places: z.array(namedEntitySchema).default([]),
  provider: z.string().min(1),
  copyrightnotice: z.string().optional(),
  embargoed: isoDate.optional(),
  associations: z.array(associationSchema).default([]),
  links: z.array(linkSchema).default([]),
});

/** What a parser produces. */
export type CanonicalStory = z.infer<typeof canonicalStorySchema>;
/** Parser output before zod defaults are applied. */
export type CanonicalStoryInput = z.input<typeof canonicalStorySchema>;
