import { z } from 'zod';

export const WIRE_FORMATS = [
  'ninjs',
  'newsml-g2',
  'newsml-1.2',
  'nitf',
  'anpa-1312',
  'iptc-7901',
  'ap-media-json',
  'rss',
  'atom',
] as const;
export type WireFormat = (typeof WIRE_FORMATS)[number];

export const provenanceSchema = z.object({
  /** The registered source (agency feed, CMS) that delivered the item. */
  source: z.string().min(1),
  format: z.enum(WIRE_FORMATS),
  receivedAt: z.string().datetime({ offset: true }),
  /** Id of the raw payload row kept in PostgreSQL. */
  rawPayloadId: z.string().min(1),
  transport: z.enum(['http', 'feed', 'folder', 'cli']),
});
export type Provenance = z.infer<typeof provenanceSchema>;
