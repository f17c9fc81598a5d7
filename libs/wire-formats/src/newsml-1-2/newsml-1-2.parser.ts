import type { Association, Link, Subject } from '@lib/contracts';
import { toIsoDate } from '../common/dates';
import { WireError } from '../common/errors';
import { itemUri, normaliseProvider } from '../common/identity';
import { associationType } from '../common/media';
import { statusWithEmbargo } from '../common/pubstatus';
import type { StoryDraft } from '../common/story-draft';
import { cleanText, firstText, parseInteger } from '../common/text';
import type { XmlElement } from '../common/xml';
import {
  attr,
  child,
  children,
  descendants,
  elements,
  firstDescendant,
  path,
  textContent,
} from '../common/xml';
import { innerHtml } from '../common/xml-html';
import { readXmlDocument } from '../common/xml-input';
import { readNitfContent } from '../nitf/nitf-content.reader';
import type { NitfContent } from '../nitf/nitf-content.reader';
import type { ParseContext, WireParser } from '../wire.types';

const FORMAT = 'newsml-1.2';

/** NewsML 1.2 (AFP and others): one story per NewsItem that has a text ContentItem. */
export class Newsml12Parser implements WireParser {
  parse(context: ParseContext): StoryDraft[] {
    const root = readXmlDocument(context);
    if (root.name !== 'NewsML') {
      throw new WireError('WIRE.INVALID_SHAPE', `expected <NewsML> root, found <${root.name}>`, {
        format: FORMAT,
      });
    }
    return children(root, 'NewsItem').flatMap((item) => readNewsItem(item, context.hints.provider));
  }
}

function readNewsItem(item: XmlElement, hintedProvider: string | undefined): StoryDraft[] {
  const identifier = path(item, 'Identification', 'NewsIdentifier');
  const management = child(item, 'NewsManagement');
  const component = child(item, 'NewsComponent');
  const textItem = findTextContentItem(component);
  const lines = child(component, 'NewsLines');
  if (!textItem && !textContent(child(lines, 'HeadLine'))) return [];

  const context = (field: string) => ({ format: FORMAT, field });
  const providerId = cleanText(textContent(child(identifier, 'ProviderId')));
  const provider =
    normaliseProvider(
      firstText(
        attr(path(component, 'AdministrativeMetadata', 'Provider', 'Party'), 'FormalName'),
        providerId,
      ),
    ) ??
    normaliseProvider(hintedProvider) ??
    FORMAT;
  const release = toIsoDate(
    textContent(path(management, 'StatusWillChange', 'DateAndTime')),
    context('NewsManagement/StatusWillChange/DateAndTime'),
  );
  const status = statusWithEmbargo(
    attr(child(management, 'Status'), 'FormalName'),
    release,
    context('NewsManagement/Status'),
  );
  const nitf = textItem ? readNitfBody(textItem) : undefined;
  const descriptive = child(component, 'DescriptiveMetadata');

  return [
    {
      uri: readUri(identifier, provider),
      provider,
      version: parseInteger(textContent(child(identifier, 'RevisionId'))),
      firstcreated: toIsoDate(
        textContent(child(management, 'FirstCreated')),
        context('NewsManagement/FirstCreated'),
      ),
      versioncreated: toIsoDate(
        textContent(child(management, 'ThisRevisionCreated')),
        context('NewsManagement/ThisRevisionCreated'),
      ),
      pubstatus: status.pubstatus,
      embargoed: status.embargoed,
      language: firstText(attr(child(descriptive, 'Language'), 'FormalName'), attr(item, 'lang')),
      urgency: parseInteger(attr(child(management, 'Urgency'), 'FormalName')),
      headline: firstText(textContent(child(lines, 'HeadLine')), nitf?.headline),
      subheadline: firstText(textContent(child(lines, 'SubHeadLine')), nitf?.subheadline),
      byline: firstText(textContent(child(lines, 'ByLine')), nitf?.byline),
      slugline: firstText(
        textContent(child(lines, 'SlugLine')),
        textContent(path(item, 'Identification', 'NameLabel')),
      ),
      // The DateLine carries the date too ("STOCKHOLM, Aug 29, 2014 (AFP) -"); the origin city is the place.
      located: firstText(
        originCity(descriptive),
        textContent(child(lines, 'DateLine')),
        nitf?.located,
      ),
      description: nitf?.description,
      bodyHtml: nitf?.bodyHtml ?? (textItem ? plainOrXhtmlBody(textItem).html : undefined),
      bodyText: textItem ? plainOrXhtmlBody(textItem).text : undefined,
      subject: readSubjects(descriptive),
      people: nitf?.people,
      organisations: nitf?.organisations,
      places: nitf?.places,
      copyrightnotice: firstText(
        textContent(child(lines, 'CopyrightLine')),
        textContent(descendants(component, 'CopyrightHolder')[0]),
      ),
      associations: [...readPictures(component), ...(nitf?.associations ?? [])],
      links: children(management, 'AssociatedWith').flatMap((associated): Link[] => {
        const href = attr(associated, 'NewsItem') ?? attr(associated, 'FormalName');
        return href === undefined ? [] : [{ href, rel: 'associated' }];
      }),
    },
  ];
}

