import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWire } from '@lib/wire-formats';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../test/fixtures/wire/rss', name));
const parse = (xml: string) =>
  parseWire(Buffer.from(xml), {}, { receivedAt: new Date('2024-05-01T00:00:00Z') });

describe('RSS parser', () => {
  it('reads every item of the Guardian RSS 2.0 feed (guardian.rss)', () => {
    const { format, stories } = parseWire(fixture('guardian.rss'));
    expect(format).toBe('rss');
    expect(stories).toHaveLength(55);
    const [first] = stories;
    expect(first).toMatchObject({
      uri: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      headline: 'Trump State of the Union address promised unity but emphasized discord',
      byline: 'David Smith in Washington',
      provider: 'The Guardian',
      language: 'en-gb',
      firstcreated: '2018-01-31T07:26:05Z',
      versioncreated: '2018-01-31T07:26:05Z',
      version: Date.parse('2018-01-31T07:26:05Z') / 1000,
      pubstatus: 'usable',
      copyrightnotice:
        'Guardian News and Media Limited or its affiliated companies. All rights reserved. 2018',
    });
    expect(first.subject).toHaveLength(7);
    expect(first.subject[0]).toEqual({
      code: 'https://www.theguardian.com/us-news/donaldtrump',
      name: 'Donald Trump',
      scheme: 'category',
    });
    expect(first.description).toMatch(
      /^The president’s ‘new American moment’ speech stirred Republican applause/,
    );
    expect(first.body_html).toContain(
      '<a href="https://www.theguardian.com/us-news/2018/jan/30/state-of-the-union-fact-check-trumps-address-analyzed">',
    );
    expect(first.body_html).not.toContain('<span');
    // Two sizes of one picture: the wider one is kept.
    expect(first.associations).toEqual([
      {
        type: 'picture',
        href: 'https://i.guim.co.uk/img/media/b73c8752cd4667c923dff7f1542f1fb20089e421/0_108_3000_1799/master/3000.jpg?w=460&q=55&auto=format&usm=12&fit=max&s=a606a273a90104e57b1e09bc4c0a1e11',
        byline: 'Photograph: Networ/Sipa USA/REX/Shutterstock',
      },
    ]);
    expect(stories[12].headline).toBe('Trump-Russia investigation: the key questions answered');
    expect(stories[12].versioncreated).toBe('2017-12-08T12:00:02Z');
  });

  it('prefers content:encoded and atom:updated (content-encoded.rss)', () => {
    const { stories } = parseWire(fixture('content-encoded.rss'));
    expect(stories).toHaveLength(7);
    const [first] = stories;
    expect(first).toMatchObject({
      uri: 'https://medium.com/p/125af37d838f',
      headline: 'THE CREATIVE FORAGER',
      byline: 'Jeremy Puma',
      firstcreated: '2018-04-09T18:55:38Z',
      versioncreated: '2018-04-09T19:39:12.675Z',
      version: 1523302752,
      provider: 'Food in Invironment on Medium',
    });
    expect(first.subject.map((subject) => subject.code)).toEqual([
      'plants',
      'environment',
      'nature',
      'foraging',
      'food',
    ]);
    expect(first.body_html).toMatch(
      /^<h4>Using Wild Ingredients in the\sKitchen<\/h4><figure><img alt="" src="https:\/\/cdn-images-1\.medium\.com/,
    );
    // Medium's tracking pixel URL passes the allow-list (it is https) but its attributes are stripped.
    expect(first.body_html).not.toMatch(/width=|height=/);
    expect(first.body_text).toContain(
      'Seattle foraging teacher Jeremy Puma delves into the world of wild plants',
    );
    expect(first.links).toEqual([
      {
        href: 'https://medium.com/invironment/the-creative-forager-125af37d838f?source=rss----d12c403d4976--food',
        rel: 'alternate',
      },
    ]);
  });

  it('reads RSS 1.0 (RDF) items beside the channel', () => {
    const [story] = parse(`<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://example.org/"><title>Example Wire</title><dc:language>de</dc:language></channel>
  <item rdf:about="https://example.org/a/1"><title>Erste Meldung</title><link>https://example.org/a/1</link>
    <description>Kurz &amp; knapp</description><dc:date>2024-02-02T10:00:00+01:00</dc:date><dc:creator>Max Muster</dc:creator><dc:subject>Politik</dc:subject></item>
</rdf:RDF>`).stories;
    expect(story).toMatchObject({
      uri: 'https://example.org/a/1',
      headline: 'Erste Meldung',
      description: 'Kurz & knapp',
      body_text: 'Kurz & knapp',
      byline: 'Max Muster',
      provider: 'Example Wire',
      versioncreated: '2024-02-02T10:00:00+01:00',
    });
    expect(story.subject).toEqual([{ code: 'Politik', name: 'Politik', scheme: 'dc:subject' }]);
  });

  it('derives a stable uri for an item with neither guid nor link, and reads RFC 822 zones', () => {
    const feed = (title: string) => `<rss version="2.0"><channel><title>Local Wire</title>
<item><title>${title}</title><pubDate>Tue, 02 Jan 2024 09:30:00 EST</pubDate><author>desk@example.com (Desk Editor)</author>
<enclosure url="https://example.com/p.png" type="image/png" length="1"/></item></channel></rss>`;
    const [story] = parse(feed('Council approves budget')).stories;
    expect(story.uri).toBe('urn:local-wire:rss:2024-01-02:council-approves-budget');
    expect(story.versioncreated).toBe('2024-01-02T09:30:00-05:00');
    expect(story.byline).toBe('Desk Editor');
    expect(story.associations).toEqual([
      { type: 'picture', href: 'https://example.com/p.png', mimetype: 'image/png' },
    ]);
    expect(parse(feed('Council approves budget')).stories[0].uri).toBe(story.uri);
  });
});
