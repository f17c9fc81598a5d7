import { NonRetriableError } from './kafka.errors';
import type { MessageOutcome } from './inbound-message';

/** Non-retriable errors go to the dead-letter topic at once; anything else is retried. */
export function outcomeOf(error: unknown): MessageOutcome {
  return error instanceof NonRetriableError ? { status: 'dead', error } : { status: 'retry', error };
}
