import { TEST_ADMIN_KEY, TEST_PORTS } from '../setup/test-env';

export interface RegisteredSource {
  id: string;
  name: string;
  apiKey?: string;
}

/** Registers a source through ingest's admin endpoint, as an operator would. */
export async function registerSource(body: Record<string, unknown>): Promise<RegisteredSource> {
  const response = await fetch(`http://127.0.0.1:${TEST_PORTS.ingest}/v1/sources`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`source registration answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as RegisteredSource;
}

/** POSTs wire bytes to ingest as the given push source. */
export function push(apiKey: string, body: Buffer | string, query = ''): Promise<Response> {
  return fetch(`http://127.0.0.1:${TEST_PORTS.ingest}/v1/ingest${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}` },
    body,
  });
}
