import { z } from 'zod';
import { envelopeSchema } from './envelope';

export const ADMIN_JOB_REQUESTED_V1 = 'AdminJobRequested.v1';

export const ADMIN_JOB_KINDS = ['reindex', 'replay-dlq'] as const;
export type AdminJobKind = (typeof ADMIN_JOB_KINDS)[number];

export const reindexJobParamsSchema = z
  .object({
    batchSize: z.number().int().min(1).max(10_000).default(500),
    verifyTimeoutSeconds: z.number().int().min(0).max(3_600).default(120),
  })
  .strict();
export type ReindexJobParams = z.infer<typeof reindexJobParamsSchema>;

export const replayDlqJobParamsSchema = z
  .object({
    /** The topic that failed, or its dead-letter topic. */
    topic: z.string().trim().min(1).max(249),
    /** `code=CODE`, `key=PATTERN` or `header.NAME=PATTERN`; all must match. */
    filters: z.array(z.string().min(1).max(500)).max(20).default([]),
    fromBeginning: z.boolean().default(false),
    dryRun: z.boolean().default(false),
  })
  .strict();
export type ReplayDlqJobParams = z.infer<typeof replayDlqJobParamsSchema>;

/**
 * An operator asked for a maintenance job. The job's row in `admin_jobs` is committed with the
 * outbox row that carries this event, so a job the api accepted is never lost; the indexer claims
 * the row, runs the job and keeps the row's status and progress current.
 */
export const adminJobRequestedV1PayloadSchema = z.discriminatedUnion('kind', [
  z.object({
    jobId: z.string().uuid(),
    kind: z.literal('reindex'),
    params: reindexJobParamsSchema,
  }),
  z.object({
    jobId: z.string().uuid(),
    kind: z.literal('replay-dlq'),
    params: replayDlqJobParamsSchema,
  }),
]);
export type AdminJobRequestedV1Payload = z.infer<typeof adminJobRequestedV1PayloadSchema>;

export const adminJobRequestedV1Schema = envelopeSchema(adminJobRequestedV1PayloadSchema).extend({
  eventType: z.literal(ADMIN_JOB_REQUESTED_V1),
});
export type AdminJobRequestedV1 = z.infer<typeof adminJobRequestedV1Schema>;
