import type { RelatedLink } from '@lib/contracts';
import { newerCoverageLinks } from './newer-coverage-links';

const reason = { sharedEntities: ['person:khalifa-haftar'], sharedTerms: [] };
const link = (uri: string, score: number): RelatedLink => ({ uri, score, reason });

describe('newerCoverageLinks', () => {
  const indexed = {
    versioncreated: '2019-12-19T08:00:00Z',
    related: [link('earlier', 0.9), link('newer', 1.4), link('killed-newer', 1.2)],
  };

  it('keeps only links to live stories created after the indexed version', () => {
    const live = new Map([
      ['earlier', '2019-12-18T08:00:00Z'],
      ['newer', '2019-12-20T09:00:00Z'],
    ]);
    expect(newerCoverageLinks(indexed, live)).toEqual([link('newer', 1.4)]);
  });

  it('drops a link whose target is no longer live', () => {
    expect(newerCoverageLinks(indexed, new Map([['earlier', '2019-12-18T08:00:00Z']]))).toEqual([]);
  });
});
