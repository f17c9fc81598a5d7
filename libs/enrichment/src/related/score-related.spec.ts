import type { RelatedLink } from '@lib/contracts';
import { storyOf } from '../testing/seed-story';
import { inlinePositions, suggestInlinePosition } from './inline-position';
import { type RelatedCandidate, type RelatedQuery, scoreRelated } from './score-related';
import { buildTagStatistics } from './tag-statistics';

const t = (id: string, confidence = 0.9) => ({
  id,
  kind: id.startsWith('person') ? ('person' as const) : ('place' as const),
  confidence,
});

const query: RelatedQuery = {
  uri: 'q',
  versioncreated: '2020-01-10T12:00:00Z',
  clusterKey: 'sh:q',
  tags: [t('place:ly'), t('person:khalifa-haftar'), t('place:us')],
  terms: ['offensive', 'tripoli', 'ceasefire'],
};

const candidate = (uri: string, fields: Partial<RelatedCandidate>): RelatedCandidate => ({
  uri,
  versioncreated: '2020-01-09T12:00:00Z',
  tags: [],
  terms: [],
  textSimilarity: 0.2,
  ...fields,
});

// place:us is on almost every story, Haftar on few: sharing Haftar must count for more.
const stats = buildTagStatistics([
  ...Array.from({ length: 50 }, () => [{ id: 'place:us' }]),
  [{ id: 'person:khalifa-haftar' }, { id: 'place:ly' }],
  [{ id: 'place:ly' }],
]);

describe('scoreRelated', () => {
  it('ranks a story sharing a rare entity above one sharing a common one', () => {
    const links = scoreRelated(
      query,
      [
        candidate('common', { tags: [t('place:us')] }),
        candidate('rare', { tags: [t('person:khalifa-haftar')] }),
      ],
      stats,
    );
    expect(links.map((l) => l.uri)).toEqual(['rare', 'common']);
  });

  it('explains each link with shared entities and terms', () => {
    const [link] = scoreRelated(
      query,
      [
        candidate('a', {
          tags: [t('place:ly'), t('person:khalifa-haftar')],
          terms: ['ceasefire', 'oil'],
        }),
      ],
      stats,
    );
    expect(link?.reason.sharedEntities).toEqual(['person:khalifa-haftar', 'place:ly']);
    expect(link?.reason.sharedTerms).toEqual(['ceasefire']);
  });

  it('never links a story of the same cluster or the story itself', () => {
    const links = scoreRelated(
      query,
      [
        candidate('q', { textSimilarity: 1 }),
        candidate('copy', { clusterKey: 'sh:q', textSimilarity: 0.95 }),
        candidate('other', {}),
      ],
      stats,
    );
    expect(links.map((l) => l.uri)).toEqual(['other']);
  });

  it('prefers the more recent of two equally similar stories and keeps only the top k', () => {
    const old = candidate('old', { versioncreated: '2019-10-01T00:00:00Z' });
    const fresh = candidate('fresh', {});
    const many = Array.from({ length: 10 }, (_, i) => candidate(`n${i}`, { textSimilarity: 0.1 }));
    const links = scoreRelated(query, [old, fresh, ...many], stats, { k: 3 });
    expect(links).toHaveLength(3);
    expect(links[0]?.uri).toBe('fresh');
    expect(links[1]?.uri).toBe('old');
  });
});

describe('suggestInlinePosition', () => {
  const story = storyOf({
    uri: 's',
    headline: 'h',
    body_text:
      'Markets were calm on Monday.\n\nHaftar launched an offensive on Tripoli.\n\nThe ceasefire talks resume next week in Libya and Haftar will attend.\n\nOther news.',
  });

  it('picks the paragraph that mentions most of the shared entities and terms', () => {
    const link: RelatedLink = {
      uri: 'x',
      score: 1,
      reason: { sharedEntities: ['person:khalifa-haftar', 'place:ly'], sharedTerms: ['ceasefire'] },
    };
    const tags = [
      { id: 'person:khalifa-haftar', name: 'Khalifa Haftar', aliases: ['Haftar'] },
      { id: 'place:ly', name: 'Libya', aliases: [] },
    ];
    expect(suggestInlinePosition(story, link, tags)).toBe(2);
  });

  it('returns undefined when no paragraph overlaps', () => {
    const link: RelatedLink = {
      uri: 'x',
      score: 1,
      reason: { sharedEntities: ['place:jp'], sharedTerms: ['yen'] },
    };
    expect(suggestInlinePosition(story, link)).toBeUndefined();
  });

  it('places each of several links of one story on its own', () => {
    const positionOf = inlinePositions(story);
    const link = (sharedTerms: string[]): RelatedLink => ({
      uri: 'x',
      score: 1,
      reason: { sharedEntities: [], sharedTerms },
    });
    expect(positionOf(link(['markets', 'calm']))).toBe(0);
    expect(positionOf(link(['offensive']))).toBe(1);
    expect(positionOf(link(['yen']))).toBeUndefined();
    expect(positionOf(link(['ceasefire', 'talks']))).toBe(2);
  });
});
