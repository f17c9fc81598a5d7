import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWire, WireError } from '@lib/wire-formats';

const RECEIVED_AT = new Date('2024-05-01T12:00:00Z');
const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../test/fixtures/wire/newsml-g2', name));
const parse = (bytes: Buffer | string) =>
  parseWire(
    typeof bytes === 'string' ? Buffer.from(bytes) : bytes,
    {},
    { receivedAt: RECEIVED_AT },
  );

describe('NewsML-G2 parser', () => {
  it('reads every text item of an AP newsMessage (ap.xml)', () => {
    const { format, stories } = parse(fixture('ap.xml'));
    expect(format).toBe('newsml-g2');
    expect(stories.map((story) => [story.uri, story.version])).toEqual([
      ['tag:ap.org,2011:5e565888b587889c5c8bd62b6164118c-text', 2],
      ['tag:ap.org,2011:b6d5d4eb781939b5fe8722f3fba28ee2-text', 2],
      ['tag:ap.org,2011:4db5f9c37aac8924db872ba5a7e287e6-text', 1],
    ]);
    const [nutrisystem, diamondRock, scripps] = stories;
    expect(nutrisystem).toMatchObject({
      headline: 'Nutrisystem beats 4Q earnings and revenue expectations',
      slugline: 'BC-US--Earns-Nutrisystem, 1st Ld-Writethru',
      located: 'FORT WASHINGTON, Pa.',
      versioncreated: '2018-02-26T21:20:34Z',
      firstcreated: '2018-02-26T21:20:36Z',
      pubstatus: 'usable',
      language: 'en',
      urgency: 4,
      provider: 'Automated Insights',
      copyrightnotice: 'Automated Insights',
    });
    expect(nutrisystem.subject).toHaveLength(7);
    expect(nutrisystem.subject[0]).toEqual({
      code: 'apcategorycode:f',
      name: 'f',
      scheme: 'apcategorycode',
    });
    expect(nutrisystem.organisations).toEqual([
      {
        name: 'NutriSystem Inc',
        code: 'apcompany:792af22b8f0b4133ba38fcf117561e66',
        scheme: 'apcompany',
      },
    ]);
    expect(nutrisystem.body_html).toContain(
      '<a href="https://www.zacks.com/ap/NTRI">Zacks stock report on NTRI</a>',
    );
    expect(nutrisystem.body_text?.split('\n\n')).toHaveLength(10);
    expect(diamondRock.places.map((place) => place.name)).toEqual([
      'Maryland',
      'United States',
      'North America',
      'North Carolina',
    ]);
    expect(scripps.body_text).toContain(
      "while the Standard & Poor's 500 index has risen 4 percent",
    );
    expect(scripps.located).toBe('KNOXVILLE, Tenn.');
  });

  it('reads the IPTC news item with embargo and see-also link (LISTING 1)', () => {
    const [story] = parse(fixture('iptc-LISTING_1_A_NewsML-G2_News_Item.xml')).stories;
    expect(story).toMatchObject({
      uri: 'urn:newsml:acmenews.com:20161018:US-FINANCE-FED',
      version: 11,
      versioncreated: '2018-10-21T16:25:32-05:00',
      firstcreated: '2016-10-18T13:12:21-05:00',
      embargoed: '2018-10-23T12:00:00Z',
      pubstatus: 'usable',
      language: 'en-GB',
      headline: 'Fed to halt QE to avert "bubble"',
      slugline: 'US-Finance-Fed',
      located: 'Berlin',
      byline: 'Meredith Jameson',
      provider: 'Reuters',
      copyrightnotice: 'Copyright 2017-18 Example Enews LLP, all rights reserved',
    });
    expect(story.subject.map((subject) => subject.code)).toEqual([
      'medtop:04000000',
      'medtop:20000523',
    ]);
    expect(story.subject[1]).toEqual({
      code: 'medtop:20000523',
      name: 'labour market',
      scheme: 'medtop',
    });
    expect(story.links).toEqual([
      {
        href: 'http://www.example.com/video/20081222-PNN-1517-407624/index.html',
        rel: 'irel:seeAlso',
      },
    ]);
    // Its inlineXML holds only comments: there is no body to invent.
    expect(story.body_html).toBeUndefined();
  });

  it('reads inline NITF and its byline (LISTING 2)', () => {
    const [story] = parse(fixture('iptc-LISTING_2_NewsML-G2_Text_Document.xml')).stories;
    expect(story).toMatchObject({
      uri: 'urn:newsml:acmenews.com:20161121:US-FINANCE-FED',
      version: 11,
      versioncreated: '2018-11-21T16:25:32-05:00',
      firstcreated: '2016-11-21T15:21:06-05:00',
      language: 'en-US',
      headline: 'Fed to halt QE to avert "bubble"',
      byline: 'By Meredith Jameson',
      located: 'New York, NY',
      provider: 'acmenews.com',
      copyrightnotice: 'Copyright 2017-18 Acme News and Media LLC',
    });
    expect(story.subject.map((subject) => subject.code)).toEqual([
      'medtop:04000000',
      'medtop:20000350',
      'medtop:20000379',
    ]);
    expect(story.body_text?.split('\n\n')).toHaveLength(2);
    expect(story.body_text).toMatch(
      /^\(New York, NY - October 21\) Et, sent luptat luptat, commy Nim zzriureet/,
    );
  });

  it('turns a package into a story whose associations are its item refs (LISTING 6)', () => {
    const [story] = parse(fixture('iptc-LISTING_6_Simple_NewsML-G2_Package.xml')).stories;
    expect(story).toMatchObject({
      uri: 'tag:example.com,2008:UK-NEWS-TOPTEN:UK20081220098658',
      version: 11,
      headline: 'UK',
      provider: 'AcmeNews',
      versioncreated: '2018-11-17T12:30:00Z',
      firstcreated: '2008-12-20T12:25:35Z',
    });
    expect(story.body_html).toBeUndefined();
    expect(
      story.associations.map((association) => [
        association.type,
        association.uri,
        association.headline,
      ]),
    ).toEqual([
      ['text', 'urn:newsml:iptc.org:20081007:tutorial-item-A', 'Obama annonce son équipe'],
      [
        'picture',
        'urn:newsml:iptc.org:20081007:tutorial—item-B',
        'Barack Obama arrive à Washington',
      ],
    ]);
    expect(story.associations[1].description).toBe(
      "Si nous avons aujourd'hui un afro-américain et une femme dans la course à la présidence.",
    );
  });

  it('derives a uri for a package without guid and skips the empty placeholder items (LISTING 24)', () => {
    const { stories } = parse(
      fixture('iptc-LISTING_24_News_Message_conveying_a_complete_News_Package.xml'),
    );
    expect(stories).toHaveLength(1);
    expect(stories[0]).toMatchObject({
      uri: 'urn:reuters:newsml-g2:2018-10-19:n1-n2-n3-n4',
      provider: 'Reuters',
      versioncreated: '2018-10-19T11:17:00.150Z',
      headline: '',
    });
    expect(stories[0].associations.map((association) => association.uri)).toEqual([
      'N1',
      'N2',
      'N3',
      'N4',
    ]);
  });

  it('reads the bare contentSet fragment with inline NITF (LISTING 25)', () => {
    const [story] = parse(
      fixture('iptc-LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml'),
    ).stories;
    expect(story.headline).toBe(
      'Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.',
    );
    expect(story.byline).toBe('Sports Network');
    expect(story.description).toMatch(/^A pair of teams coming off big weekend sweeps/);
    expect(story.body_text).toMatch(
      /^\(Sports Network\) - With the Philadelphia Phillies picking up momentum/,
    );
    // No guid and no date anywhere: identity from the headline, time from the receipt.
    expect(story.uri).toBe(
      'urn:newsml-g2:newsml-g2:arizona-diamondbacks-29-23-at-philadelphia-phillies-26-24-7-05p-m',
    );
    expect(story.versioncreated).toBe('2024-05-01T12:00:00Z');
  });

  it('reads ANSA: literal provider, sub-headline, HTML sent as inlineData text, remote picture', () => {
    const [story] = parse(fixture('ansa-newsmlg2-text.xml')).stories;
    expect(story).toMatchObject({
      uri: 'tag:ansa.it,2017-10-11:40e5fb1034e7e2b21942ea09718fc85a',
      version: 1,
      provider: 'ANSA',
      versioncreated: '2017-10-11T10:41:00+01:00',
      language: 'it',
      urgency: 5,
      headline: 'Catalan independence declaration unacceptable - Alfano',
      subheadline: 'Foreign minister expresses faith in Spanish government',
      located: 'Rome',
      byline: 'VRG',
    });
    expect(story.subject).toEqual([
      { code: 'ALR' },
      { code: 'Catalan independence declaration unacceptable - Alfano' },
    ]);
    expect(story.body_html?.startsWith('<p>')).toBe(true);
    expect(story.body_text).toContain(
      'Catalan leader Carles Puigdemont signed a declaration of independence on Tuesday',
    );
    expect(story.associations).toEqual([
      {
        type: 'picture',
        uri: 'tag:ansa.it,2017-10-11:200400bfd17a98e68ea9597546e5ec93.jpg',
        mimetype: 'image/jpeg',
      },
    ]);
  });

  it('reads STT inline XHTML and repairs its double-escaped entities', () => {
    const [story] = parse(fixture('stt_newsml_test.xml')).stories;
    expect(story).toMatchObject({
      uri: 'urn:newsml:stt.fi:20171219:101801633',
      version: 4,
      provider: 'STT',
      language: 'fi-FI',
      urgency: 3,
      located: 'Helsinki',
      versioncreated: '2017-10-18T11:16:43+02:00',
      firstcreated: '2017-12-19T10:33:04+02:00',
      headline:
        'Parliament passed the Alcohol Act and the government gained confidence*** TRANSLATED ***',
    });
    expect(story.slugline).toBeUndefined();
    expect(story.byline).toBeUndefined();
    expect(story.subject.map((subject) => subject.code)).toEqual([
      'stt-topics:437036',
      'sttdepartment:9',
    ]);
    expect(story.body_html).toContain('<h2>Also the unemployment law went through</h2>');
    expect(story.body_text).toContain("continue to dispense with a notice until 4 o'clock");
    expect(story.body_text).not.toContain('&#39;');
    // A link to its own guid (the previous version) is not kept.
    expect(story.links).toEqual([]);
  });

  it('reads the Reuters package: headline, byline, subjects and the text and pictures it groups', () => {
    const [story] = parse(fixture('tag_reuters.com_2014_newsml_KBN0FL0NM_version_10')).stories;
    expect(story).toMatchObject({
      uri: 'urn:reuters:tag_reuters.com_2014_newsml_KBN0FL0NM',
      version: 10,
      provider: 'Reuters',
      versioncreated: '2014-07-17T00:24:11Z',
      firstcreated: '2014-07-16T08:10:15Z',
      language: 'en-US',
      urgency: 4,
      headline: 'Confident Assad launches new term in stronger position',
      byline: 'By Marwan Makdisi',
      slugline: 'US-SYRIA-CRISIS-ASSAD',
      // The dateline holds a timestamp; the structured location is the place.
      located: 'Bangalore',
    });
    expect(story.subject).toHaveLength(28);
    expect(story.subject[0]).toEqual({ code: 'MCC:a', scheme: 'MCC' });
    expect(story.associations.map((association) => [association.type, association.uri])).toEqual([
      ['text', 'tag_reuters.com_2014_newsml_KBN0FL0NN'],
      ['picture', 'tag_reuters.com_2014_newsml_LYNXMPEA6F13M'],
      ['picture', 'tag_reuters.com_2014_newsml_LYNXMPEA6F0MS'],
      ['picture', 'tag_reuters.com_2014_newsml_LYNXMPEA6F0MT'],
      ['text', 'tag_reuters.com_2014_newsml_KBN0FL0ZP'],
    ]);
  });

  it('matches elements by local name whatever the namespace prefix (ns0:)', () => {
    const xml = `<?xml version="1.0"?>
<ns0:newsItem xmlns:ns0="http://iptc.org/std/nar/2006-10-01/" xmlns:h="http://www.w3.org/1999/xhtml" guid="urn:x:1" version="3">
  <ns0:itemMeta><ns0:itemClass qcode="ninat:text"/><ns0:provider literal="AFP"/>
    <ns0:versionCreated>2024-02-03T04:05:06Z</ns0:versionCreated><ns0:pubStatus qcode="stat:canceled"/></ns0:itemMeta>
  <ns0:contentMeta><ns0:headline>Killed story</ns0:headline></ns0:contentMeta>
  <ns0:contentSet><ns0:inlineXML contenttype="application/xhtml+xml"><h:html><h:body><h:p>Body <h:b>bold</h:b></h:p></h:body></h:html></ns0:inlineXML></ns0:contentSet>
</ns0:newsItem>`;
    const [story] = parse(xml).stories;
    expect(story).toMatchObject({
      uri: 'urn:x:1',
      version: 3,
      provider: 'AFP',
      pubstatus: 'canceled',
      headline: 'Killed story',
      body_html: '<p>Body <b>bold</b></p>',
    });
  });

  it('skips picture items and keeps the text item of a message', () => {
    const xml = `<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2024-01-01T00:00:00Z</sent></header><itemSet>
<newsItem guid="urn:x:pic" version="1"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta></newsItem>
<newsItem guid="urn:x:text" version="1"><itemMeta><itemClass qcode="ninat:text"/><pubStatus qcode="stat:withheld"/></itemMeta>
<contentMeta><headline>Text</headline></contentMeta></newsItem></itemSet></newsMessage>`;
    const { stories } = parse(xml);
    expect(stories.map((story) => [story.uri, story.pubstatus, story.versioncreated])).toEqual([
      ['urn:x:text', 'withheld', '2024-01-01T00:00:00Z'],
    ]);
  });

  it('refuses an unknown pubStatus with the field named', () => {
    const xml = `<newsItem guid="urn:x:1"><itemMeta><itemClass qcode="ninat:text"/><pubStatus qcode="stat:bogus"/></itemMeta></newsItem>`;
    expect(() => parse(xml)).toThrow(WireError);
    expect(() => parse(xml)).toThrow(
      /newsml-g2, field itemMeta\/pubStatus: unknown publication status/,
    );
  });
});
