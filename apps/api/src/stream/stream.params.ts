import { z } from 'zod';
import { single } from '../http/query-params';
import { parseStreamPosition, type StreamPosition } from './stream-position';

export const SINCE_EXPECTED =
  'an event id from this stream or an ISO-8601 date-time such as 2024-05-01T12:00:00Z';

export const streamPosition = z.string().transform((raw, ctx): StreamPosition => {
  const position = parseStreamPosition(raw.trim());
  if (!position) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: SINCE_EXPECTED });
    return z.NEVER;
  }
  return position;
});

export const streamParamsSchema = z.object({ since: single(streamPosition).optional() }).strict();
