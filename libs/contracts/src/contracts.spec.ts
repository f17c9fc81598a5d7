import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminJobRequestedV1Schema } from './admin-job-requested.v1';
import { storyBacklinkedV1Schema } from './story-backlinked.v1';
import { storyEnrichedV1Schema } from './story-enriched.v1';
import { storyIngestedV1Schema } from './story-ingested.v1';
import { Topics, deadLetterTopic } from './topics';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));

/** Recorded events every producer and consumer must keep accepting: a breaking change is a new `.v2`. */
describe('event contracts', () => {
  it.each([
    ['story-ingested.v1.json', storyIngestedV1Schema],
    ['story-enriched.v1.json', storyEnrichedV1Schema],
    ['story-backlinked.v1.json', storyBacklinkedV1Schema],
    ['job-requested.v1.json', adminJobRequestedV1Schema],
  ] as const)('still accepts the recorded %s', (file, schema) => {
    const result = schema.safeParse(fixture(file));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('rejects an event of another type under a schema', () => {
    expect(storyEnrichedV1Schema.safeParse(fixture('story-ingested.v1.json')).success).toBe(false);
  });

  it('names topics <domain>.<entity>.<fact>.v<major> with .dlq twins', () => {
    for (const topic of Object.values(Topics))
      expect(topic).toMatch(/^[a-z]+\.[a-z]+\.[a-z]+\.v\d+$/);
    expect(deadLetterTopic(Topics.storyIngested)).toBe('news.story.ingested.v1.dlq');
  });
});
