import { join } from 'node:path';
import {
  readReutersCorpus,
  type ReutersDocument,
} from '../../../libs/enrichment/src/corpus/reuters-reader';

/** One ninjs item to push, and what it should leave behind. */
export interface PushItem {
  uri: string;
  version: number;
  pubstatus: 'usable' | 'canceled';
  ninjs: string;
}

export interface StoryState {
  version: number;
  pubstatus: 'usable' | 'canceled';
}

export interface ReplayStream {
  items: PushItem[];
  /** The state every story must end in: its highest pushed version, with that version's pubstatus. */
  expected: Map<string, StoryState>;
  stories: number;
  corrections: number;
  kills: number;
}

export interface StreamOptions {
  /** Keeps the uris of one test apart from every other test's. */
  namespace: string;
  stories: number;
  /** Which corpus stories to use: the n-th usable one onwards. */
  offset?: number;
  /** Every n-th story gets a correction (version 2) some items later; 0 for none. */
  correctionEvery?: number;
  /** Every n-th story is killed (canceled, version 3) later still; 0 for none. */
  killEvery?: number;
}

let corpus: ReutersDocument[] | null = null;

/** Reuters-21578 stories that have a headline and a body. */
function usableDocuments(): ReutersDocument[] {
  corpus ??= readReutersCorpus(join(__dirname, '..', '..', '..', 'data', 'reuters21578')).filter(
    (doc) => doc.title.trim().length > 0 && doc.body.trim().length > 0,
  );
  return corpus;
}

/**
 * A slice of Reuters-21578 as ninjs, with corrections and kills interleaved the way a wire
 * delivers them: a correction about 150 items after its story, a kill about 300 after.
 */
export function reutersStream(options: StreamOptions): ReplayStream {
  const documents = usableDocuments().slice(
    options.offset ?? 0,
    (options.offset ?? 0) + options.stories,
  );
  if (documents.length < options.stories)
    throw new Error(
      `the corpus has only ${documents.length} usable stories from offset ${options.offset ?? 0}`,
    );
  const correctionEvery = options.correctionEvery ?? 7;
  const killEvery = options.killEvery ?? 13;
  const scheduled: { at: number; item: PushItem }[] = [];
  let corrections = 0;
  let kills = 0;
  documents.forEach((doc, i) => {
    const uri = `urn:faults:${options.namespace}:${doc.newId}`;
    scheduled.push({ at: i, item: toItem(uri, doc, 1, 'usable') });
    if (correctionEvery > 0 && i % correctionEvery === 3) {
      scheduled.push({ at: i + 150.5, item: toItem(uri, doc, 2, 'usable') });
      corrections += 1;
    }
    if (killEvery > 0 && i % killEvery === 5) {
      scheduled.push({ at: i + 300.5, item: toItem(uri, doc, 3, 'canceled') });
      kills += 1;
    }
  });
  const items = scheduled.sort((a, b) => a.at - b.at).map((s) => s.item);
  const expected = new Map<string, StoryState>();
  for (const item of items) {
    const current = expected.get(item.uri);
    if (!current || item.version > current.version)
      expected.set(item.uri, { version: item.version, pubstatus: item.pubstatus });
  }
  return { items, expected, stories: documents.length, corrections, kills };
}

function toItem(
  uri: string,
  doc: ReutersDocument,
  version: number,
  pubstatus: 'usable' | 'canceled',
): PushItem {
  const created = doc.date ?? '1987-03-01T00:00:00.000Z';
  const versioncreated = new Date(Date.parse(created) + version * 60_000).toISOString();
  const ninjs = {
    uri,
    type: 'text',
    version: String(version),
    firstcreated: created,
    versioncreated,
    pubstatus,
    language: 'en',
    headline: version === 2 ? `CORRECTED: ${doc.title}` : doc.title,
    ...(doc.dateline ? { located: doc.dateline.split(',')[0]?.trim() } : {}),
    body_text:
      version === 2 ? `${doc.body}\n\n(Corrects figures in the second paragraph.)` : doc.body,
    provider: 'Reuters',
  };
  return { uri, version, pubstatus, ninjs: JSON.stringify(ninjs) };
}
