import { SERVICE_NAMES } from '../../tools/stack/services';
import { expectTruthHolds } from './support/assertions';
import { FaultStack } from './support/fault-stack';
import { recordFigures } from './support/figures';
import { startFaultInfra, stopFaultKafka } from './support/infra-control';
import { deadLetterCounts } from './support/kafka-tools';
import { Pusher, sleep } from './support/pusher';
import { reutersStream } from './support/reuters-stream';
import { registerPushSource } from './support/sources';
import { Truth } from './support/truth';

/**
 * Fault 2: the (suite's own) Kafka broker is stopped mid-stream and started again. Ingest keeps
 * accepting into PostgreSQL and its outbox; every service reconnects by itself.
 */
describe('Kafka broker restart, mid-stream', () => {
  const stack = new FaultStack('broker');
  const truth = new Truth();
  let apiKey = '';

  beforeAll(async () => {
    await truth.open();
    await stack.start();
    apiKey = await registerPushSource('faults-broker');
  }, 120_000);

  afterAll(async () => {
    await stack.stopAll();
    await truth.close();
  });

  it('loses nothing, dead-letters nothing and catches up once the broker is back', async () => {
    const stream = reutersStream({ namespace: 'broker', stories: 600, offset: 3000 });
    const deadBefore = await deadLetterCounts();
    const pusher = new Pusher({ apiKey, batchSize: 25, maxItemsPerSecond: 40 });
    const startedAt = Date.now();
    const pushing = pusher.pushAll(stream.items);

    await pusher.reached(Math.floor(stream.items.length * 0.3));
    const stoppedAtItem = pusher.progress;
    const stoppedAt = Date.now();
    await stopFaultKafka();
    await sleep(5_000);
    const brokerStartMs = await startFaultInfra();
    const brokerBackAt = Date.now();
    const push = await pushing;

    const { report, waitedMs } = await truth.waitForConsistency(120_000);
    expectTruthHolds(push, stream.expected, await truth.storyStates(), report);
    // Every service rode it out in the same process: none crashed and none needed a restart.
    for (const name of SERVICE_NAMES) expect(stack.service(name).isRunning).toBe(true);
    expect(await deadLetterCounts()).toEqual(deadBefore);
    recordFigures('2-kafka-broker-restart', {
      items: stream.items.length,
      stories: stream.stories,
      outcomes: push.outcomes,
      refusals: push.refusals,
      networkErrors: push.networkErrors,
      stoppedAtItem,
      brokerDownMs: brokerBackAt - stoppedAt,
      brokerStartMs,
      pushSeconds: (Date.now() - startedAt - waitedMs) / 1000,
      convergedAfterBrokerBackMs: Date.now() - brokerBackAt,
      deadLetters: await deadLetterCounts(),
      index: {
        stories: report.stories,
        usable: report.usable,
        killed: report.killed,
        indexed: report.indexed,
      },
    });
  });
});
