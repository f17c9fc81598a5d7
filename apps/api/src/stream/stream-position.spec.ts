import { comparePositions, encodeEventId, parseStreamPosition } from './stream-position';

describe('stream positions', () => {
  it('round-trips an event id, whatever the uri contains', () => {
    const id = encodeEventId({ at: 1714564800123, uri: 'tag:reuters.com,2024:newsml_L1N/ABC?x=1' });
    expect(id).toMatch(/^1714564800123_[A-Za-z0-9_-]+$/);
    expect(parseStreamPosition(id)).toEqual({
      at: 1714564800123,
      uri: 'tag:reuters.com,2024:newsml_L1N/ABC?x=1',
    });
  });

  it('reads an ISO date-time as the end of that moment', () => {
    expect(parseStreamPosition('2024-05-01T12:00:00Z')).toEqual({
      at: Date.parse('2024-05-01T12:00:00Z'),
      uri: null,
    });
  });

  it.each(['yesterday', '2024-05-01', '12_', 'abc_def!', ''])('rejects %j', (raw) => {
    expect(parseStreamPosition(raw)).toBeNull();
  });

  it('orders by time, then uri, with "end of millisecond" last', () => {
    expect(comparePositions({ at: 1, uri: 'b' }, { at: 2, uri: 'a' })).toBeLessThan(0);
    expect(comparePositions({ at: 1, uri: 'a' }, { at: 1, uri: 'b' })).toBeLessThan(0);
    expect(comparePositions({ at: 1, uri: 'z' }, { at: 1, uri: null })).toBeLessThan(0);
    expect(comparePositions({ at: 1, uri: null }, { at: 1, uri: null })).toBe(0);
  });
});
