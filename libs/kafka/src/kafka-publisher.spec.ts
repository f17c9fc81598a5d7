import { chunkBySize } from './kafka-publisher';
import { DependencyUnavailableError, isKafkaOutage } from './kafka.errors';

const message = (key: string, bytes: number) => ({ key, value: 'x'.repeat(bytes) });

describe('chunkBySize', () => {
  it('keeps the order and splits before the budget is exceeded', () => {
    const messages = [message('a', 400), message('b', 400), message('c', 400), message('d', 100)];
    const chunks = chunkBySize(messages, 1_000);
    expect(chunks.map((chunk) => chunk.map((m) => m.key))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('sends a message larger than the budget on its own', () => {
    const chunks = chunkBySize([message('a', 10), message('huge', 5_000), message('b', 10)], 1_000);
    expect(chunks.map((chunk) => chunk.map((m) => m.key))).toEqual([['a'], ['huge'], ['b']]);
  });

  it('makes nothing of nothing', () => {
    expect(chunkBySize([], 1_000)).toEqual([]);
  });
});

describe('isKafkaOutage', () => {
  const kafkaError = (name: string, retriable: boolean, cause?: Error) =>
    Object.assign(new Error(name, { cause }), { name, retriable });

  it('recognises an unreachable broker, also behind exhausted retries', () => {
    expect(isKafkaOutage(kafkaError('KafkaJSConnectionError', true))).toBe(true);
    expect(
      isKafkaOutage(
        kafkaError(
          'KafkaJSNumberOfRetriesExceeded',
          false,
          kafkaError('KafkaJSConnectionError', true),
        ),
      ),
    ).toBe(true);
    expect(isKafkaOutage(kafkaError('KafkaJSProtocolError', true))).toBe(true);
  });

  it('does not excuse a request the broker will never take', () => {
    expect(isKafkaOutage(kafkaError('KafkaJSProtocolError', false))).toBe(false);
    expect(isKafkaOutage(new Error('boom'))).toBe(false);
    expect(new DependencyUnavailableError('kafka', 'down').message).toBe('kafka unavailable: down');
  });
});
