import type { CanonicalStory } from '@lib/contracts';
import type { ReutersDocument } from './reuters-reader';

/** "SALVADOR, Feb 26 - " -> "SALVADOR"; "COMMACK, N.Y., Feb 26 -" -> "COMMACK, N.Y.". */
export function datelineLocation(dateline: string): string {
  return dateline
    .replace(
      /[,\s]*\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d{1,2}\s*-?\s*$/i,
      '',
    )
    .replace(/[\s,-]+$/, '')
    .trim();
}

/**
 * A Reuters-21578 document as a canonical story. Its category labels are deliberately not
 * copied into people/places/organisations: they are what evaluation compares against.
 */
export function reutersToStory(doc: ReutersDocument): CanonicalStory {
  const located = datelineLocation(doc.dateline);
  return {
    uri: `reuters21578:${doc.newId}`,
    version: 1,
    versioncreated: doc.date ?? '1987-01-01T00:00:00.000Z',
    pubstatus: 'usable',
    language: 'en',
    headline: doc.title,
    ...(located ? { located } : {}),
    body_text: doc.body,
    subject: [],
    people: [],
    organisations: [],
    places: [],
    provider: 'reuters',
    associations: [],
    links: [],
  };
}
