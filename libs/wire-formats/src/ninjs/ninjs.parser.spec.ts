import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWire, WireError } from '@lib/wire-formats';

const RECEIVED_AT = new Date('2024-05-01T12:00:00Z');
const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../test/fixtures/wire/ninjs', name));
const parse = (bytes: Buffer) => parseWire(bytes, {}, { receivedAt: RECEIVED_AT });
const parseJson = (value: unknown) => parse(Buffer.from(JSON.stringify(value)));

describe('ninjs parser', () => {
  it('reads the Superdesk ninjs text item (ninjs1.json)', () => {
    const { format, stories } = parse(fixture('ninjs1.json'));
    expect(format).toBe('ninjs');
    expect(stories).toHaveLength(1);
    const [story] = stories;
    expect(story.uri).toBe(
      'urn:newsml:localhost:2017-08-24T14:37:19.783611:c044162e-7f40-4d04-b700-49b6a66e652c',
    );
    expect(story.version).toBe(2);
    expect(story.headline).toBe('headline');
    expect(story.byline).toBe('Peter and Jane');
    expect(story.slugline).toBe('slugline');
    expect(story.located).toBe('Milton Keynes');
    expect(story.description).toBe('abstract');
    expect(story.firstcreated).toBe('2017-08-24T04:37:19Z');
    expect(story.versioncreated).toBe('2017-08-24T04:38:34Z');
    expect(story.pubstatus).toBe('usable');
    expect(story.language).toBe('fr');
    expect(story.urgency).toBe(3);
    expect(story.provider).toBe('AAP');
    expect(story.copyrightnotice).toBe('Copyright');
    expect(story.subject).toEqual([{ code: '01000000', name: 'arts, culture and entertainment' }]);
    expect(story.places).toEqual([{ name: 'NSW', code: 'NSW' }]);
    expect(story.body_html).toBe('<p>The story so far.</p>');
    expect(story.body_text).toBe('The story so far.');
  });

  it('reads a Reuters story redistributed by AAP with its picture association (ninjs2.json)', () => {
    const [story] = parse(fixture('ninjs2.json')).stories;
    expect(story.uri).toBe('tag:localhost:2017:7ca07622-3b19-4d61-8daf-18500412d46b');
    expect(story.version).toBe(4);
    expect(story.provider).toBe('Reuters');
    expect(story.headline).toBe('Oil prices edge up on first drop in US drilling in months');
    expect(story.byline).toBe('By Henning Gloystein');
    expect(story.slugline).toBe('GLOBAL-OIL');
    expect(story.located).toBe('Singapore');
    expect(story.firstcreated).toBe('2017-07-03T01:38:13Z');
    expect(story.versioncreated).toBe('2017-08-24T01:58:40Z');
    expect(story.subject).toHaveLength(1);
    expect(story.subject[0].code).toBe('04005004');
    expect(story.body_text).toContain('Brent crude futures added 6 cents or 0.1 per cent');
    expect(story.body_text?.split('\n\n')).toHaveLength(9);
    expect(story.associations).toEqual([
      {
        type: 'picture',
        uri: '20170809001313906811',
        href: 'http://localhost:5000/api/upload-raw/599e31ec1d41c833e0b8a830.jpg',
        mimetype: 'image/jpeg',
        headline: 'Financial Markets',
        description:
          'Oil prices edged up on Monday, supported by the first fall in US drilling activity in month.',
        byline: 'Bebeto Matthews',
      },
    ]);
  });

  it('carries a picture item with its original rendition as association (ninjs3.json)', () => {
    const [story] = parse(fixture('ninjs3.json')).stories;
    // A bare agency id is only unique within AAP, so it gets the provider prefix.
    expect(story.uri).toBe('urn:aap:20170825001315282180');
    expect(story.version).toBe(3);
    expect(story.headline).toBe('German Air Force Museum');
    expect(story.byline).toBe('A3576/_Maurizio Gambarini');
    expect(story.language).toBe('en');
    expect(story.versioncreated).toBe('2017-08-25T04:41:35Z');
    expect(story.description).toBe('A Casa 2.111, a Spanish reconstruction of the Heinkel He 111');
    expect(story.associations[0]).toMatchObject({
      type: 'picture',
      href: 'http://localhost:5000/api/upload-raw/599faa331d41c8fdc696d8b4.jpg',
      mimetype: 'image/jpeg',
    });
  });

  it('reads the IPTC example and derives the version from versioncreated (ninjsExSimpleText1.json)', () => {
    const [story] = parse(fixture('ninjsExSimpleText1.json')).stories;
    expect(story.uri).toBe('http://ninjs.example.com/newsitems/20130709simp123');
    expect(story.versioncreated).toBe('2013-07-09T10:37:00Z');
    expect(story.version).toBe(Date.parse('2013-07-09T10:37:00Z') / 1000);
    expect(story.headline).toBe('Captain of wrecked cruise ship on trial in Italy');
    expect(story.byline).toBe("Paulo Santalucia and Frances d'Emilio");
    expect(story.provider).toBe('ninjs');
    // body_xhtml has four paragraphs; body_text is derived from it, not the one-paragraph source text.
    expect(story.body_text?.split('\n\n')).toHaveLength(4);
    expect(story.body_text).toMatch(/^GROSSETO, Italy \(AP\) -- The trial of the captain/);
  });

  it('takes the provider from hints when the item names none', () => {
    const [story] = parseWire(fixture('ninjsExSimpleText1.json'), { provider: 'AP' }).stories;
    expect(story.provider).toBe('AP');
  });

  it('reads ninjs 2.x arrays: headlines, bodies, descriptions, subject uris, people, places, links', () => {
    const [story] = parseJson({
      uri: 'urn:example:ninjs2:item-1',
      type: 'text',
      version: '7',
      versioncreated: '2023-03-04T05:06:07+01:00',
      embargoed: '2023-03-05T00:00:00Z',
      pubstatus: 'withheld',
      language: 'en-GB',
      headlines: [
        { role: 'sub', value: 'The subheadline' },
        { role: 'main', value: 'The main headline' },
      ],
      descriptions: [
        { role: 'summary', contenttype: 'text/html', value: '<p>An <b>abstract</b></p>' },
      ],
      bodies: [
        { role: 'main', contenttype: 'text/plain', value: 'plain' },
        { role: 'main', contenttype: 'text/html', value: '<p>First.</p><p>Second.</p>' },
      ],
      by: 'By Jane Roe',
      subject: [
        {
          name: 'economy, business and finance',
          uri: 'http://cv.iptc.org/newscodes/mediatopic/04000000',
        },
      ],
      people: [{ name: 'Ada Lovelace', uri: 'http://www.wikidata.org/entity/Q7259' }],
      organisations: [{ name: 'ACME', literal: 'acme' }],
      places: [{ name: 'London' }],
      links: [{ href: 'https://example.com/x', rel: 'related', contenttype: 'text/html' }],
      associations: [
        {
          name: 'featureimage',
          type: 'picture',
          uri: 'urn:example:pic',
          renditions: [
            { name: 'web', href: 'https://example.com/p.jpg', contenttype: 'image/jpeg' },
          ],
        },
      ],
    }).stories;
    expect(story).toMatchObject({
      uri: 'urn:example:ninjs2:item-1',
      version: 7,
      versioncreated: '2023-03-04T05:06:07+01:00',
      embargoed: '2023-03-05T00:00:00Z',
      pubstatus: 'withheld',
      headline: 'The main headline',
      subheadline: 'The subheadline',
      description: 'An abstract',
      byline: 'By Jane Roe',
      body_html: '<p>First.</p><p>Second.</p>',
      body_text: 'First.\n\nSecond.',
    });
    expect(story.subject).toEqual([
      {
        code: 'http://cv.iptc.org/newscodes/mediatopic/04000000',
        name: 'economy, business and finance',
      },
    ]);
    expect(story.people).toEqual([
      { name: 'Ada Lovelace', code: 'http://www.wikidata.org/entity/Q7259' },
    ]);
    expect(story.organisations).toEqual([{ name: 'ACME', code: 'acme' }]);
    expect(story.places).toEqual([{ name: 'London' }]);
    expect(story.links).toEqual([
      { href: 'https://example.com/x', rel: 'related', mimetype: 'text/html' },
    ]);
    expect(story.associations).toEqual([
      {
        type: 'picture',
        uri: 'urn:example:pic',
        href: 'https://example.com/p.jpg',
        mimetype: 'image/jpeg',
      },
    ]);
  });

  it('reads an array of ninjs items', () => {
    const { stories } = parseJson([
      { uri: 'urn:a:1', headline: 'One', versioncreated: '2020-01-01T00:00:00Z' },
      { uri: 'urn:a:2', headline: 'Two', versioncreated: '2020-01-02T00:00:00Z' },
    ]);
    expect(stories.map((story) => story.headline)).toEqual(['One', 'Two']);
  });

  it('maps canceled items so kills propagate', () => {
    const [story] = parseJson({
      uri: 'urn:a:1',
      headline: 'x',
      pubstatus: 'canceled',
      versioncreated: '2020-01-01T00:00:00Z',
    }).stories;
    expect(story.pubstatus).toBe('canceled');
  });

  it.each([
    ['no uri or guid', { headline: 'x' }, 'WIRE.MISSING_FIELD', 'uri'],
    ['not an item', { foo: 1 }, 'WIRE.INVALID_SHAPE', undefined],
    ['an array of scalars', [42], 'WIRE.INVALID_SHAPE', '[0]'],
    [
      'an object where text belongs',
      { uri: 'urn:a:1', headline: { value: 'x' } },
      'WIRE.INVALID_SHAPE',
      'headline',
    ],
    [
      'an unknown pubstatus',
      { uri: 'urn:a:1', pubstatus: 'published' },
      'WIRE.INVALID_SHAPE',
      'pubstatus',
    ],
    [
      'an unreadable date',
      { uri: 'urn:a:1', versioncreated: 'yesterday' },
      'WIRE.INVALID_SHAPE',
      'versioncreated',
    ],
  ])('refuses %s', (_case, value, code, field) => {
    const error = captureError(() => parseJson(value));
    expect(error).toBeInstanceOf(WireError);
    expect(error).toMatchObject({ code, format: 'ninjs', field });
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
