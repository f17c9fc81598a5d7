import type { Association, Link, NamedEntity, Subject } from '@lib/contracts';
import { toIsoDate } from '../common/dates';
import { WireError } from '../common/errors';
import { itemUri, normaliseProvider } from '../common/identity';
import type { JsonRecord } from '../common/json';
import {
  isRecord,
  readNumber,
  readRecord,
  readRecords,
  readString,
  readStrings,
} from '../common/json';
import { readJsonDocument } from '../common/json-input';
import { associationType } from '../common/media';
import { mapPubstatus } from '../common/pubstatus';
import type { StoryDraft } from '../common/story-draft';
import { firstText } from '../common/text';
import type { ParseContext, WireParser } from '../wire.types';

const FORMAT = 'ap-media-json';

/**
 * AP Media API JSON: feed pages (`data.items[].item`) and single items (`data.item`). Every item
 * becomes a story, pictures included (their main rendition is the first association). Bodies are
 * not inline in this API; text renditions (NITF, ANPA) are listed as links.
 */
export class ApMediaJsonParser implements WireParser {
  parse(context: ParseContext): StoryDraft[] {
    const document = readJsonDocument(context);
    return locateItems(document).map(({ item, path }) =>
      readItem(item, path, context.hints.provider),
    );
  }
}

function locateItems(document: unknown): { item: JsonRecord; path: string }[] {
  if (!isRecord(document)) throw shapeError('the document must be a JSON object', '');
  const data = document.data;
  if (data === undefined && (document.altids !== undefined || document.uri !== undefined)) {
    return [{ item: document, path: '' }];
  }
  if (!isRecord(data)) throw shapeError('expected an object', 'data');
  if (data.items !== undefined) {
    if (!Array.isArray(data.items)) throw shapeError('expected an array', 'data.items');
    return data.items.map((entry: unknown, index) => {
      const item = isRecord(entry) ? entry.item : undefined;
      if (!isRecord(item))
        throw shapeError('expected an object with an item', `data.items[${index}]`);
      return { item, path: `data.items[${index}].item.` };
    });
  }
  if (isRecord(data.item)) return [{ item: data.item, path: 'data.item.' }];
  throw shapeError('expected data.items or data.item', 'data');
}

function shapeError(reason: string, field: string): WireError {
  return new WireError('WIRE.INVALID_SHAPE', reason, {
    format: FORMAT,
    field: field === '' ? undefined : field,
  });
}

function readItem(item: JsonRecord, path: string, hintedProvider: string | undefined): StoryDraft {
  const read = (key: string, record: JsonRecord = item) =>
    readString(record, key, { format: FORMAT, path });
  const context = (field: string) => ({ format: FORMAT, field: `${path}${field}` });
  const altids = readRecord(item, 'altids') ?? {};
  const provider = normaliseProvider(read('provider')) ?? normaliseProvider(hintedProvider) ?? 'AP';
  const itemId = readString(altids, 'itemid', { format: FORMAT, path: `${path}altids.` });
  // The item's own `uri` carries per-request query tokens (qt, et); only its path is stable.
  const apiUri = read('uri')?.split('?')[0];
  const id = firstText(itemId, apiUri);
  if (id === undefined) {
    throw new WireError('WIRE.MISSING_FIELD', 'item has neither altids.itemid nor uri', {
      format: FORMAT,
      field: `${path}altids.itemid`,
    });
  }
  const type = read('type');
  const renditions = readRecord(item, 'renditions') ?? {};
  const version = readNumber(item, 'version');
  const bylines = readRecords(item, 'bylines');

  return {
    uri: itemUri(id, provider),
    provider,
    version:
      version !== undefined && Number.isInteger(version) && version >= 0 ? version : undefined,
    firstcreated: toIsoDate(read('firstcreated'), context('firstcreated')),
    versioncreated: toIsoDate(read('versioncreated'), context('versioncreated')),
    pubstatus: mapPubstatus(read('pubstatus'), context('pubstatus')),
    embargoed: toIsoDate(read('embargoed'), context('embargoed')),
    language: read('language'),
    urgency: readNumber(item, 'urgency'),
    headline: firstText(read('headline'), read('title')),
    subheadline: read('headline_extended'),
    byline: firstText(...bylines.map((byline) => read('by', byline)), read('byline')),
    slugline: read('slugline'),
    located: firstText(read('dateline'), read('city', readRecord(item, 'datelinelocation') ?? {})),
    description: firstText(
      read('description_summary'),
      read('summary'),
      read('description_caption'),
    ),
    bodyHtml: read('body_html'),
    subject: readSubjects(item),
    people: readEntities(item, 'person'),
    organisations: readEntities(item, 'organization', 'organisation'),
    places: readEntities(item, 'place'),
    copyrightnotice: read('copyrightnotice'),
    associations: [...selfRendition(item, type, renditions), ...readAssociations(item)],
    links: textRenditionLinks(renditions),
  };
}

