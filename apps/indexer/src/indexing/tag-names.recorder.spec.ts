import { DependencyUnavailableError } from '@lib/kafka';
import { TagNamesNotWrittenError } from '@lib/search';
import { asOutage, unwrittenNames } from './tag-names.recorder';

describe('unwrittenNames', () => {
  const written = new Map([
    ['place:ly', 'Libya'],
    ['org:opec', 'OPEC'],
  ]);

  it('writes ids never written and names that changed, and skips names already stored', () => {
    expect(
      unwrittenNames(
        [
          { id: 'place:ly', kind: 'place', name: 'Libya' },
          {
            id: 'org:opec',
            kind: 'organisation',
            name: 'Organization of the Petroleum Exporting Countries',
          },
          { id: 'place:sa', kind: 'place', name: 'Saudi Arabia' },
        ],
        written,
      ).map((doc) => doc.id),
    ).toEqual(['org:opec', 'place:sa']);
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
