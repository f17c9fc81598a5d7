import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '@lib/config';
import {
  NO_NEIGHBOURS,
  enrichWithNeighbours,
  loadEnrichmentResources,
  type StoryNeighbours,
} from '@lib/enrichment';
import { SearchStoryNeighbours, createSearchClient, isSearchEngineHealthy } from '@lib/search';
import { parseWire, WireError } from '@lib/wire-formats';

/**
 * `cli enrich FILE...`: parses each file and prints every story with its enrichment (tags,
 * topics, cluster; related links when the search engine answers) as one JSON line.
 */
export async function enrichCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  if (positionals.length === 0) {
    process.stderr.write('usage: cli enrich FILE...\n');
    return 2;
  }
  const config = loadConfig();
  const resources = loadEnrichmentResources(config.ENRICHMENT_DATA_DIR, config.TOPIC_MODEL_FILE);
  const client = createSearchClient(config.ES_NODE);
  let neighbours: StoryNeighbours = NO_NEIGHBOURS;
  if (await isSearchEngineHealthy(client)) {
    neighbours = new SearchStoryNeighbours(
      client,
      config.ES_STORIES_ALIAS,
      config.ENRICHMENT_RELATED_CANDIDATES,
    );
  } else {
    process.stderr.write(
      `search engine at ${config.ES_NODE} not answering: no related links, clusters from this file only\n`,
    );
  }
  let failures = 0;
  try {
    for (const file of positionals) {
      try {
        for (const story of parseWire(await readFile(file), { filename: file }).stories) {
          const { enrichment } = await enrichWithNeighbours(story, resources, neighbours);
          process.stdout.write(`${JSON.stringify({ ...story, ...enrichment })}\n`);
        }
      } catch (error) {
        failures += 1;
        const code = error instanceof WireError ? error.code : 'ENRICH.FAILED';
        process.stderr.write(
          `${file}: ${code}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
      }
    }
  } finally {
    await client.close();
  }
  return failures === 0 ? 0 : 1;
}
