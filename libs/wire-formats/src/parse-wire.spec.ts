import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalStorySchema } from '@lib/contracts';
import { DEFAULT_MAX_BYTES, parseWire, WireError } from '@lib/wire-formats';

const FIXTURES = join(__dirname, '../../../test/fixtures/wire');
const fixtures = readdirSync(FIXTURES).flatMap((folder) =>
  readdirSync(join(FIXTURES, folder)).map((file) => join(folder, file)),
);

function errorOf(run: () => unknown): WireError {
  try {
    run();
  } catch (error) {
    if (error instanceof WireError) return error;
    throw error;
  }
  throw new Error('expected a WireError');
}

describe('parseWire', () => {
  it.each(fixtures)('parses %s into stories that satisfy the canonical schema', (file) => {
    const { stories } = parseWire(
      readFileSync(join(FIXTURES, file)),
      {},
      { receivedAt: new Date('2024-01-01T00:00:00Z') },
    );
    expect(stories.length).toBeGreaterThan(0);
    for (const story of stories) {
      expect(canonicalStorySchema.parse(story)).toEqual(story);
      expect(story.uri).not.toMatch(/\s/);
    }
  });

  it('is deterministic: the same bytes give the same stories', () => {
    for (const file of fixtures) {
      const bytes = readFileSync(join(FIXTURES, file));
      const options = { receivedAt: new Date('2024-01-01T00:00:00Z') };
      expect(parseWire(bytes, {}, options)).toEqual(parseWire(bytes, {}, options));
    }
  });

  it('refuses an empty payload', () => {
    expect(errorOf(() => parseWire(Buffer.alloc(0))).code).toBe('WIRE.EMPTY');
    expect(errorOf(() => parseWire(Buffer.from(' \r\n\t '))).code).toBe('WIRE.EMPTY');
    expect(errorOf(() => parseWire(Buffer.from([0xef, 0xbb, 0xbf, 0x0a]))).code).toBe('WIRE.EMPTY');
  });

  it('refuses a payload over the limit before reading it', () => {
    expect(DEFAULT_MAX_BYTES).toBe(5 * 1024 * 1024);
    const error = errorOf(() => parseWire(Buffer.alloc(DEFAULT_MAX_BYTES + 1, 0x20)));
    expect(error.code).toBe('WIRE.TOO_LARGE');
    expect(error.message).toMatch(/5242881 bytes, the limit is 5242880/);
    expect(errorOf(() => parseWire(Buffer.from('<rss/>'), {}, { maxBytes: 3 })).code).toBe(
      'WIRE.TOO_LARGE',
    );
  });

  it('refuses what is no wire format', () => {
    expect(errorOf(() => parseWire(Buffer.from('Dear editor, ...'))).code).toBe(
      'WIRE.UNSUPPORTED_FORMAT',
    );
  });

  it('refuses a non-Buffer input', () => {
    expect(errorOf(() => parseWire('text' as unknown as Buffer)).code).toBe('WIRE.INVALID_SHAPE');
  });

  describe('JSON errors', () => {
    const item = JSON.stringify(
      { uri: 'urn:x:1', headline: 'H', versioncreated: '2024-01-01T00:00:00Z' },
      null,
      2,
    );

    it('calls JSON that simply stops truncated', () => {
      const error = errorOf(() => parseWire(Buffer.from(item.slice(0, item.length - 10))));
      expect(error).toMatchObject({ code: 'WIRE.TRUNCATED', format: 'ninjs' });
    });

    it('locates malformed JSON by line', () => {
      const error = errorOf(() =>
        parseWire(Buffer.from('{\n  "uri": "urn:x:1",\n  "headline": oops\n}')),
      );
      expect(error).toMatchObject({ code: 'WIRE.MALFORMED_JSON', format: 'ninjs', line: 3 });
      expect(error.message).toMatch(/^ninjs, line 3: .*\(column 15\)$/);
    });

    it('calls trailing garbage malformed, not truncated', () => {
      expect(errorOf(() => parseWire(Buffer.from(`${item} }`))).code).toBe('WIRE.MALFORMED_JSON');
    });

    it('refuses JSON of the wrong shape', () => {
      expect(errorOf(() => parseWire(Buffer.from('{"hello": "world"}'))).code).toBe(
        'WIRE.INVALID_SHAPE',
      );
      expect(
        errorOf(() =>
          parseWire(Buffer.from('{"data": {"items": 5}}'), { format: 'ap-media-json' }),
        ),
      ).toMatchObject({
        code: 'WIRE.INVALID_SHAPE',
        field: 'data.items',
      });
    });

    it('handles absurdly deep nesting without a stack overflow', () => {
      const deep = `${'['.repeat(200_000)}${']'.repeat(199_999)}`;
      expect(errorOf(() => parseWire(Buffer.from(deep))).code).toBe('WIRE.TRUNCATED');
    });
  });

  it('uses receivedAt only where the format carries no date, and derives the version from it', () => {
    const fragment =
      '<contentSet><inlineXML><nitf><body><body.head><hedline><hl1>Undated</hl1></hedline></body.head></body></nitf></inlineXML></contentSet>';
    const receivedAt = new Date('2024-02-03T04:05:06Z');
    const [story] = parseWire(Buffer.from(fragment), {}, { receivedAt }).stories;
    expect(story.versioncreated).toBe('2024-02-03T04:05:06Z');
    expect(story.version).toBe(receivedAt.getTime() / 1000);
  });

  it('names the format on errors raised by shared helpers', () => {
    const json = JSON.stringify({
      uri: 'urn:x:1',
      body_html: '<b>'.repeat(300),
      versioncreated: '2024-01-01T00:00:00Z',
    });
    expect(errorOf(() => parseWire(Buffer.from(json)))).toMatchObject({
      code: 'WIRE.INVALID_SHAPE',
      format: 'ninjs',
      field: 'body_html',
    });
  });

  it('never lets a story out with markup outside the allow-list', () => {
    const json = JSON.stringify({
      uri: 'urn:x:1',
      body_html: '<p onclick="x()">Hi<script>alert(1)</script></p>',
      versioncreated: '2024-01-01T00:00:00Z',
    });
    expect(parseWire(Buffer.from(json)).stories[0].body_html).toBe('<p>Hi</p>');
  });
});
