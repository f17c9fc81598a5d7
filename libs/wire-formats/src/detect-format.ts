import { WIRE_FORMATS } from '@lib/contracts';
import type { WireFormat } from '@lib/contracts';
import iconv from 'iconv-lite';
import { WireError } from './common/errors';
import { isRecord } from './common/json';
import { scanXmlRoot } from './common/xml-root';
import type { WireHints } from './wire.types';

type Sniff =
  | { kind: 'format'; format: WireFormat }
  | { kind: 'unknown'; what: string }
  | { kind: 'truncated-xml' };

const SNIFF_BYTES = 64 * 1024;

/** NewsML-G2 roots; a bare `contentSet` is the fragment form the IPTC guidelines show. */
const G2_ROOTS = new Set(['newsMessage', 'newsItem', 'packageItem', 'contentSet']);

const CONTENT_TYPES: readonly [RegExp, WireFormat][] = [
  [/^application\/vnd\.iptc\.g2\.[a-z]+\+xml$/, 'newsml-g2'],
  [/^application\/(?:vnd\.iptc\.)?nitf\+xml$|^text\/vnd\.iptc\.nitf$/, 'nitf'],
  [/^application\/vnd\.iptc\.newsml$/, 'newsml-1.2'],
  [/^application\/(?:vnd\.iptc\.)?ninjs\+json$/, 'ninjs'],
  [/^application\/rss\+xml$|^application\/rdf\+xml$/, 'rss'],
  [/^application\/atom\+xml$/, 'atom'],
  [/^application\/(?:x-)?anpa(?:-?1312)?$/, 'anpa-1312'],
  [/^application\/(?:x-)?iptc-?7901$/, 'iptc-7901'],
];

const EXTENSIONS: Readonly<Record<string, WireFormat>> = {
  nitf: 'nitf',
  anpa: 'anpa-1312',
  rss: 'rss',
  rdf: 'rss',
  atom: 'atom',
  ninjs: 'ninjs',
};

/**
 * Which wire format these bytes are. The bytes decide (control characters, JSON shape, XML root
 * and namespace); content type and file name only settle what the bytes leave open.
 */
export function detectFormat(bytes: Buffer, hints: WireHints = {}): WireFormat {
  if (hints.format !== undefined) {
    if (!(WIRE_FORMATS as readonly string[]).includes(hints.format)) {
      throw new WireError(
        'WIRE.UNSUPPORTED_FORMAT',
        `unknown format hint '${String(hints.format)}'`,
      );
    }
    return hints.format;
  }
  const sniffed = sniff(bytes);
  if (sniffed.kind === 'format') return sniffed.format;
  const declared = formatFromContentType(hints.contentType) ?? formatFromFilename(hints.filename);
  if (declared !== undefined) return declared;
  if (sniffed.kind === 'truncated-xml') {
    throw new WireError('WIRE.TRUNCATED', 'XML ends before its root element starts');
  }
  throw new WireError('WIRE.UNSUPPORTED_FORMAT', `not a supported wire format: ${sniffed.what}`);
}

function sniff(bytes: Buffer): Sniff {
  const head = sniffText(bytes);
  const start = firstContentIndex(head);
  if (start < 0) return { kind: 'unknown', what: 'no content' };
  const first = head[start];
  // ANPA-1312 opens with SYN SYN SOH; IPTC 7901 with SOH alone. AP also sends ANPA without the
  // SYNs, recognisable by its header: service level letter, 4-digit message number, US (0x1F).
  if (first === '\u0016') return { kind: 'format', format: 'anpa-1312' };
  if (first === '\u0001') {
    return {
      kind: 'format',
      format: hasAnpaHeader(head.slice(start, start + 7)) ? 'anpa-1312' : 'iptc-7901',
    };
  }
  if (first === '{' || first === '[') return { kind: 'format', format: jsonFormat(bytes, head) };
  if (first === '<') {
    const sniffed = xmlFormat(head.slice(start));
    // Only the head is sniffed: a prolog or root tag running past it is odd, not truncated.
    return sniffed.kind === 'truncated-xml' && bytes.length > SNIFF_BYTES
      ? {
          kind: 'unknown',
          what: `XML whose root element does not start within ${SNIFF_BYTES} bytes`,
        }
      : sniffed;
  }
  return { kind: 'unknown', what: `starts with ${JSON.stringify(head.slice(start, start + 16))}` };
}

function firstContentIndex(text: string): number {
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c !== '\u0000' && !/\s/.test(c)) return i;
  }
  return -1;
}

/** SOH, a service level letter, a 4-digit message number, US (0x1F). */
function hasAnpaHeader(head: string): boolean {
  return (
    head.length === 7 &&
    head[0] === '\u0001' &&
    /^[A-Za-z]\d{4}$/.test(head.slice(1, 6)) &&
    head[6] === '\u001f'
  );
}

/** Enough of the payload to sniff, as text; UTF-16 by BOM, otherwise byte-per-char (ASCII-safe). */
function sniffText(bytes: Buffer): string {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head[0] === 0xff && head[1] === 0xfe) return iconv.decode(head.subarray(2), 'utf-16le');
  if (head[0] === 0xfe && head[1] === 0xff) return iconv.decode(head.subarray(2), 'utf-16be');
  const withoutBom =
    head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
  return withoutBom.toString('latin1');
}

function jsonFormat(bytes: Buffer, head: string): WireFormat {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8').replace(/^\ufeff/, '')) as unknown;
  } catch {
    // Malformed: guess from the text so the parser can report the error in the right format.
    return /"api_version"\s*:|"data"\s*:\s*\{\s*"(?:items|item|query|updated|meta)"/.test(head)
      ? 'ap-media-json'
      : 'ninjs';
  }
  if (isRecord(value)) {
    const data = value.data;
    if (value.api_version !== undefined) return 'ap-media-json';
    if (isRecord(data) && (Array.isArray(data.items) || isRecord(data.item)))
      return 'ap-media-json';
  }
  return 'ninjs';
}

function xmlFormat(text: string): Sniff {
  const scan = scanXmlRoot(text);
  if (scan.kind === 'truncated') return { kind: 'truncated-xml' };
  if (scan.kind === 'none') return { kind: 'unknown', what: 'XML without a readable root element' };
  const { localName, declaredNamespaces } = scan.root;
  if (G2_ROOTS.has(localName)) return { kind: 'format', format: 'newsml-g2' };
  if (localName === 'NewsML') return { kind: 'format', format: 'newsml-1.2' };
  if (localName === 'nitf') return { kind: 'format', format: 'nitf' };
  if (localName === 'rss') return { kind: 'format', format: 'rss' };
  if (localName === 'RDF' && declaredNamespaces.includes('http://purl.org/rss/1.0/')) {
    return { kind: 'format', format: 'rss' };
  }
  if (localName === 'feed' || localName === 'entry') return { kind: 'format', format: 'atom' };
  return { kind: 'unknown', what: `XML root element <${localName}>` };
}

function formatFromContentType(contentType: string | undefined): WireFormat | undefined {
  if (contentType === undefined) return undefined;
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  return CONTENT_TYPES.find(([pattern]) => pattern.test(mediaType))?.[1];
}

function formatFromFilename(filename: string | undefined): WireFormat | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename ?? '')?.[1]?.toLowerCase();
  return extension === undefined ? undefined : EXTENSIONS[extension];
}
