import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Topics, type StoryEnrichedV1 } from '@lib/contracts';
import type { InboundMessage, MessageOutcome } from '@lib/kafka';
import type { BacklogRefreshService } from './backlog-refresh.service';
import type { IndexStoriesService } from './index-stories.service';
import { StoryEnrichedConsumer } from './story-enriched.consumer';

const fixture = (name: string): Buffer =>
  readFileSync(join(__dirname, '../../../../libs/contracts/fixtures', name));

function message(offset: number, value: Buffer): InboundMessage {
  return {
    topic: Topics.storyEnriched,
    partition: 0,
    offset: String(offset),
    key: null,
    value,
    headers: {},
    timestamp: '0',
  };
}

describe('StoryEnrichedConsumer', () => {
  it('indexes the stories, acknowledges backlinks of earlier releases, dead-letters garbage', async () => {
    const indexed: StoryEnrichedV1[][] = [];
    const indexStories = {
      indexAll: (events: StoryEnrichedV1[]): Promise<MessageOutcome[]> => {
        indexed.push(events);
        return Promise.resolve(events.map(() => ({ status: 'retry', error: 'engine down' })));
      },
    } as unknown as IndexStoriesService;
    const backlogRefresh = { observe: () => undefined } as unknown as BacklogRefreshService;
    const consumer = new StoryEnrichedConsumer(indexStories, backlogRefresh);

    const outcomes = await consumer.onStoryEnriched({
      topic: Topics.storyEnriched,
      partition: 0,
      messages: [
        message(0, fixture('story-backlinked.v1.json')),
        message(1, fixture('story-enriched.v1.json')),
        message(2, Buffer.from('{"eventType":"StoryEnriched.v1"}')),
      ],
    });

    expect(outcomes.map((o) => o.status)).toEqual(['done', 'retry', 'dead']);
    expect(indexed).toHaveLength(1);
    expect(indexed[0]?.map((e) => e.eventType)).toEqual(['StoryEnriched.v1']);
  });
});
