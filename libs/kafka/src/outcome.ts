import { NonRetriableError, asDependencyUnavailable } from './kafka.errors';
import type { MessageOutcome } from './inbound-message';

/**
 * Non-retriable errors go to the dead-letter topic at once; an unreachable dependency is waited
 * for (no attempt spent); anything else is retried, then dead-lettered.
 */
export function outcomeOf(error: unknown): MessageOutcome {
  if (error instanceof NonRetriableError) return { status: 'dead', error };
  return { status: 'retry', error: asDependencyUnavailable(error) ?? error };
}
