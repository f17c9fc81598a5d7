import { Client } from '@elastic/elasticsearch';
import { TEST_ES_NODE } from '../../../test/setup/test-env';
import { readRecentStories, type RecentStoryDocument } from './recent-stories';
import { storiesIndexDefinition } from './stories-index';

const index = `recent-stories-${Date.now().toString(36)}`;
const client = new Client({ node: TEST_ES_NODE });

/** 25 stories a minute apart, with stories 10–14 all published at the same minute. */
function story(i: number): RecentStoryDocument {
  const minute = i >= 10 && i < 15 ? 10 : i;
  return {
    uri: `urn:test:recent:${String(i).padStart(2, '0')}`,
    version: 1,
    pubstatus: 'usable',
    headline: `story ${i}`,
    ...(i === 24 ? { body_text: 'tail '.repeat(100_000), body_lead: 'lead '.repeat(300) } : {}),
    versioncreated: new Date(Date.UTC(2026, 10, 27, 9, minute)).toISOString(),
    tags: [],
  };
}

async function read(limit: number, pageSize: number, alias = index): Promise<string[][]> {
  const pages: string[][] = [];
  for await (const page of readRecentStories(client, alias, limit, pageSize))
    pages.push(page.map((doc) => doc.uri));
  return pages;
}

/** Oldest first as the reader orders them: by time, then uri descending. */
const expected = Array.from({ length: 25 }, (_, i) => story(i))
  .sort((a, b) => a.versioncreated.localeCompare(b.versioncreated) || b.uri.localeCompare(a.uri))
  .map((s) => s.uri);

describe('readRecentStories against the search engine', () => {
  beforeAll(async () => {
    const { settings, mappings } = storiesIndexDefinition('1s');
    await client.indices.create({ index, settings, mappings });
    await client.bulk({
      refresh: true,
      operations: Array.from({ length: 25 }, (_, i) => story(i)).flatMap((doc) => [
        { index: { _index: index, _id: doc.uri } },
        doc,
      ]),
    });
  });

  afterAll(async () => {
    await client.indices.delete({ index }, { ignore: [404] });
    await client.close();
  });

  it('reads exactly the newest stories, oldest first, across pages and equal times', async () => {
    const pages = await read(12, 5);
    expect(pages.flat()).toEqual(expected.slice(-12));
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
  });

  it('brings the lead of a body, not the whole of it', async () => {
    const docs: RecentStoryDocument[] = [];
    for await (const page of readRecentStories(client, index, 3)) docs.push(...page);
    expect(docs.map((d) => d.body_lead)).toEqual([undefined, undefined, 'lead '.repeat(300)]);
    expect(docs.every((d) => !('body_text' in d))).toBe(true);
  });

  it('reads every story when there are fewer than asked for', async () => {
    expect((await read(100, 7)).flat()).toEqual(expected);
    expect((await read(25, 25)).flat()).toEqual(expected);
  });

  it('reads nothing from an alias that does not exist, or when asked for none', async () => {
    expect(await read(10, 5, `${index}-missing`)).toEqual([]);
    expect(await read(0, 5)).toEqual([]);
  });
});
