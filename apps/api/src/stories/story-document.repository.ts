import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { APP_CONFIG, type Env } from '@lib/config';
import type { RelatedLink } from '@lib/contracts';
import {
  SEARCH_CLIENT,
  documentIdFor,
  findNewerCoverage,
  type BacklinkPolicy,
  type StorySearchDocument,
} from '@lib/search';

const WITHOUT_SEARCH_COPIES = [
  'folded_text',
  'folded_headline',
  'folded_byline',
  // Nested tag entries, in documents of indexes created before they were dropped.
  'tag_suggest',
  'facets',
];

/** Live stories as indexed (with their enrichment), read through the alias. */
@Injectable()
export class StoryDocumentRepository {
  private readonly backlinkPolicy: BacklinkPolicy;

  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {
    this.backlinkPolicy = {
      minScore: config.ENRICHMENT_BACKLINK_MIN_SCORE,
      max: config.ENRICHMENT_MAX_BACKLINKS,
    };
  }

  async findByUri(uri: string): Promise<StorySearchDocument | null> {
    const found = await this.findByUris([uri]);
    return found.get(uri) ?? null;
  }

  /** Killed stories are not in the index, so they are simply missing from the answer. */
  async findByUris(uris: string[]): Promise<Map<string, StorySearchDocument>> {
    const found = new Map<string, StorySearchDocument>();
    if (uris.length === 0) return found;
    const response = await this.client.mget<StorySearchDocument>(
      {
        index: this.config.ES_STORIES_ALIAS,
        ids: uris.map(documentIdFor),
        _source_excludes: WITHOUT_SEARCH_COPIES,
      },
      { ignore: [404] },
    );
    for (const doc of response.docs ?? []) {
      if ('found' in doc && doc.found && doc._source) found.set(doc._source.uri, doc._source);
    }
    return found;
  }

  /** Links to the newer stories that link strongly to this one (backlinks). */
  findNewerCoverage(uri: string): Promise<RelatedLink[]> {
    return findNewerCoverage(this.client, this.config.ES_STORIES_ALIAS, uri, this.backlinkPolicy);
  }

  /** The other wires' copies of the same story. */
  async findClusterCopies(cluster: string, exceptUri: string): Promise<StorySearchDocument[]> {
    const response = await this.client.search<StorySearchDocument>(
      {
        index: this.config.ES_STORIES_ALIAS,
        size: 20,
        query: {
          bool: {
            filter: [{ term: { cluster } }, { term: { pubstatus: 'usable' } }],
            must_not: [{ term: { uri: exceptUri } }],
          },
        },
        sort: [{ versioncreated: { order: 'desc' } }, { uri: { order: 'asc' } }],
        _source: { excludes: [...WITHOUT_SEARCH_COPIES, 'body_text', 'body_html'] },
      },
      { ignore: [404] },
    );
    return (response.hits?.hits ?? []).flatMap((hit) => (hit._source ? [hit._source] : []));
  }
}
