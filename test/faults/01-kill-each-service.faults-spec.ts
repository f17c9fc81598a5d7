import type { ServiceName } from '../../tools/stack/services';
import { expectTruthHolds } from './support/assertions';
import { FaultStack } from './support/fault-stack';
import { recordFigures } from './support/figures';
import { Pusher, sleep } from './support/pusher';
import { reutersStream } from './support/reuters-stream';
import { registerPushSource } from './support/sources';
import { Truth } from './support/truth';

/**
 * Fault 1: a Reuters-21578 replay while each service in turn is killed with SIGKILL (no shutdown,
 * no commit) and started again. Nothing may be lost or doubled anywhere along the way.
 */
describe('kill -9 of each service in turn, mid-stream', () => {
  const stack = new FaultStack('kill');
  const truth = new Truth();
  let apiKey = '';

  beforeAll(async () => {
    await truth.open();
    await stack.start();
    apiKey = await registerPushSource('faults-kill');
  }, 120_000);

  afterAll(async () => {
    await stack.stopAll();
    await truth.close();
  });

  it('ends with the index equal to PostgreSQL: same stories, same versions, none twice, none missing', async () => {
    const stream = reutersStream({ namespace: 'kill', stories: 800, offset: 0 });
    const pusher = new Pusher({ apiKey, batchSize: 25, maxItemsPerSecond: 60 });
    const startedAt = Date.now();
    const pushing = pusher.pushAll(stream.items);

    // Each victim is killed while traffic flows through it: the indexer before the enricher (so
    // enriched events still arrive when it dies), every one at its own point of the stream. A killed
    // consumer's partitions move only when its session times out, so restarts run in the background.
    const victims: ServiceName[] = ['ingest', 'indexer', 'enricher', 'api'];
    const killedAtItem: Partial<Record<ServiceName, number>> = {};
    const readyAfterKillMs: Partial<Record<ServiceName, number>> = {};
    const restarts: Promise<void>[] = [];
    for (const [i, name] of victims.entries()) {
      await pusher.reached(Math.floor(stream.items.length * (0.1 + 0.12 * i)));
      killedAtItem[name] = pusher.progress;
      const killedAt = Date.now();
      await stack.kill(name);
      await sleep(1_000);
      const restarted = stack.restart(name).then(() => {
        readyAfterKillMs[name] = Date.now() - killedAt;
      });
      // Ingest must be back before the stream can go on; the others come back while it flows.
      if (name === 'ingest') await restarted;
      else restarts.push(restarted);
    }
    await Promise.all(restarts);
    const push = await pushing;
    const pushedAt = Date.now();

    const { report, waitedMs } = await truth.waitForConsistency(120_000);
    expectTruthHolds(push, stream.expected, await truth.storyStates(), report);
    recordFigures('1-kill-each-service', {
      items: stream.items.length,
      stories: stream.stories,
      corrections: stream.corrections,
      kills: stream.kills,
      outcomes: push.outcomes,
      networkErrors: push.networkErrors,
      retries: push.retries,
      killedAtItem,
      readyAfterKillMs,
      pushSeconds: (pushedAt - startedAt) / 1000,
      convergedAfterPushMs: waitedMs,
      index: {
        stories: report.stories,
        usable: report.usable,
        killed: report.killed,
        indexed: report.indexed,
      },
    });
  });
});
