import type { Association, Link, NamedEntity, Subject } from '@lib/contracts';
import { toIsoDate } from '../common/dates';
import { WireError } from '../common/errors';
import { itemUri, normaliseProvider } from '../common/identity';
import type { JsonRecord } from '../common/json';
import { isRecord, readNumber, readRecords, readString } from '../common/json';
import { readJsonDocument } from '../common/json-input';
import { associationType } from '../common/media';
import { mapPubstatus } from '../common/pubstatus';
import { htmlToInlineText } from '../common/sanitize';
import type { StoryDraft } from '../common/story-draft';
import { firstText, parseInteger } from '../common/text';
import type { ParseContext, WireParser } from '../wire.types';

const FORMAT = 'ninjs';

/** Members that mark a JSON object as a ninjs item (1.x or 2.x). */
const NINJS_MEMBERS = [
  'uri',
  'guid',
  'headline',
  'headlines',
  'versioncreated',
  'body_html',
  'body_text',
  'bodies',
  'type',
];

/**
 * IPTC ninjs 1.x and 2.x (one item, or an array of items). 2.x moved text into `headlines[]`,
 * `bodies[]`, `descriptions[]` and renamed `byline` to `by`; both shapes are read.
 */
export class NinjsParser implements WireParser {
  parse(context: ParseContext): StoryDraft[] {
    const document = readJsonDocument(context);
    const items = Array.isArray(document) ? document : [document];
    return items.map((item: unknown, index) => {
      const path = Array.isArray(document) ? `[${index}].` : '';
      if (!isRecord(item) || !NINJS_MEMBERS.some((member) => item[member] !== undefined)) {
        throw new WireError(
          'WIRE.INVALID_SHAPE',
          'not a ninjs item (no uri, guid, headline, body or type)',
          {
            format: FORMAT,
            field: path === '' ? undefined : path.slice(0, -1),
          },
        );
      }
      return readItem(item, path, context.hints.provider);
    });
  }
}

function readItem(item: JsonRecord, path: string, hintedProvider: string | undefined): StoryDraft {
  const read = (key: string, record: JsonRecord = item) =>
    readString(record, key, { format: FORMAT, path });
  const context = (field: string) => ({ format: FORMAT, field: `${path}${field}` });
  const provider =
    normaliseProvider(
      firstText(providerName(item.provider), read('source'), infosourceName(item)),
    ) ??
    normaliseProvider(hintedProvider) ??
    FORMAT;
  const id = firstText(read('uri'), read('guid'));
  if (id === undefined) {
    throw new WireError('WIRE.MISSING_FIELD', 'ninjs item without uri (or guid)', {
      format: FORMAT,
      field: `${path}uri`,
    });
  }
  const version = read('version');
  const headlines = readRecords(item, 'headlines');
  const body = readBody(item, read);

  return {
    uri: itemUri(id, provider),
    provider,
    version: parseInteger(version),
    firstcreated: toIsoDate(read('firstcreated'), context('firstcreated')),
    versioncreated: toIsoDate(read('versioncreated'), context('versioncreated')),
    pubstatus: mapPubstatus(read('pubstatus'), context('pubstatus')),
    embargoed: toIsoDate(read('embargoed'), context('embargoed')),
    language: read('language'),
    urgency: readNumber(item, 'urgency') ?? readNumber(item, 'priority'),
    headline: firstText(
      read('headline'),
      roleValue(headlines, /^main$|^$/),
      roleValue(headlines, /./),
    ),
    subheadline: firstText(read('subheadline'), roleValue(headlines, /sub/i)),
    byline: firstText(read('byline'), read('by')),
    slugline: read('slugline'),
    located: typeof item.located === 'string' ? item.located : undefined,
    description: readDescription(item, read),
    bodyHtml: body.html,
    bodyText: body.text,
    subject: readSubjects(item),
    people: readEntities(item, 'people', 'person'),
    organisations: readEntities(item, 'organisations', 'organisation'),
    places: readEntities(item, 'places', 'place'),
    copyrightnotice: read('copyrightnotice'),
    associations: [...selfRendition(item), ...readAssociations(item.associations)],
    links: readLinks(item),
  };
}

type Reader = (key: string, record?: JsonRecord) => string | undefined;

function providerName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isRecord(value) && typeof value.name === 'string' ? value.name : undefined;
}

function infosourceName(item: JsonRecord): string | undefined {
  const source = readRecords(item, 'infosources')[0] ?? readRecords(item, 'infosource')[0];
  return source && typeof source.name === 'string' ? source.name : undefined;
}

/** 2.x text arrays: `{ value, role, contenttype }`; the first whose role matches. */
function roleValue(entries: readonly JsonRecord[], role: RegExp): string | undefined {
  const entry = entries.find((candidate) =>
    role.test(typeof candidate.role === 'string' ? candidate.role : ''),
  );
  return entry && typeof entry.value === 'string' ? entry.value : undefined;
}

function readDescription(item: JsonRecord, read: Reader): string | undefined {
  const html = read('description_html');
  const descriptions = readRecords(item, 'descriptions');
  const described =
    descriptions.find((entry) =>
      /summary|abstract|^$/.test(typeof entry.role === 'string' ? entry.role : ''),
    ) ?? descriptions[0];
  const describedValue =
    described && typeof described.value === 'string' ? described.value : undefined;
  const describedIsHtml =
    described !== undefined &&
    /html/i.test(typeof described.contenttype === 'string' ? described.contenttype : '');
  return firstText(
    read('description_text'),
    html === undefined ? undefined : htmlToInlineText(html),
    describedValue !== undefined && describedIsHtml
      ? htmlToInlineText(describedValue)
      : describedValue,
  );
}

