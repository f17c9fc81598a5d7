import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '../../../libs/database/src/data-source';
import {
  FAULT_DATABASE_URL,
  FAULT_INFRA,
  FAULT_PG_PROXY_PORT,
  FAULT_PORTS,
  infraOptions,
} from './fault-env';
import { FIGURES_FILE } from './figures';

/**
 * Starts the fault suite's own Kafka and search node from empty data directories (so no topic,
 * offset or index of an earlier run can leak into this one) and gives it a fresh database.
 * The shared instances on 9092/9200 are never touched. Topics are created by the services.
 */
export default async function globalSetup(): Promise<void> {
  const { ensureInfra, stopInfra } = await import('../../../infra/src');
  mkdirSync('test-artifacts', { recursive: true });
  for (const file of readdirSync('test-artifacts').filter((f) => f.startsWith('faults-')))
    rmSync(join('test-artifacts', file), { force: true });
  rmSync(FIGURES_FILE, { force: true });
  await refuseBusyPorts([...Object.values(FAULT_PORTS), FAULT_PG_PROXY_PORT]);

  // Only what the launcher started from .infra/faults (its pid files) is stopped here.
  await stopInfra(infraOptions());
  // Whatever still answers there is not ours (another checkout running this suite?): refuse to share it.
  const kafkaPort = Number(FAULT_INFRA.kafkaBrokers[0].split(':')[1]);
  const searchPort = Number(new URL(FAULT_INFRA.esNode).port);
  // The launcher puts the controller on broker + 1 and transport on HTTP + 100.
  await refuseBusyPorts([kafkaPort, kafkaPort + 1, searchPort, searchPort + 100]);
  for (const dir of ['kafka/data', 'search/data'])
    rmSync(join(FAULT_INFRA.infraDir, dir), { recursive: true, force: true });
  await ensureInfra(infraOptions());

  await recreateDatabase(FAULT_DATABASE_URL);
  await runMigrations({ url: FAULT_DATABASE_URL });
}

async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = '/postgres';
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** A leftover service of an aborted run would answer our readiness probes in place of the new one. */
async function refuseBusyPorts(ports: number[]): Promise<void> {
  const busy: number[] = [];
  for (const port of ports) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) busy.push(port);
  }
  if (busy.length > 0)
    throw new Error(
      `ports ${busy.join(', ')} are taken (a leftover fault-suite service, or the suite running from another checkout); stop it first`,
    );
}
