/** A consumed Kafka message, decoupled from kafkajs types. */
export interface InboundMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  timestamp: string;
}

/** What a batch handler decides for each message, in the same order as it received them. */
export type MessageOutcome =
  { status: 'done' } | { status: 'retry'; error: unknown } | { status: 'dead'; error: unknown };

/** The payload a batch handler receives through `@EventPattern(topic)`. */
export interface InboundBatch {
  topic: string;
  partition: number;
  messages: InboundMessage[];
  /**
   * Messages left in the partition after this batch when it was fetched: the consumer's
   * backlog (0 when caught up; absent where the transport does not know it).
   */
  behind?: number;
}

export const DONE: MessageOutcome = { status: 'done' };
