import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        api_key_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE raw_payloads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source text NOT NULL,
        format text,
        content_type text,
        filename text,
        transport text NOT NULL,
        bytes bytea NOT NULL,
        sha256 text NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE stories (
        uri text PRIMARY KEY,
        version integer NOT NULL,
        pubstatus text NOT NULL,
        content_hash text NOT NULL,
        story jsonb NOT NULL,
        provenance jsonb NOT NULL,
        versioncreated timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX stories_versioncreated_idx ON stories (versioncreated)`);
    await runner.query(`
      CREATE TABLE story_versions (
        uri text NOT NULL,
        version integer NOT NULL,
        pubstatus text NOT NULL,
        content_hash text NOT NULL,
        story jsonb NOT NULL,
        provenance jsonb NOT NULL,
        raw_payload_id uuid NOT NULL REFERENCES raw_payloads (id),
        received_at timestamptz NOT NULL,
        PRIMARY KEY (uri, version)
      )`);
    await runner.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        message_key text NOT NULL,
        payload jsonb NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE rejected_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source text NOT NULL,
        format text,
        error_code text NOT NULL,
        error_message text NOT NULL,
        raw_payload_id uuid NOT NULL REFERENCES raw_payloads (id),
        received_at timestamptz NOT NULL,
        replayed_at timestamptz
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'rejected_items',
      'outbox',
      'story_versions',
      'stories',
      'raw_payloads',
      'sources',
    ]) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
