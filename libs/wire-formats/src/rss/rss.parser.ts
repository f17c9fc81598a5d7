import type { Association, Subject } from '@lib/contracts';
import { calendarDay, toIsoDate } from '../common/dates';
import { WireError } from '../common/errors';
import { derivedUri, itemUri, normaliseProvider } from '../common/identity';
import { associationType, looksLikeImageUrl } from '../common/media';
import { htmlToInlineText } from '../common/sanitize';
import type { StoryDraft } from '../common/story-draft';
import { cleanText, firstText } from '../common/text';
import type { XmlElement } from '../common/xml';
import { attr, child, children, descendants, textContent } from '../common/xml';
import { readXmlDocument } from '../common/xml-input';
import type { ParseContext, WireParser } from '../wire.types';

const FORMAT = 'rss';

interface ChannelContext {
  provider: string;
  language?: string;
  copyright?: string;
  date?: string;
}

/**
 * RSS 2.0 and RSS 1.0 (RDF): one story per item. The body is `content:encoded` when present,
 * else the (HTML) description. Items have no version: it derives from the newest date given.
 */
export class RssParser implements WireParser {
  parse(context: ParseContext): StoryDraft[] {
    const root = readXmlDocument(context);
    // RSS 2.0 nests items in <channel>; RSS 1.0 (RDF) puts them beside it.
    const channel = child(root, 'channel');
    const items =
      root.name === 'rss'
        ? children(channel, 'item')
        : root.name === 'RDF'
          ? children(root, 'item')
          : undefined;
    if (items === undefined || !channel) {
      throw new WireError(
        'WIRE.INVALID_SHAPE',
        `expected <rss><channel> or <rdf:RDF>, found <${root.name}>`,
        {
          format: FORMAT,
        },
      );
    }
    const channelContext: ChannelContext = {
      provider:
        normaliseProvider(firstText(textContent(child(channel, 'title')))) ??
        normaliseProvider(context.hints.provider) ??
        FORMAT,
      language: firstText(textContent(child(channel, 'language')), attr(root, 'lang')),
      copyright: firstText(
        textContent(child(channel, 'copyright')),
        textContent(child(channel, 'rights')),
      ),
      date: firstText(
        textContent(child(channel, 'pubDate')),
        textContent(child(channel, 'lastBuildDate')),
        textContent(child(channel, 'date')),
      ),
    };
    return items.map((item, index) => readItem(item, index, channelContext));
  }
}

function readItem(item: XmlElement, index: number, channel: ChannelContext): StoryDraft {
  const context = (field: string) => ({ format: FORMAT, field: `item[${index}]/${field}` });
  const published = toIsoDate(textContent(child(item, 'pubDate')), context('pubDate'));
  const updated = toIsoDate(
    firstText(textContent(child(item, 'updated')), textContent(child(item, 'date'))),
    context('dc:date'),
  );
  const versioncreated =
    updated ?? published ?? toIsoDate(channel.date, { format: FORMAT, field: 'channel/pubDate' });
  const title = textContent(child(item, 'title'));
  const link = firstText(textContent(child(item, 'link')), attr(item, 'about'));
  const guid = firstText(textContent(child(item, 'guid')), attr(item, 'about'));
  const description = textContent(child(item, 'description'));
  const encoded = textContent(child(item, 'encoded'));
  const id = guid ?? link;

  return {
    uri:
      id !== undefined
        ? itemUri(id, channel.provider)
        : derivedUri(
            channel.provider,
            FORMAT,
            versioncreated === undefined ? undefined : calendarDay(versioncreated),
            [title],
            {
              field: `item[${index}]/guid`,
            },
          ),
    provider: channel.provider,
    firstcreated: published,
    versioncreated,
    language: firstText(textContent(child(item, 'language')), channel.language),
    headline: title === undefined ? undefined : htmlToInlineText(title),
    byline: readAuthor(item),
    description: description === undefined ? undefined : htmlToInlineText(description),
    bodyHtml: firstText(encoded) !== undefined ? encoded : description,
    subject: readCategories(item),
    copyrightnotice: firstText(textContent(child(item, 'rights')), channel.copyright),
    associations: readMedia(item),
    links: link === undefined ? [] : [{ href: link, rel: 'alternate' }],
  };
}

/** `dc:creator`, or RSS `author` ("editor@example.com (Jane Doe)" names the person in parentheses). */
function readAuthor(item: XmlElement): string | undefined {
  const creator = firstText(...children(item, 'creator').map((element) => textContent(element)));
  if (creator !== undefined) return creator;
  const author = cleanText(textContent(child(item, 'author')));
  const named = author === undefined ? undefined : /\(([^)]+)\)\s*$/.exec(author);
  return named ? named[1] : author;
}

/** `<category domain="...">Label</category>` and `dc:subject`; the domain URL is the code when given. */
function readCategories(item: XmlElement): Subject[] {
  const categories = children(item, 'category').flatMap((category): Subject[] => {
    const label = cleanText(textContent(category));
    const code = firstText(attr(category, 'domain'), label);
    return code === undefined ? [] : [{ code, name: label, scheme: 'category' }];
  });
  const dcSubjects = children(item, 'subject').flatMap((subject): Subject[] => {
    const label = cleanText(textContent(subject));
    return label === undefined ? [] : [{ code: label, name: label, scheme: 'dc:subject' }];
  });
  return [...categories, ...dcSubjects];
}

/**
 * `enclosure`, `media:content` and `media:thumbnail` as associations; several sizes of one image
 * (same URL but for the query) collapse to the widest.
 */
function readMedia(item: XmlElement): Association[] {
  const candidates = [
    ...children(item, 'enclosure'),
    ...descendants(item, 'content'),
    ...children(item, 'thumbnail'),
  ];
  const byImage = new Map<string, { association: Association; width: number }>();
  for (const element of candidates) {
    const url = firstText(attr(element, 'url'), attr(element, 'href'));
    if (url === undefined || !/^https?:/i.test(url)) continue;
    const declared = firstText(attr(element, 'type'), attr(element, 'medium'));
    const type =
      declared === undefined
        ? looksLikeImageUrl(url)
          ? 'picture'
          : 'other'
        : associationType(declared);
    const width = Number(attr(element, 'width') ?? '0') || 0;
    const key = url.split('?')[0];
    const previous = byImage.get(key);
    if (previous !== undefined && previous.width >= width) continue;
    byImage.set(key, {
      width,
      association: {
        type,
        href: url,
        mimetype: attr(element, 'type'),
        description: cleanText(textContent(child(element, 'description'))),
        byline: cleanText(textContent(child(element, 'credit'))),
      },
    });
  }
  return [...byImage.values()].map((entry) => entry.association);
}
