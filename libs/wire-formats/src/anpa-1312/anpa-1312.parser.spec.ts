import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWire, WireError } from '@lib/wire-formats';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../test/fixtures/wire/anpa-1312', name));
const parse = (bytes: Buffer | string) =>
  parseWire(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);

/** A minimal AP ANPA-1312 take: SYN SYN SOH header, STX text, ETX trailer, EOT. */
function anpa(keywordLine: string, headline: string, trailer: string, priority = 'u'): string {
  return (
    `\u0016\u0016\u0001a1234\u001fselect\n${priority} a\u0013\u0011 BC-Storm-Coast           01-05 0120\n` +
    `\u0002^${keywordLine}<\n^${headline}<\n^By JANE ROE=\n^Associated Press Writer=\n` +
    `\tMIAMI (AP) _ A storm hit the coast.\n\tMore text.\n\t   \u0003${trailer}<\n\u0004`
  );
}

describe('ANPA-1312 parser', () => {
  it('reads the AP lifestyle feature (anpa-1.tst)', () => {
    const { format, stories } = parse(fixture('anpa-1.tst'));
    expect(format).toBe('anpa-1312');
    const [story] = stories;
    expect(story).toMatchObject({
      uri: 'urn:ap:anpa-1312:2013-11-13:lt-argentina-cancer-beauty',
      version: Date.parse('2013-11-13T15:09:00Z') / 1000,
      versioncreated: '2013-11-13T15:09:00Z',
      pubstatus: 'usable',
      provider: 'AP',
      // Priority code f is a flash in AP's coding (AP Stylebook, "Filing the wire").
      urgency: 1,
      headline: 'For Argentine chemo patients, mirrors can hurt',
      byline: 'By PAUL BYRNE and ALMUDENA CALATRAVA',
      slugline: 'BC-LT--Argentina-Cancer Beauty',
      located: 'BUENOS AIRES, Argentina',
    });
    expect(story.description).toBeUndefined();
    expect(story.subject).toEqual([{ code: 'l', scheme: 'anpa-category' }]);
    expect(story.body_text?.split('\n\n')).toHaveLength(15);
    expect(story.body_text).toMatch(
      /^BUENOS AIRES, Argentina \(AP\) _ For cancer patients dealing with/,
    );
    expect(story.body_text).toMatch(
      /APTN contributor Kacey Cherry in Buenos Aires helped with this story\.$/,
    );
  });

  it('reads the AP writethru with CRLF lines and its summary (ap_anpa-1.tst)', () => {
    const [story] = parse(fixture('ap_anpa-1.tst')).stories;
    expect(story).toMatchObject({
      uri: 'urn:ap:anpa-1312:2016-02-20:bkn-heat-hawks',
      versioncreated: '2016-02-20T03:37:00Z',
      urgency: 5,
      headline: 'Deng has 30 points, short-handed Heat beat Hawks 115-111',
      byline: 'By CHARLES ODUM',
      slugline: 'BC-BKN--Heat-Hawks',
      located: 'ATLANTA',
      pubstatus: 'usable',
    });
    expect(story.description).toMatch(/^Luol Deng scored 30 points and Josh McRoberts had 19/);
    expect(story.subject).toEqual([{ code: 'z', scheme: 'anpa-category' }]);
    expect(story.body_text).toContain('Hawks: Host Milwaukee on Saturday night.');
    expect(story.body_text).not.toMatch(/[\r^]/);
    expect(story.body_text).not.toContain(String.fromCharCode(3));
  });

  it('gives a later writethru of the same story the same uri and a higher version', () => {
    const first = parse(anpa('BC-Storm-Coast,120', 'Storm hits coast', 'AP-NY-01-05-24 1000GMT'))
      .stories[0];
    const update = parse(
      anpa('BC-Storm-Coast, 1st Ld-Writethru,180', 'Storm batters coast', 'AP-NY-01-05-24 1230GMT'),
    ).stories[0];
    expect(update.uri).toBe(first.uri);
    expect(first.uri).toBe('urn:ap:anpa-1312:2024-01-05:storm-coast');
    expect(update.version).toBeGreaterThan(first.version);
    expect(first.urgency).toBe(3);
  });

  it('maps a kill to canceled', () => {
    const [story] = parse(
      anpa('BC-Storm-Coast, Kill,20', 'KILL Storm hits coast', 'AP-NY-01-05-24 1300GMT', 'b'),
    ).stories;
    expect(story.pubstatus).toBe('canceled');
    expect(story.urgency).toBe(2);
  });

  it('takes the story year from the previous year when a December story moves in January', () => {
    const december = anpa('BC-Storm-Coast,1', 'H', 'AP-NY-01-01-25 0010GMT').replace(
      '01-05 0120',
      '12-31 0120',
    );
    expect(parse(december).stories[0].uri).toBe('urn:ap:anpa-1312:2024-12-31:storm-coast');
  });

  it.each([
    ['no ETX', (text: string) => text.slice(0, text.indexOf('\u0003')), 'WIRE.TRUNCATED'],
    ['no STX', (text: string) => text.slice(0, text.indexOf('\u0002')), 'WIRE.TRUNCATED'],
  ])('refuses a take with %s', (_case, cut, code) => {
    const text = cut(anpa('BC-Storm-Coast,1', 'H', 'AP-NY-01-05-24 1000GMT'));
    expect(() => parse(text)).toThrow(WireError);
    expect(() => parse(text)).toThrow(
      expect.objectContaining({ code, format: 'anpa-1312' }) as Error,
    );
  });
});
