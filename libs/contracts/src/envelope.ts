import { z } from 'zod';

/** The envelope around every event payload on every topic. */
export function envelopeSchema<T extends z.ZodTypeAny>(payload: T) {
  return z.object({
    eventId: z.string().uuid(),
    eventType: z.string().min(1),
    occurredAt: z.string().datetime({ offset: true }),
    correlationId: z.string().min(1),
    causationId: z.string().optional(),
    producer: z.string().min(1),
    payload,
  });
}

export interface Envelope<T> {
  eventId: string;
  eventType: string;
  occurredAt: string;
  correlationId: string;
  causationId?: string;
  producer: string;
  payload: T;
}
