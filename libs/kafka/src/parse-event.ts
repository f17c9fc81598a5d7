import type { z } from 'zod';
import type { InboundMessage } from './inbound-message';
import { NonRetriableError } from './kafka.errors';

/** Decodes and validates one event; anything malformed is poison, never retried. */
export function parseEvent<S extends z.ZodTypeAny>(message: InboundMessage, schema: S): z.infer<S> {
  if (!message.value || message.value.length === 0) {
    throw new NonRetriableError('EVENT.EMPTY', `empty message at ${position(message)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    throw new NonRetriableError(
      'EVENT.MALFORMED_JSON',
      `not JSON at ${position(message)}: ${String(error)}`,
    );
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new NonRetriableError(
      'EVENT.INVALID_PAYLOAD',
      `invalid event at ${position(message)}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  return result.data as z.infer<S>;
}

function position(message: InboundMessage): string {
  return `${message.topic}[${message.partition}]@${message.offset}`;
}
