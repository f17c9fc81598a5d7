import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parseWire, WireError } from '@lib/wire-formats';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../test/fixtures/wire/iptc-7901', name));

describe('IPTC 7901 parser', () => {
  it('reads the dpa story: header, keyword, headline, body without the editors-only notes (IPTC7901.txt)', () => {
    const { format, stories } = parseWire(fixture('IPTC7901.txt'));
    expect(format).toBe('iptc-7901');
    const [story] = stories;
    expect(story).toMatchObject({
      uri: 'urn:dpa:iptc-7901:2013-11-13:germany-politics',
      // "131137 GMT Nov 13": day 13, 11:37 GMT, November 2013.
      versioncreated: '2013-11-13T11:37:00Z',
      version: Date.parse('2013-11-13T11:37:00Z') / 1000,
      provider: 'dpa',
      urgency: 4,
      headline: 'Germany Social Democrats: Coalition talks with Merkel could fail',
      slugline: 'Germany-politics',
      located: 'Berlin',
      pubstatus: 'usable',
    });
    expect(story.subject).toEqual([{ code: 'i', scheme: 'iptc7901-category' }]);
    expect(story.body_text?.split('\n\n')).toHaveLength(5);
    expect(story.body_text).toMatch(
      /^Berlin \(dpa\) - Negotiations between German conservatives headed by Chancellor Angela Merkel/,
    );
    expect(story.body_text).toMatch(/to be sworn in for a third term before Christmas\.$/);
    expect(story.body_text).not.toContain('not for publication');
    expect(story.body_text).not.toContain('NOTEBOOK');
  });

  const take = (body: string, trailer = '051430 GMT Jan 24') =>
    `\u0001abc123 2 w 0050 dpa\r\n\r\nBrief-Keyword/\r\n\u0002Überschrift =\r\n\r\n   München (dpa) - ${body}\r\n\r\n\u0003${trailer}\r\n\u0004`;

  it('decodes undeclared Latin-1 / Windows-1252 wire copy', () => {
    const bytes = iconv.encode(
      take('Die Stra\u00dfe ist gesperrt \u2013 \u201eso\u201c.'),
      'windows-1252',
    );
    const [story] = parseWire(bytes).stories;
    expect(story.headline).toBe('Überschrift');
    expect(story.located).toBe('München');
    expect(story.body_text).toBe('München (dpa) - Die Straße ist gesperrt – „so“.');
    expect(story.versioncreated).toBe('2024-01-05T14:30:00Z');
    expect(story.urgency).toBe(2);
  });

  it('refuses a take whose ETX never comes', () => {
    const bytes = Buffer.from(take('text').split('\u0003')[0], 'latin1');
    expect(() => parseWire(bytes)).toThrow(
      expect.objectContaining({ code: 'WIRE.TRUNCATED', format: 'iptc-7901' }) as Error,
    );
  });

  it('refuses a transmission time in an unknown zone rather than guessing', () => {
    const bytes = Buffer.from(take('text', '051430 XYZ Jan 24'), 'latin1');
    expect(() => parseWire(bytes)).toThrow(WireError);
    expect(() => parseWire(bytes)).toThrow(/field trailer/);
  });
});
