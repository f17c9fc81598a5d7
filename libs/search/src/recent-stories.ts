import type { Client, estypes } from '@elastic/elasticsearch';
import type { StorySearchDocument } from './search-document';

/** What the enricher's window needs of an indexed story. */
export type RecentStoryDocument = Pick<
  StorySearchDocument,
  | 'uri'
  | 'version'
  | 'pubstatus'
  | 'headline'
  | 'description'
  | 'body_lead'
  | 'versioncreated'
  | 'cluster'
  | 'simhash'
  | 'tags'
>;

const FIELDS: (keyof RecentStoryDocument)[] = [
  'uri',
  'version',
  'pubstatus',
  'headline',
  'description',
  // Never the whole body: wire copy runs to megabytes, and a page holds a thousand stories.
  'body_lead',
  'versioncreated',
  'cluster',
  'simhash',
  'tags',
];

const NEWEST_FIRST: estypes.Sort = [{ versioncreated: 'desc' }, { uri: 'asc' }];
const OLDEST_FIRST: estypes.Sort = [{ versioncreated: 'asc' }, { uri: 'desc' }];

/**
 * Where the newest `limit` stories begin: the sort values of the story just before them, read
 * newest first without sources; undefined when the alias holds no more than `limit`.
 */
async function startOfNewest(
  client: Client,
  alias: string,
  limit: number,
  pageSize: number,
): Promise<estypes.SortResults | undefined> {
  let after: estypes.SortResults | undefined;
  for (let read = 0; read <= limit;) {
    const size = Math.min(pageSize, limit + 1 - read);
    const response = await client.search({
      index: alias,
      ignore_unavailable: true,
      size,
      track_total_hits: false,
      _source: false,
      sort: NEWEST_FIRST,
      ...(after ? { search_after: after } : {}),
    });
    const hits = response.hits.hits;
    read += hits.length;
    if (read === limit + 1) return hits[hits.length - 1]?.sort;
    if (hits.length < size) return undefined;
    after = hits[hits.length - 1]?.sort;
  }
  return undefined;
}

/**
 * The newest `limit` indexed stories, oldest first (the order a window of recent stories wants
 * them in), a page at a time, with the lead of each body (`body_lead`) rather than all of it;
 * stories indexed before that field existed come with headline and abstract only. Two passes,
 * both paged with `search_after` so a page costs the same however deep it is: where the newest
 * begin, without sources, then those stories in order. An alias that does not exist yet holds
 * no stories.
 */
export async function* readRecentStories(
  client: Client,
  alias: string,
  limit: number,
  pageSize = 1_000,
): AsyncGenerator<RecentStoryDocument[]> {
  if (limit < 1) return;
  // Oldest first, the story before the newest `limit` is the one to start after.
  let after = await startOfNewest(client, alias, limit, pageSize);
  for (;;) {
    const response = await client.search<RecentStoryDocument>({
      index: alias,
      ignore_unavailable: true,
      size: pageSize,
      track_total_hits: false,
      _source: FIELDS,
      sort: OLDEST_FIRST,
      ...(after ? { search_after: after } : {}),
    });
    const hits = response.hits.hits;
    const page = hits.flatMap((hit) => (hit._source ? [hit._source] : []));
    if (page.length > 0) yield page;
    after = hits[hits.length - 1]?.sort;
    if (hits.length < pageSize || !after) return;
  }
}
