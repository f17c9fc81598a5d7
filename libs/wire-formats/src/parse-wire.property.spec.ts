import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { canonicalStorySchema, WIRE_FORMATS } from '@lib/contracts';
import type { WireFormat } from '@lib/contracts';
import { parseWire, WIRE_ERROR_CODES, WireError } from '@lib/wire-formats';
import type { WireHints } from '@lib/wire-formats';

const FIXTURES = join(__dirname, '../../../test/fixtures/wire');
const fixtures = readdirSync(FIXTURES).flatMap((folder) =>
  readdirSync(join(FIXTURES, folder)).map((file) => ({
    name: `${folder}/${file}`,
    format: folder as WireFormat,
    bytes: readFileSync(join(FIXTURES, folder, file)),
  })),
);

const RECEIVED_AT = new Date('2024-01-01T00:00:00Z');
/** Generous: a healthy parse of the largest fixture takes milliseconds; a hang would take forever. */
const MAX_MILLIS_PER_PARSE = 3000;

/** Byte sequences that poke at parsers' edges: markup, entities, control framing, broken UTF-8. */
const NASTY = [
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#xD800;',
  ']]>',
  '<![CDATA[',
  '<!--',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '<?xml ',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '\\',
  '\\u',
  'null',
  '\u0000',
  '\u0001',
  '\u0002',
  '\u0003',
  '\u0004',
  '\u0016',
  '\u001f',
  '^',
  '\t',
  '\r\n',
  '\u00ff',
  'javascript:',
  '<script>',
  'urn:',
  '2024-13-45T99:99:99Z',
].map((snippet) => Buffer.from(snippet, 'latin1'));
const BROKEN_UTF8 = [
  Buffer.from([0xc3]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xef, 0xbb, 0xbf]),
];

const junk = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 24 }).map((array) => Buffer.from(array)),
  fc.constantFrom(...NASTY, ...BROKEN_UTF8),
);
// A fraction of the length from integers: fc.double spreads over float bit patterns, which puts
// nearly every position at byte 0.
const position = fc.integer({ min: 0, max: 1 << 20 }).map((n) => n / (1 << 20));

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; flips: { at: number; byte: number }[] }
  | { kind: 'insert'; at: number; junk: Buffer }
  | { kind: 'delete'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({
    kind: fc.constant('flip' as const),
    flips: fc.array(fc.record({ at: position, byte: fc.integer({ min: 0, max: 255 }) }), {
      minLength: 1,
      maxLength: 8,
    }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: position, junk }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: position,
    length: fc.integer({ min: 1, max: 64 }),
  }),
);

function mutate(bytes: Buffer, change: Mutation): Buffer {
  const index = (at: number) => Math.min(bytes.length, Math.floor(at * bytes.length));
  switch (change.kind) {
    case 'truncate':
      return bytes.subarray(0, index(change.at));
    case 'flip': {
      const copy = Buffer.from(bytes);
      for (const flip of change.flips) copy[Math.min(copy.length - 1, index(flip.at))] = flip.byte;
      return copy;
    }
    case 'insert':
      return Buffer.concat([
        bytes.subarray(0, index(change.at)),
        change.junk,
        bytes.subarray(index(change.at)),
      ]);
    case 'delete':
      return Buffer.concat([
        bytes.subarray(0, index(change.at)),
        bytes.subarray(index(change.at) + change.length),
      ]);
  }
}

/** The contract: valid stories, or a WireError with a known code; nothing else, and never slowly. */
function parsesOrRefuses(bytes: Buffer, hints: WireHints): void {
  const started = performance.now();
  try {
    const { stories } = parseWire(bytes, hints, { receivedAt: RECEIVED_AT });
    for (const story of stories) canonicalStorySchema.parse(story);
  } catch (error) {
    if (!(error instanceof WireError)) throw error;
    expect(WIRE_ERROR_CODES).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(0);
  } finally {
    expect(performance.now() - started).toBeLessThan(MAX_MILLIS_PER_PARSE);
  }
}

const fixture = fc.constantFrom(...fixtures);
const formatHint = fc.option(fc.constantFrom(...WIRE_FORMATS), { nil: undefined });

describe('parseWire on hostile input (property-based)', () => {
  jest.setTimeout(120_000);

  it('returns valid stories or a WireError for mutated fixtures, detected from the bytes', () => {
    fc.assert(
      fc.property(
        fixture,
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (source, changes) => {
          parsesOrRefuses(changes.reduce(mutate, source.bytes), {});
        },
      ),
      { numRuns: 600 },
    );
  });

  it('returns valid stories or a WireError for mutated fixtures forced through their own parser', () => {
    fc.assert(
      fc.property(fixture, mutation, (source, change) => {
        parsesOrRefuses(mutate(source.bytes, change), { format: source.format });
      }),
      { numRuns: 400 },
    );
  });

  it('returns valid stories or a WireError when any parser is handed any fixture', () => {
    fc.assert(
      fc.property(fixture, fc.constantFrom(...WIRE_FORMATS), (source, format) => {
        parsesOrRefuses(source.bytes, { format });
      }),
      { numRuns: 200 },
    );
  });

  it('returns valid stories or a WireError for random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), formatHint, (array, format) => {
        parsesOrRefuses(Buffer.from(array), { format });
      }),
      { numRuns: 400 },
    );
  });

  it('returns valid stories or a WireError for random JSON values', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.constantFrom<WireFormat>('ninjs', 'ap-media-json'),
        (value, format) => {
          parsesOrRefuses(Buffer.from(JSON.stringify(value) ?? 'null'), { format });
        },
      ),
      { numRuns: 400 },
    );
  });
});
