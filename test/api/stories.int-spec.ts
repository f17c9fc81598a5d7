import { startApiStack, type ApiStack } from './support/api-stack';
import { hoursAgo, newsroomDay, nextVersion, TAGS, wireStory } from './support/wire-stories';

interface Related {
  uri: string;
  headline: string;
  source: string;
  score: number | null;
  reason: {
    kind: string;
    sharedEntities: { id: string; name: string }[];
    sharedTerms: string[];
    text: string;
  };
}
interface Story {
  uri: string;
  version: number;
  pubstatus: string;
  status: string;
  isCorrected: boolean;
  headline: string;
  body_text: string;
  source: string;
  tags: { id: string; kind: string; name: string; confidence: number }[];
  topics: { id: string; name: string }[];
  cluster: string | null;
  related: Related[];
  history: {
    version: number;
    kind: string;
    headline: string;
    changes: Record<string, unknown>[];
  }[];
}

describe('GET /v1/stories/:id and /v1/stories/:id/related', () => {
  let stack: ApiStack;
  const day = newsroomDay();
  const path = (uri: string) => `/v1/stories/${encodeURIComponent(uri)}`;
  const story = async (uri: string): Promise<Story> => {
    const response = await stack.get<Story>(path(uri));
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    stack = await startApiStack({ name: 'stories' });
    await stack.stories.publish(...Object.values(day));
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('returns the latest version with tags, topics and cluster', async () => {
    const body = await story(day.delegationReuters.story.uri);
    expect(body).toMatchObject({
      uri: 'urn:test:reuters:libya-delegation',
      version: 1,
      status: 'live',
      isCorrected: false,
      headline: 'Turkey to send security delegation to Moscow to discuss Libya',
      source: 'reuters-feed',
      cluster: 'cluster:libya-delegation',
      topics: [{ id: 'topic:diplomacy', name: 'Diplomacy', confidence: 0.9 }],
    });
    expect(body.body_text).toContain('Erdoğan told reporters');
    expect(body.tags).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'person:recep-tayyip-erdogan',
          kind: 'person',
          name: 'Recep Tayyip Erdoğan',
        }),
      ]),
    );
    expect(body.history).toEqual([expect.objectContaining({ version: 1, kind: 'first' })]);
  });

  it("relates other wires' copies first, then linked stories with the reason in words", async () => {
    const body = await story(day.delegationReuters.story.uri);
    expect(body.related.slice(0, 2).map((r) => [r.uri, r.reason.kind])).toEqual([
      ['urn:test:ap:libya-delegation', 'same-story'],
      ['urn:test:afp:libya-delegation', 'same-story'],
    ]);
    const haftar = body.related.find((r) => r.uri === 'urn:test:reuters:haftar-advance');
    expect(haftar).toMatchObject({
      headline: 'Haftar forces push towards Tripoli',
      score: 0.61,
      reason: {
        kind: 'related',
        sharedEntities: [
          { id: 'place:ly', name: 'Libya' },
          { id: 'org:government-of-national-accord', name: 'Government of National Accord' },
        ],
        sharedTerms: ['tripoli', 'libya'],
        text: 'Both about Libya, Government of National Accord; shared words: tripoli, libya',
      },
    });
  });

  it('serves the related links on their own', async () => {
    const response = await stack.get<{ uri: string; related: Related[] }>(
      `${path(day.haftar.story.uri)}/related`,
    );
    expect(response.status).toBe(200);
    expect(response.body.uri).toBe('urn:test:reuters:haftar-advance');
    expect(response.body.related.map((r) => [r.uri, r.reason.kind])).toEqual([
      ['urn:test:reuters:libya-delegation', 'related'],
    ]);
  });

  it("shows newer coverage from the newer stories' own strongest links, as they are now", async () => {
    const reason = { sharedEntities: ['place:ly'], sharedTerms: ['benghazi'] };
    const link = (uri: string, score: number) => ({ uri, headline: uri, score, reason });
    const earlier = wireStory({
      uri: 'urn:test:reuters:benghazi-port',
      headline: 'Benghazi port reopens',
      body: 'The port of Benghazi reopened to cargo ships on Monday.',
      source: 'reuters-feed',
      provider: 'reuters',
      versioncreated: hoursAgo(30),
    });
    const strong = wireStory({
      uri: 'urn:test:reuters:benghazi-port-ships',
      headline: 'First ships dock in Benghazi',
      body: 'The first cargo ships docked in Benghazi since the port reopened.',
      source: 'reuters-feed',
      provider: 'reuters',
      versioncreated: hoursAgo(29),
      related: [link(earlier.story.uri, 1.4)],
    });
    // Its link to the earlier story is only its fourth strongest: three is the most it shows on.
    const crowded = wireStory({
      uri: 'urn:test:afp:libya-oil',
      headline: 'Libya oil exports recover',
      body: 'Libyan oil exports recovered as ports reopened, Benghazi among them.',
      source: 'afp-feed',
      provider: 'afp',
      versioncreated: hoursAgo(28),
      related: [
        link(day.haftar.story.uri, 2),
        link(day.delegationReuters.story.uri, 1.8),
        link(day.delegationAp.story.uri, 1.5),
        link(earlier.story.uri, 1.2),
      ],
    });
    const weak = wireStory({
      uri: 'urn:test:ap:benghazi-weather',
      headline: 'Storm warning for eastern Libya',
      body: 'Forecasters warned of a storm over Benghazi.',
      source: 'ap-feed',
      provider: 'ap',
      versioncreated: hoursAgo(27),
      related: [link(earlier.story.uri, 0.5)],
    });
    await stack.stories.publish(earlier, strong, crowded, weak);

    const shown = (await story(earlier.story.uri)).related;
    expect(shown.map((r) => [r.uri, r.score, r.reason.kind])).toEqual([
      [strong.story.uri, 1.4, 'related'],
    ]);
    expect(shown[0]?.headline).toBe('First ships dock in Benghazi');

    // A new version of the newer story without the link takes it away at once.
    const unlinked = nextVersion(strong, { headline: 'First ships dock in Benghazi port' });
    await stack.stories.publish({
      ...unlinked,
      enrichment: { ...unlinked.enrichment, related: [] },
    });
    expect((await story(earlier.story.uri)).related).toEqual([]);
  });

  it('shows a correction replacing the story, with what changed', async () => {
    await stack.stories.publish(
      nextVersion(day.quake, {
        headline: 'CORRECTED-Magnitude 5.1 earthquake strikes off coast',
        body: 'An earthquake of magnitude 5.1 struck off the coast on Saturday, seismologists said. There were no immediate reports of damage.',
      }),
    );
    const body = await story(day.quake.story.uri);
    expect(body).toMatchObject({
      version: 2,
      isCorrected: true,
      headline: 'CORRECTED-Magnitude 5.1 earthquake strikes off coast',
      status: 'live',
    });
    expect(body.history.map((v) => [v.version, v.kind])).toEqual([
      [1, 'first'],
      [2, 'correction'],
    ]);
    expect(body.history[1].changes).toEqual([
      {
        field: 'headline',
        before: 'Magnitude 6.1 earthquake strikes off coast',
        after: 'CORRECTED-Magnitude 5.1 earthquake strikes off coast',
      },
      {
        field: 'body_text',
        removed: [
          'An earthquake of magnitude 6.1 struck off the coast on Saturday, seismologists said.',
        ],
        added: [
          'An earthquake of magnitude 5.1 struck off the coast on Saturday, seismologists said.',
        ],
      },
    ]);
  });

  it("shows a killed story as killed, and drops it from other stories' related links", async () => {
    const before = await story(day.delegationReuters.story.uri);
    expect(before.related.map((r) => r.uri)).toContain('urn:test:reuters:minister-resigns');

    await stack.stories.publish(nextVersion(day.ministerResigns, { pubstatus: 'canceled' }));
    const killed = await story(day.ministerResigns.story.uri);
    expect(killed).toMatchObject({
      status: 'killed',
      pubstatus: 'canceled',
      version: 2,
      tags: [],
      related: [],
    });
    expect(killed.history.map((v) => v.kind)).toEqual(['first', 'kill']);

    const after = await story(day.delegationReuters.story.uri);
    expect(after.related.map((r) => r.uri)).not.toContain('urn:test:reuters:minister-resigns');
    const related = await stack.get<{ related: Related[] }>(
      `${path(day.ministerResigns.story.uri)}/related`,
    );
    expect(related.status).toBe(200);
    expect(related.body.related).toEqual([]);
  });

  it('shows an accepted story that is not indexed yet as pending', async () => {
    const accepted = wireStory({
      uri: 'urn:test:ap:just-in',
      headline: 'Just in: ceasefire talks resume',
      body: 'Ceasefire talks resumed on Monday.',
      source: 'ap-feed',
      provider: 'ap',
      versioncreated: hoursAgo(0.1),
      tags: [TAGS.libya],
    });
    await stack.stories.record(accepted);
    expect(await story('urn:test:ap:just-in')).toMatchObject({
      status: 'pending',
      version: 1,
      headline: 'Just in: ceasefire talks resume',
      source: 'ap-feed',
    });
  });

  it('finds stories whose uri contains slashes and commas', async () => {
    const odd = wireStory({
      uri: 'tag:reuters.com,2024:newsml_L1N3/ABC?x=1',
      headline: 'Odd identifiers survive the round trip',
      body: 'Body.',
      source: 'reuters-feed',
      provider: 'reuters',
      versioncreated: hoursAgo(1),
    });
    await stack.stories.publish(odd);
    expect((await story(odd.story.uri)).headline).toBe('Odd identifiers survive the round trip');
  });

  it('answers 404 for an unknown story, on both routes', async () => {
    for (const suffix of ['', '/related']) {
      const response = await stack.get<{ error: string; message: string }>(
        `${path('urn:test:nope')}${suffix}`,
      );
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        error: 'STORY.NOT_FOUND',
        message: 'no story with uri "urn:test:nope"',
      });
    }
  });

  it('rejects an id that cannot be a uri with a 400 naming it', async () => {
    const response = await stack.get<{ parameter: string }>(path('x'.repeat(2049)));
    expect(response.status).toBe(400);
    expect(response.body.parameter).toBe('id');
  });
});
