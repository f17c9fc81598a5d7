import { Client } from 'pg';
import { TEST_DATABASE_URL } from '../../../test/setup/test-env';
import { PICK_SQL, READ_PICKED_SQL } from './outbox-relay';

/** The relay's statements against PostgreSQL, on an outbox of their own in a scratch schema. */
const schema = `relay_${Date.now().toString(36)}`;
const relay = new Client({ connectionString: TEST_DATABASE_URL });
const other = new Client({ connectionString: TEST_DATABASE_URL });

describe('the outbox relay statements, against PostgreSQL', () => {
  beforeAll(async () => {
    await relay.connect();
    await other.connect();
    await relay.query(`CREATE SCHEMA ${schema}`);
    for (const client of [relay, other]) await client.query(`SET search_path TO ${schema}`);
    await relay.query(`CREATE TABLE outbox (id bigserial PRIMARY KEY, topic text NOT NULL,
      message_key text NOT NULL, payload jsonb NOT NULL, headers jsonb NOT NULL DEFAULT '{}')`);
    // As a vacuum leaves the usual, empty outbox: planned as empty, then filled by a replay.
    await relay.query('VACUUM ANALYZE outbox');
    await relay.query(`INSERT INTO outbox (topic, message_key, payload)
      SELECT 't', 'k' || i, jsonb_build_object('n', i) FROM generate_series(1, 3000) AS i`);
  });

  afterAll(async () => {
    await relay.query(`DROP SCHEMA ${schema} CASCADE`);
    await relay.end();
    await other.end();
  });

  it('picks the oldest rows with their sizes, passing over those another relay holds', async () => {
    await other.query('BEGIN');
    const held = await other.query<{ id: string }>(PICK_SQL, [2]);
    expect(held.rows.map((r) => r.id)).toEqual(['1', '2']);

    await relay.query('BEGIN');
    const picked = await relay.query<{ id: string; bytes: number }>(PICK_SQL, [3]);
    expect(picked.rows).toEqual([
      { id: '3', bytes: '{"n": 3}'.length },
      { id: '4', bytes: '{"n": 4}'.length },
      { id: '5', bytes: '{"n": 5}'.length },
    ]);
    const read = await relay.query<{ id: string; message_key: string; payload: object }>(
      READ_PICKED_SQL,
      [['5', '3']],
    );
    expect(read.rows.map((r) => [r.id, r.message_key, r.payload])).toEqual([
      ['3', 'k3', { n: 3 }],
      ['5', 'k5', { n: 5 }],
    ]);
    await relay.query('ROLLBACK');
    await other.query('ROLLBACK');
  });

  it('picks a full batch from a table planned as empty', async () => {
    const picked = await relay.query<{ id: string }>(PICK_SQL, [200]);
    expect(picked.rows).toHaveLength(200);
    expect(picked.rows[199].id).toBe('200');
  });
});
