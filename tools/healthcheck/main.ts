/** Container health check: `node dist/tools/healthcheck/main.js <service>` probes its /health/live. */
import { loadConfig } from '@lib/config';

const PORT_ENV = {
  api: 'API_PORT',
  ingest: 'INGEST_PORT',
  enricher: 'ENRICHER_PORT',
  indexer: 'INDEXER_PORT',
} as const;

async function main(service: string | undefined): Promise<number> {
  const config = loadConfig();
  const key = Object.keys(PORT_ENV).find((name) => name === service) as
    keyof typeof PORT_ENV | undefined;
  if (!key) {
    process.stderr.write(`usage: healthcheck <${Object.keys(PORT_ENV).join('|')}>\n`);
    return 2;
  }
  const port = config[PORT_ENV[key]];
  const response = await fetch(`http://127.0.0.1:${port}/health/live`, {
    signal: AbortSignal.timeout(3_000),
  });
  return response.ok ? 0 : 1;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  () => process.exit(1),
);
