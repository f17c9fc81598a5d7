import { WireError } from './errors';

/** Deeper than any real story; sanitize-html slows down superlinearly on deep nesting. */
export const MAX_HTML_DEPTH = 256;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
// Elements whose start tag implicitly ends an open one of the same name (HTML's optional end tags),
// so a legacy body of unclosed <p>s does not count as deep.
const IMPLIED_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'thead',
  'tbody',
  'tfoot',
]);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(\/?)>/g;

/**
 * Refuses HTML nested deeper than `MAX_HTML_DEPTH` before it reaches the sanitiser. An estimate
 * from the tags alone (optional end tags and void elements modelled, the rest ignored): linear,
 * and generous enough that real copy never comes near it.
 */
export function assertShallowHtml(html: string): void {
  const stack: string[] = [];
  for (const match of html.matchAll(TAG)) {
    const name = match[2].toLowerCase();
    if (match[1] === '/') {
      const open = stack.lastIndexOf(name);
      if (open >= 0) stack.length = open;
      continue;
    }
    if (match[3] === '/' || VOID.has(name)) continue;
    if (IMPLIED_END.has(name) && stack[stack.length - 1] === name) stack.pop();
    stack.push(name);
    if (stack.length > MAX_HTML_DEPTH) {
      throw new WireError(
        'WIRE.INVALID_SHAPE',
        `HTML nested deeper than ${MAX_HTML_DEPTH} elements`,
        {
          field: 'body_html',
        },
      );
    }
  }
}