/**
 * urn:newsml:ProviderId:DateId:NewsItemId without the RevisionId: the revision is the version,
 * not part of the identity (PublicIdentifier ends with it).
 */
function readUri(identifier: XmlElement | undefined, provider: string): string {
  const providerId = cleanText(textContent(child(identifier, 'ProviderId')));
  const dateId = cleanText(textContent(child(identifier, 'DateId')));
  const newsItemId = cleanText(textContent(child(identifier, 'NewsItemId')));
  if (providerId && dateId && newsItemId) return `urn:newsml:${providerId}:${dateId}:${newsItemId}`;
  const publicId = cleanText(textContent(child(identifier, 'PublicIdentifier')));
  if (publicId) return itemUri(publicId.replace(/:\d+[A-Z]?$/, ''), provider);
  if (newsItemId) return itemUri(newsItemId, provider);
  throw new WireError('WIRE.MISSING_FIELD', 'NewsItem has no NewsIdentifier', {
    format: FORMAT,
    field: 'Identification/NewsIdentifier',
  });
}

/** The first ContentItem whose MediaType is Text, searched through nested NewsComponents. */
function findTextContentItem(component: XmlElement | undefined): XmlElement | undefined {
  return descendants(component, 'ContentItem').find(
    (item) =>
      (attr(child(item, 'MediaType'), 'FormalName') ?? '').toLowerCase() === 'text' &&
      child(item, 'DataContent') !== undefined,
  );
}

function readNitfBody(textItem: XmlElement): NitfContent | undefined {
  const nitf = firstDescendant(child(textItem, 'DataContent'), 'nitf');
  return nitf ? readNitfContent(nitf) : undefined;
}

function plainOrXhtmlBody(textItem: XmlElement): { html?: string; text?: string } {
  const data = child(textItem, 'DataContent');
  if (!data || firstDescendant(data, 'nitf')) return {};
  const body = firstDescendant(data, 'body');
  if (body || elements(data).length > 0) return { html: innerHtml(body ?? data) };
  return { text: textContent(data) };
}

function originCity(descriptive: XmlElement | undefined): string | undefined {
  const origin = children(descriptive, 'Location').find(
    (location) => attr(location, 'HowPresent') === 'Origin',
  );
  const city = children(origin, 'Property').find(
    (property) => attr(property, 'FormalName') === 'City',
  );
  return attr(city, 'Value');
}

/** SubjectCode/Subject|SubjectMatter|SubjectDetail FormalNames are IPTC subject codes. */
function readSubjects(descriptive: XmlElement | undefined): Subject[] {
  return children(descriptive, 'SubjectCode').flatMap((subjectCode) =>
    elements(subjectCode).flatMap((subject): Subject[] => {
      const code = attr(subject, 'FormalName');
      return code === undefined ? [] : [{ code: `subj:${code}`, scheme: 'subj' }];
    }),
  );
}

/** Photo ContentItems of sub-components (AFP's text-photo profile) as picture associations. */
function readPictures(component: XmlElement | undefined): Association[] {
  return descendants(component, 'ContentItem').flatMap((item): Association[] => {
    const mediaType = attr(child(item, 'MediaType'), 'FormalName');
    const href = attr(item, 'Href');
    const type = associationType(mediaType);
    if (href === undefined || type === 'text' || type === 'other') return [];
    return [{ type, href, mimetype: attr(child(item, 'MimeType'), 'FormalName') }];
  });
}
