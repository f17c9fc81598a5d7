import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import type { RelatedLink, StoryBacklinkedV1 } from '@lib/contracts';
import { APP_CONFIG, type Env } from '@lib/config';
import { DONE, type MessageOutcome } from '@lib/kafka';
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
   * Rewrites each earlier story's document with its links added, under the story's own version
   * (external_gte), so the documents stay versioned by story version: a partial update would
   * bump the engine's version and make the story's next re-enrichment look stale. A newer
   * version written meanwhile wins (409, nothing to add to an outdated copy); a story no longer
   * indexed (killed) needs nothing. One read and one bulk write for the whole batch: links to
   * the same story are merged in message order, as applying them one by one would.
   */
  async applyAll(events: StoryBacklinkedV1[]): Promise<MessageOutcome[]> {
    if (events.length === 0) return [];
    const targets = [...new Set(events.map((e) => e.payload.targetUri))];
    try {
      const found = await this.client.mget<StorySearchDocument>(
        { index: this.config.ES_STORIES_ALIAS, ids: targets.map(documentIdFor) },
        { ignore: [404] },
      );
      const current = new Map<
        string,
        { index: string; version: number; source: StorySearchDocument }
      >();
      for (const doc of found.docs ?? []) {
        if (!('found' in doc) || !doc.found || !doc._source || doc._version === undefined) continue;
        current.set(doc._id, { index: doc._index, version: doc._version, source: doc._source });
      }
      const operations: object[] = [];
      const written: string[] = [];
      for (const uri of targets) {
        const id = documentIdFor(uri);
        const doc = current.get(id);
        if (!doc) continue;
        const related = events
          .filter((e) => e.payload.targetUri === uri)
          .reduce((links, e) => mergeRelated(links, e.payload.link), doc.source.related ?? []);
        operations.push(
          {
            index: {
              _index: doc.index,
              _id: id,
              version: doc.version,
              version_type: 'external_gte',
            },
          },
          { ...doc.source, related },
        );
        written.push(uri);
      }
      if (written.length === 0) return events.map(() => DONE);
      const response = await this.client.bulk({ operations, refresh: false });
      const failed = new Map<string, Error>();
      response.items.forEach((item, i) => {
        const result = item.index;
        if (result && ((result.status >= 200 && result.status < 300) || result.status === 409))
          return;
        const reason = result
          ? `${result.status} ${result.error?.type ?? ''}: ${result.error?.reason ?? ''}`
          : 'missing bulk item';
        failed.set(written[i], new Error(`search engine: ${reason}`));
      });
      return events.map((e): MessageOutcome => {
        const error = failed.get(e.payload.targetUri);
        return error ? { status: 'retry', error } : DONE;
      });
    } catch (error) {
      return events.map((): MessageOutcome => ({ status: 'retry', error }));
    }
  }
}
