import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceProcess } from '../../tools/stack/services';
import { startStack, stopStack } from '../support/stack';
import { TEST_ADMIN_KEY, TEST_ALIAS, TEST_ES_NODE, TEST_PORTS } from '../setup/test-env';
import { PIPELINE_TIMEOUT_MS, eventually } from '../support/eventually';
import { push, registerSource } from '../support/sources';

interface IndexedStory {
  uri: string;
  cluster?: string;
  tags: { id: string; kind: string; name: string; provenance: { method: string } }[];
  related: {
    uri: string;
    score: number;
    reason: { sharedEntities: string[]; sharedTerms: string[] };
  }[];
}

const seed = JSON.parse(
  readFileSync(
    join(__dirname, '..', 'fixtures', 'seed', 'seed-warsan-turkey-libya.ninjs.json'),
    'utf8',
  ),
) as Record<string, unknown>;

interface RelatedView {
  uri: string;
  reason: { kind: string; sharedEntities: { id: string }[] };
}

/** The links a reader sees (`GET /v1/stories/:id/related`): the story's own and its newer coverage. */
async function relatedOf(uri: string): Promise<RelatedView[]> {
  const response = await fetch(
    `http://127.0.0.1:${TEST_PORTS.api}/v1/stories/${encodeURIComponent(uri)}/related`,
  );
  if (response.status !== 200) return [];
  return ((await response.json()) as { related: RelatedView[] }).related;
}

async function indexed(uri: string): Promise<IndexedStory | undefined> {
  const response = await fetch(`${TEST_ES_NODE}/${TEST_ALIAS}/_doc/${encodeURIComponent(uri)}`);
  if (response.status !== 200) return undefined;
  return ((await response.json()) as { _source: IndexedStory })._source;
}

