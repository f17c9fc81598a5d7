import sanitizeHtml from 'sanitize-html';
import { decodeEntities, escapeHtml } from './entities';
import { assertShallowHtml } from './html-depth';
import { splitParagraphs, stripControlChars } from './text';

const ALLOWED_TAGS = [
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
  'strong',
  'em',
  'b',
  'i',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'figure',
  'figcaption',
  'img',
];

/** Dropped with everything inside them, not just unwrapped. */
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'select',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'template',
  'head',
  'title',
  'xml',
  'button',
];

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href'],
    img: ['src', 'alt'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: DROPPED_WITH_CONTENT,
  transformTags: { h1: 'h2', div: 'p', section: 'p', article: 'p', pre: 'p' },
  exclusiveFilter: (frame) =>
    (frame.tag === 'img' && !frame.attribs.src) ||
    (frame.tag === 'p' && frame.text.trim() === '' && frame.mediaChildren.length === 0),
};

// Some feeds escape twice (`&amp;#39;` for an apostrophe); after one decode the text shows `&#39;`.
const DOUBLE_ESCAPED = /&amp;(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|quot|apos|amp|lt|gt|nbsp);/g;

/** Body HTML through the allow-list: no script, style, event handlers or non-http(s)/mailto URLs. */
export function sanitizeBody(html: string): string {
  assertShallowHtml(html);
  const repaired = stripControlChars(html).replace(DOUBLE_ESCAPED, '&$1;');
  return sanitizeHtml(repaired, SANITIZE_OPTIONS).trim();
}

const BLOCK_TAG =
  /<\/?(?:p|h[2-6]|ul|ol|li|blockquote|table|caption|thead|tbody|tfoot|tr|figure|figcaption)\b[^>]*>/gi;

/**
 * Plain text of sanitised HTML: paragraphs separated by a blank line, `<br>` kept as a line break.
 * Runs only on `sanitizeBody` output, whose markup is regular enough for these patterns.
 */
export function htmlToText(sanitized: string): string {
  const marked = sanitized
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/t[dh]>/gi, ' ')
    .replace(BLOCK_TAG, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(marked)
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Any string (e.g. an HTML abstract) as one line of text. */
export function htmlToInlineText(html: string): string {
  return htmlToText(sanitizeBody(html)).replace(/\s+/g, ' ').trim();
}

/** Plain-text copy as HTML paragraphs; line breaks inside a paragraph become `<br>`. */
export function textToHtml(text: string): string {
  return splitParagraphs(text)
    .map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br />')}</p>`)
    .join('');
}

/** Plain-text copy normalised the same way `htmlToText` shapes HTML bodies. */
export function normaliseBodyText(text: string): string {
  return splitParagraphs(text).join('\n\n');
}