/** AP category codes (rel `category`) get the `apcategorycode` scheme AP uses in NewsML-G2. */
function readSubjects(item: JsonRecord): Subject[] {
  return readRecords(item, 'subject').flatMap((subject): Subject[] => {
    const code = typeof subject.code === 'string' ? subject.code : undefined;
    if (code === undefined) return [];
    const name = typeof subject.name === 'string' ? subject.name : undefined;
    const isCategory = readStrings(subject, 'rels').includes('category');
    return isCategory
      ? [{ code: `apcategorycode:${code}`, name, scheme: 'apcategorycode' }]
      : [{ code, name, scheme: typeof subject.scheme === 'string' ? subject.scheme : undefined }];
  });
}

function readEntities(item: JsonRecord, ...keys: string[]): NamedEntity[] {
  return keys.flatMap((key) =>
    readRecords(item, key).flatMap((entity): NamedEntity[] => {
      const name = typeof entity.name === 'string' ? entity.name : undefined;
      if (name === undefined) return [];
      return [
        {
          name,
          code: typeof entity.code === 'string' ? entity.code : undefined,
          scheme: typeof entity.scheme === 'string' ? entity.scheme : undefined,
        },
      ];
    }),
  );
}

/** A picture/graphic/video item carries its media as the main rendition. */
function selfRendition(
  item: JsonRecord,
  type: string | undefined,
  renditions: JsonRecord,
): Association[] {
  const kind = associationType(type);
  const main = readRecord(renditions, 'main');
  const href = main && typeof main.href === 'string' ? main.href : undefined;
  if (kind === 'text' || kind === 'other' || href === undefined) return [];
  return [
    {
      type: kind,
      uri: typeof item.uri === 'string' ? item.uri.split('?')[0] : undefined,
      href,
      mimetype: typeof main?.mimetype === 'string' ? main.mimetype : undefined,
      headline: typeof item.headline === 'string' ? item.headline : undefined,
      description:
        typeof item.description_caption === 'string' ? item.description_caption : undefined,
      byline:
        typeof item.description_creditline === 'string' ? item.description_creditline : undefined,
    },
  ];
}

/** `associations: { "1": { uri, altids, type, headline } }` as AP lists related media. */
function readAssociations(item: JsonRecord): Association[] {
  const associations = readRecord(item, 'associations');
  if (!associations) return [];
  return Object.values(associations)
    .filter(isRecord)
    .map((association) => ({
      type: associationType(typeof association.type === 'string' ? association.type : undefined),
      uri: typeof association.uri === 'string' ? association.uri.split('?')[0] : undefined,
      headline: typeof association.headline === 'string' ? association.headline : undefined,
    }));
}

function textRenditionLinks(renditions: JsonRecord): Link[] {
  return Object.entries(renditions).flatMap(([name, rendition]): Link[] => {
    if (!isRecord(rendition) || rendition.type !== 'text' || typeof rendition.href !== 'string')
      return [];
    return [
      {
        href: rendition.href,
        rel: name,
        title: typeof rendition.title === 'string' ? rendition.title : undefined,
        mimetype: typeof rendition.mimetype === 'string' ? rendition.mimetype : undefined,
      },
    ];
  });
}
