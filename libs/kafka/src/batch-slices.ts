import type { KafkaMessage } from 'kafkajs';

/** What a message weighs against a slice's byte budget: its key and value. */
export function messageBytes(message: Pick<KafkaMessage, 'key' | 'value'>): number {
  return (message.key?.length ?? 0) + (message.value?.length ?? 0);
}

/**
 * Cuts a fetched batch into consecutive slices of at most `maxMessages` messages and, past the
 * first message of a slice, at most `maxBytes` bytes: a handler holds a slice's stories (and
 * what it makes of them) in memory at once, so a run of megabyte stories must not arrive as one
 * slice of hundreds. A message larger than the budget forms a slice of its own.
 */
export function sliceBatch<T extends Pick<KafkaMessage, 'key' | 'value'>>(
  messages: readonly T[],
  maxMessages: number,
  maxBytes: number,
): T[][] {
  const slices: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = messageBytes(message);
    if (current.length > 0 && (current.length >= maxMessages || bytes + size > maxBytes)) {
      slices.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) slices.push(current);
  return slices;
}
