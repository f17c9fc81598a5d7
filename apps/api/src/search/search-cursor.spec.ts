import { decodeCursor, encodeCursor, queryFingerprint, type SearchCursor } from './search-cursor';
import { InvalidCursorError } from './search.errors';

const cursor: SearchCursor = {
  v: 1,
  pit: 'abc==',
  origin: '2024-05-01T12:00:00.000Z',
  query: queryFingerprint({ q: 'oil' }),
  after: [1.5, 1714564800000, 'urn:a'],
};

describe('search cursor', () => {
  it('round-trips through an opaque url-safe string', () => {
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['json that is no cursor', Buffer.from('{"v":1}').toString('base64url')],
    ['both positions', encodeCursor({ ...cursor, offset: 20 })],
    ['no position', encodeCursor({ ...cursor, after: undefined })],
  ])('rejects %s', (_, raw) => {
    expect(() => decodeCursor(raw)).toThrow(InvalidCursorError);
  });

  it('fingerprints different queries differently', () => {
    expect(queryFingerprint({ q: 'oil' })).not.toBe(queryFingerprint({ q: 'gas' }));
    expect(queryFingerprint({ q: 'oil' })).toBe(queryFingerprint({ q: 'oil' }));
  });
});
