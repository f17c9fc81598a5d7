import { DLQ_HEADERS, toDeadLetterMessage } from './dead-letter';
import { NonRetriableError } from './kafka.errors';

describe('toDeadLetterMessage', () => {
  it('keeps key and bytes and says where and why it failed', () => {
    const first = new Date('2026-01-01T00:00:00Z');
    const last = new Date('2026-01-01T00:00:05Z');
    const { topic, message } = toDeadLetterMessage({
      message: {
        topic: 'news.story.enriched.v1',
        partition: 2,
        offset: '41',
        key: 'urn:x',
        value: Buffer.from('not json'),
        headers: { 'x-correlation-id': 'c1' },
        timestamp: '0',
      },
      error: new NonRetriableError('EVENT.MALFORMED_JSON', 'not JSON'),
      attempts: 1,
      firstFailureAt: first,
      lastFailureAt: last,
    });
    expect(topic).toBe('news.story.enriched.v1.dlq');
    expect(message.key).toBe('urn:x');
    expect(message.value).toEqual(Buffer.from('not json'));
    expect(message.headers).toMatchObject({
      'x-correlation-id': 'c1',
      [DLQ_HEADERS.errorCode]: 'EVENT.MALFORMED_JSON',
      [DLQ_HEADERS.sourceTopic]: 'news.story.enriched.v1',
      [DLQ_HEADERS.sourcePartition]: '2',
      [DLQ_HEADERS.sourceOffset]: '41',
      [DLQ_HEADERS.attempts]: '1',
      [DLQ_HEADERS.firstFailureAt]: first.toISOString(),
      [DLQ_HEADERS.lastFailureAt]: last.toISOString(),
    });
  });
});
