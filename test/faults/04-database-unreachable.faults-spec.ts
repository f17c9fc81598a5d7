import { SERVICE_NAMES } from '../../tools/stack/services';
import { expectTruthHolds } from './support/assertions';
import {
  FAULT_DATABASE_URL,
  FAULT_PG_PROXY_PORT,
  FAULT_PORTS,
  ingestUrl,
} from './support/fault-env';
import { FaultStack } from './support/fault-stack';
import { recordFigures } from './support/figures';
import { deadLetterCounts } from './support/kafka-tools';
import { PgProxy } from './support/pg-proxy';
import { Pusher, sleep } from './support/pusher';
import { reutersStream } from './support/reuters-stream';
import { registerPushSource } from './support/sources';
import { Truth } from './support/truth';

const PIPELINE = SERVICE_NAMES.filter((name) => name !== 'api');
const OUTAGE_MS = 10_000;

interface Probe {
  status: number;
  retryAfter: string | null;
  error: string | null;
  ms: number;
}

/**
 * Fault 4: ingest loses PostgreSQL (through a TCP proxy this test controls; the machine's
 * PostgreSQL keeps running for everyone else): first refused outright (server down), then
 * silently stalled (network partition). Ingest must answer 503 with Retry-After and accept
 * nothing it cannot keep, and recover by itself once the database is reachable again.
 */
describe('PostgreSQL unreachable from ingest', () => {
  const proxy = new PgProxy(FAULT_PG_PROXY_PORT);
  const stack = new FaultStack('database');
  const truth = new Truth();
  let apiKey = '';

  beforeAll(async () => {
    await truth.open();
    await proxy.start();
    const viaProxy = new URL(FAULT_DATABASE_URL);
    viaProxy.port = String(FAULT_PG_PROXY_PORT);
    await stack.start(PIPELINE, { ingest: { DATABASE_URL: viaProxy.toString() } });
    apiKey = await registerPushSource('faults-database');
  }, 120_000);

  afterAll(async () => {
    await stack.stopAll();
    await proxy.stop();
    await truth.close();
  });

  it('answers 503 while the database is away, loses nothing it accepted and recovers by itself', async () => {
    const stream = reutersStream({ namespace: 'database', stories: 300, offset: 9000 });
    const deadBefore = await deadLetterCounts();
    const pusher = new Pusher({ apiKey, batchSize: 10, maxItemsPerSecond: 30 });
    const pushing = pusher.pushAll(stream.items);
    const phases: Record<
      string,
      { probes: Probe[]; readyDuringOutage: boolean; recoveredAfterMs: number }
    > = {};

    for (const mode of ['refuse', 'blackhole'] as const) {
      await pusher.reached(pusher.progress + 100);
      if (mode === 'refuse') await proxy.refuse();
      else proxy.blackhole();
      const cutAt = Date.now();
      const probes: Probe[] = [];
      let readyDuringOutage = true;
      while (Date.now() - cutAt < OUTAGE_MS) {
        probes.push(await probe(apiKey, `${mode}-${probes.length}`));
        readyDuringOutage &&= await isReady();
        await sleep(500);
      }
      await proxy.restore();
      const restoredAt = Date.now();
      let recovered: Probe;
      do {
        recovered = await probe(apiKey, `${mode}-recovery-${Date.now()}`);
        if (recovered.status !== 202) await sleep(200);
      } while (recovered.status !== 202 && Date.now() - restoredAt < 60_000);
      phases[mode] = { probes, readyDuringOutage, recoveredAfterMs: Date.now() - restoredAt };

      // Every answer while the database was away was an explicit, retryable refusal...
      expect(probes.length).toBeGreaterThan(0);
      for (const p of probes)
        expect(p).toMatchObject({
          status: 503,
          retryAfter: '5',
          error: 'INGEST.STORAGE_UNAVAILABLE',
        });
      // ...given within the database client's timeouts (connect 5 s, query 15 s), never a hang.
      expect(Math.max(...probes.map((p) => p.ms))).toBeLessThan(20_000);
      expect(readyDuringOutage).toBe(false);
      expect(recovered.status).toBe(202);
    }
    const push = await pushing;

    const { report } = await truth.waitForConsistency(120_000);
    const stored = await truth.storyStates();
    expectTruthHolds(push, stream.expected, stored, report);
    // The probes answered 202 (after recovery) are kept like the stream's stories.
    expect(probed.filter((uri) => stored.get(uri)?.pubstatus !== 'usable')).toEqual([]);
    expect(push.refusals['503'] ?? 0).toBeGreaterThan(0);
    expect(Object.keys(push.refusals).filter((status) => status !== '503')).toEqual([]);
    expect(await deadLetterCounts()).toEqual(deadBefore);
    recordFigures('4-database-unreachable', {
      items: stream.items.length,
      outcomes: push.outcomes,
      pusherRefusals: push.refusals,
      pusherNetworkErrors: push.networkErrors,
      phases: Object.fromEntries(
        Object.entries(phases).map(([mode, phase]) => [
          mode,
          {
            probes: phase.probes.length,
            statuses: [...new Set(phase.probes.map((p) => p.status))],
            slowestRefusalMs: Math.max(...phase.probes.map((p) => p.ms)),
            recoveredAfterMs: phase.recoveredAfterMs,
          },
        ]),
      ),
      index: {
        stories: report.stories,
        usable: report.usable,
        killed: report.killed,
        indexed: report.indexed,
      },
    });
  });
});

const probed: string[] = [];

/** One single-story push, answered or refused; a 202 must be kept like any other. */
async function probe(key: string, id: string): Promise<Probe> {
  const uri = `urn:faults:database-probe:${id}`;
  const startedAt = Date.now();
  const response = await fetch(`${ingestUrl}/v1/ingest?format=ninjs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      uri,
      type: 'text',
      version: '1',
      versioncreated: '1987-03-02T10:00:00Z',
      pubstatus: 'usable',
      language: 'en',
      headline: `Probe ${id}`,
      body_text: 'Probe story.',
    }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (response.status === 202) probed.push(uri);
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    error: body.error ?? null,
    ms: Date.now() - startedAt,
  };
}

async function isReady(): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${FAULT_PORTS.ingest}/health/ready`, {
    signal: AbortSignal.timeout(5_000),
  }).catch(() => null);
  return response?.ok ?? false;
}
