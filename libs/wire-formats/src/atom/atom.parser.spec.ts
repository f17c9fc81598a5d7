import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWire } from '@lib/wire-formats';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../test/fixtures/wire/atom', name));

describe('Atom parser', () => {
  it('reads every entry of the heise feed with the feed author (heise.atom)', () => {
    const { format, stories } = parseWire(fixture('heise.atom'));
    expect(format).toBe('atom');
    expect(stories).toHaveLength(15);
    const [first] = stories;
    expect(first).toMatchObject({
      uri: 'http://heise.de/-3088438',
      headline: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei',
      firstcreated: '2016-02-01T17:22:00+01:00',
      versioncreated: '2016-02-01T17:54:50+01:00',
      version: Date.parse('2016-02-01T17:54:50+01:00') / 1000,
      byline: 'heise online',
      provider: 'heise online',
      copyrightnotice: 'Copyright (c) 2016 Heise Medien',
      pubstatus: 'usable',
    });
    expect(first.description).toMatch(/^Die nun verfügbare Version 10 des Enterprise-Java-Servers/);
    expect(first.body_html).toContain(
      '<img src="http://www.heise.de/scale/geometry/264/q80/imgs/18/1/7/3/9/9/2/1/wildfly-2bf4ffd2935e38b6-90200def80b152e9-5ba35d3770232d92.jpeg" alt="WildFly 10" />',
    );
    // The anchor's title attribute is not on the allow-list.
    expect(first.body_html).not.toContain('title=');
    expect(first.body_text).toBe(first.description);
    expect(first.links).toEqual([
      {
        href: 'http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438.html?wt_mc=rss.developer.beitrag.atom',
        rel: 'alternate',
        mimetype: 'text/html',
      },
    ]);
  });

  it('reads a single entry with XHTML content, categories and an enclosure', () => {
    const [story] = parseWire(
      Buffer.from(`<entry xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>tag:example.com,2024:1</id><title type="html">Rates &lt;b&gt;rise&lt;/b&gt;</title>
  <updated>2024-03-01T10:00:00Z</updated><author><name>A. Writer</name></author>
  <category term="economy" label="Economy" scheme="https://example.com/cats"/>
  <link rel="enclosure" type="image/jpeg" href="https://example.com/p.jpg"/>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One</p><p>Two <em>now</em></p></div></content>
</entry>`),
    ).stories;
    expect(story).toMatchObject({
      uri: 'tag:example.com,2024:1',
      headline: 'Rates rise',
      language: 'en',
      byline: 'A. Writer',
      body_html: '<p>One</p><p>Two <em>now</em></p>',
      body_text: 'One\n\nTwo now',
    });
    expect(story.subject).toEqual([
      { code: 'economy', name: 'Economy', scheme: 'https://example.com/cats' },
    ]);
    expect(story.associations).toEqual([
      { type: 'picture', href: 'https://example.com/p.jpg', mimetype: 'image/jpeg' },
    ]);
  });
});
