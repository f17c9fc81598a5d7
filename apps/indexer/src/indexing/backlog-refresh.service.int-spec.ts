import { Client } from '@elastic/elasticsearch';
import { Registry } from 'prom-client';
import { loadConfig } from '@lib/config';
import { ensureStoriesIndex } from '@lib/search';
import { TEST_ES_NODE } from '../../../../test/setup/test-env';
import { eventually } from '../../../../test/support/eventually';
import { BacklogRefreshService } from './backlog-refresh.service';

/** The live interval is long here, so a story searchable at once shows restoring made it visible. */
const LIVE = '30s';
const RELAXED = '1h';

const client = new Client({ node: TEST_ES_NODE });

async function refreshInterval(alias: string): Promise<string | undefined> {
  const settings = await client.indices.getSettings({
    index: alias,
    name: 'index.refresh_interval',
    flat_settings: true,
  });
  const value: unknown = Object.values(settings)[0]?.settings?.['index.refresh_interval'];
  return typeof value === 'string' ? value : undefined;
}

async function searchable(alias: string): Promise<number> {
  return (await client.count({ index: alias })).count;
}

function serviceFor(alias: string, registry = new Registry()): BacklogRefreshService {
  const config = loadConfig({
    ES_NODE: TEST_ES_NODE,
    ES_STORIES_ALIAS: alias,
    ES_REFRESH_INTERVAL: LIVE,
    ES_BACKLOG_MESSAGES: '1000',
    ES_BACKLOG_REFRESH_INTERVAL: RELAXED,
  });
  return new BacklogRefreshService(client, config, registry);
}

describe('BacklogRefreshService against the search engine', () => {
  const aliases: string[] = [];
  const running: BacklogRefreshService[] = [];

  async function freshAlias(): Promise<string> {
    const alias = `backlog-${Date.now().toString(36)}-${aliases.length}`;
    aliases.push(alias);
    await ensureStoriesIndex(client, alias, LIVE);
    return alias;
  }

  async function start(alias: string): Promise<BacklogRefreshService> {
    const service = serviceFor(alias);
    running.push(service);
    await service.onModuleInit();
    return service;
  }

  afterAll(async () => {
    for (const service of running) service.onApplicationShutdown();
    for (const alias of aliases)
      await client.indices.delete({ index: `${alias}-*` }, { ignore: [404] });
    await client.close();
  });

  it('relaxes refreshes while behind, then restores them and refreshes once caught up', async () => {
    const alias = await freshAlias();
    const service = await start(alias);
    service.observe(0, 600);
    service.observe(1, 600);
    await eventually(async () => (await refreshInterval(alias)) === RELAXED, 10_000);

    // Written while relaxed: not searchable until the backlog is worked off.
    await client.index({ index: alias, id: 'a', document: { uri: 'a' } });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await searchable(alias)).toBe(0);

    service.observe(0, 0);
    service.observe(1, 50);
    await eventually(async () => (await searchable(alias)) === 1, 5_000);
    expect(await refreshInterval(alias)).toBe(LIVE);
  });

  it('leaves the index alone while the backlog stays below the mark', async () => {
    const alias = await freshAlias();
    const service = await start(alias);
    service.observe(0, 999);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await refreshInterval(alias)).toBe(LIVE);
  });

  it('restores an index a stopped indexer left relaxed, once caught up', async () => {
    const alias = await freshAlias();
    await client.indices.putSettings({ index: alias, settings: { refresh_interval: RELAXED } });
    const service = await start(alias);
    service.observe(0, 0);
    await eventually(async () => (await refreshInterval(alias)) === LIVE, 10_000);
  });
});
