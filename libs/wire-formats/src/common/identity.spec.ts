import { derivedUri, hasUriScheme, itemUri, normaliseProvider } from './identity';
import { WireError } from './errors';

describe('identity', () => {
  it.each([
    ['urn:newsml:afp.com:20140829:TX-PAR-FXW86', 'AFP', 'urn:newsml:afp.com:20140829:TX-PAR-FXW86'],
    ['tag:ap.org,2011:5e56-text', 'AP', 'tag:ap.org,2011:5e56-text'],
    ['https://example.com/a?b=c', 'X', 'https://example.com/a?b=c'],
    ['20170825001315282180', 'AAP', 'urn:aap:20170825001315282180'],
    ['AAP.115314987.5417374', 'AAP', 'urn:aap:AAP.115314987.5417374'],
    ['my id/ü', 'Agencia EFE', 'urn:agencia-efe:my%20id/%C3%BC'],
    ['a\ud800b', 'AP', 'urn:ap:a%EF%BF%BDb'],
  ])('keeps globally unique ids and prefixes agency-local ones: %s', (id, provider, uri) => {
    expect(itemUri(id, provider)).toBe(uri);
  });

  it('recognises URI schemes', () => {
    expect(hasUriScheme('urn:x')).toBe(true);
    expect(hasUriScheme('tag_reuters.com_2014')).toBe(false);
    expect(hasUriScheme('12:30 report')).toBe(false);
  });

  it('derives the same uri from the same keys, whatever their spelling of spaces and case', () => {
    const a = derivedUri('AP', 'anpa-1312', '2024-01-05', ['BC-Storm Coast'], { field: 'keyword' });
    expect(a).toBe('urn:ap:anpa-1312:2024-01-05:bc-storm-coast');
    expect(
      derivedUri('AP', 'anpa-1312', '2024-01-05', ['bc-storm  coast'], { field: 'keyword' }),
    ).toBe(a);
  });

  it('hashes keys with no latin letters or digits instead of dropping them', () => {
    expect(derivedUri('Xinhua', 'rss', undefined, ['新闻'], { field: 'guid' })).toMatch(
      /^urn:xinhua:rss:[0-9a-f]{16}$/,
    );
  });

  it('refuses to derive an identity from a date alone', () => {
    expect(() =>
      derivedUri('AP', 'rss', '2024-01-01', [undefined, ' '], { field: 'guid' }),
    ).toThrow(WireError);
  });

  it.each([
    ['ap.org', 'AP'],
    ['Associated Press', 'AP'],
    ['http://www.afp.com/', 'AFP'],
    ['thomsonreuters.com', 'Reuters'],
    ['REUTERS', 'Reuters'],
    ['Australian Associated Press', 'AAP'],
    ['Agencia EFE', 'EFE'],
    ['ansa.it', 'ANSA'],
    ['The Guardian', 'The Guardian'],
  ])('normalises the provider %s to %s', (raw, provider) => {
    expect(normaliseProvider(raw)).toBe(provider);
  });
});
