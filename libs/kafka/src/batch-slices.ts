import type { KafkaMessage } from 'kafkajs';

/**
 * Consecutive runs of `items` of at most `maxItems` items and, past a run's first item, at most
 * `maxWeight` in all: an item heavier than the budget forms a run of its own. Order is kept.
 */
export function chunkByWeight<T>(
  items: readonly T[],
  weigh: (item: T) => number,
  maxWeight: number,
  maxItems = Number.POSITIVE_INFINITY,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let weight = 0;
  for (const item of items) {
    const itemWeight = weigh(item);
    if (current.length > 0 && (current.length >= maxItems || weight + itemWeight > maxWeight)) {
      chunks.push(current);
      current = [];
      weight = 0;
    }
    current.push(item);
    weight += itemWeight;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** What a message weighs against a slice's byte budget: its key and value. */
export function messageBytes(message: Pick<KafkaMessage, 'key' | 'value'>): number {
  return (message.key?.length ?? 0) + (message.value?.length ?? 0);
}

/**
 * Cuts a fetched batch into consecutive slices of at most `maxMessages` messages and `maxBytes`
 * bytes: a handler holds a slice's stories (and what it makes of them) in memory at once, so a
 * run of megabyte stories must not arrive as one slice of hundreds.
 */
export function sliceBatch<T extends Pick<KafkaMessage, 'key' | 'value'>>(
  messages: readonly T[],
  maxMessages: number,
  maxBytes: number,
): T[][] {
  return chunkByWeight(messages, messageBytes, maxBytes, maxMessages);
}
