import type { CanonicalStory, Enrichment } from '@lib/contracts';
import { backlinksFor } from './backlinks';

const story = { uri: 'new', headline: 'Newer coverage', pubstatus: 'usable' } as CanonicalStory;
const reason = { sharedEntities: ['person:khalifa-haftar'], sharedTerms: [] };
const enrichment: Enrichment = {
  tags: [],
  related: [
    { uri: 'old-1', score: 1.4, reason },
    { uri: 'old-2', score: 1.1, reason },
    { uri: 'old-3', score: 0.4, reason },
  ],
};

describe('backlinksFor', () => {
  it('links back only from strongly related earlier stories, at most max', () => {
    const links = backlinksFor(story, enrichment, { minScore: 1, max: 1 });
    expect(links).toEqual([
      { targetUri: 'old-1', link: { uri: 'new', headline: 'Newer coverage', score: 1.4, reason } },
    ]);
    expect(
      backlinksFor(story, enrichment, { minScore: 1, max: 5 }).map((l) => l.targetUri),
    ).toEqual(['old-1', 'old-2']);
  });

  it('never links back from a killed story', () => {
    expect(
      backlinksFor({ ...story, pubstatus: 'canceled' }, enrichment, { minScore: 0, max: 5 }),
    ).toEqual([]);
  });
});
