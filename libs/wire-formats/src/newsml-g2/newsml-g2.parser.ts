import { WireError } from '../common/errors';
import type { StoryDraft } from '../common/story-draft';
import type { XmlElement } from '../common/xml';
import { child, elements } from '../common/xml';
import { readXmlDocument } from '../common/xml-input';
import type { ParseContext, WireParser } from '../wire.types';
import type { G2MessageContext } from './g2-item.reader';
import { readG2NewsItem, readG2PackageItem } from './g2-item.reader';

const FORMAT = 'newsml-g2';

/**
 * NewsML-G2 `newsMessage`, `newsItem`, `packageItem` (and the bare `contentSet` fragment):
 * one story per text newsItem and per packageItem; picture/video/graphic items and empty
 * placeholders are skipped (they reach readers through the package that references them).
 */
export class NewsmlG2Parser implements WireParser {
  parse(context: ParseContext): StoryDraft[] {
    const root = readXmlDocument(context);
    const message =
      root.name === 'newsMessage'
        ? readHeader(root, context.hints.provider)
        : baseContext(context.hints.provider);
    const items = root.name === 'newsMessage' ? elements(child(root, 'itemSet')) : [root];
    return items.flatMap((item) => readItem(item, message));
  }
}

function readItem(item: XmlElement, message: G2MessageContext): StoryDraft[] {
  switch (item.name) {
    case 'newsItem':
      return readG2NewsItem(item, message);
    case 'packageItem':
      return readG2PackageItem(item, message);
    case 'contentSet':
      // The IPTC guidelines' fragment listing: an item reduced to its content.
      return readG2NewsItem(
        { kind: 'element', name: 'newsItem', attrs: {}, children: [item] },
        message,
      );
    default:
      if (message.isMessage) return []; // knowledgeItem, conceptItem, planningItem: not stories
      throw new WireError('WIRE.INVALID_SHAPE', `<${item.name}> is not a NewsML-G2 news item`, {
        format: FORMAT,
      });
  }
}

function baseContext(hintedProvider: string | undefined): G2MessageContext {
  return { isMessage: false, hintedProvider };
}

function readHeader(message: XmlElement, hintedProvider: string | undefined): G2MessageContext {
  const header = child(message, 'header');
  return {
    isMessage: true,
    hintedProvider,
    sender: textOf(child(header, 'sender')),
    sent: textOf(child(header, 'sent')),
  };
}

function textOf(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const text = element.children
    .map((node) => (node.kind === 'text' ? node.text : ''))
    .join('')
    .trim();
  return text === '' ? undefined : text;
}
