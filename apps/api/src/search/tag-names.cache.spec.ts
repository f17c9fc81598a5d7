import type { Client } from '@elastic/elasticsearch';
import type { Env } from '@lib/config';
import { Registry } from 'prom-client';
import { ApiMetrics } from '../http/api-metrics';
import { TagNameCache } from './tag-names.cache';

/** A stand-in engine answering reads by id from a table of tag names, counting requests. */
function engine(table: Record<string, string>) {
  const asked: string[][] = [];
  const client = {
    mget: (request: { index: string; ids: string[] }) => {
      expect(request.index).toBe('stories-tags');
      asked.push(request.ids);
      const docs = request.ids.map((id) =>
        id in table
          ? { _id: id, found: true, _source: { id, kind: 'place', name: table[id] } }
          : { _id: id, found: false },
      );
      return Promise.resolve({ docs });
    },
  };
  return { client: client as unknown as Client, asked };
}

const config = { ES_STORIES_ALIAS: 'stories', API_TAG_NAME_TTL_SECONDS: 300 } as Env;

describe('TagNameCache', () => {
  it('asks the index once for ids it does not know, then answers from memory', async () => {
    const { client, asked } = engine({ 'place:ly': 'Libya', 'org:opec': 'OPEC' });
    const cache = new TagNameCache(client, config, new ApiMetrics(new Registry()));

    expect([...(await cache.namesOf(['place:ly', 'org:opec']))]).toEqual([
      ['place:ly', 'Libya'],
      ['org:opec', 'OPEC'],
    ]);
    expect([...(await cache.namesOf(['org:opec', 'place:ly']))].sort()).toEqual([
      ['org:opec', 'OPEC'],
      ['place:ly', 'Libya'],
    ]);
    expect(asked).toEqual([['place:ly', 'org:opec']]);
  });

  it('asks only for the ids missing, and labels an id without a stored name with itself', async () => {
    const { client, asked } = engine({ 'place:ly': 'Libya' });
    const cache = new TagNameCache(client, config, new ApiMetrics(new Registry()));
    await cache.namesOf(['place:ly']);
    expect(await cache.namesOf(['place:ly', 'place:xx'])).toEqual(
      new Map([
        ['place:ly', 'Libya'],
        ['place:xx', 'place:xx'],
      ]),
    );
    await cache.namesOf(['place:xx']);
    expect(asked).toEqual([['place:ly'], ['place:xx']]);
  });

  it('sends no request when there are no ids', async () => {
    const { client, asked } = engine({});
    expect(
      (await new TagNameCache(client, config, new ApiMetrics(new Registry())).namesOf([])).size,
    ).toBe(0);
    expect(asked).toEqual([]);
  });
});
