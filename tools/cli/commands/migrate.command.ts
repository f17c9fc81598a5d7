import { loadConfig } from '@lib/config';
import { ensureDatabaseExists, runMigrations } from '@lib/database';

/** `cli migrate`: creates the database if missing and applies pending migrations. */
export async function migrateCommand(): Promise<number> {
  const config = loadConfig();
  await ensureDatabaseExists(config.DATABASE_URL);
  const applied = await runMigrations({ url: config.DATABASE_URL });
  process.stderr.write(applied.length ? `applied ${applied.join(', ')}\n` : 'schema up to date\n');
  return 0;
}
