/**
 * PostgreSQL is not launched here (the machines run one on 127.0.0.1:5432); we only make sure the
 * database named in DATABASE_URL exists and say clearly what to do when nothing answers.
 */
import { Client } from 'pg';
import { type EnsureResult, errorMessage, seconds, type ServiceStatus } from './service';

/** Creates the database of `url` if it is missing, connecting to the `postgres` maintenance database. */
export async function ensureDatabase(url: string): Promise<EnsureResult> {
  const startedAt = Date.now();
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.replace(/^\//, '')) || 'postgres';
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(notReachable(url, e));
  }
  let created = false;
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (!rowCount) {
      try {
        // Identifiers cannot be bound as parameters; quote it the way PostgreSQL does.
        await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
        created = true;
      } catch (e) {
        // Someone else created it between our check and our CREATE: that is fine.
        if ((e as { code?: string }).code !== '42P04') throw e;
      }
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  return {
    service: 'postgres',
    endpoint: redact(url),
    action: created ? 'created' : 'reused',
    seconds: seconds(startedAt),
  };
}

export async function postgresStatus(url: string): Promise<ServiceStatus> {
  const endpoint = redact(url);
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (e) {
    return { service: 'postgres', endpoint, state: 'stopped', details: [notReachable(url, e)] };
  }
  try {
    const { rows } = await client.query<{ version: string; db: string; size: string }>(
      'SELECT version() AS version, current_database() AS db, pg_size_pretty(pg_database_size(current_database())) AS size',
    );
    const row = rows[0];
    return {
      service: 'postgres',
      endpoint,
      state: 'running',
      version: row.version,
      details: [`database ${row.db} (${row.size})`],
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

function notReachable(url: string, e: unknown): string {
  const u = new URL(url);
  const where = `${u.hostname}:${u.port || 5432}`;
  const code = (e as { code?: string }).code;
  if (code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH') {
    return (
      `PostgreSQL is not answering on ${where} (DATABASE_URL=${redact(url)}). ` +
      'Start it (Debian: `pg_ctlcluster 15 main start` or `service postgresql start`) or point DATABASE_URL at a running server.'
    );
  }
  return `cannot connect to PostgreSQL at ${where} (DATABASE_URL=${redact(url)}): ${errorMessage(e)}`;
}

/** Never print a password from DATABASE_URL. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
