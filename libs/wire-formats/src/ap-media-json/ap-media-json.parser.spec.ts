import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWire } from '@lib/wire-formats';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../test/fixtures/wire/ap-media-json', name));
const parseJson = (value: unknown) => parseWire(Buffer.from(JSON.stringify(value)));

describe('AP Media API JSON parser', () => {
  it('reads the picture item of a feed page (ap_media_feed.json)', () => {
    const { format, stories } = parseWire(fixture('ap_media_feed.json'));
    expect(format).toBe('ap-media-json');
    expect(stories).toHaveLength(1);
    const [story] = stories;
    expect(story).toMatchObject({
      // altids.itemid, not the item's `uri`, which carries per-request query tokens.
      uri: 'urn:ap:95e8bd71fed448cda1a0be35d8ddbd2f',
      version: 0,
      provider: 'AP',
      firstcreated: '2019-06-22T21:40:42Z',
      versioncreated: '2019-06-23T06:06:29Z',
      pubstatus: 'usable',
      headline: 'AC2: An Intimate Evening with Anderson Cooper and Andy Cohen',
      description: 'Caption description',
      located: 'New York',
      copyrightnotice: '2019 Invision',
    });
    expect(story.associations).toEqual([
      {
        type: 'picture',
        uri: 'https://a.b.c/media/v/content/95e8bd71fed448cda1a0be35d8ddbd2f',
        href: 'https://a.b.c/media/v/content/95e8bd71fed448cda1a0be35d8ddbd2f.0/download',
        mimetype: 'image/jpeg',
        headline: 'AC2: An Intimate Evening with Anderson Cooper and Andy Cohen',
        description: 'Caption description',
        byline: 'Charles Sykes/Invision/AP',
      },
    ]);
    expect(story.links.map((link) => link.rel)).toEqual(['caption_nitf']);
  });

  it('reads the single text item with its AP subjects, person, places and text renditions (ap_media_text_item.json)', () => {
    const [story] = parseWire(fixture('ap_media_text_item.json')).stories;
    expect(story).toMatchObject({
      uri: 'urn:ap:5ee9b4b40ea5fe9c9ca60f890fb2e1d9',
      version: 0,
      versioncreated: '2019-07-03T04:05:12Z',
      language: 'en',
      urgency: 4,
      headline: 'BC-BBN--Top Ten',
      slugline: 'BC-BBN--Top Ten',
      pubstatus: 'usable',
    });
    expect(story.subject).toHaveLength(6);
    expect(story.subject[0]).toEqual({
      code: 'apcategorycode:s',
      name: 's',
      scheme: 'apcategorycode',
    });
    expect(story.subject[1]).toEqual({
      code: '94aaa8f88c0c100489d7b9433d2f4c0e',
      name: 'MLB baseball',
      scheme: 'http://cv.ap.org/id/',
    });
    expect(story.people).toEqual([
      {
        name: 'Ariane Bellamar',
        code: '9f20931c4c3f49e8a45cff69f00fe0b0',
        scheme: 'http://cv.ap.org/id/',
      },
    ]);
    expect(story.places).toHaveLength(8);
    expect(story.places[0].name).toBe('San Diego');
    expect(story.links.map((link) => [link.rel, link.mimetype])).toEqual([
      ['nitf', 'text/xml'],
      ['anpa', 'application/octet-stream'],
    ]);
    expect(story.body_html).toBeUndefined();
  });

  it('maps a withheld AP item and keeps its version number', () => {
    const [story] = parseJson({
      data: {
        item: {
          altids: { itemid: 'abc' },
          version: 3,
          pubstatus: 'withheld',
          headline: 'H',
          versioncreated: '2024-01-01T00:00:00Z',
        },
      },
    }).stories;
    expect(story).toMatchObject({ uri: 'urn:ap:abc', version: 3, pubstatus: 'withheld' });
  });

  it.each([
    [
      'data.items that is not an array',
      { api_version: '1.1', data: { items: {} } },
      'WIRE.INVALID_SHAPE',
      'data.items',
    ],
    [
      'a feed entry without item',
      { api_version: '1.1', data: { items: [{ meta: {} }] } },
      'WIRE.INVALID_SHAPE',
      'data.items[0]',
    ],
    ['no data at all', { api_version: '1.1' }, 'WIRE.INVALID_SHAPE', 'data'],
    [
      'an item without id',
      { data: { item: { headline: 'x' } } },
      'WIRE.MISSING_FIELD',
      'data.item.altids.itemid',
    ],
  ])('refuses %s', (_case, value, code, field) => {
    expect(() => parseJson(value)).toThrow(
      expect.objectContaining({ code, field, format: 'ap-media-json' }) as Error,
    );
  });
});
