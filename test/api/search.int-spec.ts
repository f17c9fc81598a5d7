import type { StoryEnrichedV1Payload } from '@lib/contracts';
import { startApiStack, type ApiStack } from './support/api-stack';
import {
  hoursAgo,
  marketReports,
  newsroomDay,
  nextVersion,
  wireStory,
} from './support/wire-stories';

interface Item {
  uri: string;
  version: number;
  headline: string;
  source: string;
  versioncreated: string;
  tags: { id: string; kind: string; name: string }[];
  highlight: { headline?: string; snippets: string[] };
  copies?: { total: number; items: { uri: string; source: string }[] };
}
interface Bucket {
  id: string;
  name: string;
  count: number;
}
interface SearchBody {
  total: number;
  groups?: number;
  items: Item[];
  facets: Record<'people' | 'organisations' | 'places' | 'topics' | 'sources', Bucket[]>;
  cursor: string | null;
  resolved?: Record<string, Record<string, string>>;
}
interface ErrorBody {
  error: string;
  parameter: string;
  message: string;
}

describe('GET /v1/search', () => {
  let stack: ApiStack;
  const day = newsroomDay();
  const reports = marketReports(45);

  const search = async (query: string): Promise<SearchBody> => {
    const response = await stack.get<SearchBody>(`/v1/search?${query}`);
    if (response.status !== 200)
      throw new Error(`${query}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const uris = async (query: string): Promise<string[]> =>
    (await search(query)).items.map((item) => item.uri).sort();
  const q = (text: string) => `q=${encodeURIComponent(text)}`;
  const badRequest = async (query: string): Promise<ErrorBody> => {
    const response = await stack.get<ErrorBody>(`/v1/search?${query}`);
    expect(response.status).toBe(400);
    return response.body;
  };

  beforeAll(async () => {
    stack = await startApiStack({ name: 'search' });
    await stack.stories.publish(...Object.values(day), ...reports);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  describe('query syntax', () => {
    it('finds words through English stemming', async () => {
      expect(await uris(`${q('delegations')}&collapse=false`)).toEqual(
        [
          'urn:test:afp:libya-delegation',
          'urn:test:ap:libya-delegation',
          'urn:test:reuters:libya-delegation',
        ].sort(),
      );
    });

    it('folds diacritics both ways', async () => {
      expect(await uris(q('Dusseldorf'))).toEqual(['urn:test:dpa:duesseldorf-mayor']);
      expect(await uris(q('Düsseldorf'))).toEqual(['urn:test:dpa:duesseldorf-mayor']);
      // The Reuters copy spells it Erdoğan, the AP copy Erdogan.
      expect(await uris(`${q('Erdoğan')}&collapse=false`)).toEqual([
        'urn:test:ap:libya-delegation',
        'urn:test:reuters:libya-delegation',
      ]);
    });

    it('combines words with AND, explicit or implicit', async () => {
      const both = [
        'urn:test:afp:libya-delegation',
        'urn:test:ap:libya-delegation',
        'urn:test:reuters:libya-delegation',
      ];
      expect(await uris(`${q('Libya AND Moscow')}&collapse=false`)).toEqual(both);
      expect(await uris(`${q('Libya Moscow')}&collapse=false`)).toEqual(both);
    });

    it('matches either side of OR', async () => {
      expect(await uris(`${q('Haftar OR Gazprom')}&collapse=false`)).toEqual([
        'urn:test:ap:gas-pipeline',
        'urn:test:reuters:haftar-advance',
      ]);
    });

    it('excludes with NOT and with a leading minus', async () => {
      expect(await uris(`${q('Libya NOT Moscow')}&collapse=false`)).toEqual([
        'urn:test:reuters:haftar-advance',
      ]);
      expect(await uris(`${q('Libya -Moscow')}&collapse=false`)).toEqual([
        'urn:test:reuters:haftar-advance',
      ]);
    });

    it('keeps quoted phrases together', async () => {
      expect(await uris(q('"gas pipeline"'))).toEqual(['urn:test:ap:gas-pipeline']);
      expect(await uris(q('gas pipeline'))).toEqual([
        'urn:test:ap:gas-pipeline',
        'urn:test:reuters:pipeline-demand',
      ]);
    });

    it('groups with parentheses', async () => {
      expect(await uris(`${q('(Haftar OR OPEC) AND Tripoli')}&collapse=false`)).toEqual([
        'urn:test:reuters:haftar-advance',
      ]);
      expect(await uris(`${q('Tripoli AND (Haftar OR Moscow)')}&collapse=false`)).toEqual([
        'urn:test:afp:libya-delegation',
        'urn:test:reuters:haftar-advance',
      ]);
    });

    it('restricts a word or phrase to the headline or the byline', async () => {
      expect(await uris(q('residents'))).toEqual(['urn:test:reuters:haftar-advance']);
      expect(await uris(q('headline:residents'))).toEqual([]);
      expect(await uris(q('headline:Haftar'))).toEqual(['urn:test:reuters:haftar-advance']);
      expect(await uris(q('byline:"Jane Doe"'))).toEqual(['urn:test:reuters:ecb-rates']);
      expect(await uris(q('byline:Muller'))).toEqual(['urn:test:dpa:duesseldorf-mayor']);
      expect(await uris(q('byline:(Doe OR Toksabay)'))).toEqual([
        'urn:test:reuters:ecb-rates',
        'urn:test:reuters:libya-delegation',
      ]);
    });

    it('treats engine syntax in q as plain words', async () => {
      const body = await search(q('title:* OR _exists_:uri~2 AND {"match_all":{}}'));
      expect(body.items).toEqual([]);
      expect(await uris(q('uri:*'))).toEqual([]);
      expect((await badRequest(q('headline:*'))).parameter).toBe('q');
    });

    it('finds a name in its possessive form', async () => {
      expect(await uris(q("Haftar's"))).toEqual(['urn:test:reuters:haftar-advance']);
      expect(await uris(`${q('Haftar')}&collapse=false`)).toEqual([
        'urn:test:reuters:haftar-advance',
      ]);
    });
  });

  describe('filters', () => {
    it('filters by a place, all of several, any of several, none of', async () => {
      const libya = [
        'urn:test:afp:libya-delegation',
        'urn:test:ap:libya-delegation',
        'urn:test:reuters:haftar-advance',
        'urn:test:reuters:libya-delegation',
      ];
      expect(await uris('place=place:ly&collapse=false')).toEqual(libya);
      expect(await uris('place=place:ly,place:tr&collapse=false')).toEqual(
        libya.filter((u) => u !== 'urn:test:reuters:haftar-advance'),
      );
      expect(await uris(`place=${encodeURIComponent('place:ly|place:sa')}&collapse=false`)).toEqual(
        [...libya, 'urn:test:reuters:opec-cut'].sort(),
      );
      const withoutLibya = await uris('place=-place:ly&collapse=false&size=100');
      expect(withoutLibya.some((u) => libya.includes(u))).toBe(false);
      expect(withoutLibya).toContain('urn:test:reuters:opec-cut');
    });

    it('filters by person, organisation, topic, tag, source and language', async () => {
      expect(await uris('person=person:khalifa-haftar')).toEqual([
        'urn:test:reuters:haftar-advance',
      ]);
      expect(await uris('org=org:european-central-bank')).toEqual(['urn:test:reuters:ecb-rates']);
      expect(await uris('topic=topic:crude')).toEqual([
        'urn:test:ap:oil-jump',
        'urn:test:dpa:oelpreis',
        'urn:test:reuters:opec-cut',
      ]);
      expect(await uris('tag=topic:crude&tag=-place:de')).toEqual([
        'urn:test:ap:oil-jump',
        'urn:test:reuters:opec-cut',
      ]);
      expect(await uris('source=dpa-feed')).toEqual([
        'urn:test:dpa:duesseldorf-mayor',
        'urn:test:dpa:oelpreis',
      ]);
      expect(await uris('lang=de')).toEqual(['urn:test:dpa:oelpreis']);
      expect(await uris(`lang=${encodeURIComponent('de|fr')}&topic=topic:crude`)).toEqual([
        'urn:test:dpa:oelpreis',
      ]);
    });

    it('reads tag names, aliases and slugs in filters as the tag ids they stand for', async () => {
      const byId = await uris('place=place:sa&collapse=false');
      expect(byId).toEqual(['urn:test:reuters:opec-cut']);
      for (const name of ['saudi-arabia', 'Saudi Arabia', 'SAUDI_ARABIA'])
        expect(await uris(`place=${encodeURIComponent(name)}&collapse=false`)).toEqual(byId);

      const aliased = await search(`person=${encodeURIComponent('erdogan')}&collapse=false`);
      const viaId = await search('person=person:recep-tayyip-erdogan&collapse=false');
      expect(aliased.items.map((i) => i.uri).sort()).toEqual(viaId.items.map((i) => i.uri).sort());
      expect(aliased.total).toBeGreaterThan(0);
      expect(aliased).toMatchObject({
        resolved: { person: { erdogan: 'person:recep-tayyip-erdogan' } },
      });

      // A name of the wrong kind does not resolve: Libya is a place, not a person.
      const mixed = await uris(`place=${encodeURIComponent('libya|saudi-arabia')}&collapse=false`);
      expect(mixed).toEqual(
        await uris(`place=${encodeURIComponent('place:ly|place:sa')}&collapse=false`),
      );
      expect(await uris('tag=libya&tag=-turkey&collapse=false')).toEqual(
        await uris('tag=place:ly&tag=-place:tr&collapse=false'),
      );
    });

    it('answers 400 naming the filter when a tag name matches no live story', async () => {
      const unknown = await badRequest('place=atlantis');
      expect(unknown).toMatchObject({ error: 'SEARCH.UNKNOWN_TAG', parameter: 'place' });
      expect(unknown.message).toMatch(/"atlantis"/);
      expect((await badRequest('person=libya')).parameter).toBe('person');
      // Only the prefix of a name is not the name.
      expect((await badRequest('place=saudi')).parameter).toBe('place');
    });

    it('combines filters with the query', async () => {
      expect(await uris(`${q('prices')}&source=ap-feed`)).toEqual(['urn:test:ap:oil-jump']);
    });

    it('limits by publication time with from and to', async () => {
      const recent = await uris(`from=${encodeURIComponent(hoursAgo(3.2))}&collapse=false`);
      expect(recent).toEqual([
        'urn:test:afp:libya-delegation',
        'urn:test:ap:libya-delegation',
        'urn:test:ap:refinery-fire-new',
        'urn:test:reuters:libya-delegation',
      ]);
      const window = await uris(
        `from=${encodeURIComponent(hoursAgo(5.5))}&to=${encodeURIComponent(hoursAgo(3.5))}&collapse=false`,
      );
      expect(window).toEqual([
        'urn:test:ap:oil-jump',
        'urn:test:dpa:oelpreis',
        'urn:test:reuters:haftar-advance',
      ]);
      const monthAgo = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
      expect(await uris(`to=${monthAgo}&collapse=false`)).toEqual([
        'urn:test:reuters:refinery-fire-old',
      ]);
    });
  });

  describe('ranking and presentation', () => {
    it('sorts by newest first on request', async () => {
      const body = await search('sort=newest&collapse=false&size=5');
      const times = body.items.map((item) => Date.parse(item.versioncreated));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(body.items[0].uri).toBe('urn:test:ap:refinery-fire-new');
    });

    it('favours the recent of two equally relevant stories', async () => {
      const body = await search(`${q('refinery fire')}&sort=relevance`);
      expect(body.items.map((item) => item.uri)).toEqual([
        'urn:test:ap:refinery-fire-new',
        'urn:test:reuters:refinery-fire-old',
      ]);
    });

    it('ranks a headline match above a passing mention', async () => {
      const body = await search(`${q('Tripoli')}&collapse=false`);
      expect(body.items.map((item) => item.uri)).toEqual([
        'urn:test:reuters:haftar-advance',
        'urn:test:afp:libya-delegation',
      ]);
    });

    it('highlights the matched words, escaping the story text', async () => {
      const body = await search(q('Haftar Tripoli'));
      const item = body.items[0];
      expect(item.highlight.headline).toBe(
        '<mark>Haftar</mark> forces push towards <mark>Tripoli</mark>',
      );
      expect(item.highlight.snippets.join(' ')).toContain(
        'Libyan National Army advanced on the southern outskirts of <mark>Tripoli</mark>',
      );
      expect(item.highlight.snippets.join(' ')).toContain('Haftar&#x27;s');
      expect(item.highlight.snippets.join(' ').replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    });

    it('counts facets for people, organisations, places, topics and sources', async () => {
      const body = await search(q('Libya'));
      expect(body.facets.people).toEqual(
        expect.arrayContaining([
          { id: 'person:recep-tayyip-erdogan', name: 'Recep Tayyip Erdoğan', count: 2 },
          { id: 'person:khalifa-haftar', name: 'Khalifa Haftar', count: 1 },
        ]),
      );
      expect(body.facets.places).toEqual(
        expect.arrayContaining([{ id: 'place:ly', name: 'Libya', count: 4 }]),
      );
      expect(body.facets.places[0]).toEqual({ id: 'place:ly', name: 'Libya', count: 4 });
      expect(body.facets.organisations).toEqual(
        expect.arrayContaining([
          {
            id: 'org:government-of-national-accord',
            name: 'Government of National Accord',
            count: 3,
          },
        ]),
      );
      expect(body.facets.topics).toEqual(
        expect.arrayContaining([{ id: 'topic:diplomacy', name: 'Diplomacy', count: 3 }]),
      );
      expect(body.facets.sources).toEqual([
        { id: 'reuters-feed', name: 'reuters-feed', count: 2 },
        { id: 'afp-feed', name: 'afp-feed', count: 1 },
        { id: 'ap-feed', name: 'ap-feed', count: 1 },
      ]);
    });

    it('narrows facets with the filters', async () => {
      const body = await search('topic=topic:crude');
      expect(body.facets.sources).toEqual(
        expect.arrayContaining([
          { id: 'reuters-feed', name: 'reuters-feed', count: 1 },
          { id: 'ap-feed', name: 'ap-feed', count: 1 },
          { id: 'dpa-feed', name: 'dpa-feed', count: 1 },
        ]),
      );
      expect(body.facets.organisations).toEqual([{ id: 'org:opec', name: 'OPEC', count: 3 }]);
    });
  });

  describe('collapse', () => {
    it('shows one result per cluster, with the other wires as copies', async () => {
      const body = await search(q('Moscow'));
      expect(body.total).toBe(3);
      expect(body.groups).toBe(1);
      expect(body.items).toHaveLength(1);
      expect(body.items[0].copies?.total).toBe(3);
      expect(body.items[0].copies?.items.map((c) => c.source).sort()).toEqual([
        'afp-feed',
        'ap-feed',
        'reuters-feed',
      ]);
    });

    it('shows every wire copy with collapse=false', async () => {
      const body = await search(`${q('Moscow')}&collapse=false`);
      expect(body.items).toHaveLength(3);
      expect(body.groups).toBeUndefined();
      expect(body.items[0].copies).toBeUndefined();
    });

    it('never collapses stories that have no cluster', async () => {
      const body = await search(`${q('"market report"')}&size=100`);
      // 45 reports: pairs (5k, 5k+1) share a cluster, so 9 pairs collapse into 9 results.
      expect(body.total).toBe(45);
      expect(body.groups).toBe(36);
      expect(body.items).toHaveLength(36);
      expect(new Set(body.items.map((i) => i.uri)).size).toBe(36);
    });
  });

  describe('cursor pagination', () => {
    async function pageThrough(
      query: string,
      size: number,
      onFirstPage: () => Promise<void>,
    ): Promise<string[]> {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const body: SearchBody = await search(
          `${query}&size=${size}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...body.items.map((i) => i.uri));
        if (pages === 0) await onFirstPage();
        cursor = body.cursor;
        pages += 1;
      } while (cursor && pages < 50);
      expect(cursor).toBeNull();
      return seen;
    }

    let extra = 0;
    const arriveNewReports = async (): Promise<void> => {
      // Newer than everything: without a stable cursor they would shift every later page.
      const fresh: StoryEnrichedV1Payload[] = [0, 1, 2].map((i) =>
        wireStory({
          uri: `urn:test:market:late-${extra}-${i}`,
          headline: `Market report late ${extra}-${i}: shares edge higher`,
          body: 'Shares edged higher in a late market report.',
          source: 'reuters-feed',
          provider: 'reuters',
          versioncreated: new Date().toISOString(),
        }),
      );
      extra += 1;
      await stack.stories.publish(...fresh);
    };

    it.each([
      ['newest, uncollapsed', 'sort=newest&collapse=false', 45],
      ['relevance, uncollapsed', 'sort=relevance&collapse=false', 45],
      ['newest, collapsed', 'sort=newest&collapse=true', 36],
      ['relevance, collapsed', 'sort=relevance&collapse=true', 36],
    ])(
      'pages through %s without duplicates or gaps while stories arrive',
      async (_, params, reports) => {
        const before = (await search(`${q('"market report"')}&${params}&size=100`)).items.map(
          (i) => i.uri,
        );
        // Each earlier case left three late reports behind.
        expect(before).toHaveLength(reports + 3 * extra);
        const paged = await pageThrough(`${q('"market report"')}&${params}`, 7, arriveNewReports);
        expect(paged).toEqual(before);
        expect(new Set(paged).size).toBe(paged.length);
        // The three reports that arrived while paging are there for a new search.
        const after = await search(`${q('"market report"')}&${params}&size=100`);
        expect(after.items).toHaveLength(before.length + 3);
      },
    );

    it('returns no cursor on the last page', async () => {
      const body = await search(`${q('Haftar')}&size=5`);
      expect(body.cursor).toBeNull();
    });

    it('rejects a malformed cursor with a 400 naming it', async () => {
      const error = await badRequest(`${q('market')}&cursor=not-a-real-cursor`);
      expect(error.parameter).toBe('cursor');
      const bad = await badRequest(`${q('market')}&cursor=${encodeURIComponent('a+b/c=')}`);
      expect(bad.parameter).toBe('cursor');
    });

    it('rejects a cursor used with a different query', async () => {
      const first = await search(`${q('market')}&size=5`);
      expect(first.cursor).not.toBeNull();
      const error = await badRequest(`${q('shares')}&size=5&cursor=${first.cursor}`);
      expect(error.parameter).toBe('cursor');
      expect(error.message).toMatch(/different query/);
    });

    it('rejects a cursor whose point in time is gone', async () => {
      const first = await search(`${q('market')}&size=5`);
      const cursor = JSON.parse(Buffer.from(first.cursor ?? '', 'base64url').toString()) as {
        pit: string;
      };
      await stack.search.closePointInTime({ id: cursor.pit });
      const error = await badRequest(`${q('market')}&size=5&cursor=${first.cursor}`);
      expect(error.parameter).toBe('cursor');
      expect(error.message).toMatch(/expired/);
    });
  });

  describe('validation', () => {
    it.each([
      ['size=0', 'size', /from 1 to 100/],
      ['size=101', 'size', /from 1 to 100/],
      ['size=ten', 'size', /whole number/],
      ['sort=oldest', 'sort', /relevance or newest/],
      ['collapse=maybe', 'collapse', /true or false/],
      ['from=yesterday', 'from', /ISO-8601/],
      ['to=2024-13-45', 'to', /ISO-8601/],
      ['from=2024-05-02&to=2024-05-01', 'from', /after "to"/],
      [q('(oil OR gas'), 'q', /never closed/],
      [q('"oil'), 'q', /unclosed quote/],
      [q('oil AND'), 'q', /needs a term after it/],
      ['q=a&q=b', 'q', /more than once/],
      [`q=${'x'.repeat(501)}`, 'q', /500/],
      [`place=${encodeURIComponent('place:ly,|place:tr')}`, 'place', /either/],
      ['person=', 'person', /expected a value/],
      ['org=a,-b', 'org', /minus/],
      ['colour=red', 'colour', /unknown parameter/],
    ])('rejects %s naming %s', async (query, parameter, reason) => {
      const error = await badRequest(query);
      expect(error.error).toBe('REQUEST.BAD_PARAMETER');
      expect(error.parameter).toBe(parameter);
      expect(error.message).toMatch(reason);
      expect(error.message).toContain(`"${parameter}"`);
    });
  });

  describe('kills and corrections', () => {
    it('drops a killed story from results and facets', async () => {
      expect(await uris(q('minister resigns'))).toEqual(['urn:test:reuters:minister-resigns']);
      const politicsBefore = (await search('size=1')).facets.topics.find(
        (b) => b.id === 'topic:politics',
      )?.count;
      await stack.stories.publish(nextVersion(day.ministerResigns, { pubstatus: 'canceled' }));
      expect(await uris(q('minister resigns'))).toEqual([]);
      expect(await uris('topic=topic:politics')).toEqual(['urn:test:dpa:duesseldorf-mayor']);
      const politicsAfter = (await search('size=1')).facets.topics.find(
        (b) => b.id === 'topic:politics',
      )?.count;
      expect(politicsAfter).toBe((politicsBefore ?? 0) - 1);
    });

    it('replaces a corrected story instead of duplicating it', async () => {
      const corrected = nextVersion(day.quake, {
        headline: 'CORRECTED-Magnitude 5.1 earthquake strikes off coast',
        body: 'An earthquake of magnitude 5.1 (corrects from 6.1) struck off the coast on Saturday, seismologists said.',
      });
      await stack.stories.publish(corrected);
      const body = await search(`${q('earthquake')}&collapse=false`);
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({
        uri: 'urn:test:ap:quake',
        version: 2,
        headline: 'CORRECTED-Magnitude 5.1 earthquake strikes off coast',
      });
      expect(await uris(q('"no immediate reports of damage"'))).toEqual([]);
    });

    it('ignores a late older version', async () => {
      await stack.stories.index(day.quake);
      const body = await search(q('earthquake'));
      expect(body.items[0].version).toBe(2);
    });
  });

  // Last: it adds a story of its own.
  describe('the engine request cache', () => {
    const cacheHits = async (): Promise<number> => {
      const stats = await stack.search.indices.stats({
        index: stack.alias,
        metric: 'request_cache',
      });
      return stats._all.total?.request_cache?.hit_count ?? 0;
    };

    it('answers the same search again from the cache, identically', async () => {
      const before = await cacheHits();
      // Uncollapsed: the page is then the only search request. Three in a row: at most one
      // minute boundary (a new recency origin) falls between them.
      const libya = `${q('Libya')}&collapse=false`;
      const bodies = [await search(libya), await search(libya), await search(libya)];
      expect(await cacheHits()).toBeGreaterThan(before);
      const answer = ({ cursor: _cursor, ...rest }: SearchBody) => rest;
      expect(answer(bodies[1])).toEqual(answer(bodies[0]));
      expect(answer(bodies[2])).toEqual(answer(bodies[1]));
    });

    it('forgets a cached answer as soon as the index changes', async () => {
      expect((await search(q('Zanzibar'))).total).toBe(0);
      expect((await search(q('Zanzibar'))).total).toBe(0);
      await stack.stories.publish(
        wireStory({
          uri: 'urn:test:search:zanzibar-ferry',
          headline: 'Ferry service to Zanzibar resumes',
          body: 'The ferry service resumed on Monday.',
          source: 'reuters-feed',
          provider: 'Reuters',
          versioncreated: hoursAgo(1),
        }),
      );
      expect(await uris(q('Zanzibar'))).toEqual(['urn:test:search:zanzibar-ferry']);
    });
  });
});