describe('enrichment through the real enricher', () => {
  let services: ServiceProcess[] = [];
  let apiKey = '';

  beforeAll(async () => {
    services = await startStack('enrichment');
    apiKey = (await registerSource({ name: 'enrichment-desk' })).apiKey ?? '';
  }, 120_000);

  afterAll(async () => {
    await stopStack(services);
  });

  it('tags the seed story with every entity a reader expects and no junk', async () => {
    expect((await push(apiKey, JSON.stringify(seed))).status).toBeLessThan(300);
    const story = await eventually(() => indexed(String(seed.uri)), PIPELINE_TIMEOUT_MS);
    const ids = story.tags.map((t) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'place:tr',
        'place:ru',
        'place:ly',
        'place:city:moscow-ru',
        'place:city:tripoli-ly',
        'place:city:geneva-ch',
        'place:city:berlin-de',
        'place:sy',
        'place:eg',
        'place:ae',
        'place:qa',
        'place:tn',
        'place:dz',
        'person:recep-tayyip-erdogan',
        'person:vladimir-putin',
        'person:khalifa-haftar',
        'person:angela-merkel',
        'org:wagner-group',
        'org:government-of-national-accord',
        'org:libyan-national-army',
      ]),
    );
    expect(story.tags.filter((t) => /read more|related posts/i.test(t.name))).toEqual([]);
    expect(story.cluster).toMatch(/^sh:[0-9a-f]{16}$/);
  });

  it('labels search facets with the tag names the indexer stored beside the stories', async () => {
    const story = await eventually(() => indexed(String(seed.uri)), PIPELINE_TIMEOUT_MS);
    const haftar = story.tags.find((t) => t.id === 'person:khalifa-haftar');
    expect(haftar?.name).toBeTruthy();
    const stored = (await (
      await fetch(`${TEST_ES_NODE}/${TEST_ALIAS}-tags/_doc/person:khalifa-haftar`)
    ).json()) as { _source?: { id: string; kind: string; name: string; keys: string[] } };
    expect(stored._source).toMatchObject({
      id: 'person:khalifa-haftar',
      kind: 'person',
      name: haftar?.name,
    });
    expect(stored._source?.keys).toContain('khalifa haftar');
    const facets = await eventually(async () => {
      const response = await fetch(
        `http://127.0.0.1:${TEST_PORTS.api}/v1/search?q=Haftar&person=person:khalifa-haftar`,
      );
      const body = (await response.json()) as {
        facets?: { people: { id: string; name: string; count: number }[] };
      };
      return body.facets?.people.length ? body.facets : undefined;
    }, PIPELINE_TIMEOUT_MS);
    expect(facets.people).toContainEqual({
      id: 'person:khalifa-haftar',
      name: haftar?.name,
      count: 1,
    });
    expect(facets.people.every((bucket) => bucket.name !== bucket.id)).toBe(true);
  });

  it('completes and resolves tag names from the names the indexer stored', async () => {
    await eventually(() => indexed(String(seed.uri)), PIPELINE_TIMEOUT_MS);
    const api = `http://127.0.0.1:${TEST_PORTS.api}`;
    const suggestions = await eventually(async () => {
      const body = (await (await fetch(`${api}/v1/tags?q=haft&kind=person`)).json()) as {
        items: { id: string; name: string; count: number }[];
      };
      return body.items.length > 0 ? body.items : undefined;
    }, PIPELINE_TIMEOUT_MS);
    expect(suggestions).toContainEqual(
      expect.objectContaining({ id: 'person:khalifa-haftar', count: 1 }),
    );
    const response = await fetch(`${api}/v1/search?q=Haftar&person=Khalifa%20Haftar`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      resolved?: Record<string, Record<string, string>>;
      items: { uri: string }[];
    };
    expect(body.resolved?.person).toEqual({ 'Khalifa Haftar': 'person:khalifa-haftar' });
    expect(body.items.map((item) => item.uri)).toContain(String(seed.uri));
  });

  it('adds topics learned from the Reuters archive', async () => {
    const oil = {
      uri: 'urn:newswire:test:opec-output',
      type: 'text',
      version: '1',
      versioncreated: '2019-12-19T08:00:00+00:00',
      pubstatus: 'usable',
      language: 'en',
      headline: 'OPEC agrees to deepen crude oil output cuts',
      body_html:
        '<p>OPEC and its allies agreed on Friday to cut crude oil production by a further 500,000 barrels per day, ' +
        'oil ministers said in Vienna, as prices for Brent crude rose above 65 dollars a barrel.</p>',
    };
    expect((await push(apiKey, JSON.stringify(oil))).status).toBe(202);
    const story = await eventually(() => indexed(oil.uri), PIPELINE_TIMEOUT_MS);
    expect(story.tags.filter((t) => t.kind === 'topic').map((t) => t.id)).toContain('topic:crude');
  });

  it('puts another wire’s copy of the same story in the same cluster, never as a related post', async () => {
    const copy = {
      ...seed,
      uri: 'urn:newswire:test:reuters-copy-of-seed',
      headline: 'Turkey to send delegation to Moscow for Libya talks',
      copyrightnotice: 'Reuters',
    };
    expect((await push(apiKey, JSON.stringify(copy))).status).toBe(202);
    const original = await eventually(() => indexed(String(seed.uri)), PIPELINE_TIMEOUT_MS);
    const indexedCopy = await eventually(() => indexed(copy.uri), PIPELINE_TIMEOUT_MS);
    expect(indexedCopy.cluster).toBe(original.cluster);
    expect(indexedCopy.related.map((r) => r.uri)).not.toContain(seed.uri);
  });

  it('links a later story on the same conflict to the earlier coverage, saying why', async () => {
    const later = {
      uri: 'urn:newswire:test:haftar-offensive-follow-up',
      type: 'text',
      version: '1',
      versioncreated: '2019-12-20T09:00:00+00:00',
      pubstatus: 'usable',
      language: 'en',
      headline: 'Haftar forces press Tripoli offensive as Erdogan weighs troop deployment',
      body_html:
        '<p>Forces loyal to Khalifa Haftar pressed their offensive on Tripoli on Friday, as Turkish President Recep Tayyip Erdogan said Turkey could deploy troops to Libya if the Government of National Accord asked for them.</p>' +
        '<p>Russian mercenaries of the Wagner Group have backed the Libyan National Army, officials in Tripoli said.</p>',
    };
    // Related links come from searchable stories: wait until the earlier coverage is.
    await eventually(async () => {
      const response = await fetch(
        `${TEST_ES_NODE}/${TEST_ALIAS}/_count?q=uri:${encodeURIComponent(JSON.stringify(String(seed.uri)))}`,
      );
      return ((await response.json()) as { count: number }).count === 1;
    }, PIPELINE_TIMEOUT_MS);
    expect((await push(apiKey, JSON.stringify(later))).status).toBe(202);
    const story = await eventually(async () => {
      const doc = await indexed(later.uri);
      return doc && doc.related.length > 0 ? doc : undefined;
    }, PIPELINE_TIMEOUT_MS);
    const link = story.related.find(
      (r) => r.uri === seed.uri || r.uri === 'urn:newswire:test:reuters-copy-of-seed',
    );
    expect(link).toBeDefined();
    expect(link?.score).toBeGreaterThan(0);
    expect(link?.reason.sharedEntities).toEqual(expect.arrayContaining(['person:khalifa-haftar']));
    // The earlier coverage gains a link to the newer story (bounded backlinking).
    const earlier = await eventually(async () => {
      const links = await relatedOf(link?.uri ?? '');
      return links.some((r) => r.uri === later.uri) ? links : undefined;
    }, PIPELINE_TIMEOUT_MS);
    expect(
      earlier.find((r) => r.uri === later.uri)?.reason.sharedEntities.map((e) => e.id),
    ).toContain('person:khalifa-haftar');
  });

  it('keeps an earlier story’s link to newer coverage when a new version of it arrives', async () => {
    const strike = {
      uri: 'urn:newswire:test:cocoa-strike',
      type: 'text',
      version: '1',
      versioncreated: '2019-12-21T08:00:00+00:00',
      pubstatus: 'usable',
      language: 'en',
      headline: 'Ivory Coast cocoa farmers halt bean deliveries over farmgate price',
      body_html:
        '<p>Cocoa farmers in Ivory Coast, the world’s top cocoa grower, halted bean deliveries to exporters in San Pedro on Saturday, demanding a higher farmgate price for the main crop.</p>' +
        '<p>Cooperatives said cocoa beans would stay in village warehouses until the Coffee and Cocoa Council raised the price paid to growers.</p>',
    };
    const followUp = {
      uri: 'urn:newswire:test:cocoa-strike-spreads',
      type: 'text',
      version: '1',
      versioncreated: '2019-12-21T12:00:00+00:00',
      pubstatus: 'usable',
      language: 'en',
      headline: 'Ivory Coast cocoa strike spreads as exporters warn of bean shortages',
      body_html:
        '<p>Exporters in San Pedro warned of cocoa bean shortages as the farmers’ strike over the farmgate price spread across Ivory Coast, the biggest cocoa producer.</p>' +
        '<p>Growers’ cooperatives kept cocoa in warehouses and said the Coffee and Cocoa Council had not answered their demand for a higher price.</p>',
    };
    const searchable = async (uri: string): Promise<boolean> => {
      const response = await fetch(
        `${TEST_ES_NODE}/${TEST_ALIAS}/_count?q=uri:${encodeURIComponent(JSON.stringify(uri))}`,
      );
      return ((await response.json()) as { count: number }).count === 1;
    };
    const linksTo = async (from: string, to: string): Promise<boolean> =>
      (await relatedOf(from)).some((r) => r.uri === to);

    expect((await push(apiKey, JSON.stringify(strike))).status).toBe(202);
    await eventually(() => searchable(strike.uri), PIPELINE_TIMEOUT_MS);
    expect((await push(apiKey, JSON.stringify(followUp))).status).toBe(202);
    await eventually(() => linksTo(strike.uri, followUp.uri), PIPELINE_TIMEOUT_MS);

    // A correction written before the follow-up: its own links can only reach earlier stories.
    const corrected = {
      ...strike,
      version: '2',
      versioncreated: '2019-12-21T09:00:00+00:00',
      body_html: `${strike.body_html}<p>Corrects the name of the port to San Pedro.</p>`,
    };
    expect((await push(apiKey, JSON.stringify(corrected))).status).toBe(202);
    const latest = await eventually(async () => {
      const doc = await indexed(strike.uri);
      return doc && (doc as IndexedStory & { version: number }).version === 2 ? doc : undefined;
    }, PIPELINE_TIMEOUT_MS);
    expect(latest.related.map((r) => r.uri)).not.toContain(followUp.uri);
    const shown = await relatedOf(strike.uri);
    expect(shown.map((r) => r.uri)).toContain(followUp.uri);
    expect(shown.filter((r) => r.reason.kind === 'related').length).toBeLessThanOrEqual(10);

    // Once the newer coverage is killed, the next version of the earlier story no longer keeps it.
    const kill = { ...followUp, version: '2', pubstatus: 'canceled' };
    expect((await push(apiKey, JSON.stringify(kill))).status).toBe(202);
    await eventually(async () => !(await searchable(followUp.uri)), PIPELINE_TIMEOUT_MS);
    const again = {
      ...corrected,
      version: '3',
      body_html: `${corrected.body_html}<p>Updates.</p>`,
    };
    expect((await push(apiKey, JSON.stringify(again))).status).toBe(202);
    const afterKill = await eventually(async () => {
      const doc = await indexed(strike.uri);
      return doc && (doc as IndexedStory & { version: number }).version === 3 ? doc : undefined;
    }, PIPELINE_TIMEOUT_MS);
    expect(afterKill.uri).toBe(strike.uri);
    expect((await relatedOf(strike.uri)).map((r) => r.uri)).not.toContain(followUp.uri);
  });

  it('lets an editor block a link to newer coverage', async () => {
    const newer = 'urn:newswire:test:haftar-offensive-follow-up';
    // The follow-up linked back to the seed or to its Reuters copy (test above).
    let earlier = '';
    for (const uri of [String(seed.uri), 'urn:newswire:test:reuters-copy-of-seed'])
      if ((await relatedOf(uri)).some((r) => r.uri === newer)) earlier = uri;
    expect(earlier).not.toBe('');
    const response = await fetch(
      `http://127.0.0.1:${TEST_PORTS.ingest}/v1/overrides/${encodeURIComponent(earlier)}`,
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          pinnedTags: [],
          blockedTags: [],
          pinnedRelated: [],
          blockedRelated: [newer],
        }),
      },
    );
    expect(response.status).toBe(200);
    // Read at once: the api applies the block to newer coverage itself.
    expect((await relatedOf(earlier)).map((r) => r.uri)).not.toContain(newer);
  });

  it('keeps editorial pins and blocks through re-enrichment and new versions', async () => {
    const nato = {
      id: 'org:nato',
      kind: 'organisation',
      name: 'NATO',
      aliases: [],
      confidence: 1,
      provenance: { method: 'editor', fromProvider: false },
    };
    const response = await fetch(
      `http://127.0.0.1:${TEST_PORTS.ingest}/v1/overrides/${encodeURIComponent(String(seed.uri))}`,
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          pinnedTags: [nato],
          blockedTags: ['place:sy'],
          pinnedRelated: [],
          blockedRelated: [],
        }),
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ reemitted: true });
    const honoured = (doc: IndexedStory | undefined) =>
      doc &&
      doc.tags.some((t) => t.id === 'org:nato' && t.provenance.method === 'editorial-pin') &&
      !doc.tags.some((t) => t.id === 'place:sy')
        ? doc
        : undefined;
    await eventually(async () => honoured(await indexed(String(seed.uri))), PIPELINE_TIMEOUT_MS);

    const corrected = {
      ...seed,
      version: '2',
      body_html: `${String(seed.body_html)}<p>Corrects the date of the Berlin conference.</p>`,
    };
    expect((await push(apiKey, JSON.stringify(corrected))).status).toBe(202);
    const latest = await eventually(async () => {
      const doc = await indexed(String(seed.uri));
      return doc && (doc as IndexedStory & { version: number }).version === 2 ? doc : undefined;
    }, PIPELINE_TIMEOUT_MS);
    expect(honoured(latest)).toBeDefined();
  });
});
