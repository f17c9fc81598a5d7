import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ServiceProcess } from '../../tools/stack/services';
import { startStack, stopStack } from '../support/stack';
import { TEST_ADMIN_KEY, TEST_DATABASE_URL, TEST_PORTS } from '../setup/test-env';
import { PIPELINE_TIMEOUT_MS, eventually } from '../support/eventually';
import { push, registerSource } from '../support/sources';

const WIRE = join(__dirname, '..', 'fixtures', 'wire');
const fixture = (path: string) => readFileSync(join(WIRE, path));
const ingest = `http://127.0.0.1:${TEST_PORTS.ingest}`;

/** A stand-in for an agency's feed server, answering conditional GETs like a real one. */
function feedServer(
  body: Buffer,
  contentType: string,
): Promise<{ server: Server; url: string; hits: { full: number; notModified: number } }> {
  const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
  const hits = { full: 0, notModified: 0 };
  const server = createServer((request, response) => {
    if (request.headers['if-none-match'] === etag) {
      hits.notModified += 1;
      response.writeHead(304, { etag }).end();
      return;
    }
    hits.full += 1;
    response.writeHead(200, { 'content-type': contentType, etag }).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/world/rss`,
        hits,
      }),
    ),
  );
}

/**
 * Starts a push that declares `declaredBytes` but sends only its first few, so ingest holds it in
 * flight; resolves with the answer if ingest answers before the body is complete.
 */
function startHeldPush(
  path: string,
  headers: Record<string, string>,
  declaredBytes: number,
): { answered: Promise<IncomingMessage>; abort: () => void } {
  const held = request(`${ingest}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-length': String(declaredBytes) },
  });
  held.write('{"items": [');
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    held.once('response', resolve);
    // A refused connection fails the wait instead of hanging it; aborting later is not an error.
    held.on('error', reject);
  });
  answered.catch(() => undefined);
  return { answered, abort: () => held.destroy() };
}

async function bodyOf(response: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString()) as unknown;
}

