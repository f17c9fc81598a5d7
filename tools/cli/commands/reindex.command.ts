import { parseArgs } from 'node:util';
import { loadConfig } from '@lib/config';
import { createDataSource } from '@lib/database';
import { runReindex } from '@lib/admin';
import { createSearchClient } from '@lib/search';
import { cliReporter } from './cli-reporter';

/**
 * `cli reindex [--batch-size N] [--verify-timeout SECONDS]`: {@link runReindex} with a progress
 * bar; exit code 0 once the alias points to the verified new index.
 */
export async function reindexCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'batch-size': { type: 'string' }, 'verify-timeout': { type: 'string' } },
  });
  const batchSize = Number(values['batch-size'] ?? 500);
  const verifyTimeoutSeconds = Number(values['verify-timeout'] ?? 120);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    process.stderr.write('--batch-size must be a whole number from 1 to 10000\n');
    return 2;
  }
  if (!Number.isFinite(verifyTimeoutSeconds) || verifyTimeoutSeconds < 0) {
    process.stderr.write('--verify-timeout must be a number of seconds\n');
    return 2;
  }
  const config = loadConfig();
  const client = createSearchClient(config.ES_NODE);
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolSize: 2,
    applicationName: 'newswire-reindex',
  });
  await dataSource.initialize();
  try {
    const reporter = cliReporter('reindex', 'stories');
    const result = await runReindex(
      client,
      dataSource,
      {
        alias: config.ES_STORIES_ALIAS,
        refreshInterval: config.ES_REFRESH_INTERVAL,
        batchSize,
        verifyTimeoutMs: verifyTimeoutSeconds * 1000,
      },
      reporter,
    );
    reporter.stop();
    return result.ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
    await client.close();
  }
}
