import type { Env } from '@lib/config';
import { StoryWindow, type WindowEntry } from './story-window';

const config = { ENRICHMENT_RELATED_WINDOW: 10, ENRICHMENT_RECENT_SIGNATURES: 10 } as Env;
const TEXT = 'opec oil ministers agreed output quota crude prices barrel vienna';

function entry(uri: string, version: number, pubstatus = 'usable', body = TEXT): WindowEntry {
  return {
    story: {
      uri,
      version,
      pubstatus: pubstatus as WindowEntry['story']['pubstatus'],
      headline: `headline ${version}`,
      body_text: body,
      versioncreated: '2026-11-27T09:00:00Z',
    },
    tags: [{ id: 'topic:crude', kind: 'topic', confidence: 0.9 }],
    cluster: `sh:${uri}`,
    signature: '00ff00ff00ff00ff',
  };
}

const query = { uri: 'q', headline: '', body_text: TEXT };

describe('StoryWindow', () => {
  it('takes a usable story in as a candidate, with its signature for clustering', () => {
    const window = new StoryWindow(config);
    window.remember(entry('a', 1));
    expect(window.holds('a', 1)).toBe(true);
    expect(window.holds('a', 2)).toBe(false);
    expect(window.related.candidates(query, 5).map((c) => c.uri)).toEqual(['a']);
    expect(window.signatures.findByUri('a')?.clusterKey).toBe('sh:a');
    expect(window.related.tagStatistics(['topic:crude']).documentFrequency.get('topic:crude')).toBe(
      1,
    );
  });

  it('keeps the newest version: an older one arriving late changes nothing', () => {
    const window = new StoryWindow(config);
    window.remember(entry('a', 2, 'usable', 'wheat harvest export tender grain'));
    window.remember(entry('a', 1));
    expect(window.related.candidates(query, 5)).toEqual([]);
    expect(window.related.versionOf('a')).toBe(2);
    expect(window.related.candidates({ ...query, body_text: 'wheat grain' }, 5)[0]?.uri).toBe('a');
  });

  it('takes a killed or withheld story out of the candidates', () => {
    const window = new StoryWindow(config);
    window.remember(entry('a', 1));
    window.remember(entry('b', 1));
    window.remember(entry('a', 2, 'canceled'));
    window.remember(entry('b', 2, 'withheld'));
    expect(window.related.size).toBe(0);
    expect(window.related.candidates(query, 5)).toEqual([]);
  });
});
