import type { Association } from '@lib/contracts';
import { associationType } from '../common/media';
import { hasUriScheme } from '../common/identity';
import type { XmlElement } from '../common/xml';
import { attr, child, elements, firstDescendant, textContent } from '../common/xml';
import { innerHtml } from '../common/xml-html';
import type { NitfContent } from '../nitf/nitf-content.reader';
import { readNitfContent } from '../nitf/nitf-content.reader';

export interface G2Content {
  bodyHtml?: string;
  bodyText?: string;
  /** Set when the body was inline NITF, whose head also carries headline/byline/abstract. */
  nitf?: NitfContent;
  associations: Association[];
}

const MEDIA_TYPES = new Set<Association['type']>(['picture', 'video', 'audio', 'graphic']);

/**
 * The first text rendition in `contentSet`: inline NITF, inline XHTML, or `inlineData`
 * (plain text, or HTML sent as text as ANSA does). Remote media renditions become associations.
 */
export function readG2Content(contentSet: XmlElement | undefined): G2Content {
  const result: G2Content = { associations: [] };
  for (const rendition of elements(contentSet)) {
    if (rendition.name === 'remoteContent') {
      const association = remoteAssociation(rendition);
      if (association) result.associations.push(association);
    } else if (result.bodyHtml === undefined && result.bodyText === undefined) {
      Object.assign(result, readInline(rendition));
    }
  }
  return result;
}

function readInline(rendition: XmlElement): Partial<G2Content> {
  if (rendition.name === 'inlineXML') {
    const nitf = firstDescendant(rendition, 'nitf');
    if (nitf) {
      const content = readNitfContent(nitf);
      return { nitf: content, bodyHtml: content.bodyHtml };
    }
    const body =
      firstDescendant(rendition, 'body') ?? firstDescendant(rendition, 'html') ?? rendition;
    return elements(body).length > 0 || (textContent(body) ?? '').trim() !== ''
      ? { bodyHtml: innerHtml(body) }
      : {};
  }
  if (rendition.name === 'inlineData') {
    const text = textContent(rendition) ?? '';
    if (text.trim() === '') return {};
    const isHtml =
      /html/i.test(attr(rendition, 'contenttype') ?? '') ||
      /<\/?(?:p|br|div|h[1-6])\b[^>]*>/i.test(text);
    return isHtml ? { bodyHtml: text } : { bodyText: text };
  }
  return {};
}

function remoteAssociation(remote: XmlElement): Association | undefined {
  const type = associationType(attr(remote, 'contenttype'));
  const reference = attr(remote, 'href') ?? attr(remote, 'residref');
  if (!MEDIA_TYPES.has(type) || reference === undefined) return undefined;
  const isUrl = /^https?:/i.test(reference);
  return {
    type,
    href: isUrl ? reference : undefined,
    uri: isUrl || !hasUriScheme(reference) ? attr(remote, 'residref') : reference,
    mimetype: attr(remote, 'contenttype'),
    headline: textContent(child(remote, 'title')),
  };
}
