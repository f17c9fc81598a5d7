import { escapeHtml } from './entities';
import type { XmlElement, XmlNode } from './xml';
import { attr, child, children, textContent } from './xml';

/** NITF body markup with an HTML equivalent; `null` unwraps the element and keeps its content. */
const RENAMES: Readonly<Record<string, string | null>> = {
  hl1: 'h2',
  hl2: 'h2',
  bq: 'blockquote',
  block: null,
  'body.content': null,
  credit: null,
};

const VOID = new Set(['br', 'img', 'hr']);

/**
 * Serialises the children of an XHTML or NITF element to HTML for the sanitiser. The markup is
 * not trusted here; `sanitizeBody` decides what survives.
 */
export function innerHtml(element: XmlElement): string {
  const out: string[] = [];
  const stack: (XmlNode | string)[] = [...element.children].reverse();
  while (stack.length > 0) {
    const item = stack.pop() as XmlNode | string;
    if (typeof item === 'string') {
      out.push(item);
    } else if (item.kind === 'text') {
      out.push(escapeHtml(item.text));
    } else if (item.name === 'media') {
      out.push(nitfMediaHtml(item));
    } else {
      const renamed = item.name in RENAMES ? RENAMES[item.name] : item.name;
      if (renamed === null) {
        for (let i = item.children.length - 1; i >= 0; i -= 1) stack.push(item.children[i]);
        continue;
      }
      const attributes = Object.entries(item.attrs)
        .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
        .join('');
      if (VOID.has(renamed)) {
        out.push(`<${renamed}${attributes} />`);
        continue;
      }
      out.push(`<${renamed}${attributes}>`);
      stack.push(`</${renamed}>`);
      for (let i = item.children.length - 1; i >= 0; i -= 1) stack.push(item.children[i]);
    }
  }
  return out.join('');
}

/** NITF `<media>` (a picture inside the body) as a figure. */
function nitfMediaHtml(media: XmlElement): string {
  const reference = child(media, 'media-reference');
  const source = attr(reference, 'source');
  if (!source) return '';
  const alt = attr(reference, 'alternate-text') ?? '';
  const caption = children(media, 'media-caption')
    .map((caption) => textContent(caption) ?? '')
    .join(' ')
    .trim();
  const figcaption = caption === '' ? '' : `<figcaption>${escapeHtml(caption)}</figcaption>`;
  return `<figure><img src="${escapeHtml(source)}" alt="${escapeHtml(alt)}" />${figcaption}</figure>`;
}
