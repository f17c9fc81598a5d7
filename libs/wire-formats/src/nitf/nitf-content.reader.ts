import type { Association, NamedEntity } from '@lib/contracts';
import { looksLikeDate } from '../common/dates';
import { associationType } from '../common/media';
import { cleanText, firstText } from '../common/text';
import type { XmlElement } from '../common/xml';
import { attr, child, children, descendants, path, textContent } from '../common/xml';
import { innerHtml } from '../common/xml-html';

/** What an NITF `<body>` carries; shared by NITF files and NITF inside NewsML-G2 and NewsML 1.2. */
export interface NitfContent {
  headline?: string;
  subheadline?: string;
  byline?: string;
  located?: string;
  description?: string;
  bodyHtml?: string;
  people: NamedEntity[];
  organisations: NamedEntity[];
  places: NamedEntity[];
  associations: Association[];
}

export function readNitfContent(nitf: XmlElement): NitfContent {
  const body = child(nitf, 'body');
  const head = child(body, 'body.head');
  const content = child(body, 'body.content');
  const headline = cleanText(textContent(path(head, 'hedline', 'hl1')));
  const subheadline = children(child(head, 'hedline'), 'hl2')
    .map((hl2) => cleanText(textContent(hl2)))
    .find((text) => text !== undefined && text !== headline);
  return {
    headline,
    subheadline,
    byline: readByline(child(head, 'byline')),
    located: readDateline(child(head, 'dateline')),
    description: cleanText(textContent(child(head, 'abstract'))),
    bodyHtml: content ? innerHtml(content) : undefined,
    people: inlineEntities(content, 'person'),
    organisations: inlineEntities(content, 'org'),
    places: inlineEntities(content, 'location'),
    associations: descendants(content, 'media').flatMap(mediaAssociation),
  };
}

/** `By BERNARD CONDON<byttl>AP Business Writer</byttl>`: the byline is the name part; the title only when alone. */
function readByline(byline: XmlElement | undefined): string | undefined {
  if (!byline) return undefined;
  const name = cleanText(textContent(byline, ['byttl']))?.replace(/[\s,;]+$/, '');
  return firstText(name, textContent(child(byline, 'byttl')));
}

/** The place of a dateline; EFE puts only a `story.date` there, which is not a place. */
function readDateline(dateline: XmlElement | undefined): string | undefined {
  if (!dateline) return undefined;
  const located = firstText(
    textContent(child(dateline, 'location')),
    textContent(dateline, ['story.date']),
  );
  return located !== undefined && looksLikeDate(located) ? undefined : located;
}

function inlineEntities(content: XmlElement | undefined, name: string): NamedEntity[] {
  return descendants(content, name).flatMap((element) => {
    const text = cleanText(textContent(element));
    return text === undefined
      ? []
      : [{ name: text, code: attr(element, 'value'), scheme: attr(element, 'idsrc') }];
  });
}

function mediaAssociation(media: XmlElement): Association[] {
  const reference = child(media, 'media-reference');
  const source = attr(reference, 'source');
  if (!source) return [];
  const caption = children(media, 'media-caption')
    .map((element) => textContent(element) ?? '')
    .join(' ');
  return [
    {
      type: associationType(attr(media, 'media-type')),
      href: source,
      mimetype: attr(reference, 'mime-type'),
      description: cleanText(caption),
      byline: cleanText(textContent(child(media, 'media-producer'))),
    },
  ];
}
