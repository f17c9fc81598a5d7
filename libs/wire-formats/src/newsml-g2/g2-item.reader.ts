import type { Association, Link, NamedEntity, Subject } from '@lib/contracts';
import { calendarDay, looksLikeDate, toIsoDate } from '../common/dates';
import { derivedUri, itemUri, normaliseProvider } from '../common/identity';
import { associationType } from '../common/media';
import { mapPubstatus } from '../common/pubstatus';
import type { StoryDraft } from '../common/story-draft';
import { cleanText, firstText, parseInteger } from '../common/text';
import type { XmlElement } from '../common/xml';
import { attr, child, children, descendants, path, textContent } from '../common/xml';
import { readG2Content } from './g2-content.reader';

const FORMAT = 'newsml-g2';

/** What the enclosing `newsMessage` header contributes to each item. */
export interface G2MessageContext {
  isMessage: boolean;
  hintedProvider?: string;
  sender?: string;
  sent?: string;
}

/** A text newsItem to a story; other item classes and empty placeholders to nothing. */
export function readG2NewsItem(item: XmlElement, message: G2MessageContext): StoryDraft[] {
  const itemClass = classOf(item);
  if (itemClass !== undefined && itemClass !== 'text') return [];
  const content = readG2Content(child(item, 'contentSet'));
  const meta = readItemMeta(item, message, content.nitf?.headline);
  const hasText = content.bodyHtml !== undefined || content.bodyText !== undefined;
  if (itemClass === undefined && !hasText && meta.headline === undefined) return [];
  const nitf = content.nitf;
  return [
    {
      ...meta,
      byline: firstText(meta.byline, nitf?.byline, creatorName(item)),
      subheadline: firstText(meta.subheadline, nitf?.subheadline),
      located: firstText(meta.located, nitf?.located),
      description: firstText(meta.description, nitf?.description),
      bodyHtml: content.bodyHtml,
      bodyText: content.bodyText,
      people: [...(meta.people ?? []), ...(nitf?.people ?? [])],
      organisations: [...(meta.organisations ?? []), ...(nitf?.organisations ?? [])],
      places: [...(meta.places ?? []), ...(nitf?.places ?? [])],
      associations: [...content.associations, ...(nitf?.associations ?? [])],
    },
  ];
}

/**
 * A packageItem becomes a story without a body whose associations are the package's item
 * references (groupSet order): the package is what a newsroom sees as "the story" when an
 * agency sends text and pictures as separate items (Reuters, for one).
 */
export function readG2PackageItem(item: XmlElement, message: G2MessageContext): StoryDraft[] {
  const refs = descendants(item, 'itemRef');
  const refKey = refs.map((ref) => attr(ref, 'residref') ?? attr(ref, 'href') ?? '').join(' ');
  const meta = readItemMeta(item, message, undefined, refKey);
  const seen = new Set<string>();
  const associations: Association[] = [];
  for (const ref of refs) {
    const residref = attr(ref, 'residref');
    const key = residref ?? attr(ref, 'href');
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    associations.push({
      type: associationType(attr(child(ref, 'itemClass'), 'qcode')),
      uri: residref,
      href: attr(ref, 'href'),
      mimetype: attr(ref, 'contenttype'),
      headline: firstText(textContent(child(ref, 'headline')), textContent(child(ref, 'title'))),
      description: cleanText(textContent(child(ref, 'description'))),
    });
  }
  return [{ ...meta, associations }];
}

function classOf(item: XmlElement): string | undefined {
  const qcode = attr(path(item, 'itemMeta', 'itemClass'), 'qcode');
  return qcode?.replace(/^[^:]*:/, '').toLowerCase();
}

/**
 * Item metadata shared by news and package items. `fallbackHeadline` comes from inline NITF;
 * `fallbackKey` identifies an item without guid, slugline or headline (a package: its refs).
 */
function readItemMeta(
  item: XmlElement,
  message: G2MessageContext,
  fallbackHeadline: string | undefined,
  fallbackKey?: string,
): StoryDraft {
  const itemMeta = child(item, 'itemMeta');
  const contentMeta = child(item, 'contentMeta');
  const provider =
    readProvider(child(itemMeta, 'provider')) ??
    normaliseProvider(message.sender) ??
    normaliseProvider(message.hintedProvider) ??
    FORMAT;
  const context = (field: string) => ({ format: FORMAT, field });
  const versioncreated = toIsoDate(
    firstText(textContent(child(itemMeta, 'versionCreated')), message.sent),
    context('itemMeta/versionCreated'),
  );
  const firstcreated = toIsoDate(
    firstText(
      textContent(child(itemMeta, 'firstCreated')),
      textContent(child(contentMeta, 'contentCreated')),
    ),
    context('itemMeta/firstCreated'),
  );
  const headlines = children(contentMeta, 'headline');
  const headline = firstText(
    textContent(headlines.find((element) => !/sub/i.test(attr(element, 'role') ?? ''))),
    fallbackHeadline,
    textContent(child(itemMeta, 'title')),
  );
  const slugline = cleanText(textContent(child(contentMeta, 'slugline')));
  const guid = attr(item, 'guid');
  const uri =
    guid !== undefined
      ? itemUri(guid, provider)
      : derivedUri(
          provider,
          FORMAT,
          versioncreated === undefined ? undefined : calendarDay(versioncreated),
          [slugline ?? headline ?? fallbackKey],
          {
            field: 'guid',
          },
        );
  const language = firstText(attr(child(contentMeta, 'language'), 'tag'), attr(item, 'lang'));
  const entities = readSubjects(contentMeta, language);
  return {
    uri,
    provider,
    version: parseInteger(attr(item, 'version')),
    versioncreated,
    firstcreated,
    pubstatus: mapPubstatus(
      attr(child(itemMeta, 'pubStatus'), 'qcode'),
      context('itemMeta/pubStatus'),
    ),
    embargoed: toIsoDate(textContent(child(itemMeta, 'embargoed')), context('itemMeta/embargoed')),
    language,
    urgency: parseInteger(textContent(child(contentMeta, 'urgency'))),
    headline,
    subheadline: textContent(headlines.find((element) => /sub/i.test(attr(element, 'role') ?? ''))),
    slugline,
    byline: cleanText(textContent(child(contentMeta, 'by'))),
    located: readLocated(contentMeta),
    description: readDescription(contentMeta),
    ...entities,
    copyrightnotice: readCopyright(child(item, 'rightsInfo')),
    links: readLinks(itemMeta, guid),
  };
}

