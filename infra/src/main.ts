/** CLI: `tsx infra/src/main.ts up|down|status|fetch` (wired as npm run infra:*). */
import { ensureInfra, fetchInfra, infraStatus, stopInfra } from './index';
import { errorMessage, type ServiceStatus } from './service';

const USAGE = 'usage: tsx infra/src/main.ts <up|down|status|fetch>';

async function main(command: string | undefined): Promise<number> {
  switch (command) {
    case 'up': {
      const endpoints = await ensureInfra();
      console.log(`KAFKA_BROKERS=${endpoints.kafkaBrokers.join(',')}`);
      console.log(`ES_NODE=${endpoints.esNode}`);
      console.log(`DATABASE_URL=${endpoints.databaseUrl}`);
      return 0;
    }
    case 'down':
      await stopInfra();
      return 0;
    case 'status': {
      const statuses = await infraStatus();
      for (const s of statuses) printStatus(s);
      return 0;
    }
    case 'fetch':
      await fetchInfra();
      return 0;
    default:
      console.error(USAGE);
      return 2;
  }
}

function printStatus(s: ServiceStatus): void {
  const proc = s.pid
    ? ` pid ${s.pid}${s.rssKb ? `, RSS ${Math.round(s.rssKb / 1024)} MiB` : ''}`
    : '';
  console.log(`${s.service.padEnd(9)}${s.state.padEnd(10)}${s.endpoint}${proc}`);
  if (s.version) console.log(`         version: ${s.version}`);
  for (const d of s.details) console.log(`         ${d}`);
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`[infra] ${errorMessage(e)}`);
    process.exit(1);
  },
);
