import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import type { RelatedLink, StoryBacklinkedV1 } from '@lib/contracts';
import { APP_CONFIG, type Env } from '@lib/config';
import { DONE, type MessageOutcome } from '@lib/kafka';
import {
  SEARCH_CLIENT,
  backlinksIndexFor,
  documentIdFor,
  ensureBacklinksIndex,
  mergeRelatedLinks,
  type BacklinksDocument,
} from '@lib/search';

/**
 * A story's backlinks with one more added: the newest link to a story replaces the one before,
 * the rest as readers see them (`mergeRelatedLinks`: strongest first, bounded).
 */
export function mergeBacklink(
  targetUri: string,
  existing: readonly RelatedLink[],
  link: RelatedLink,
): RelatedLink[] {
  return mergeRelatedLinks(targetUri, [link], existing);
}

interface Stored {
  links: RelatedLink[];
  seqNo: number;
  primaryTerm: number;
}

/**
 * Writes the links newer stories send to earlier ones into the backlinks index
 * (`<alias>-backlinks`, one small document per earlier story), not into the story documents:
 * a story's document is rewritten only when the story itself changes. One read and one bulk
 * write per batch; links to the same story are merged in message order, and a story whose ten
 * strongest links they do not change is not written at all. Each write is
 * conditional on the document read (sequence number), so a concurrent writer's links are never
 * overwritten: the loser retries with the links as they are then.
 */
@Injectable()
export class BacklinkService implements OnModuleInit {
  private readonly index: string;

  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {
    this.index = backlinksIndexFor(config.ES_STORIES_ALIAS);
  }

  async onModuleInit(): Promise<void> {
    await ensureBacklinksIndex(this.client, this.config.ES_STORIES_ALIAS);
  }

  async applyAll(events: StoryBacklinkedV1[]): Promise<MessageOutcome[]> {
    if (events.length === 0) return [];
    // Links by the story they point to, in message order.
    const linksTo = new Map<string, RelatedLink[]>();
    for (const { payload } of events) {
      const links = linksTo.get(payload.targetUri);
      if (links) links.push(payload.link);
      else linksTo.set(payload.targetUri, [payload.link]);
    }
    const targets = [...linksTo.keys()];
    try {
      const found = await this.client.mget<BacklinksDocument>(
        { index: this.index, ids: targets.map(documentIdFor) },
        { ignore: [404] },
      );
      const stored = new Map<string, Stored>();
      for (const doc of found.docs ?? []) {
        if (!('found' in doc) || !doc.found || !doc._source) continue;
        if (doc._seq_no === undefined || doc._primary_term === undefined) continue;
        stored.set(doc._id, {
          links: doc._source.links,
          seqNo: doc._seq_no,
          primaryTerm: doc._primary_term,
        });
      }
      const operations: object[] = [];
      const written: string[] = [];
      for (const [uri, newLinks] of linksTo) {
        const id = documentIdFor(uri);
        const current = stored.get(id);
        const links = newLinks.reduce(
          (merged, link) => mergeBacklink(uri, merged, link),
          current?.links ?? [],
        );
        // Links weaker than the ten a story already shows change nothing: no write.
        if (current && isDeepStrictEqual(links, current.links)) continue;
        written.push(uri);
        operations.push(
          current
            ? {
                index: {
                  _index: this.index,
                  _id: id,
                  if_seq_no: current.seqNo,
                  if_primary_term: current.primaryTerm,
                },
              }
            : { create: { _index: this.index, _id: id } },
          { uri, links } satisfies BacklinksDocument,
        );
      }
      const failed = new Map<string, Error>();
      if (operations.length > 0) {
        const response = await this.client.bulk({ operations, refresh: false });
        response.items.forEach((item, i) => {
          const result = item.index ?? item.create;
          if (result && result.status >= 200 && result.status < 300) return;
          const reason = result
            ? `${result.status} ${result.error?.type ?? ''}: ${result.error?.reason ?? ''}`
            : 'missing bulk item';
          failed.set(written[i], new Error(`search engine: ${reason}`));
        });
      }
      return events.map((e): MessageOutcome => {
        const error = failed.get(e.payload.targetUri);
        return error ? { status: 'retry', error } : DONE;
      });
    } catch (error) {
      return events.map((): MessageOutcome => ({ status: 'retry', error }));
    }
  }
}
