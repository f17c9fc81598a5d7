import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import type { RelatedLink, StoryBacklinkedV1 } from '@lib/contracts';
import { APP_CONFIG, type Env } from '@lib/config';
import type { MessageOutcome } from '@lib/kafka';
import { SEARCH_CLIENT, documentIdFor, type StorySearchDocument } from '@lib/search';

/** Links kept on a story once backlinks have been added. */
const MAX_RELATED = 10;

/** A story's related links with the backlink added: one link per story, strongest first, bounded. */
export function mergeRelated(existing: RelatedLink[], link: RelatedLink): RelatedLink[] {
  return [link, ...existing.filter((l) => l.uri !== link.uri)]
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_RELATED);
}

@Injectable()
export class BacklinkService {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  /**
   * Rewrites the earlier story's document with the link added, under the story's own version
   * (external_gte), so the documents stay versioned by story version: a partial update would
   * bump the engine's version and make the story's next re-enrichment look stale. A newer
   * version written meanwhile wins (409, nothing to add to an outdated copy); a story no longer
   * indexed (killed) needs nothing.
   */
  async apply(event: StoryBacklinkedV1): Promise<MessageOutcome> {
    const { targetUri, link } = event.payload;
    try {
      const current = await this.client.get<StorySearchDocument>(
        { index: this.config.ES_STORIES_ALIAS, id: documentIdFor(targetUri) },
        { ignore: [404] },
      );
      if (!current.found || !current._source || current._version === undefined)
        return { status: 'done' };
      await this.client.index(
        {
          index: current._index,
          id: current._id,
          version: current._version,
          version_type: 'external_gte',
          document: {
            ...current._source,
            related: mergeRelated(current._source.related ?? [], link),
          },
        },
        { ignore: [409] },
      );
      return { status: 'done' };
    } catch (error) {
      return { status: 'retry', error };
    }
  }
}
