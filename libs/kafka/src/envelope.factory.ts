import { randomUUID } from 'node:crypto';
import type { Envelope } from '@lib/contracts';

export interface EnvelopeContext {
  producer: string;
  correlationId?: string;
  causationId?: string;
  now?: Date;
}

export function createEnvelope<T>(
  eventType: string,
  payload: T,
  context: EnvelopeContext,
): Envelope<T> {
  const eventId = randomUUID();
  return {
    eventId,
    eventType,
    occurredAt: (context.now ?? new Date()).toISOString(),
    correlationId: context.correlationId ?? eventId,
    ...(context.causationId ? { causationId: context.causationId } : {}),
    producer: context.producer,
    payload,
  };
}

export { CORRELATION_ID_HEADER as CORRELATION_HEADER } from '@lib/observability';
