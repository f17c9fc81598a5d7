import { DataSource } from 'typeorm';
import { ENTITIES } from './entity-list';
import { MIGRATIONS } from './migration-list';

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    applicationName: settings.applicationName ?? 'newswire',
    extra: {
      max: settings.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      // A dead connection must fail fast so ingest can answer 503 instead of hanging.
      query_timeout: 15_000,
    },
  });
}

/** Applies pending migrations in one transaction; run once before the services start. */
export async function runMigrations(settings: DataSourceSettings): Promise<string[]> {
  const dataSource = createDataSource(settings);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
