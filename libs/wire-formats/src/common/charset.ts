import chardet from 'chardet';
import iconv from 'iconv-lite';
import { WireError } from './errors';

export interface DecodeOptions {
  /** Format name, for error messages. */
  format?: string;
  /** Charset declared inside the payload (XML declaration); the transport's wins over it. */
  declared?: string;
  /** `Content-Type` header value, whose `charset` parameter takes precedence (RFC 7303 §3). */
  contentType?: string;
}

export interface DecodedText {
  text: string;
  /** The encoding actually used, as an iconv-lite name. */
  encoding: string;
}

/**
 * WHATWG Encoding maps these labels to windows-1252: old wires that say Latin-1 routinely carry
 * cp1252 curly quotes and dashes in 0x80–0x9F, which true ISO-8859-1 would turn into C1 controls.
 */
const WINDOWS_1252_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'latin-1',
  'l1',
  'cp819',
  'ibm819',
  'us-ascii',
  'ascii',
  'ansi_x3.4-1968',
  'windows-1252',
  'cp1252',
  'x-cp1252',
]);

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/**
 * Bytes to text. A byte-order mark wins, then a declared charset (transport, then payload);
 * undeclared bytes are UTF-8 when they validate as such, otherwise detected (chardet), with
 * windows-1252 as the last resort for legacy wires.
 */
export function decodeBytes(bytes: Buffer, options: DecodeOptions = {}): DecodedText {
  const bom = readBom(bytes);
  if (bom) {
    return { text: iconv.decode(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };
  }
  const label = charsetFromContentType(options.contentType) ?? options.declared;
  if (label !== undefined) {
    return decodeDeclared(bytes, label, options.format);
  }
  if (isValidUtf8(bytes)) {
    return { text: bytes.toString('utf8'), encoding: 'utf-8' };
  }
  const encoding = detectLegacyEncoding(bytes);
  return { text: iconv.decode(bytes, encoding), encoding };
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1];
}

/** Reads `encoding="..."` from an XML declaration without decoding the document first. */
export function xmlDeclaredEncoding(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 256).toString('latin1');
  const match = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match?.[1];
}

function decodeDeclared(bytes: Buffer, label: string, format: string | undefined): DecodedText {
  const normalised = label.trim().toLowerCase();
  if (UTF8_LABELS.has(normalised)) {
    const badOffset = firstInvalidUtf8Offset(bytes);
    if (badOffset !== undefined) {
      throw new WireError(
        'WIRE.CHARSET',
        `declared UTF-8 but byte 0x${bytes[badOffset].toString(16).padStart(2, '0')} at offset ${badOffset} is not valid UTF-8`,
        { format, line: lineAt(bytes, badOffset) },
      );
    }
    return { text: bytes.toString('utf8'), encoding: 'utf-8' };
  }
  const encoding = WINDOWS_1252_LABELS.has(normalised) ? 'windows-1252' : normalised;
  if (!iconv.encodingExists(encoding)) {
    throw new WireError('WIRE.CHARSET', `unsupported charset '${label}'`, { format });
  }
  return { text: iconv.decode(bytes, encoding), encoding };
}

function readBom(bytes: Buffer): { length: number; encoding: string } | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { length: 3, encoding: 'utf-8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { length: 2, encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { length: 2, encoding: 'utf-16be' };
  return undefined;
}

/** Single-byte encodings chardet may name that we trust for wire copy. */
const LEGACY_CANDIDATES = new Set([
  'ISO-8859-1',
  'ISO-8859-2',
  'ISO-8859-5',
  'ISO-8859-7',
  'ISO-8859-9',
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'KOI8-R',
]);

function detectLegacyEncoding(bytes: Buffer): string {
  for (const match of chardet.analyse(bytes)) {
    if (LEGACY_CANDIDATES.has(match.name) && match.confidence >= 20) {
      return match.name === 'ISO-8859-1' ? 'windows-1252' : match.name.toLowerCase();
    }
  }
  return 'windows-1252';
}

export function isValidUtf8(bytes: Buffer): boolean {
  return firstInvalidUtf8Offset(bytes) === undefined;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return undefined;
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}
