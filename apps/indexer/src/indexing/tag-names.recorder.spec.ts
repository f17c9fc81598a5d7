import { unwrittenNames } from './tag-names.recorder';

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
