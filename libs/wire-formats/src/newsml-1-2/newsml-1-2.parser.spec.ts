import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWire } from '@lib/wire-formats';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../test/fixtures/wire/newsml-1.2', name));
const parse = (bytes: Buffer | string) =>
  parseWire(typeof bytes === 'string' ? Buffer.from(bytes) : bytes);

describe('NewsML 1.2 parser', () => {
  it('reads the AFP item: identity without revision, NITF body, subject codes (afp.xml)', () => {
    const { format, stories } = parse(fixture('afp.xml'));
    expect(format).toBe('newsml-1.2');
    expect(stories).toHaveLength(1);
    const [story] = stories;
    expect(story).toMatchObject({
      // PublicIdentifier minus ":1": the revision is the version, not part of the identity.
      uri: 'urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86',
      version: 1,
      provider: 'AFP',
      firstcreated: '2014-08-29T13:49:51Z',
      versioncreated: '2014-08-29T13:49:51Z',
      pubstatus: 'usable',
      language: 'en',
      urgency: 4,
      headline: 'Sweden court accepts receivership for Saab carmaker',
      slugline: 'Sweden-SAAB',
      located: 'Stockholm',
    });
    expect(story.subject.map((subject) => subject.code)).toEqual([
      'subj:04011002',
      'subj:04016007',
      'subj:04000000',
      'subj:04016038',
      'subj:04011000',
    ]);
    expect(story.body_text?.split('\n\n')).toHaveLength(10);
    expect(story.body_text).toMatch(/^A Chinese-owned company set up to take over Saab's assets/);
    expect(story.body_text).toContain(
      'accepted NEVS\'s request for receivership," the company said',
    );
    expect(story.links).toEqual([
      {
        href: 'urn:newsml:afp.com:20140829:ccd3ebb1-ff99-452d-a1c2-5dc0fa24c204',
        rel: 'associated',
      },
    ]);
  });

  const item = (
    management: string,
    lines = '<HeadLine>H</HeadLine>',
  ) => `<NewsML Version="1.2"><NewsItem>
<Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><DateId>20240101</DateId><NewsItemId>X1</NewsItemId><RevisionId>3</RevisionId></NewsIdentifier></Identification>
<NewsManagement><ThisRevisionCreated>20240102T030405+0100</ThisRevisionCreated>${management}</NewsManagement>
<NewsComponent><NewsLines>${lines}</NewsLines>
<ContentItem><MediaType FormalName="Text"/><DataContent><p>Plain <b>x</b></p></DataContent></ContentItem>
<NewsComponent><ContentItem Href="https://example.com/photo.jpg"><MediaType FormalName="Photo"/><MimeType FormalName="image/jpeg"/></ContentItem></NewsComponent>
</NewsComponent></NewsItem></NewsML>`;

  it('maps Status Canceled to canceled and reads XHTML data and photo components', () => {
    const [story] = parse(item('<Status FormalName="Canceled"/>')).stories;
    expect(story).toMatchObject({
      uri: 'urn:newsml:afp.com:20240101:X1',
      version: 3,
      pubstatus: 'canceled',
      versioncreated: '2024-01-02T03:04:05+01:00',
      body_html: '<p>Plain <b>x</b></p>',
    });
    expect(story.associations).toEqual([
      { type: 'picture', href: 'https://example.com/photo.jpg', mimetype: 'image/jpeg' },
    ]);
  });

  it('keeps an embargoed item usable with its release time, or withheld without one', () => {
    const embargoed = item(
      '<Status FormalName="Embargoed"/><StatusWillChange><FutureStatus FormalName="Usable"/><DateAndTime>20240103T000000Z</DateAndTime></StatusWillChange>',
    );
    expect(parse(embargoed).stories[0]).toMatchObject({
      pubstatus: 'usable',
      embargoed: '2024-01-03T00:00:00Z',
    });
    expect(parse(item('<Status FormalName="Embargoed"/>')).stories[0].pubstatus).toBe('withheld');
  });
});
