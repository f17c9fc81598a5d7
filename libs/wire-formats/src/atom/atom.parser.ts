import type { Association, Link, Subject } from '@lib/contracts';
import { calendarDay, toIsoDate } from '../common/dates';
import { WireError } from '../common/errors';
import { derivedUri, itemUri, normaliseProvider } from '../common/identity';
import { associationType } from '../common/media';
import { htmlToInlineText } from '../common/sanitize';
import type { StoryDraft } from '../common/story-draft';
import { cleanText, firstText } from '../common/text';
import type { XmlElement } from '../common/xml';
import { attr, child, children, elements, textContent } from '../common/xml';
import { innerHtml } from '../common/xml-html';
import { readXmlDocument } from '../common/xml-input';
import type { ParseContext, WireParser } from '../wire.types';

const FORMAT = 'atom';

interface FeedContext {
  provider: string;
  author?: string;
  language?: string;
  rights?: string;
}

/** Atom 1.0 (RFC 4287) feeds and single entries: one story per entry, identity from `atom:id`. */
export class AtomParser implements WireParser {
  parse(context: ParseContext): StoryDraft[] {
    const root = readXmlDocument(context);
    if (root.name !== 'feed' && root.name !== 'entry') {
      throw new WireError(
        'WIRE.INVALID_SHAPE',
        `expected <feed> or <entry>, found <${root.name}>`,
        { format: FORMAT },
      );
    }
    const feed = root.name === 'feed' ? root : undefined;
    const feedAuthor = authorName(feed);
    const feedContext: FeedContext = {
      provider:
        normaliseProvider(firstText(feedAuthor, textOf(child(feed, 'title')))) ??
        normaliseProvider(context.hints.provider) ??
        FORMAT,
      author: feedAuthor,
      language: attr(root, 'lang'),
      rights: textOf(child(feed, 'rights')),
    };
    const entries = feed ? children(feed, 'entry') : [root];
    return entries.map((entry, index) => readEntry(entry, index, feedContext));
  }
}

function readEntry(entry: XmlElement, index: number, feed: FeedContext): StoryDraft {
  const context = (field: string) => ({ format: FORMAT, field: `entry[${index}]/${field}` });
  const updated = toIsoDate(textContent(child(entry, 'updated')), context('updated'));
  const published = toIsoDate(textContent(child(entry, 'published')), context('published'));
  const versioncreated = updated ?? published;
  const title = textOf(child(entry, 'title'));
  const id = cleanText(textContent(child(entry, 'id')));
  const content = child(entry, 'content');
  const links = children(entry, 'link');

  return {
    uri:
      id !== undefined
        ? itemUri(id, feed.provider)
        : derivedUri(
            feed.provider,
            FORMAT,
            versioncreated === undefined ? undefined : calendarDay(versioncreated),
            [title],
            {
              field: `entry[${index}]/id`,
            },
          ),
    provider: feed.provider,
    firstcreated: published,
    versioncreated,
    language: firstText(attr(entry, 'lang'), feed.language),
    headline: title,
    // RFC 4287 §4.2.1: an entry without its own author inherits the feed's.
    byline: firstText(authorName(entry), feed.author),
    description: textOf(child(entry, 'summary')),
    ...readContent(content),
    subject: children(entry, 'category').flatMap((category): Subject[] => {
      const term = attr(category, 'term');
      return term === undefined
        ? []
        : [{ code: term, name: attr(category, 'label') ?? term, scheme: attr(category, 'scheme') }];
    }),
    copyrightnotice: firstText(textOf(child(entry, 'rights')), feed.rights),
    associations: links.flatMap(enclosure),
    links: links.flatMap((link): Link[] => {
      const href = attr(link, 'href');
      const rel = attr(link, 'rel') ?? 'alternate';
      return href === undefined || rel === 'enclosure'
        ? []
        : [{ href, rel, title: attr(link, 'title'), mimetype: attr(link, 'type') }];
    }),
  };
}

/** Atom text constructs (§3.1): `text`, `html` (escaped markup) or `xhtml` (a div), as one line. */
function textOf(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const type = attr(element, 'type') ?? 'text';
  if (type === 'html') return cleanText(htmlToInlineText(textContent(element) ?? ''));
  if (type === 'xhtml')
    return cleanText(htmlToInlineText(innerHtml(child(element, 'div') ?? element)));
  return cleanText(textContent(element));
}

/** `atom:content` by type; out-of-line content (`src`) has no body here. */
function readContent(content: XmlElement | undefined): { bodyHtml?: string; bodyText?: string } {
  if (!content || attr(content, 'src') !== undefined) return {};
  const type = attr(content, 'type') ?? 'text';
  if (type === 'html') return { bodyHtml: textContent(content) };
  if (type === 'xhtml') return { bodyHtml: innerHtml(child(content, 'div') ?? content) };
  if (type === 'text' || type.startsWith('text/')) return { bodyText: textContent(content) };
  return elements(content).length > 0 ? { bodyHtml: innerHtml(content) } : {};
}

function authorName(parent: XmlElement | undefined): string | undefined {
  const names = children(parent, 'author').map((author) =>
    cleanText(textContent(child(author, 'name'))),
  );
  const present = names.filter((name): name is string => name !== undefined);
  return present.length > 0 ? present.join(', ') : undefined;
}

function enclosure(link: XmlElement): Association[] {
  const href = attr(link, 'href');
  if (attr(link, 'rel') !== 'enclosure' || href === undefined) return [];
  return [
    {
      type: associationType(attr(link, 'type')),
      href,
      mimetype: attr(link, 'type'),
      headline: attr(link, 'title'),
    },
  ];
}
