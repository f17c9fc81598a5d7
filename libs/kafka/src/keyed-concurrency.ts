import { CORRELATION_ID_HEADER, withCorrelation } from '@lib/observability';
import { DONE, type InboundMessage, type MessageOutcome } from './inbound-message';
import { outcomeOf } from './outcome';

/**
 * Runs `work` for every message, at most `concurrency` keys at a time, one key strictly in
 * offset order. When a message of a key fails, the later messages of that key are not run
 * (they are retried with it), so a retry never lets a newer version overtake an older one.
 */
export async function processByKey(
  messages: InboundMessage[],
  concurrency: number,
  work: (message: InboundMessage) => Promise<void>,
): Promise<MessageOutcome[]> {
  const outcomes = new Array<MessageOutcome>(messages.length);
  const byKey = new Map<string, number[]>();
  messages.forEach((message, index) => {
    const key = message.key ?? `\u0000${message.partition}:${message.offset}`;
    const indexes = byKey.get(key) ?? [];
    indexes.push(index);
    byKey.set(key, indexes);
  });

  const queues = [...byKey.values()];
  let next = 0;
  const runQueue = async (): Promise<void> => {
    while (next < queues.length) {
      const queue = queues[next++];
      let failure: MessageOutcome | undefined;
      for (const index of queue) {
        if (failure) {
          outcomes[index] =
            failure.status === 'dead' ? { status: 'retry', error: failure.error } : failure;
          continue;
        }
        try {
          const message = messages[index];
          // Whatever the work logs carries the story's correlation id.
          await withCorrelation(message.headers[CORRELATION_ID_HEADER], () => work(message));
          outcomes[index] = DONE;
        } catch (error) {
          failure = outcomeOf(error);
          outcomes[index] = failure;
        }
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, queues.length)) }, runQueue),
  );
  return outcomes;
}
