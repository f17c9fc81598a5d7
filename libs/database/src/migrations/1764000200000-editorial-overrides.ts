import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Editors' pinned and blocked tags and related links, one document per story. */
export class EditorialOverrides1764000200000 implements MigrationInterface {
  name = 'EditorialOverrides1764000200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE editorial_overrides (
        uri text PRIMARY KEY,
        overrides jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS editorial_overrides');
  }
}
