import { TEST_ADMIN_KEY } from '../../setup/test-env';
import { ingestUrl } from './fault-env';

/** Registers a push source through ingest's admin endpoint and returns its API key. */
export async function registerPushSource(name: string): Promise<string> {
  const response = await fetch(`${ingestUrl}/v1/sources`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, kind: 'push', provider: 'Reuters' }),
  });
  if (response.status !== 201)
    throw new Error(`source registration answered ${response.status}: ${await response.text()}`);
  const { apiKey } = (await response.json()) as { apiKey?: string };
  if (!apiKey) throw new Error('no API key in the registration answer');
  return apiKey;
}
