import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { APP_CONFIG, type Env } from '@lib/config';
import { SEARCH_CLIENT, type StorySearchDocument } from '@lib/search';
import type { StreamEvent } from './stream-event';
import type { StreamPosition } from './stream-position';

type EventFields = Pick<
  StorySearchDocument,
  | 'uri'
  | 'version'
  | 'pubstatus'
  | 'headline'
  | 'source'
  | 'provider'
  | 'versioncreated'
  | 'indexed_at'
>;

/** Indexed and updated stories, read from the index by their indexing time. */
@Injectable()
export class StoryEventsRepository {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  async after(position: StreamPosition, until: number, limit: number): Promise<StreamEvent[]> {
    const response = await this.client.search<EventFields>({
      index: this.config.ES_STORIES_ALIAS,
      ignore_unavailable: true,
      size: limit,
      query: {
        bool: {
          filter: [
            { term: { pubstatus: 'usable' } },
            {
              range: {
                indexed_at: {
                  [position.uri === null ? 'gt' : 'gte']: position.at,
                  lte: until,
                  format: 'epoch_millis',
                },
              },
            },
          ],
        },
      },
      sort: [{ indexed_at: { order: 'asc' } }, { uri: { order: 'asc' } }],
      ...(position.uri !== null ? { search_after: [position.at, position.uri] } : {}),
      _source: [
        'uri',
        'version',
        'pubstatus',
        'headline',
        'source',
        'provider',
        'versioncreated',
        'indexed_at',
      ],
    });
    return response.hits.hits.flatMap((hit) => {
      const d = hit._source;
      if (!d) return [];
      return [
        {
          type: d.version > 1 ? 'updated' : 'indexed',
          at: Date.parse(d.indexed_at),
          uri: d.uri,
          version: d.version,
          pubstatus: d.pubstatus,
          headline: d.headline,
          source: d.source,
          provider: d.provider,
          versioncreated: d.versioncreated,
        } satisfies StreamEvent,
      ];
    });
  }
}
