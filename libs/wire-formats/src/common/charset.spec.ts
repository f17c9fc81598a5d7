import iconv from 'iconv-lite';
import { parseWire, WireError } from '@lib/wire-formats';
import { decodeBytes, firstInvalidUtf8Offset } from './charset';

const HEADLINE = 'Zürich: „Café“ – naïve façade € 5';

function nitf(encodingDeclaration: string | undefined, headline = HEADLINE): string {
  const declaration =
    encodingDeclaration === undefined
      ? ''
      : `<?xml version="1.0" encoding="${encodingDeclaration}"?>\n`;
  return `${declaration}<nitf><head><docdata><doc-id id-string="x1" regsrc="AP"/><date.issue norm="20240101T000000Z"/></docdata></head>
<body><body.head><hedline><hl1>${headline}</hl1></hedline></body.head><body.content><p>Text</p></body.content></body></nitf>`;
}

const headlineOf = (bytes: Buffer, contentType?: string) =>
  parseWire(bytes, { contentType }).stories[0].headline;

describe('charset handling', () => {
  it('reads UTF-8 with a byte-order mark', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(nitf('UTF-8'), 'utf8'),
    ]);
    expect(headlineOf(bytes)).toBe(HEADLINE);
  });

  it('reads UTF-8 without declaration or byte-order mark', () => {
    expect(headlineOf(Buffer.from(nitf(undefined), 'utf8'))).toBe(HEADLINE);
  });

  it('reads declared ISO-8859-1 as Windows-1252, as old wires mean it', () => {
    const headline = 'Zürich: “Café” – naïve';
    const bytes = iconv.encode(nitf('ISO-8859-1', headline), 'windows-1252');
    expect(bytes.includes(0x93)).toBe(true); // a cp1252 curly quote, a C1 control in true Latin-1
    expect(headlineOf(bytes)).toBe(headline);
  });

  it('reads declared Windows-1252', () => {
    expect(headlineOf(iconv.encode(nitf('windows-1252'), 'windows-1252'))).toBe(HEADLINE);
  });

  it('detects undeclared legacy bytes that are not UTF-8', () => {
    const bytes = iconv.encode(
      nitf(undefined, 'Zürich, Köln und Düsseldorf – Straßenbahn für alle Bürger'),
      'windows-1252',
    );
    expect(headlineOf(bytes)).toBe('Zürich, Köln und Düsseldorf – Straßenbahn für alle Bürger');
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(nitf('UTF-16'), 'utf-16le'),
    ]);
    expect(headlineOf(bytes)).toBe(HEADLINE);
  });

  it('lets the transport charset win over the XML declaration (RFC 7303)', () => {
    const bytes = iconv.encode(nitf('UTF-8'), 'windows-1252');
    expect(headlineOf(bytes, 'application/nitf+xml; charset=windows-1252')).toBe(HEADLINE);
  });

  it('refuses bytes that break their declared UTF-8, naming the line', () => {
    const bytes = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="utf-8"?>\n<nitf>\n'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('</nitf>'),
    ]);
    expect(() => parseWire(bytes)).toThrow(WireError);
    expect(() => parseWire(bytes)).toThrow(
      expect.objectContaining({ code: 'WIRE.CHARSET', line: 3, format: 'nitf' }) as Error,
    );
  });

  it('refuses an unknown declared charset', () => {
    const bytes = Buffer.from(nitf('x-klingon'));
    expect(() => parseWire(bytes)).toThrow(
      expect.objectContaining({ code: 'WIRE.CHARSET' }) as Error,
    );
    expect(() => parseWire(bytes)).toThrow(/unsupported charset 'x-klingon'/);
  });

  it('refuses JSON that is not UTF-8', () => {
    const bytes = iconv.encode('{"uri":"urn:x","headline":"Café"}', 'windows-1252');
    expect(() => parseWire(bytes)).toThrow(
      expect.objectContaining({ code: 'WIRE.CHARSET', format: 'ninjs' }) as Error,
    );
  });

  it.each([
    ['overlong encoding', [0xc0, 0xaf], 0],
    ['a surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['a cut sequence', [0x61, 0x62, 0xe2, 0x82], 2],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('finds invalid UTF-8: %s', (_case, bytes, offset) => {
    expect(firstInvalidUtf8Offset(Uint8Array.from(bytes))).toBe(offset);
  });

  it('accepts valid multi-byte UTF-8', () => {
    expect(firstInvalidUtf8Offset(Buffer.from('€ 𝄞 ü', 'utf8'))).toBeUndefined();
    expect(decodeBytes(Buffer.from('€ 𝄞 ü', 'utf8')).encoding).toBe('utf-8');
  });
});
