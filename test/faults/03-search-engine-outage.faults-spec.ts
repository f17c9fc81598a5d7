import { SERVICE_NAMES } from '../../tools/stack/services';
import { expectTruthHolds } from './support/assertions';
import { FaultStack } from './support/fault-stack';
import { recordFigures } from './support/figures';
import { startFaultInfra, stopFaultSearch } from './support/infra-control';
import { deadLetterCounts } from './support/kafka-tools';
import { Pusher, sleep } from './support/pusher';
import { reutersStream } from './support/reuters-stream';
import { registerPushSource } from './support/sources';
import { Truth } from './support/truth';

const PIPELINE = SERVICE_NAMES.filter((name) => name !== 'api');
const STORIES = 400;
const RATE = 30;

/**
 * Fault 3: the (suite's own) search node is stopped for 30 s mid-stream, then started again.
 * The enricher (which reads neighbours from it) and the indexer must wait, not dead-letter, and
 * the backlog must drain once it is back.
 */
describe('search engine stopped for 30 s, mid-stream', () => {
  const stack = new FaultStack('search');
  const truth = new Truth();
  let apiKey = '';

  beforeAll(async () => {
    await truth.open();
    await stack.start(PIPELINE);
    apiKey = await registerPushSource('faults-search');
  }, 120_000);

  afterAll(async () => {
    await stack.stopAll();
    await truth.close();
  });

  it('loses nothing and drains the backlog after the engine returns', async () => {
    const stream = reutersStream({ namespace: 'search', stories: STORIES, offset: 6000 });
    const deadBefore = await deadLetterCounts();
    const pusher = new Pusher({ apiKey, batchSize: 25, maxItemsPerSecond: RATE });
    const pushing = pusher.pushAll(stream.items);

    await pusher.reached(Math.floor(stream.items.length * 0.25));
    const stoppedAtItem = pusher.progress;
    const stoppedAt = Date.now();
    await stopFaultSearch();
    await sleep(30_000);
    const startMs = await startFaultInfra();
    const backAt = Date.now();
    const push = await pushing;

    const { report } = await truth.waitForConsistency(180_000);
    expectTruthHolds(push, stream.expected, await truth.storyStates(), report);
    for (const name of PIPELINE) expect(stack.service(name).isRunning).toBe(true);
    expect(await deadLetterCounts()).toEqual(deadBefore);
    recordFigures('3-search-engine-outage', {
      items: stream.items.length,
      stories: stream.stories,
      outcomes: push.outcomes,
      stoppedAtItem,
      engineDownMs: backAt - stoppedAt,
      engineStartMs: startMs,
      drainedAfterEngineBackMs: Date.now() - backAt,
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
