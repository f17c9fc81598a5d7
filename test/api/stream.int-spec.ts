import { startApiStack, type ApiStack } from './support/api-stack';
import { SseClient } from './support/sse-client';
import { eventually } from '../support/eventually';
import { newsroomDay, nextVersion, wireStory } from './support/wire-stories';

const LAG_MS = 1_000;

describe('GET /v1/stream', () => {
  let stack: ApiStack;
  const clients: SseClient[] = [];
  const open = async (query = '', headers: Record<string, string> = {}): Promise<SseClient> => {
    const client = new SseClient(`${stack.baseUrl}/v1/stream${query}`, headers);
    clients.push(client);
    await client.ready;
    return client;
  };
  const story = (uri: string, headline: string) =>
    wireStory({
      uri,
      headline,
      body: `${headline}.`,
      source: 'ap-feed',
      provider: 'ap',
      versioncreated: new Date().toISOString(),
    });
  const rates = story('urn:test:ap:rates-flash', 'FLASH: Central bank raises rates');
  const strike = story('urn:test:ap:strike-flash', 'FLASH: Dockworkers strike');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startApiStack({
      name: 'stream',
      env: { API_STREAM_POLL_MS: '200', API_STREAM_LAG_MS: String(LAG_MS) },
    });
    await stack.stories.publish(...Object.values(newsroomDay()));
    // A client without a position starts at "now minus the lag": let the day's stories fall behind it.
    await new Promise((r) => setTimeout(r, LAG_MS + 500));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await stack?.stop();
  });

  it('streams stories being indexed, updated and killed, in order', async () => {
    const live = await open();
    expect(live.status).toBe(200);
    expect(live.contentType).toMatch(/^text\/event-stream/);

    const steps = [
      rates,
      strike,
      nextVersion(rates, { headline: 'Central bank raises rates by half a point' }),
      nextVersion(strike, { pubstatus: 'canceled' }),
    ];
    for (const [i, step] of steps.entries()) {
      await stack.stories.publish(step);
      await eventually(async () => live.storyEvents().length === i + 1, 10_000);
    }
    const events = live.storyEvents();
    expect(events.map((e) => [e.type, e.data.uri, e.data.version])).toEqual([
      ['indexed', rates.story.uri, 1],
      ['indexed', strike.story.uri, 1],
      ['updated', rates.story.uri, 2],
      ['killed', strike.story.uri, 2],
    ]);
    expect(events[2].data.headline).toBe('Central bank raises rates by half a point');
    ids.ratesIndexed = events[0].id ?? '';
    ids.ratesUpdated = events[2].id ?? '';
    // Only events after the client connected: the day's stories were not replayed.
    expect(events.every((e) => e.id)).toBe(true);
  });

  it('resumes right after an event id given as since, with each story at its newest state', async () => {
    // The strike story's "indexed" state is superseded by its kill: the stream reports the kill.
    const resumed = await open(`?since=${ids.ratesIndexed}`);
    await eventually(async () => resumed.storyEvents().length === 2, 10_000);
    expect(resumed.storyEvents().map((e) => [e.type, e.data.uri])).toEqual([
      ['updated', rates.story.uri],
      ['killed', strike.story.uri],
    ]);
  });

  it('resumes from Last-Event-ID, as EventSource sends it on reconnect', async () => {
    const resumed = await open('', { 'Last-Event-ID': ids.ratesUpdated });
    await eventually(async () => resumed.storyEvents().length === 1, 10_000);
    await new Promise((r) => setTimeout(r, LAG_MS));
    expect(resumed.storyEvents().map((e) => [e.type, e.data.uri])).toEqual([
      ['killed', strike.story.uri],
    ]);
  });

  it('replays everything since a point in time, each story once', async () => {
    const replay = await open(`?since=${encodeURIComponent('2000-01-01T00:00:00Z')}`);
    // The day's 15 stories, then the two flashes at their newest state.
    await eventually(async () => replay.storyEvents().length >= 17, 10_000);
    await new Promise((r) => setTimeout(r, LAG_MS + 500));
    const events = replay.storyEvents();
    expect(events).toHaveLength(17);
    expect(new Set(events.map((e) => e.data.uri)).size).toBe(17);
    expect(events.slice(-2).map((e) => e.type)).toEqual(['updated', 'killed']);
  });

  it.each([
    ['?since=yesterday', 'since'],
    ['?since=123_', 'since'],
    ['?from=2024-01-01T00:00:00Z', 'from'],
  ])('rejects %s naming %s', async (query, parameter) => {
    const response = await stack.get<{ parameter: string; message: string }>(`/v1/stream${query}`);
    expect(response.status).toBe(400);
    expect(response.body.parameter).toBe(parameter);
  });

  it('rejects a malformed Last-Event-ID naming it', async () => {
    const response = await stack.get<{ parameter: string }>('/v1/stream', {
      headers: { 'Last-Event-ID': 'garbage' },
    });
    expect(response.status).toBe(400);
    expect(response.body.parameter).toBe('Last-Event-ID');
  });
});
