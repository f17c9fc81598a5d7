import type { KafkaPublisher } from './kafka-publisher';
import { consumerConfigFor, type KafkaBatchServerOptions } from './kafka-batch.server';

const base: KafkaBatchServerOptions = {
  brokers: ['127.0.0.1:9092'],
  clientId: 'test',
  groupId: 'newswire.test',
  maxAttempts: 3,
  retryBaseMs: 10,
  deadLetters: {} as KafkaPublisher,
};

describe('consumerConfigFor', () => {
  it('answers fetches from the first message by default', () => {
    expect(consumerConfigFor(base)).toMatchObject({
      groupId: 'newswire.test',
      minBytes: 1,
      maxWaitTimeInMs: 5_000,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      allowAutoTopicCreation: false,
    });
  });

  it('lets the broker gather bytes for a while before answering, when configured', () => {
    expect(
      consumerConfigFor({ ...base, fetchMinBytes: 65_536, fetchMaxWaitMs: 100 }),
    ).toMatchObject({ minBytes: 65_536, maxWaitTimeInMs: 100 });
  });

  it('heartbeats three times per session when the session is short', () => {
    expect(consumerConfigFor({ ...base, sessionTimeoutMs: 6_000 })).toMatchObject({
      sessionTimeout: 6_000,
      heartbeatInterval: 2_000,
    });
  });
});
