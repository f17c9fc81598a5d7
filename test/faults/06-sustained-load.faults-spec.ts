import autocannon from 'autocannon';
import { SERVICE_NAMES } from '../../tools/stack/services';
import { expectTruthHolds } from './support/assertions';
import { ingestUrl } from './support/fault-env';
import { FaultStack } from './support/fault-stack';
import { recordFigures } from './support/figures';
import { deadLetterCounts } from './support/kafka-tools';
import type { PushReport } from './support/pusher';
import { reutersStream } from './support/reuters-stream';
import { registerPushSource } from './support/sources';
import { Truth } from './support/truth';

const PIPELINE = SERVICE_NAMES.filter((name) => name !== 'api');
const RATE = 200;
const SECONDS = Number(process.env.FAULT_LOAD_SECONDS ?? 30);

/**
 * Fault 6: a sustained push load on ingest, one Reuters story per request at a fixed rate over
 * loopback, with the whole pipeline behind it. Every request must be answered 202, every story
 * kept, and the index must catch up with all of them.
 */
describe(`sustained load: ${RATE} pushes per second for ${SECONDS} s`, () => {
  const stack = new FaultStack('load');
  const truth = new Truth();
  let apiKey = '';

  beforeAll(async () => {
    await truth.open();
    await stack.start(PIPELINE);
    apiKey = await registerPushSource('faults-load');
  }, 120_000);

  afterAll(async () => {
    await stack.stopAll();
    await truth.close();
  });

  it('answers every push with 202, keeps every story and indexes them all', async () => {
    const amount = RATE * SECONDS;
    const stream = reutersStream({
      namespace: 'load',
      stories: amount,
      offset: 11_000,
      correctionEvery: 0,
      killEvery: 0,
    });
    const deadBefore = await deadLetterCounts();
    let next = 0;
    const result = await autocannon({
      url: ingestUrl,
      connections: 20,
      overallRate: RATE,
      amount,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          path: '/v1/ingest?format=ninjs',
          headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
          // Each request carries the next story: `amount` requests, `amount` distinct stories.
          setupRequest: (request) => ({
            ...request,
            body: stream.items[next++ % stream.items.length].ninjs,
          }),
        },
      ],
    });
    const loadEndedAt = Date.now();
    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
    });
    expect(result['2xx']).toBe(amount);
    expect(result.statusCodeStats).toEqual({ '202': { count: amount } });

    const stored = await truth.storyStates();
    const loadStories = [...stored.keys()].filter((uri) => uri.startsWith('urn:faults:load:'));
    expect(loadStories).toHaveLength(amount);
    const { report, waitedMs } = await truth.waitForConsistency(300_000);
    const push: PushReport = {
      items: amount,
      batches: 0,
      outcomes: { accepted: amount, duplicate: 0, stale: 0, rejected: 0 },
      refusals: {},
      networkErrors: 0,
      retries: 0,
      accepted: new Map([...stream.expected].map(([uri, state]) => [uri, state.version])),
      rejections: [],
      elapsedMs: result.duration * 1000,
    };
    expectTruthHolds(push, stream.expected, stored, report);
    expect(await deadLetterCounts()).toEqual(deadBefore);
    recordFigures('6-sustained-load', {
      rate: RATE,
      seconds: result.duration,
      requests: result.requests.total,
      statusCodes: result.statusCodeStats,
      errors: result.errors,
      timeouts: result.timeouts,
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      indexCaughtUpAfterLoadMs: Date.now() - loadEndedAt,
      convergenceWaitMs: waitedMs,
      index: { stories: report.stories, usable: report.usable, indexed: report.indexed },
    });
  }, 480_000);
});
