import { startApiStack, type ApiStack } from './support/api-stack';

interface OpenApi {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
}

describe('api over HTTP: OpenAPI, CORS', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack({
      name: 'http',
      env: { API_CORS_ORIGINS: 'https://desk.example.org', API_RATE_LIMIT: '0' },
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('documents every endpoint and parameter at /docs', async () => {
    const page = await stack.get<string>('/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('swagger');
    const spec = await stack.get<OpenApi>('/docs-json');
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/search',
        '/v1/stories/{id}',
        '/v1/stories/{id}/related',
        '/v1/tags',
        '/v1/stream',
      ]),
    );
    const searchParams = spec.body.paths['/v1/search'].get.parameters?.map((p) => p.name).sort();
    expect(searchParams).toEqual([
      'collapse',
      'cursor',
      'from',
      'lang',
      'org',
      'person',
      'place',
      'q',
      'size',
      'sort',
      'source',
      'tag',
      'to',
      'topic',
    ]);
    expect(spec.body.paths['/v1/tags'].get.parameters?.map((p) => p.name).sort()).toEqual([
      'kind',
      'q',
      'size',
    ]);
  });

  it('allows a configured origin and no other', async () => {
    const allowed = await fetch(`${stack.baseUrl}/v1/search`, {
      headers: { origin: 'https://desk.example.org' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://desk.example.org');
    const other = await fetch(`${stack.baseUrl}/v1/search`, {
      headers: { origin: 'https://evil.example.com' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${stack.baseUrl}/v1/search`, {
      method: 'OPTIONS',
      headers: { origin: 'https://desk.example.org', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('times answers by route pattern and status, and engine requests by operation, at /metrics', async () => {
    const countOf = (metrics: string, name: string, labels: string[]): number => {
      const line = metrics
        .split('\n')
        .find((l) => l.startsWith(`${name}_count{`) && labels.every((label) => l.includes(label)));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    const scrape = async () => (await fetch(`${stack.baseUrl}/metrics`)).text();
    const search = ['route="/v1/search"', 'status="2xx"'];
    const story = ['route="/v1/stories/:id"', 'status="4xx"'];
    const before = await scrape();

    expect((await fetch(`${stack.baseUrl}/v1/search?q=oil`)).status).toBe(200);
    expect((await fetch(`${stack.baseUrl}/v1/search?q=wheat`)).status).toBe(200);
    expect((await fetch(`${stack.baseUrl}/v1/stories/urn:x:missing`)).status).toBe(404);

    const after = await scrape();
    const grew = (name: string, labels: string[]) =>
      countOf(after, name, labels) - countOf(before, name, labels);
    expect(grew('newswire_api_request_duration_seconds', search)).toBe(2);
    expect(grew('newswire_api_request_duration_seconds', story)).toBe(1);
    // The path itself (an id) never becomes a label.
    expect(after).not.toContain('urn:x:missing');
    expect(grew('newswire_api_engine_seconds', ['operation="open_point_in_time"'])).toBe(2);
    expect(grew('newswire_api_engine_seconds', ['operation="search_page"'])).toBe(2);
  });

  it('does not limit requests when API_RATE_LIMIT is 0', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () => fetch(`${stack.baseUrl}/v1/tags`).then((r) => r.status)),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

describe('api over HTTP: rate limiting', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack({
      name: 'ratelimit',
      env: { API_RATE_LIMIT: '5', API_RATE_LIMIT_WINDOW_SECONDS: '60' },
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers 429 with Retry-After past the limit, and never limits health checks', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push((await fetch(`${stack.baseUrl}/v1/search?q=oil`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const limited = await fetch(`${stack.baseUrl}/v1/tags`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { message: string }).message).toMatch(
      /rate limit of 5 requests per 60 s/,
    );
    for (let i = 0; i < 10; i += 1)
      expect((await fetch(`${stack.baseUrl}/health/ready`)).status).toBe(200);
  });
});

describe('api over HTTP: overload', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack({ name: 'overload', env: { API_MAX_INFLIGHT: '2' } });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses what is over API_MAX_INFLIGHT at once with 503 and Retry-After, answers the rest, and stays up', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${stack.baseUrl}/v1/search?q=${i % 2 === 0 ? 'oil' : 'wheat'}`),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(2);
    const refused = answers.filter((answer) => answer.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0].headers.get('retry-after')).toBe('1');
    expect(await refused[0].json()).toMatchObject({ error: 'API.BUSY' });
    const metrics = await (await fetch(`${stack.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(
      new RegExp(`^newswire_api_busy_total(\\{[^}]*\\})? ${refused.length}$`, 'm'),
    );
    await Promise.all(answers.filter((a) => a.status === 200).map((a) => a.arrayBuffer()));
    // Every slot was given back: requests one at a time are all answered.
    for (let i = 0; i < 5; i += 1)
      expect((await fetch(`${stack.baseUrl}/v1/search?q=oil`)).status).toBe(200);
  });
});
