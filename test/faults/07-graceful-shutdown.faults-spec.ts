import type { ServiceName } from '../../tools/stack/services';
import { expectTruthHolds } from './support/assertions';
import { FaultStack } from './support/fault-stack';
import { recordFigures } from './support/figures';
import { deadLetterCounts } from './support/kafka-tools';
import { Pusher } from './support/pusher';
import { reutersStream } from './support/reuters-stream';
import { registerPushSource } from './support/sources';
import { Truth } from './support/truth';

const GRACE_MS = 10_000;

/**
 * SIGTERM to each service in turn, mid-stream: it stops taking work, finishes or hands back what it
 * is doing, commits and closes within 10 s on its own, and nothing is lost or doubled.
 */
describe('graceful shutdown on SIGTERM, mid-stream', () => {
  const stack = new FaultStack('sigterm');
  const truth = new Truth();
  let apiKey = '';

  beforeAll(async () => {
    await truth.open();
    await stack.start();
    apiKey = await registerPushSource('faults-sigterm');
  }, 120_000);

  afterAll(async () => {
    await stack.stopAll();
    await truth.close();
  });

  it('exits within 10 s of SIGTERM in every service, losing nothing', async () => {
    const stream = reutersStream({ namespace: 'sigterm', stories: 400, offset: 17_000 });
    const deadBefore = await deadLetterCounts();
    const pusher = new Pusher({ apiKey, batchSize: 20, maxItemsPerSecond: 40 });
    const pushing = pusher.pushAll(stream.items);
    const exitMs: Partial<Record<ServiceName, number>> = {};
    const readyAgainMs: Partial<Record<ServiceName, number>> = {};
    const victims: ServiceName[] = ['ingest', 'indexer', 'enricher', 'api'];
    for (const [i, name] of victims.entries()) {
      await pusher.reached(Math.floor(stream.items.length * (0.1 + 0.15 * i)));
      // The fallback SIGKILL is far past the budget, so a slow exit shows as a number, not a kill.
      exitMs[name] = await stack.terminate(name, 3 * GRACE_MS);
      readyAgainMs[name] = await stack.restart(name);
    }
    const push = await pushing;

    const { report, waitedMs } = await truth.waitForConsistency(180_000);
    expectTruthHolds(push, stream.expected, await truth.storyStates(), report);
    for (const name of victims) expect(exitMs[name]).toBeLessThan(GRACE_MS);
    expect(await deadLetterCounts()).toEqual(deadBefore);
    recordFigures('7-graceful-shutdown', {
      items: stream.items.length,
      outcomes: push.outcomes,
      networkErrors: push.networkErrors,
      exitMs,
      readyAgainMs,
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
