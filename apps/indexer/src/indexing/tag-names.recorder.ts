import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { LRUCache } from 'lru-cache';
import type { Tag } from '@lib/contracts';
import { APP_CONFIG, type Env } from '@lib/config';
import { DependencyUnavailableError, isUnavailableStatus } from '@lib/kafka';
import {
  SEARCH_CLIENT,
  TagNamesNotWrittenError,
  ensureTagNamesIndex,
  tagNameDocuments,
  tagNameSignature,
  writeTagNames,
  type TagNameDocument,
} from '@lib/search';

/** Tag ids whose written name this replica remembers; a name is ~100 bytes. */
const REMEMBERED = 20_000;

/**
 * Items refused because the engine is busy or its shard not yet assigned count as an outage, so
 * the batch waits for the engine instead of using up its retries.
 */
export function asOutage(error: unknown): unknown {
  if (error instanceof TagNamesNotWrittenError && error.statuses.some(isUnavailableStatus))
    return new DependencyUnavailableError('search engine', error.message, { cause: error });
  return error;
}

/** The names among `names` not yet written as they are now (name and aliases). */
export function unwrittenNames(
  names: readonly TagNameDocument[],
  written: { get(id: string): string | undefined },
): TagNameDocument[] {
  return names.filter((doc) => written.get(doc.id) !== tagNameSignature(doc));
}

/**
 * Keeps the tag names index (`<alias>-tags`) current for the stories this replica indexes. It
 * runs before the stories are written, so a facet never shows an id whose name is not stored;
 * names it wrote lately are not written again, so a replay writes each tag about once.
 */
@Injectable()
export class TagNamesRecorder implements OnModuleInit {
  private readonly written = new LRUCache<string, string>({ max: REMEMBERED });

  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  async onModuleInit(): Promise<void> {
    await ensureTagNamesIndex(this.client, this.config.ES_STORIES_ALIAS);
  }

  async record(tags: readonly Tag[]): Promise<void> {
    const names = unwrittenNames(tagNameDocuments(tags), this.written);
    try {
      await writeTagNames(this.client, this.config.ES_STORIES_ALIAS, names);
    } catch (error) {
      throw asOutage(error);
    }
    for (const doc of names) this.written.set(doc.id, tagNameSignature(doc));
  }
}
