import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header that carries a correlation id over HTTP and on Kafka messages. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';

const context = new AsyncLocalStorage<string>();

/** Runs `work` with `correlationId` attached to every log line written while it runs. */
export function withCorrelation<T>(correlationId: string | undefined, work: () => T): T {
  return correlationId ? context.run(correlationId, work) : work();
}

export function currentCorrelationId(): string | undefined {
  return context.getStore();
}

/** pino mixin: adds the correlation id of the work in progress, if any, to each line. */
export function correlationMixin(): { correlationId?: string } {
  const correlationId = context.getStore();
  return correlationId ? { correlationId } : {};
}

/** Accepts a caller's id (printable, bounded) or makes one, so a request is traceable end to end. */
export function requestCorrelationId(request: IncomingMessage): string {
  const given = request.headers[CORRELATION_ID_HEADER];
  const value = Array.isArray(given) ? given[0] : given;
  return value && /^[\x21-\x7e]{1,128}$/.test(value) ? value : randomUUID();
}

/** The id pino-http gave the request (`requestCorrelationId`), for handlers that pass it on. */
export function correlationIdOf(request: IncomingMessage): string {
  const id: unknown = (request as { id?: unknown }).id;
  return typeof id === 'string' ? id : requestCorrelationId(request);
}
