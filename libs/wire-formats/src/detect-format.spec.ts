import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat, WireError } from '@lib/wire-formats';

const FIXTURES = join(__dirname, '../../../test/fixtures/wire');

/** The fixture folders are named after the format their files are in. */
const fixtures = readdirSync(FIXTURES).flatMap((folder) =>
  readdirSync(join(FIXTURES, folder)).map((file): [string, string] => [folder, join(folder, file)]),
);

describe('detectFormat', () => {
  it.each(fixtures)('recognises %s in %s from the bytes alone', (format, file) => {
    expect(detectFormat(readFileSync(join(FIXTURES, file)))).toBe(format);
  });

  it.each([
    [
      'NewsML-G2 with a prefixed root',
      '<ns0:newsMessage xmlns:ns0="http://iptc.org/std/nar/2006-10-01/"/>',
      'newsml-g2',
    ],
    [
      'a NewsML-G2 packageItem',
      '<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>',
      'newsml-g2',
    ],
    [
      'NITF after a comment and a DOCTYPE',
      '<!-- x --><!DOCTYPE nitf SYSTEM "nitf.dtd"><nitf/>',
      'nitf',
    ],
    [
      'RSS 1.0',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"/>',
      'rss',
    ],
    ['a single Atom entry', '<entry xmlns="http://www.w3.org/2005/Atom"/>', 'atom'],
    ['an AP feed page', '{"data":{"items":[]}}', 'ap-media-json'],
    ['a ninjs array', '[{"uri":"urn:x"}]', 'ninjs'],
    ['malformed AP JSON', '{"api_version": "1.1", "data": {', 'ap-media-json'],
    ['ANPA without SYN', '\u0001a1234\u001fsel\n', 'anpa-1312'],
    ['IPTC 7901 after blank lines', '\r\n\u0001abc001 4 i 100\r\n', 'iptc-7901'],
    ['UTF-16 XML with BOM', '\ufeff<nitf/>', 'nitf'],
  ])('recognises %s', (_case, text, format) => {
    const bytes = text.startsWith('\ufeff')
      ? Buffer.from(text, 'utf16le')
      : Buffer.from(text, 'latin1');
    expect(detectFormat(bytes)).toBe(format);
  });

  it('lets a format hint skip detection', () => {
    expect(detectFormat(Buffer.from('<nitf/>'), { format: 'rss' })).toBe('rss');
  });

  it('falls back to the content type, then the file name, when the bytes say nothing', () => {
    const text = Buffer.from('plain text that is no format');
    expect(
      detectFormat(text, { contentType: 'application/vnd.iptc.g2.newsitem+xml; charset=utf-8' }),
    ).toBe('newsml-g2');
    expect(detectFormat(text, { contentType: 'application/nitf+xml' })).toBe('nitf');
    expect(detectFormat(text, { filename: 'story.ANPA' })).toBe('anpa-1312');
  });

  it('trusts the bytes over a contradicting content type', () => {
    expect(
      detectFormat(Buffer.from('<rss version="2.0"/>'), { contentType: 'application/json' }),
    ).toBe('rss');
  });

  it.each([
    ['plain text', 'Hello, newsroom', 'WIRE.UNSUPPORTED_FORMAT'],
    ['an unknown XML root', '<html><body/></html>', 'WIRE.UNSUPPORTED_FORMAT'],
    ['XML cut inside its prolog', '<?xml version="1.0"?><!-- cut', 'WIRE.TRUNCATED'],
  ])('refuses %s', (_case, text, code) => {
    expect(() => detectFormat(Buffer.from(text))).toThrow(WireError);
    expect(() => detectFormat(Buffer.from(text))).toThrow(
      expect.objectContaining({ code }) as Error,
    );
  });

  it('names the unknown root element in the message', () => {
    expect(() => detectFormat(Buffer.from('<html/>'))).toThrow(/XML root element <html>/);
  });
});
