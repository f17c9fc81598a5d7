import { DependencyUnavailableError } from '@lib/kafka';
import { TagNamesNotWrittenError, tagNameDocuments, tagNameSignature } from '@lib/search';
import { tag } from '../../../../test/api/support/wire-stories';
import { asOutage, unwrittenNames } from './tag-names.recorder';

describe('unwrittenNames', () => {
  const [libya, opec, sa] = tagNameDocuments([
    tag('place:ly', 'Libya', ['State of Libya']),
    tag('org:opec', 'OPEC'),
    tag('place:sa', 'Saudi Arabia'),
  ]);
  const written = new Map([libya, opec].map((doc) => [doc.id, tagNameSignature(doc)]));

  it('skips tags written with the same name and aliases', () => {
    expect(unwrittenNames([libya, opec], written)).toEqual([]);
  });

  it('writes ids never written, and tags whose name or aliases changed', () => {
    const [renamed, realiased] = tagNameDocuments([
      tag('org:opec', 'Organization of the Petroleum Exporting Countries'),
      tag('place:ly', 'Libya', ['Libyan Arab Jamahiriya']),
    ]);
    expect(unwrittenNames([renamed, realiased, sa], written).map((doc) => doc.id)).toEqual([
      'org:opec',
      'place:ly',
      'place:sa',
    ]);
  });
});

describe('asOutage', () => {
  it('treats names refused by a busy or recovering engine as an outage', () => {
    const busy = new TagNamesNotWrittenError(
      [200, 503],
      ['place:ly: unavailable_shards_exception'],
    );
    expect(asOutage(busy)).toBeInstanceOf(DependencyUnavailableError);
  });

  it('leaves any other failure as it is', () => {
    const rejected = new TagNamesNotWrittenError([400], ['place:ly: mapper_parsing_exception']);
    expect(asOutage(rejected)).toBe(rejected);
    const other = new Error('boom');
    expect(asOutage(other)).toBe(other);
  });
});
