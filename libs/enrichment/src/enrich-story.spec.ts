import { InMemoryClusterIndex } from './clusters/cluster-index';
import { storyFingerprint } from './clusters/cluster-key';
import { toHex } from './clusters/simhash';
import { enrichStory } from './enrich-story';
import { type EntityResources, loadEntityResources } from './entities/load-gazetteer';
import { buildTagStatistics } from './related/tag-statistics';
import { loadSeedStory, storyOf } from './testing/seed-story';

let entities: EntityResources;
beforeAll(() => {
  entities = loadEntityResources();
});

describe('enrichStory', () => {
  it('combines entity and subject tags, a cluster key and placed related links', () => {
    const story = { ...loadSeedStory(), subject: [{ code: 'subj:16009000' }] };
    const earlier = {
      uri: 'earlier:1',
      headline: 'Haftar forces advance on Tripoli',
      versioncreated: '2019-12-20T10:00:00Z',
      tags: [
        { id: 'person:khalifa-haftar', kind: 'person' as const, confidence: 0.9 },
        { id: 'place:city:tripoli-ly', kind: 'place' as const, confidence: 0.9 },
      ],
      terms: ['offensive', 'tripoli'],
      textSimilarity: 0.3,
    };
    const enrichment = enrichStory(story, {
      entities,
      clusterIndex: new InMemoryClusterIndex(),
      related: { candidates: [earlier], tagStatistics: buildTagStatistics([earlier.tags]) },
    });
    const ids = enrichment.tags.map((t) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining(['person:khalifa-haftar', 'subject:unrest-conflicts-and-war']),
    );
    expect(enrichment.cluster).toMatch(/^sh:[0-9a-f]{16}$/);
    const [link] = enrichment.related;
    expect(link?.uri).toBe('earlier:1');
    expect(link?.reason.sharedEntities).toEqual(
      expect.arrayContaining(['person:khalifa-haftar', 'place:city:tripoli-ly']),
    );
    expect(link?.afterParagraph).toBeGreaterThanOrEqual(0);
  });

  it('gives a re-sent copy the cluster of the original', () => {
    const clusterIndex = new InMemoryClusterIndex();
    const original = enrichStory(loadSeedStory(), { entities, clusterIndex });
    const copy = enrichStory(
      { ...loadSeedStory(), uri: 'other-agency:1' },
      { entities, clusterIndex },
    );
    const unrelated = enrichStory(
      storyOf({
        uri: 'x',
        headline: 'Cocoa review',
        body_text: 'Showers continued in the Bahia cocoa zone.',
      }),
      {
        entities,
        clusterIndex,
      },
    );
    expect(copy.cluster).toBe(original.cluster);
    expect(unrelated.cluster).not.toBe(original.cluster);
  });

  it("clusters on the caller's fingerprint when given one, as on its own", () => {
    const story = loadSeedStory();
    const own = enrichStory(story, { entities });
    const fingerprint = storyFingerprint(story);
    expect(own.cluster).toBe(`sh:${toHex(fingerprint.signature)}`);
    // A fingerprint given is used as it is, not taken again from the text.
    const given = { signature: { hi: 1, lo: 2 }, maxDistance: fingerprint.maxDistance };
    expect(enrichStory(story, { entities, fingerprint: given }).cluster).toBe(
      `sh:${toHex(given.signature)}`,
    );
  });
});