/** `<provider>` by name, literal, qcode or uri, whichever the agency used. */
function readProvider(provider: XmlElement | undefined): string | undefined {
  if (!provider) return undefined;
  // From a qcode (`nprov:REUTERS`) only the code names the agency; the scheme alias does not.
  const qcode = attr(provider, 'qcode')?.replace(/^[^:]*:/, '');
  return normaliseProvider(
    firstText(
      textContent(child(provider, 'name')),
      attr(provider, 'literal'),
      qcode,
      attr(provider, 'uri'),
    ),
  );
}

/** The dateline as printed; Reuters puts a timestamp there, then the structured `located` is used. */
function readLocated(contentMeta: XmlElement | undefined): string | undefined {
  const dateline = cleanText(textContent(child(contentMeta, 'dateline')));
  if (dateline !== undefined && !looksLikeDate(dateline)) return dateline;
  const located = child(contentMeta, 'located');
  return firstText(textContent(child(located, 'name')), attr(located, 'literal'));
}

function readDescription(contentMeta: XmlElement | undefined): string | undefined {
  const descriptions = children(contentMeta, 'description');
  const summary = descriptions.find((element) =>
    /summary|abstract/i.test(attr(element, 'role') ?? ''),
  );
  return firstText(textContent(summary), ...descriptions.map((element) => textContent(element)));
}

interface G2Entities {
  subject: Subject[];
  people: NamedEntity[];
  organisations: NamedEntity[];
  places: NamedEntity[];
}

/** `<subject>` by concept type: persons, organisations and places get their own lists. */
function readSubjects(
  contentMeta: XmlElement | undefined,
  language: string | undefined,
): G2Entities {
  const result: G2Entities = { subject: [], people: [], organisations: [], places: [] };
  for (const subject of children(contentMeta, 'subject')) {
    const qcode = attr(subject, 'qcode');
    const code = firstText(qcode, attr(subject, 'literal'), attr(subject, 'uri'));
    const name = conceptName(subject, language);
    const scheme = qcode?.includes(':') ? qcode.slice(0, qcode.indexOf(':')) : undefined;
    const type = (attr(subject, 'type') ?? '').replace(/^[^:]*:/, '').toLowerCase();
    const list =
      type === 'person'
        ? result.people
        : type === 'organisation' || type === 'organization'
          ? result.organisations
          : type === 'geoarea' || type === 'poi'
            ? result.places
            : undefined;
    if (list !== undefined && name !== undefined) {
      list.push({ name, code, scheme });
    } else if (code !== undefined) {
      result.subject.push({ code, name, scheme });
    }
  }
  return result;
}

/** The concept's name in the item's language when several are given. */
function conceptName(concept: XmlElement, language: string | undefined): string | undefined {
  const names = children(concept, 'name');
  const primary = language?.split('-')[0].toLowerCase();
  const inLanguage = names.find(
    (name) => attr(name, 'lang')?.split('-')[0].toLowerCase() === primary,
  );
  return firstText(
    textContent(inLanguage),
    textContent(names.find((name) => attr(name, 'lang') === undefined)),
    textContent(names[0]),
  );
}

function readCopyright(rightsInfo: XmlElement | undefined): string | undefined {
  const notice = cleanText(textContent(child(rightsInfo, 'copyrightNotice')));
  if (notice !== undefined) return notice;
  const holder = child(rightsInfo, 'copyrightHolder');
  const holderName = firstText(textContent(child(holder, 'name')), attr(holder, 'literal'));
  return holderName === undefined ? undefined : `© ${holderName}`;
}

/** `itemMeta/link`s; STT links an update to its own guid (previous version), which says nothing here. */
function readLinks(itemMeta: XmlElement | undefined, guid: string | undefined): Link[] {
  return children(itemMeta, 'link').flatMap((link): Link[] => {
    const href = firstText(attr(link, 'href'), attr(link, 'guidref'));
    return href === undefined || href === guid
      ? []
      : [
          {
            href,
            rel: attr(link, 'rel'),
            title: attr(link, 'title'),
            mimetype: attr(link, 'contenttype'),
          },
        ];
  });
}

/** `contentMeta/creator` names, the byline of last resort. */
function creatorName(item: XmlElement): string | undefined {
  const names = children(child(item, 'contentMeta'), 'creator')
    .map((creator) => firstText(textContent(child(creator, 'name')), attr(creator, 'literal')))
    .filter((name): name is string => name !== undefined);
  return names.length > 0 ? names.join(', ') : undefined;
}
