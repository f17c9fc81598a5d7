import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sources learn how they deliver: pushed over HTTP, polled from a feed URL, or dropped in a folder. */
export class SourceTransports1764000100000 implements MigrationInterface {
  name = 'SourceTransports1764000100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE sources
        ADD COLUMN kind text NOT NULL DEFAULT 'push' CHECK (kind IN ('push', 'feed', 'folder')),
        ADD COLUMN provider text,
        ADD COLUMN format text,
        ADD COLUMN url text,
        ADD COLUMN folder text,
        ADD COLUMN interval_seconds integer NOT NULL DEFAULT 60,
        ADD COLUMN idle_window_seconds integer NOT NULL DEFAULT 3600,
        ADD COLUMN etag text,
        ADD COLUMN last_modified text,
        ADD COLUMN next_poll_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN last_polled_at timestamptz,
        ADD COLUMN last_item_at timestamptz,
        ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0,
        ADD COLUMN last_error text`);
    await runner.query(
      `CREATE UNIQUE INDEX sources_api_key_hash_idx ON sources (api_key_hash) WHERE api_key_hash IS NOT NULL`,
    );
    await runner.query(
      `CREATE INDEX sources_due_feeds_idx ON sources (next_poll_at) WHERE kind = 'feed' AND revoked_at IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX IF EXISTS sources_due_feeds_idx');
    await runner.query('DROP INDEX IF EXISTS sources_api_key_hash_idx');
    for (const column of [
      'kind',
      'provider',
      'format',
      'url',
      'folder',
      'interval_seconds',
      'idle_window_seconds',
      'etag',
      'last_modified',
      'next_poll_at',
      'last_polled_at',
      'last_item_at',
      'consecutive_failures',
      'last_error',
    ]) {
      await runner.query(`ALTER TABLE sources DROP COLUMN IF EXISTS ${column}`);
    }
  }
}
