import { Inject, Injectable } from '@nestjs/common';
import { errors, type Client, type estypes } from '@elastic/elasticsearch';
import { APP_CONFIG, type Env } from '@lib/config';
import {
  SEARCH_CLIENT,
  readCopies,
  type ClusterCopies,
  type StorySearchDocument,
} from '@lib/search';
import { ApiMetrics } from '../http/api-metrics';
import { UnusableCursorError } from './search.errors';

export type SortValue = string | number | null;

export interface StoryHit {
  document: Partial<StorySearchDocument> &
    Pick<StorySearchDocument, 'uri' | 'version' | 'headline'>;
  score: number | null;
  sort: SortValue[];
  highlight: Record<string, string[]>;
  /** The cluster it stands for in collapsed results (`collapse_key`). */
  collapseKey?: string;
  copies?: { total: number; documents: Partial<StorySearchDocument>[] };
}

export interface RawPage {
  pit: string;
  total: number;
  hits: StoryHit[];
  aggregations: Record<string, unknown> | undefined;
}

export type PagePosition = { after: SortValue[] } | { offset: number } | { start: true };

/** Reads the index through its alias, inside a point in time; the api never writes. */
@Injectable()
export class SearchRepository {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Env,
    private readonly metrics: ApiMetrics,
  ) {}

  /** Copies of the page's clusters, read in the page's point in time so they agree with it. */
  async copies(request: estypes.SearchRequest, pit: string): Promise<Map<string, ClusterCopies>> {
    const response = await this.metrics.timeEngine('copies', () =>
      this.client.search({
        ...request,
        pit: { id: pit, keep_alive: this.config.API_CURSOR_KEEP_ALIVE },
        request_cache: true,
      }),
    );
    return readCopies(response.aggregations);
  }

  /** Null while no index exists yet (nothing was ever indexed). */
  async openPointInTime(): Promise<string | null> {
    try {
      const response = await this.metrics.timeEngine('open_point_in_time', () =>
        this.client.openPointInTime({
          index: this.config.ES_STORIES_ALIAS,
          keep_alive: this.config.API_CURSOR_KEEP_ALIVE,
        }),
      );
      return response.id;
    } catch (error) {
      if (error instanceof errors.ResponseError && error.statusCode === 404) return null;
      throw error;
    }
  }

  /** Frees the engine's resources as soon as the last page is served; expiry would do it later anyway. */
  async closePointInTime(id: string): Promise<void> {
    await this.metrics.timeEngine('close_point_in_time', () =>
      this.client.closePointInTime({ id }, { ignore: [404] }),
    );
  }

  async searchPage(
    request: estypes.SearchRequest,
    pit: string,
    position: PagePosition,
    size: number,
  ): Promise<RawPage> {
    let response: estypes.SearchResponse<StoryHit['document']>;
    try {
      response = await this.metrics.timeEngine('search_page', () =>
        this.client.search<StoryHit['document']>({
          ...request,
          pit: { id: pit, keep_alive: this.config.API_CURSOR_KEEP_ALIVE },
          // The engine keeps a page's hits and facets until the index next changes, so the same
          // search asked again meanwhile (a polled saved search, a popular query) skips the query
          // phase; only fetching and highlighting the page is done again. Results are identical.
          request_cache: true,
          size,
          ...('after' in position ? { search_after: position.after } : {}),
          ...('offset' in position ? { from: position.offset } : {}),
        }),
      );
    } catch (error) {
      // A cursor's point in time that expired, or an id the engine cannot read.
      if (!('start' in position) && isClientError(error)) {
        throw new UnusableCursorError('expired or unknown; repeat the search without a cursor');
      }
      throw error;
    }
    const total =
      typeof response.hits.total === 'number'
        ? response.hits.total
        : (response.hits.total?.value ?? 0);
    return {
      pit: response.pit_id ?? pit,
      total,
      hits: response.hits.hits.flatMap((hit) =>
        hit._source ? [toStoryHit(hit, hit._source)] : [],
      ),
      aggregations: response.aggregations as Record<string, unknown> | undefined,
    };
  }
}

function toStoryHit(
  hit: estypes.SearchHit<StoryHit['document']>,
  document: StoryHit['document'],
): StoryHit {
  const key: unknown = (hit.fields as Record<string, unknown[]> | undefined)?.collapse_key?.[0];
  return {
    document,
    score: hit._score ?? null,
    sort: (hit.sort ?? []) as SortValue[],
    highlight: hit.highlight ?? {},
    ...(typeof key === 'string' ? { collapseKey: key } : {}),
  };
}

function isClientError(error: unknown): boolean {
  const status = error instanceof errors.ResponseError ? (error.statusCode ?? 0) : 0;
  return status >= 400 && status < 500;
}
