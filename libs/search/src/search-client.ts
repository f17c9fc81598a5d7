import { Client } from '@elastic/elasticsearch';

export function createSearchClient(node: string): Client {
  return new Client({ node, requestTimeout: 30_000, maxRetries: 2 });
}

/** Cluster health, since core Elasticsearch has no `GET /`. */
export async function isSearchEngineHealthy(client: Client): Promise<boolean> {
  try {
    const health = await client.cluster.health({ timeout: '2s' });
    return health.status !== 'red';
  } catch {
    return false;
  }
}