/** HTML wins (`body_html`, 1.x `body_xhtml`, an HTML entry of 2.x `bodies[]`), else plain text. */
function readBody(item: JsonRecord, read: Reader): { html?: string; text?: string } {
  const html = [read('body_html'), read('body_xhtml')].find(
    (value) => value !== undefined && value.trim() !== '',
  );
  if (html !== undefined) return { html };
  const bodies = readRecords(item, 'bodies');
  const isHtml = (entry: JsonRecord) => /html/i.test(stringMember(entry, 'contenttype') ?? '');
  const htmlBody = bodies.find(
    (entry) => isHtml(entry) && stringMember(entry, 'value') !== undefined,
  );
  if (htmlBody) return { html: stringMember(htmlBody, 'value') };
  const textBody = bodies.find((entry) => stringMember(entry, 'value') !== undefined);
  return { text: read('body_text') ?? (textBody ? stringMember(textBody, 'value') : undefined) };
}

/** 1.x `{ code, scheme, name }`, 2.x `{ uri, name, rel }`, or a bare `literal`. */
function readSubjects(item: JsonRecord): Subject[] {
  return readRecords(item, 'subject').flatMap((subject): Subject[] => {
    const code = firstText(
      stringMember(subject, 'code'),
      stringMember(subject, 'uri'),
      stringMember(subject, 'literal'),
    );
    return code === undefined
      ? []
      : [{ code, name: stringMember(subject, 'name'), scheme: stringMember(subject, 'scheme') }];
  });
}

function readEntities(item: JsonRecord, ...keys: string[]): NamedEntity[] {
  return keys.flatMap((key) =>
    readRecords(item, key).flatMap((entity): NamedEntity[] => {
      const name = stringMember(entity, 'name');
      if (name === undefined) return [];
      return [
        {
          name,
          code: firstText(
            stringMember(entity, 'code'),
            stringMember(entity, 'uri'),
            stringMember(entity, 'literal'),
          ),
          scheme: stringMember(entity, 'scheme'),
        },
      ];
    }),
  );
}

function stringMember(record: JsonRecord, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

/** A picture item's own original rendition, so the picture reaches readers of the story. */
function selfRendition(item: JsonRecord): Association[] {
  const kind = associationType(stringMember(item, 'type'));
  if (kind === 'text' || kind === 'other') return [];
  const href = renditionHref(item.renditions);
  if (href === undefined) return [];
  return [
    {
      type: kind,
      uri: firstText(stringMember(item, 'uri'), stringMember(item, 'guid')),
      href: href.href,
      mimetype: href.mimetype ?? stringMember(item, 'mimetype'),
      headline: stringMember(item, 'headline'),
      description: stringMember(item, 'description_text'),
      byline: firstText(stringMember(item, 'byline'), stringMember(item, 'by')),
    },
  ];
}

/** 1.x renditions are a map (`original` preferred), 2.x an array of `{ name, href }`. */
function renditionHref(renditions: unknown): { href: string; mimetype?: string } | undefined {
  const entries: JsonRecord[] = Array.isArray(renditions)
    ? renditions.filter(isRecord)
    : isRecord(renditions)
      ? Object.entries(renditions)
          .filter((entry): entry is [string, JsonRecord] => isRecord(entry[1]))
          .map(([name, rendition]) => ({ ...rendition, name }))
      : [];
  const chosen =
    entries.find((entry) => entry.name === 'original') ??
    entries.find((entry) => typeof entry.href === 'string');
  const href = chosen ? stringMember(chosen, 'href') : undefined;
  return href === undefined || chosen === undefined
    ? undefined
    : {
        href,
        mimetype: firstText(stringMember(chosen, 'mimetype'), stringMember(chosen, 'contenttype')),
      };
}

/** 1.x: `{ name: item }`; 2.x: `[{ name, uri, type, ... }]`. */
function readAssociations(associations: unknown): Association[] {
  const entries: JsonRecord[] = Array.isArray(associations)
    ? associations.filter(isRecord)
    : isRecord(associations)
      ? Object.values(associations).filter(isRecord)
      : [];
  return entries.map((association) => {
    const rendition = renditionHref(association.renditions);
    const headlines = readRecords(association, 'headlines');
    return {
      type: associationType(stringMember(association, 'type')),
      uri: firstText(stringMember(association, 'uri'), stringMember(association, 'guid')),
      href: firstText(stringMember(association, 'href'), rendition?.href),
      mimetype: firstText(stringMember(association, 'mimetype'), rendition?.mimetype),
      headline: firstText(stringMember(association, 'headline'), roleValue(headlines, /./)),
      description: stringMember(association, 'description_text'),
      byline: firstText(stringMember(association, 'byline'), stringMember(association, 'by')),
    };
  });
}

function readLinks(item: JsonRecord): Link[] {
  return readRecords(item, 'links').flatMap((link): Link[] => {
    const href = stringMember(link, 'href');
    return href === undefined
      ? []
      : [
          {
            href,
            rel: stringMember(link, 'rel'),
            title: stringMember(link, 'title'),
            mimetype: firstText(stringMember(link, 'mimetype'), stringMember(link, 'contenttype')),
          },
        ];
  });
}
