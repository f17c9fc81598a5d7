import { z } from 'zod';
import { WIRE_FORMATS } from '@lib/contracts';

export const SOURCE_KINDS = ['push', 'feed', 'folder'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const registerSourceSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, dot, dash, underscore'),
    kind: z.enum(SOURCE_KINDS).default('push'),
    provider: z.string().trim().min(1).max(100).optional(),
    format: z.enum(WIRE_FORMATS).optional(),
    url: z.string().url().optional(),
    folder: z.string().min(1).optional(),
    intervalSeconds: z.number().int().min(1).max(86_400).default(60),
    idleWindowSeconds: z
      .number()
      .int()
      .min(60)
      .max(30 * 86_400)
      .default(3600),
  })
  .superRefine((source, context) => {
    if (source.kind === 'feed' && !source.url)
      context.addIssue({ code: 'custom', path: ['url'], message: 'required for a feed source' });
    if (source.kind === 'folder' && !source.folder)
      context.addIssue({
        code: 'custom',
        path: ['folder'],
        message: 'required for a folder source',
      });
    if (source.url && !/^https?:\/\//.test(source.url))
      context.addIssue({ code: 'custom', path: ['url'], message: 'http or https only' });
  });

export type RegisterSource = z.infer<typeof registerSourceSchema>;

export interface SourceView {
  id: string;
  name: string;
  kind: SourceKind;
  provider: string | null;
  format: string | null;
  url: string | null;
  folder: string | null;
  intervalSeconds: number;
  idleWindowSeconds: number;
  lastPolledAt: string | null;
  lastItemAt: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  revokedAt: string | null;
  createdAt: string;
}

/** The source a pushed request authenticated as. */
export interface AuthenticatedSource {
  id: string;
  name: string;
  provider: string | null;
  format: string | null;
}
