import { randomUUID } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { Kafka, logLevel } from 'kafkajs';
import { Topics } from '@lib/contracts';
import type { ServiceProcess } from '../../tools/stack/services';
import { TEST_ADMIN_KEY, TEST_ALIAS, TEST_ES_NODE, TEST_PORTS } from '../setup/test-env';
import { PIPELINE_TIMEOUT_MS, eventually } from '../support/eventually';
import { push, registerSource } from '../support/sources';
import { startStack, stopStack } from '../support/stack';

interface Job {
  id: string;
  kind: string;
  status: string;
  progress: { done: number; total: number | null };
  messages: string[];
  result: Record<string, unknown> | null;
  error: string | null;
  etaSeconds: number | null;
  href: string;
}

const api = `http://127.0.0.1:${TEST_PORTS.api}`;
const RUN = randomUUID().slice(0, 8);

async function admin(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  key: string | null = TEST_ADMIN_KEY,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function finished(id: string, timeoutMs = 120_000): Promise<Job> {
  return eventually(
    async () => {
      const { body } = await admin('GET', `/v1/admin/jobs/${id}`);
      const job = body as unknown as Job;
      return ['succeeded', 'failed', 'interrupted'].includes(job.status) ? job : undefined;
    },
    timeoutMs,
    500,
  );
}

function story(n: number): string {
  return JSON.stringify({
    uri: `urn:newswire:test:admin-jobs:${RUN}:${n}`,
    type: 'text',
    version: '1',
    versioncreated: new Date(Date.now() - n * 60_000).toISOString(),
    pubstatus: 'usable',
    language: 'en',
    headline: `Harbour cranes idle as dockers strike in port ${n}`,
    body_html: `<p>Dockers walked out at the container port on day ${n} of the dispute, ${RUN}.</p>`,
  });
}

describe('admin over HTTP on the api: sources, overrides, reindex and dead-letter replay', () => {
  let services: ServiceProcess[] = [];
  const search = new Client({ node: TEST_ES_NODE });

  beforeAll(async () => {
    services = await startStack('admin-jobs');
    const apiKey = (await registerSource({ name: `admin-jobs-${RUN}` })).apiKey ?? '';
    for (const n of [1, 2, 3]) expect((await push(apiKey, story(n))).status).toBe(202);
    await eventually(async () => {
      const response = await fetch(`${api}/v1/search?q=${RUN}&collapse=false`);
      return ((await response.json()) as { total: number }).total === 3;
    }, PIPELINE_TIMEOUT_MS);
  }, 150_000);

  afterAll(async () => {
    await stopStack(services);
    await search.close();
  });

  it('registers sources and sets editorial overrides like ingest does, on the same tables', async () => {
    const registered = await admin('POST', '/v1/sources', { name: `api-desk-${RUN}` });
    expect(registered).toMatchObject({
      status: 201,
      body: { name: `api-desk-${RUN}`, kind: 'push' },
    });
    const viaApi = String(registered.body.apiKey);
    expect(viaApi).toMatch(/^nwk_/);
    const listed = await admin('GET', '/v1/sources');
    expect(JSON.stringify(listed.body)).toContain(`api-desk-${RUN}`);
    // Ingest knows the source the api registered: its key pushes.
    expect((await push(viaApi, story(4))).status).toBe(202);

    const uri = `urn:newswire:test:admin-jobs:${RUN}:1`;
    const pin = {
      id: `org:harbour-board-${RUN}`,
      kind: 'organisation',
      name: 'Harbour Board',
      aliases: [],
      confidence: 1,
      provenance: { method: 'editor', fromProvider: false },
    };
    const response = await fetch(`${api}/v1/overrides/${encodeURIComponent(uri)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        pinnedTags: [pin],
        blockedTags: [],
        pinnedRelated: [],
        blockedRelated: [],
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ uri, reemitted: true });
    const pinned = await eventually(async () => {
      const found = await fetch(`${api}/v1/search?tag=${encodeURIComponent(pin.id)}`);
      const body = (await found.json()) as { items: { uri: string }[] };
      return body.items.length > 0 ? body.items : undefined;
    }, PIPELINE_TIMEOUT_MS);
    expect(pinned.map((i) => i.uri)).toEqual([uri]);
    const back = await admin('GET', `/v1/overrides/${encodeURIComponent(uri)}`);
    expect(back).toMatchObject({ status: 200, body: { pinnedTags: [{ id: pin.id }] } });
    expect((await admin('PUT', `/v1/overrides/${encodeURIComponent(uri)}`, {}, null)).status).toBe(
      401,
    );
  });

  it('refuses requests without the admin key', async () => {
    expect((await admin('POST', '/v1/admin/reindex', {}, null)).status).toBe(401);
    expect((await admin('POST', '/v1/admin/reindex', {}, 'not-the-key')).status).toBe(401);
    expect((await admin('GET', '/v1/admin/jobs', undefined, null)).status).toBe(401);
  });

  it('answers 400 naming the field for a bad job request', async () => {
    const small = await admin('POST', '/v1/admin/reindex', { batchSize: 0 });
    expect(small).toMatchObject({ status: 400, body: { field: 'batchSize' } });
    const extra = await admin('POST', '/v1/admin/reindex', { batch: 10 });
    expect(extra.status).toBe(400);
    const topic = await admin('POST', '/v1/admin/dlq/replay', { topic: 'orders.v1' });
    expect(topic).toMatchObject({ status: 400, body: { field: 'topic' } });
    expect(String(topic.body.message)).toContain(Topics.storyIngested);
    const filter = await admin('POST', '/v1/admin/dlq/replay', {
      topic: Topics.storyIngested,
      filters: ['colour=red'],
    });
    expect(filter).toMatchObject({ status: 400, body: { field: 'filters.0' } });
    expect((await admin('GET', `/v1/admin/jobs/${randomUUID()}`)).status).toBe(404);
    expect((await admin('GET', '/v1/admin/jobs/not-a-job')).status).toBe(404);
  });

  it('rebuilds the index through the indexer, one reindex at a time, and swaps the alias', async () => {
    const before = Object.keys(await search.indices.getAlias({ name: TEST_ALIAS }));
    const accepted = await admin('POST', '/v1/admin/reindex', { batchSize: 2 });
    expect(accepted.status).toBe(202);
    const job = accepted.body as unknown as Job;
    expect(job).toMatchObject({
      kind: 'reindex',
      status: 'queued',
      href: `/v1/admin/jobs/${job.id}`,
    });

    const second = await admin('POST', '/v1/admin/reindex', {});
    expect(second).toMatchObject({ status: 409, body: { error: 'JOB.ALREADY_ACTIVE' } });
    expect((second.body.job as Job).id).toBe(job.id);

    const done = await finished(job.id);
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    expect(done.result).toMatchObject({ ok: true, previous: before });
    expect(done.progress.total).toBeGreaterThanOrEqual(3);
    expect(done.progress.done).toBe(done.progress.total);
    expect(done.messages.some((m) => m.startsWith('swapped: alias'))).toBe(true);
    const after = Object.keys(await search.indices.getAlias({ name: TEST_ALIAS }));
    expect(after).toEqual([done.result?.index]);
    expect(after).not.toEqual(before);

    const response = await fetch(`${api}/v1/search?q=${RUN}&collapse=false`);
    expect(((await response.json()) as { total: number }).total).toBe(4);

    const listed = await admin('GET', '/v1/admin/jobs?limit=5');
    expect((listed.body.items as Job[]).map((j) => j.id)).toContain(job.id);
  }, 150_000);

  it('replays dead letters selected by a filter, counting first with a dry run', async () => {
    const key = `urn:newswire:test:admin-jobs:poison:${RUN}`;
    const kafka = new Kafka({
      clientId: 'admin-jobs-test',
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      logLevel: logLevel.ERROR,
    });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: Topics.storyIngested, messages: [{ key, value: 'not json' }] });
    await producer.disconnect();

    const selection = { topic: `${Topics.storyIngested}.dlq`, filters: [`key=${key}`] };
    // The enricher dead-letters the unreadable message at once; wait until a dry run sees it.
    const counted = await eventually(
      async () => {
        const accepted = await admin('POST', '/v1/admin/dlq/replay', {
          ...selection,
          dryRun: true,
        });
        expect(accepted.status).toBe(202);
        const job = await finished((accepted.body as unknown as Job).id, 60_000);
        return (job.result?.matched as number) >= 1 ? job : undefined;
      },
      60_000,
      1_000,
    );
    expect(counted).toMatchObject({ status: 'succeeded', result: { dryRun: true, replayed: 0 } });

    const accepted = await admin('POST', '/v1/admin/dlq/replay', selection);
    const replayed = await finished((accepted.body as unknown as Job).id, 60_000);
    expect(replayed).toMatchObject({ status: 'succeeded', result: { dryRun: false } });
    expect(replayed.result?.replayed).toBe(counted.result?.matched);
    expect(replayed.result?.byTopic).toEqual({ [Topics.storyIngested]: counted.result?.matched });
    expect(replayed.messages.some((m) => m.startsWith('replayed '))).toBe(true);
  }, 180_000);
});
