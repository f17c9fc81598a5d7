import type { Enrichment, Tag } from '@lib/contracts';
import { applyOverrides } from './apply-overrides';

const tag = (id: string, kind: Tag['kind'] = 'person'): Tag => ({
  id,
  kind,
  name: id,
  aliases: [],
  confidence: 0.6,
  provenance: { method: 'gazetteer', fromProvider: false },
});

const enrichment: Enrichment = {
  tags: [tag('person:a'), tag('person:b'), tag('place:x', 'place')],
  cluster: 'sh:1',
  related: [
    { uri: 'r1', score: 0.9, reason: { sharedEntities: ['person:a'], sharedTerms: [] } },
    { uri: 'r2', score: 0.5, reason: { sharedEntities: [], sharedTerms: ['oil'] } },
  ],
};

describe('applyOverrides', () => {
  it('leaves enrichment alone without overrides', () => {
    expect(applyOverrides(enrichment, undefined)).toBe(enrichment);
  });

  it('drops blocked tags and links and puts pinned ones first, marked editorial', () => {
    const result = applyOverrides(enrichment, {
      pinnedTags: [tag('org:nato', 'organisation'), tag('person:a')],
      blockedTags: ['person:b'],
      pinnedRelated: [{ uri: 'r9', headline: 'Background' }],
      blockedRelated: ['r1'],
    });
    expect(result.tags.map((t) => t.id)).toEqual(['org:nato', 'person:a', 'place:x']);
    expect(result.tags[0]).toMatchObject({
      confidence: 1,
      provenance: { method: 'editorial-pin' },
    });
    expect(result.related.map((r) => r.uri)).toEqual(['r9', 'r2']);
    expect(result.cluster).toBe('sh:1');
  });

  it('lets a block win over a pin of the same tag', () => {
    const result = applyOverrides(enrichment, {
      pinnedTags: [tag('person:z')],
      blockedTags: ['person:z'],
      pinnedRelated: [],
      blockedRelated: [],
    });
    expect(result.tags.map((t) => t.id)).not.toContain('person:z');
  });
});
