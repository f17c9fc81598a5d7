import type { Client } from '@elastic/elasticsearch';
import { WriteTargetCache } from './write-targets';

function engineWith(
  aliased: string[],
  building: string[],
): { client: Client; lookups: () => number } {
  let lookups = 0;
  const client = {
    indices: {
      getAlias: () => {
        lookups += 1;
        return Promise.resolve(
          Object.fromEntries(
            aliased.map((index) => [index, { aliases: { stories: { is_write_index: true } } }]),
          ),
        );
      },
      getMapping: () =>
        Promise.resolve(
          Object.fromEntries(
            [...aliased, ...building].map((index) => [
              index,
              { mappings: { _meta: { state: building.includes(index) ? 'building' : 'live' } } },
            ]),
          ),
        ),
    },
  } as unknown as Client;
  return { client, lookups: () => lookups };
}

describe('WriteTargetCache', () => {
  it('writes to the alias index and to every index being built', async () => {
    const { client } = engineWith(['stories-v1'], ['stories-v2']);
    expect(await new WriteTargetCache(client, 'stories').get()).toEqual([
      { index: 'stories-v1', versionType: 'external_gte' },
      { index: 'stories-v2', versionType: 'external_gte' },
    ]);
  });

  it('looks the targets up again only after the ttl', async () => {
    let now = 0;
    const { client, lookups } = engineWith(['stories-v1'], []);
    const cache = new WriteTargetCache(client, 'stories', 5_000, () => now);
    await cache.get();
    now = 4_999;
    await cache.get();
    expect(lookups()).toBe(1);
    now = 5_000;
    await cache.get();
    expect(lookups()).toBe(2);
  });
});
