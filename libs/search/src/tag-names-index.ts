import type { Client } from '@elastic/elasticsearch';
import type { Tag, TagKind } from '@lib/contracts';
import { documentIdFor } from './search-document';
import { ensureSideIndex } from './side-index';

/** A tag's display name, as the newest story written with it carries it. */
export interface TagNameDocument {
  id: string;
  kind: TagKind;
  name: string;
}

/**
 * Beside the stories' indexes: one small document per tag id. Facets count ids on flat fields;
 * reading their names from here by id costs the engine ~1 ms, where aggregating them out of
 * the stories' nested tag entries cost 25–55 ms a search on the Reuters corpus.
 */
export function tagNamesIndexFor(alias: string): string {
  return `${alias}-tags`;
}

export function ensureTagNamesIndex(client: Client, alias: string): Promise<string> {
  return ensureSideIndex(client, tagNamesIndexFor(alias), {
    id: { type: 'keyword' },
    kind: { type: 'keyword' },
    name: { type: 'keyword', index: false, doc_values: false },
  });
}

/** One entry per tag id (the first of a story's tags with that id). */
export function tagNameDocuments(tags: readonly Tag[]): TagNameDocument[] {
  const byId = new Map<string, TagNameDocument>();
  for (const { id, kind, name } of tags) if (!byId.has(id)) byId.set(id, { id, kind, name });
  return [...byId.values()];
}

/** Some names of a bulk request were not written; `statuses` are the failed items' HTTP statuses. */
export class TagNamesNotWrittenError extends Error {
  constructor(
    readonly statuses: number[],
    reasons: string[],
  ) {
    super(`tag names not written: ${reasons.slice(0, 3).join('; ')}`);
    this.name = 'TagNamesNotWrittenError';
  }
}

/** Writes the names in one bulk request; any item that fails fails the whole call. */
export async function writeTagNames(
  client: Client,
  alias: string,
  names: readonly TagNameDocument[],
): Promise<void> {
  if (names.length === 0) return;
  const index = tagNamesIndexFor(alias);
  const response = await client.bulk({
    operations: names.flatMap((doc) => [
      { index: { _index: index, _id: documentIdFor(doc.id) } },
      doc,
    ]),
    refresh: false,
  });
  if (!response.errors) return;
  const failed = response.items.flatMap((item) => {
    const result = item.index;
    return result?.error
      ? [
          {
            status: result.status,
            reason: `${result._id ?? '?'}: ${result.error.type} ${result.error.reason ?? ''}`,
          },
        ]
      : [];
  });
  throw new TagNamesNotWrittenError(
    failed.map((f) => f.status),
    failed.map((f) => f.reason),
  );
}

/** The names of the ids asked for that have one; a missing index holds none. */
export async function readTagNamesById(
  client: Client,
  alias: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (ids.length === 0) return found;
  const response = await client.mget<TagNameDocument>(
    { index: tagNamesIndexFor(alias), ids: ids.map(documentIdFor), realtime: true },
    { ignore: [404] },
  );
  for (const doc of response.docs ?? [])
    if ('found' in doc && doc.found && doc._source) found.set(doc._source.id, doc._source.name);
  return found;
}
