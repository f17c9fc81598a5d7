import type { ServiceProcess } from '../../tools/stack/services';
import { startStack, stopStack } from '../support/stack';
import { TEST_PORTS } from '../setup/test-env';
import { PIPELINE_TIMEOUT_MS, eventually } from '../support/eventually';
import { push, registerSource } from '../support/sources';

const URI = 'urn:newswire:test:versions:quake-in-the-andes';

function ninjs(version: number, headline: string, pubstatus = 'usable'): string {
  return JSON.stringify({
    uri: URI,
    type: 'text',
    version: String(version),
    versioncreated: `2026-11-20T10:0${version}:00Z`,
    pubstatus,
    language: 'en',
    headline,
    body_html:
      '<p>A magnitude 6.1 earthquake shook the Andean highlands on Friday, officials in Lima said.</p>',
  });
}

interface SearchBody {
  items: { uri: string; headline: string; version: number }[];
}

async function searchHits(q: string): Promise<SearchBody['items']> {
  const response = await fetch(
    `http://127.0.0.1:${TEST_PORTS.api}/v1/search?q=${encodeURIComponent(q)}&collapse=false`,
  );
  const body = (await response.json()) as SearchBody;
  return body.items.filter((item) => item.uri === URI);
}

describe('updates, duplicates and kills, end to end', () => {
  let services: ServiceProcess[] = [];
  let apiKey = '';

  beforeAll(async () => {
    services = await startStack('versions');
    apiKey = (await registerSource({ name: 'versions-desk' })).apiKey ?? '';
  }, 120_000);

  afterAll(async () => {
    await stopStack(services);
  });

  it('replaces a story with its correction, never showing two copies', async () => {
    expect((await push(apiKey, ninjs(1, 'Earthquake shakes Andes'))).status).toBe(202);
    await eventually(
      async () => (await searchHits('earthquake Andean')).length === 1,
      PIPELINE_TIMEOUT_MS,
    );
    expect(
      (await push(apiKey, ninjs(2, 'CORRECTED: Earthquake shakes Peruvian Andes'))).status,
    ).toBe(202);
    const hits = await eventually(async () => {
      const found = await searchHits('earthquake Andean');
      return found[0]?.version === 2 ? found : undefined;
    }, PIPELINE_TIMEOUT_MS);
    expect(hits).toEqual([
      expect.objectContaining({
        version: 2,
        headline: 'CORRECTED: Earthquake shakes Peruvian Andes',
      }),
    ]);
  });

  it('ignores an older version arriving late and answers duplicates as such', async () => {
    const late = await push(apiKey, ninjs(1, 'Earthquake shakes Andes'));
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({
      results: [{ uri: URI, status: 'stale', version: 2 }],
    });
    const again = await push(apiKey, ninjs(2, 'CORRECTED: Earthquake shakes Peruvian Andes'));
    expect(await again.json()).toMatchObject({ results: [{ status: 'duplicate' }] });
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await searchHits('earthquake Andean')).toEqual([
      expect.objectContaining({ version: 2 }),
    ]);
  });

  it('removes a killed story from search, whatever version the kill carries', async () => {
    const kill = await push(apiKey, ninjs(1, 'KILL: Earthquake shakes Andes', 'canceled'));
    expect(kill.status).toBe(202);
    expect(await kill.json()).toMatchObject({
      results: [{ status: 'accepted', version: 3, pubstatus: 'canceled' }],
    });
    await eventually(
      async () => (await searchHits('earthquake Andean')).length === 0,
      PIPELINE_TIMEOUT_MS,
    );
  });
});
