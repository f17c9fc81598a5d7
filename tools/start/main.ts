/**
 * `npm start`: the whole stack on its embedded defaults. Starts (or reuses) Kafka, the search
 * engine and PostgreSQL, applies migrations, runs the four services as separate processes,
 * loads the sample wire copy and prints the URLs. Ctrl-C stops everything it started.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@lib/config';
import { runMigrations } from '@lib/database';
import { ensureInfra, stopInfra } from '../../infra/src';
import { SERVICE_NAMES, ServiceProcess } from '../stack/services';

const SAMPLES = resolve(__dirname, '..', '..', 'samples');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'keep-infra': { type: 'boolean', default: false },
      'no-samples': { type: 'boolean', default: false },
    },
  });
  // Admin endpoints need a key; a local stack without one gets a fresh key for this run.
  process.env.ADMIN_API_KEY ??= randomBytes(24).toString('base64url');
  const config = loadConfig();
  const startedAt = Date.now();
  await ensureInfra();
  const applied = await runMigrations({ url: config.DATABASE_URL });
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);

  const services = SERVICE_NAMES.map(
    (name) => new ServiceProcess(name, { env: process.env, output: 'inherit' }),
  );
  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping services…');
    await Promise.all(services.map((s) => s.stop()));
    if (!values['keep-infra']) await stopInfra();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  await Promise.all(services.map((s) => s.waitReady(120_000)));
  if (!values['no-samples']) await loadSamples(config.INGEST_PORT, config.ADMIN_API_KEY ?? '');

  const api = `http://127.0.0.1:${config.API_PORT}`;
  const ingest = `http://127.0.0.1:${config.INGEST_PORT}`;
  console.log(`
newswire is up in ${((Date.now() - startedAt) / 1000).toFixed(1)}s
  search API     ${api}/v1/search?q=Haftar
  API docs       ${api}/docs
  ingest         POST ${ingest}/v1/ingest   (docs: ${ingest}/docs)
  admin key      ${config.ADMIN_API_KEY ?? ''}   (POST ${ingest}/v1/sources to register a source and get its key)
  health         ${api}/health/ready  ${ingest}/health/ready  http://127.0.0.1:${config.ENRICHER_PORT}/health/ready  http://127.0.0.1:${config.INDEXER_PORT}/health/ready
  metrics        <service>/metrics
Ctrl-C stops the services${values['keep-infra'] ? '' : ' and the infrastructure this project started'}.`);
}

/** Registers (or re-keys) the `samples` push source, then pushes every sample file as it. */
async function loadSamples(ingestPort: number, adminKey: string): Promise<void> {
  const ingest = `http://127.0.0.1:${ingestPort}`;
  const admin = { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' };
  const sources = (await (await fetch(`${ingest}/v1/sources`, { headers: admin })).json()) as {
    id: string;
    name: string;
    revokedAt: string | null;
  }[];
  for (const old of sources.filter((s) => s.name.startsWith('samples') && !s.revokedAt)) {
    await fetch(`${ingest}/v1/sources/${old.id}`, { method: 'DELETE', headers: admin });
  }
  const registered = await fetch(`${ingest}/v1/sources`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ name: `samples-${Date.now()}`, kind: 'push' }),
  });
  const { apiKey } = (await registered.json()) as { apiKey: string };
  for (const file of (await readdir(SAMPLES)).sort()) {
    const response = await fetch(`${ingest}/v1/ingest?filename=${encodeURIComponent(file)}`, {
      method: 'POST',
      body: await readFile(join(SAMPLES, file)),
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const body = (await response.json()) as {
      results?: { status: string }[];
      error?: string;
      message?: string;
    };
    const summary = body.results
      ? `${body.results.length} stor${body.results.length === 1 ? 'y' : 'ies'} ${[...new Set(body.results.map((r) => r.status))].join('/')}`
      : `${body.error}: ${body.message}`;
    console.log(`sample ${file}: ${response.status} ${summary}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
