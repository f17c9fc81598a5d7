import { startApiStack, type ApiStack } from './support/api-stack';
import { newsroomDay, nextVersion, tag, wireStory } from './support/wire-stories';

interface Suggestion {
  id: string;
  kind: string;
  name: string;
  count: number;
}

describe('GET /v1/tags', () => {
  let stack: ApiStack;
  const day = newsroomDay();
  const suggest = async (query: string): Promise<Suggestion[]> => {
    const response = await stack.get<{ items: Suggestion[] }>(`/v1/tags?${query}`);
    expect(response.status).toBe(200);
    return response.body.items;
  };

  beforeAll(async () => {
    stack = await startApiStack({ name: 'tags' });
    await stack.stories.publish(...Object.values(day));
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('completes the start of a name, with diacritics optional, counting live stories', async () => {
    expect(await suggest('q=erdo')).toEqual([
      { id: 'person:recep-tayyip-erdogan', kind: 'person', name: 'Recep Tayyip Erdoğan', count: 2 },
    ]);
    expect(await suggest(`q=${encodeURIComponent('Erdoğ')}`)).toEqual([
      { id: 'person:recep-tayyip-erdogan', kind: 'person', name: 'Recep Tayyip Erdoğan', count: 2 },
    ]);
  });

  it('matches any word of the name, and aliases', async () => {
    expect((await suggest('q=tayy')).map((s) => s.id)).toEqual(['person:recep-tayyip-erdogan']);
    expect((await suggest('q=national')).map((s) => s.id)).toEqual([
      'org:government-of-national-accord',
      'org:libyan-national-army',
    ]);
    expect((await suggest('q=gna')).map((s) => s.id)).toEqual([
      'org:government-of-national-accord',
    ]);
    expect((await suggest(`q=${encodeURIComponent('recep tay')}`)).map((s) => s.id)).toEqual([
      'person:recep-tayyip-erdogan',
    ]);
  });

  it('restricts to one kind and orders by use', async () => {
    const places = await suggest('kind=place');
    expect(places.every((s) => s.kind === 'place')).toBe(true);
    expect(places[0]).toEqual({ id: 'place:ly', kind: 'place', name: 'Libya', count: 4 });
    const counts = places.map((s) => s.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(await suggest('q=lib&kind=organisation')).toEqual([
      {
        id: 'org:libyan-national-army',
        kind: 'organisation',
        name: 'Libyan National Army',
        count: 1,
      },
    ]);
  });

  it('limits the number of suggestions', async () => {
    expect(await suggest('size=3')).toHaveLength(3);
  });

  it('stops counting a killed story', async () => {
    expect(await suggest('q=politics')).toEqual([
      { id: 'topic:politics', kind: 'topic', name: 'Politics', count: 2 },
    ]);
    await stack.stories.publish(nextVersion(day.ministerResigns, { pubstatus: 'canceled' }));
    expect(await suggest('q=politics')).toEqual([
      { id: 'topic:politics', kind: 'topic', name: 'Politics', count: 1 },
    ]);
  });

  it('no longer suggests a tag once the only story carrying it is killed', async () => {
    const story = wireStory({
      uri: 'urn:test:tags:zanzibar-ferry',
      headline: 'Ferry service to Zanzibar resumes',
      body: 'The ferry service resumed on Monday.',
      source: 'test',
      provider: 'Test Wire',
      versioncreated: new Date().toISOString(),
      tags: [tag('place:city:zanzibar-tz', 'Zanzibar City', ['Zanzibar Town'])],
    });
    await stack.stories.publish(story);
    expect(await suggest('q=zanzibar%20to')).toEqual([
      { id: 'place:city:zanzibar-tz', kind: 'place', name: 'Zanzibar City', count: 1 },
    ]);
    await stack.stories.publish(nextVersion(story, { pubstatus: 'canceled' }));
    expect(await suggest('q=zanzibar')).toEqual([]);
  });

  it.each([
    ['kind=animal', 'kind', /one of person, organisation, place, topic, subject/],
    ['size=51', 'size', /from 1 to 50/],
    [`q=${'x'.repeat(101)}`, 'q', /100/],
    ['prefix=a', 'prefix', /unknown parameter/],
  ])('rejects %s naming %s', async (query, parameter, reason) => {
    const response = await stack.get<{ parameter: string; message: string }>(`/v1/tags?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.parameter).toBe(parameter);
    expect(response.body.message).toMatch(reason);
  });
});
