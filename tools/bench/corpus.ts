import { resolve } from 'node:path';
import {
  readReutersCorpus,
  type ReutersDocument,
} from '../../libs/enrichment/src/corpus/reuters-reader';

export const REUTERS_DIR = resolve(__dirname, '..', '..', 'data', 'reuters21578');

/** One Reuters story as the ninjs JSON a CMS would push. */
export interface BenchStory {
  newId: number;
  uri: string;
  headline: string;
  /** The ninjs item, serialised once so pushing costs no JSON work inside a timed phase. */
  ninjs: string;
}

export interface BenchCorpus {
  /** Documents in the corpus files (21,578 for the full corpus). */
  documents: number;
  /** Documents with neither TITLE nor BODY: nothing to publish. */
  skippedEmpty: number;
  /** Documents whose DATE could not be read: they keep no versioncreated and ingest uses the receipt time. */
  withoutDate: number;
  stories: BenchStory[];
  /** The parsed documents, for building queries. */
  raw: ReutersDocument[];
}

/** Reads Reuters-21578 and maps every story with a title or a body onto ninjs, NEWID order. */
export function loadBenchCorpus(dir = REUTERS_DIR): BenchCorpus {
  const raw = readReutersCorpus(dir).sort((a, b) => a.newId - b.newId);
  const stories: BenchStory[] = [];
  let skippedEmpty = 0;
  let withoutDate = 0;
  for (const doc of raw) {
    if (!doc.title && !doc.body) {
      skippedEmpty += 1;
      continue;
    }
    if (!doc.date) withoutDate += 1;
    const uri = reutersUri(doc.newId);
    stories.push({
      newId: doc.newId,
      uri,
      headline: doc.title,
      ninjs: JSON.stringify(toNinjs(uri, doc, doc.date)),
    });
  }
  return { documents: raw.length, skippedEmpty, withoutDate, stories, raw };
}

export function reutersUri(newId: number): string {
  return `urn:newswire:reuters21578:${newId}`;
}

/**
 * The ninjs 1.x fields a CMS would fill: uri from NEWID, headline from TITLE, body from BODY,
 * versioncreated from DATE. `versioncreated` may be overridden for live pushes (a story published now).
 */
export function toNinjs(
  uri: string,
  doc: ReutersDocument,
  versioncreated: string | undefined,
): Record<string, unknown> {
  return {
    uri,
    type: 'text',
    version: '1',
    pubstatus: 'usable',
    language: 'en',
    provider: 'Reuters',
    ...(versioncreated ? { versioncreated, firstcreated: versioncreated } : {}),
    ...(doc.title ? { headline: doc.title } : {}),
    ...(doc.body ? { body_text: doc.body } : {}),
  };
}
