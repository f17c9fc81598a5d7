import { deadLetterTopic } from '@lib/contracts';
import type { InboundMessage } from './inbound-message';
import { errorCode, errorMessage } from './kafka.errors';
import type { OutboundMessage } from './kafka-publisher';

export const DLQ_HEADERS = {
  errorCode: 'x-dlq-error-code',
  errorMessage: 'x-dlq-error-message',
  sourceTopic: 'x-dlq-source-topic',
  sourcePartition: 'x-dlq-source-partition',
  sourceOffset: 'x-dlq-source-offset',
  attempts: 'x-dlq-attempts',
  firstFailureAt: 'x-dlq-first-failure-at',
  lastFailureAt: 'x-dlq-last-failure-at',
} as const;

export interface DeadLetter {
  message: InboundMessage;
  error: unknown;
  attempts: number;
  firstFailureAt: Date;
  lastFailureAt: Date;
}

/** The dead-letter copy keeps the original key, bytes and headers, plus why and where it failed. */
export function toDeadLetterMessage(letter: DeadLetter): {
  topic: string;
  message: OutboundMessage;
} {
  const { message } = letter;
  return {
    topic: deadLetterTopic(message.topic),
    message: {
      key: message.key,
      value: message.value ?? Buffer.alloc(0),
      headers: {
        ...message.headers,
        [DLQ_HEADERS.errorCode]: errorCode(letter.error),
        [DLQ_HEADERS.errorMessage]: errorMessage(letter.error).slice(0, 2000),
        [DLQ_HEADERS.sourceTopic]: message.topic,
        [DLQ_HEADERS.sourcePartition]: String(message.partition),
        [DLQ_HEADERS.sourceOffset]: message.offset,
        [DLQ_HEADERS.attempts]: String(letter.attempts),
        [DLQ_HEADERS.firstFailureAt]: letter.firstFailureAt.toISOString(),
        [DLQ_HEADERS.lastFailureAt]: letter.lastFailureAt.toISOString(),
      },
    },
  };
}
