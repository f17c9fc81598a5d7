import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWire } from '@lib/wire-formats';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../test/fixtures/wire/nitf', name));
const parse = (bytes: Buffer | string) =>
  parseWire(typeof bytes === 'string' ? Buffer.from(bytes) : bytes);

describe('NITF parser', () => {
  it('reads the AAP document: doc-id, tobject subjects, dateline city (aap-nitf.xml)', () => {
    const { format, stories } = parse(fixture('aap-nitf.xml'));
    expect(format).toBe('nitf');
    const [story] = stories;
    expect(story).toMatchObject({
      uri: 'urn:aap:AAP.115314987.5417374',
      // No du-key version: seconds since the epoch of date.issue.
      version: Date.parse('2013-10-20T19:27:51+11:00') / 1000,
      versioncreated: '2013-10-20T19:27:51+11:00',
      pubstatus: 'usable',
      urgency: 5,
      provider: 'AAP',
      headline: "The main stories on today's 1900 ABC TV news",
      description: "The main stories on today's 1900 ABC TV news",
      byline: 'By John Doe',
      slugline: 'Monitor 1900 ABC News',
      located: 'Sydney',
      copyrightnotice: '© 2013 Australian Associated Press',
    });
    // date.release equals date.issue: no embargo.
    expect(story.embargoed).toBeUndefined();
    expect(story.subject).toEqual([
      { code: 'subj:02003001', name: 'law enforcement', scheme: 'subj' },
      { code: 'subj:02003002', name: 'investigation', scheme: 'subj' },
    ]);
    expect(story.body_text).toMatch(
      /^The main stories on ABC television's 1900 news:\n\n1A\) More extreme weather/,
    );
    expect(story.body_text).toContain('5. The Syrian conflict report');
    expect(story.body_html).not.toContain('<p></p>');
  });

  it('derives the uri of the AP document, whose doc-id has no id-string (ap-nitf.xml)', () => {
    const [story] = parse(fixture('ap-nitf.xml')).stories;
    expect(story).toMatchObject({
      uri: 'urn:ap:nitf:2015-12-10:can-trading-pollution-like-stocks-help-fight-climate-change',
      version: Date.parse('2015-12-10T19:10:44Z') / 1000,
      versioncreated: '2015-12-10T19:10:44Z',
      provider: 'AP',
      headline: 'Can trading pollution like stocks help fight climate change?',
      byline: 'By BERNARD CONDON',
      located: 'NEW YORK',
      copyrightnotice: '© 2015 AP',
    });
    // hl2 repeats the headline, so it is no sub-headline.
    expect(story.subheadline).toBeUndefined();
    expect(story.body_text?.split('\n\n')).toHaveLength(28);
    expect(story.body_text).toMatch(/^NEW YORK \(AP\) — The gas produced by hog manure/);
  });

  it('reads the EFE document: management-status, hl2, evloc, IPTC and EFE subjects (efe_nitf.xml)', () => {
    const [story] = parse(fixture('efe_nitf.xml')).stories;
    expect(story).toMatchObject({
      uri: 'urn:efe:22751909',
      provider: 'EFE',
      versioncreated: '2017-01-02T22:28:00Z',
      pubstatus: 'usable',
      language: 'en-US',
      urgency: 5,
      headline: 'Honduran president announces Cabinet changes',
      subheadline: 'HONDURAS GOVERNMENT',
      byline: 'gr/bp',
      slugline: 'HONDURAS GOVERNMENT',
      located: 'Tegucigalpa',
      description: 'Test Abstract',
      body_text: 'Tegucigalpa, Jan 2 (EFE).- Test body.',
      copyrightnotice: '© Agencia EFE',
    });
    expect(story.subject).toEqual([
      { code: 'subj:11006005', name: 'Executive (government)', scheme: 'subj' },
      { code: 'efe:F01001000', name: 'GOVERNMENT', scheme: 'efe' },
    ]);
    expect(story.places).toEqual([{ name: 'Tegucigalpa', code: 'HND' }]);
  });

  const nitf = (docdata: string, content = '<p>Text</p>') => `<?xml version="1.0"?>
<!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.4//EN" "http://www.iptc.org/std/NITF/3.4/specification/dtd/nitf-3-4.dtd">
<nitf><head><docdata ${docdata}><doc-id regsrc="AP" id-string="abc"/><du-key key="story-key" version="4"/>
<date.issue norm="20240101T100000Z"/><date.release norm="20240101T180000Z"/></docdata></head>
<body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content>${content}</body.content></body></nitf>`;

  it('uses du-key version, honours a later release time as embargo, and reads inline entities and media', () => {
    const [story] = parse(
      nitf(
        'management-status="usable"',
        `<p>Said <person value="P1">Ada Lovelace</person> of <org>ACME</org> in <location>Paris</location>&nbsp;&eacute;t&eacute;.</p>
<media media-type="image"><media-reference source="https://example.com/a.jpg" mime-type="image/jpeg" alternate-text="A"/><media-caption>Caption</media-caption></media>`,
      ),
    ).stories;
    expect(story).toMatchObject({
      uri: 'urn:ap:abc',
      version: 4,
      embargoed: '2024-01-01T18:00:00Z',
      pubstatus: 'usable',
    });
    expect(story.people).toEqual([{ name: 'Ada Lovelace', code: 'P1' }]);
    expect(story.organisations).toEqual([{ name: 'ACME' }]);
    expect(story.places).toEqual([{ name: 'Paris' }]);
    expect(story.body_text).toContain('Said Ada Lovelace of ACME in Paris été.');
    expect(story.body_html).toContain(
      '<figure><img src="https://example.com/a.jpg" alt="A" /><figcaption>Caption</figcaption></figure>',
    );
    expect(story.associations).toEqual([
      {
        type: 'picture',
        href: 'https://example.com/a.jpg',
        mimetype: 'image/jpeg',
        description: 'Caption',
      },
    ]);
  });

  it.each([
    ['canceled', 'canceled'],
    ['withheld', 'withheld'],
    ['embargoed', 'usable'],
  ])('maps management-status %s to %s', (status, pubstatus) => {
    expect(parse(nitf(`management-status="${status}"`)).stories[0].pubstatus).toBe(pubstatus);
  });
});