describe('ingest transports against the real stack', () => {
  let services: ServiceProcess[] = [];
  const db = new Client({ connectionString: TEST_DATABASE_URL });

  beforeAll(async () => {
    services = await startStack('transports');
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db.end();
    await stopStack(services);
  });

  describe('HTTP push', () => {
    it('refuses pushes without a valid source key and admin calls without the admin key', async () => {
      const anonymous = await fetch(`${ingest}/v1/ingest`, {
        method: 'POST',
        body: fixture('ninjs/ninjs2.json'),
      });
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ error: 'AUTH.MISSING_KEY' });
      expect((await push('nwk_not-a-real-key', fixture('ninjs/ninjs2.json'))).status).toBe(401);
      const admin = await fetch(`${ingest}/v1/sources`, {
        method: 'POST',
        headers: { authorization: 'Bearer wrong-admin-key-123456' },
        body: '{}',
      });
      expect(admin.status).toBe(401);
    });

    it('stops accepting a key once its source is revoked', async () => {
      const source = await registerSource({ name: 'revoked-agency' });
      expect((await push(source.apiKey ?? '', fixture('ninjs/ninjs1.json'))).status).toBe(202);
      const revoke = await fetch(`${ingest}/v1/sources/${source.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
      });
      expect(revoke.status).toBe(204);
      expect((await push(source.apiKey ?? '', fixture('ninjs/ninjs1.json'))).status).toBe(401);
      const stored = await db.query<{ api_key_hash: string | null }>(
        'SELECT api_key_hash FROM sources WHERE id = $1',
        [source.id],
      );
      expect(stored.rows[0].api_key_hash).toBeNull();
      const again = await fetch(`${ingest}/v1/sources/${source.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
      });
      expect(again.status).toBe(404);
    });

    it('validates source registrations with a 400 naming the field', async () => {
      const response = await fetch(`${ingest}/v1/sources`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'no-url-feed', kind: 'feed' }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'REQUEST.BAD_BODY', field: 'url' });
    });

    it('takes a batch item by item, keeping the refused one with its reason', async () => {
      const { apiKey } = await registerSource({ name: 'batch-agency' });
      const response = await fetch(`${ingest}/v1/ingest/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey ?? ''}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          items: [
            {
              content: fixture('nitf/ap-nitf.xml').toString('base64'),
              encoding: 'base64',
              filename: 'ap-nitf.xml',
            },
            { content: 'this is not wire copy' },
            { content: fixture('newsml-1.2/afp.xml').toString('utf8') },
          ],
        }),
      });
      expect(response.status).toBe(202);
      const body = (await response.json()) as {
        items: {
          index: number;
          status: string;
          error?: string;
          rejectedItemId?: string;
          results?: { status: string }[];
        }[];
      };
      expect(body.items.map((i) => i.status)).toEqual(['ok', 'rejected', 'ok']);
      expect(body.items[0].results?.[0].status).toBe('accepted');
      expect(body.items[1].error).toBe('WIRE.UNSUPPORTED_FORMAT');
      const rejected = await db.query<{ source: string; error_code: string; bytes: Buffer }>(
        'SELECT r.source, r.error_code, p.bytes FROM rejected_items r JOIN raw_payloads p ON p.id = r.raw_payload_id WHERE r.id = $1',
        [body.items[1].rejectedItemId],
      );
      expect(rejected.rows[0]).toMatchObject({
        source: 'batch-agency',
        error_code: 'WIRE.UNSUPPORTED_FORMAT',
      });
      expect(rejected.rows[0].bytes.toString()).toBe('this is not wire copy');
    });

    it('takes versions of one story within a batch in order, across its transactions', async () => {
      // The test stack stores at most two items per transaction, so these five span three.
      const { apiKey } = await registerSource({ name: 'versions-batch-agency' });
      const uri = `urn:test:versions-batch:${Date.now()}`;
      const version = (v: number, headline: string) => ({
        content: JSON.stringify({
          uri,
          type: 'text',
          version: String(v),
          headline,
          body_text: 'The river fell overnight and the town stayed dry.',
        }),
      });
      const response = await fetch(`${ingest}/v1/ingest/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey ?? ''}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          items: [
            version(1, 'Dam holds after storm'),
            version(2, 'Dam holds after storm, engineers say'),
            { content: 'not wire copy either' },
            version(1, 'Dam holds after storm'),
            version(3, 'Dam inspected after storm'),
          ],
        }),
      });
      expect(response.status).toBe(202);
      const body = (await response.json()) as {
        items: { index: number; status: string; results?: { status: string; version: number }[] }[];
      };
      expect(body.items.map((i) => [i.index, i.status, i.results?.[0]?.status])).toEqual([
        [0, 'ok', 'accepted'],
        [1, 'ok', 'accepted'],
        [2, 'rejected', undefined],
        [3, 'ok', 'stale'],
        [4, 'ok', 'accepted'],
      ]);
      const current = await db.query<{ version: number; headline: string }>(
        "SELECT version, story->>'headline' AS headline FROM stories WHERE uri = $1",
        [uri],
      );
      expect(current.rows).toEqual([{ version: 3, headline: 'Dam inspected after storm' }]);
      const history = await db.query<{ version: number }>(
        'SELECT version FROM story_versions WHERE uri = $1 ORDER BY version',
        [uri],
      );
      expect(history.rows.map((r) => r.version)).toEqual([1, 2, 3]);
    });

    it('records when a source last delivered a new story, at most about once a second', async () => {
      const { apiKey } = await registerSource({ name: 'activity-agency' });
      const lastItemAt = async (): Promise<Date | null> =>
        (
          await db.query<{ last_item_at: Date | null }>(
            'SELECT last_item_at FROM sources WHERE name = $1',
            ['activity-agency'],
          )
        ).rows[0].last_item_at;
      expect(await lastItemAt()).toBeNull();
      const story = (n: number): string =>
        JSON.stringify({
          uri: `urn:test:activity-agency:${n}`,
          type: 'text',
          headline: `Activity story ${n}`,
          body_text: 'A story pushed to see when its source last delivered one.',
        });

      const before = Date.now();
      expect((await push(apiKey ?? '', story(1))).status).toBe(202);
      const first = await lastItemAt();
      expect(first).not.toBeNull();
      // The database's clock and ours may differ by a little; a second is far more than that.
      expect(first!.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(first!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);

      // A second story within the same second leaves the row as it is; one after it moves it on.
      expect((await push(apiKey ?? '', story(2))).status).toBe(202);
      expect(await lastItemAt()).toEqual(first);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await push(apiKey ?? '', story(3))).status).toBe(202);
      expect((await lastItemAt())!.getTime()).toBeGreaterThan(first!.getTime());
    });

    it('answers 413 for a body over the limit and 400 for a malformed batch', async () => {
      const { apiKey } = await registerSource({ name: 'oversize-agency' });
      const huge = await push(apiKey ?? '', Buffer.alloc(6 * 1024 * 1024, 0x20));
      expect(huge.status).toBe(413);
      expect(await huge.json()).toMatchObject({ error: 'WIRE.TOO_LARGE' });
      const malformed = await fetch(`${ingest}/v1/ingest/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey ?? ''}`, 'content-type': 'application/json' },
        body: '{"items": [',
      });
      expect(malformed.status).toBe(400);
    });
    it('refuses a push without a key before reading its body', async () => {
      const unauthenticated = startHeldPush(
        '/v1/ingest/batch',
        { 'content-type': 'application/json' },
        40 * 1024 * 1024,
      );
      const answer = await unauthenticated.answered;
      unauthenticated.abort();
      expect(answer.statusCode).toBe(401);
      expect(await bodyOf(answer)).toMatchObject({ error: 'AUTH.MISSING_KEY' });
    });

    it('takes concurrent batches of the largest size within its heap limit: one at a time, the rest told to retry', async () => {
      const { apiKey } = await registerSource({ name: 'largest-batch-agency' });
      const run = Date.now();
      const paragraph = 'Ministers met on Tuesday to agree the budget for the coming year. ';
      const body = paragraph.repeat(Math.ceil((2 * 1024 * 1024) / paragraph.length));
      // 24 items of 2 MB: 48 MB, just under INGEST_BATCH_MAX_BYTES; two do not fit the 64 MB budget.
      const batchOf = (batch: number) =>
        JSON.stringify({
          items: Array.from({ length: 24 }, (_, i) => ({
            content: JSON.stringify({
              uri: `urn:test:largest:${run}:${batch}:${i}`,
              type: 'text',
              version: '1',
              versioncreated: new Date().toISOString(),
              headline: `Budget talks ${batch}/${i}`,
              body_text: body,
            }),
          })),
        });
      const answers = await Promise.all(
        [0, 1, 2].map((batch) =>
          fetch(`${ingest}/v1/ingest/batch`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${apiKey ?? ''}`,
              'content-type': 'application/json',
            },
            body: batchOf(batch),
          }),
        ),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 202).length).toBeGreaterThanOrEqual(1);
      expect(statuses.filter((status) => status !== 202 && status !== 503)).toEqual([]);
      expect(services.find((service) => service.name === 'ingest')?.isRunning).toBe(true);
      const stored = await db.query<{ count: string }>(
        'SELECT count(*) FROM stories WHERE uri LIKE $1',
        [`urn:test:largest:${run}:%`],
      );
      expect(Number(stored.rows[0].count)).toBe(24 * statuses.filter((s) => s === 202).length);
      // Each story's event is over Kafka's default 1 MiB: it still goes through to the index.
      const accepted = statuses.indexOf(202);
      const last = `urn:test:largest:${run}:${accepted}:23`;
      await eventually(async () => {
        const story = await fetch(
          `http://127.0.0.1:${TEST_PORTS.api}/v1/stories/${encodeURIComponent(last)}`,
        );
        return story.ok && ((await story.json()) as { status?: string }).status === 'live';
        // Stories of 2 MB take the engine seconds each to index.
      }, 120_000);
    }, 240_000);

    it('answers 503 with Retry-After while the bytes in flight would exceed the budget, and admits again once they are done', async () => {
      const { apiKey } = await registerSource({ name: 'busy-agency' });
      const auth = { authorization: `Bearer ${apiKey ?? ''}`, 'content-type': 'application/json' };
      // 50 MB declared and held open: the default budget of 64 MB has 14 MB left.
      const first = startHeldPush('/v1/ingest/batch', auth, 50 * 1024 * 1024);
      // The second push must arrive after the first was admitted, not race it.
      await eventually(async () => {
        const gauge = await (await fetch(`${ingest}/metrics`)).text();
        return /newswire_ingest_push_bytes_in_flight(\{[^}]*\})? 52428800\b/.test(gauge);
      }, 10_000);
      const busy = startHeldPush('/v1/ingest/batch', auth, 20 * 1024 * 1024);
      const refused = await busy.answered;
      busy.abort();
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(await bodyOf(refused)).toMatchObject({
        error: 'INGEST.BUSY',
        message: expect.stringContaining('of 67108864 bytes') as unknown,
      });
      const metrics = await (await fetch(`${ingest}/metrics`)).text();
      expect(metrics).toMatch(
        /newswire_ingest_pushes_busy_total\{[^}]*source="busy-agency"[^}]*\} 1\b/,
      );
      expect(metrics).toMatch(/newswire_ingest_push_bytes_in_flight(\{[^}]*\})? 52428800\b/);
      // A small push still fits next to the held one (stored now or by an earlier test).
      expect([200, 202]).toContain((await push(apiKey ?? '', fixture('ninjs/ninjs1.json'))).status);
      first.abort();
      // Once the held push's connection is gone its bytes are free for the next one.
      const padded = JSON.stringify({
        items: [
          {
            content: fixture('ninjs/ninjs2.json').toString(),
            padding: 'x'.repeat(20 * 1024 * 1024),
          },
        ],
      });
      const status = await eventually(async () => {
        const again = await fetch(`${ingest}/v1/ingest/batch`, {
          method: 'POST',
          headers: auth,
          body: padded,
        });
        return again.status === 503 ? false : again.status;
      }, 10_000);
      expect([200, 202]).toContain(status);
    });
  });

  describe('feed polling', () => {
    it('polls a registered RSS feed, keeps every item once and uses conditional GETs after that', async () => {
      const feed = await feedServer(
        fixture('rss/guardian.rss'),
        'application/rss+xml; charset=utf-8',
      );
      try {
        await registerSource({
          name: 'guardian-world',
          kind: 'feed',
          url: feed.url,
          intervalSeconds: 1,
          provider: 'The Guardian',
        });
        const stored = await eventually(async () => {
          const rows = await db.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM stories WHERE provenance->>'source' = 'guardian-world'",
          );
          return rows.rows[0].n === 55 ? rows.rows[0].n : undefined;
        }, 20_000);
        expect(stored).toBe(55);
        await eventually(async () => feed.hits.notModified >= 2, 10_000);
        expect(feed.hits.full).toBe(1);
        const transport = await db.query<{ transport: string }>(
          "SELECT DISTINCT provenance->>'transport' AS transport FROM stories WHERE provenance->>'source' = 'guardian-world'",
        );
        expect(transport.rows).toEqual([{ transport: 'feed' }]);
      } finally {
        feed.server.close();
      }
    });

    it('backs off a failing feed and records why', async () => {
      const source = await registerSource({
        name: 'dead-feed',
        kind: 'feed',
        url: 'http://127.0.0.1:9/nothing',
        intervalSeconds: 1,
      });
      const row = await eventually(async () => {
        const rows = await db.query<{
          consecutive_failures: number;
          last_error: string;
          next_poll_at: Date;
        }>('SELECT consecutive_failures, last_error, next_poll_at FROM sources WHERE id = $1', [
          source.id,
        ]);
        return rows.rows[0].consecutive_failures >= 1 ? rows.rows[0] : undefined;
      }, 10_000);
      expect(row.last_error).toMatch(/fetch failed/);
      expect(row.next_poll_at.getTime()).toBeGreaterThan(Date.now());
    });
  });

  describe('drop folder', () => {
    it('moves parsed files to done/ and refused ones to error/ with a reason', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'newswire-drop-'));
      await registerSource({ name: 'efe-ftp', kind: 'folder', folder });
      writeFileSync(join(folder, 'efe.xml'), fixture('nitf/efe_nitf.xml'));
      writeFileSync(join(folder, 'broken.xml'), '<nitf><head><title>cut off');
      await eventually(
        async () =>
          existsSync(join(folder, 'done', 'efe.xml')) &&
          existsSync(join(folder, 'error', 'broken.xml.reason')),
        PIPELINE_TIMEOUT_MS,
      );
      expect(readdirSync(folder).filter((f) => !['done', 'error'].includes(f))).toEqual([]);
      expect(readFileSync(join(folder, 'error', 'broken.xml.reason'), 'utf8')).toMatch(
        /^WIRE\.[A-Z_]+: .+\n[\s\S]*rejected item: [0-9a-f-]{36}/,
      );
      const stored = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM stories WHERE provenance->>'source' = 'efe-ftp' AND provenance->>'transport' = 'folder'",
      );
      expect(stored.rows[0].n).toBe(1);
    });
  });
});
