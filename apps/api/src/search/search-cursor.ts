import { createHash } from 'node:crypto';
import { z } from 'zod';
import { InvalidCursorError } from './search.errors';

const sortValue = z.union([z.string(), z.number(), z.null()]);

const cursorSchema = z.object({
  v: z.literal(1),
  /** The engine's point in time: later pages see the index as it was on the first page. */
  pit: z.string().min(1),
  /** The recency origin of the first page, so scores do not drift between pages. */
  origin: z.string().datetime({ offset: true }),
  /** Fingerprint of the query the cursor belongs to. */
  query: z.string().length(16),
  /** search_after values (uncollapsed) or an offset into the point in time (collapsed). */
  after: z.array(sortValue).optional(),
  offset: z.number().int().nonnegative().optional(),
});

export type SearchCursor = z.infer<typeof cursorSchema>;

/** Opaque to callers: base64url of a small JSON document. */
export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string): SearchCursor {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('not a cursor returned by a previous search');
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success || (parsed.data.after === undefined) === (parsed.data.offset === undefined)) {
    throw new InvalidCursorError('not a cursor returned by a previous search');
  }
  return parsed.data;
}

/** Same query, same fingerprint: a cursor is only valid with the parameters that produced it. */
export function queryFingerprint(query: unknown): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('hex').slice(0, 16);
}
