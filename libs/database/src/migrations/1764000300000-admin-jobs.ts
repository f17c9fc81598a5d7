import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Maintenance jobs asked for through the api (reindex, dead-letter replay), their progress and outcome. */
export class AdminJobs1764000300000 implements MigrationInterface {
  name = 'AdminJobs1764000300000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE admin_jobs (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        params jsonb NOT NULL,
        status text NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'interrupted')),
        done integer NOT NULL DEFAULT 0,
        total integer,
        messages jsonb NOT NULL DEFAULT '[]'::jsonb,
        result jsonb,
        error text,
        requested_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        heartbeat_at timestamptz,
        finished_at timestamptz
      )`);
    // One reindex at a time: two would build competing indexes and swap the alias twice.
    await runner.query(`
      CREATE UNIQUE INDEX admin_jobs_one_active_reindex ON admin_jobs (kind)
      WHERE kind = 'reindex' AND status IN ('queued', 'running')`);
    await runner.query('CREATE INDEX admin_jobs_created_at ON admin_jobs (created_at DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS admin_jobs');
  }
}
