/**
 * `npm run bench:enrichment`: the enricher's own CPU per story, without Kafka, the engine or
 * the other services: every Reuters-21578 story through `EnrichStoryService` (window, clusters,
 * tags, related links) in this process, several rounds, each from an empty window. Prints ms of
 * CPU per story per round and the related links made, which must not change with a pure speed-up.
 */
import { parseArgs } from 'node:util';
import type { Provenance } from '@lib/contracts';
import { envSchema } from '@lib/config';
import { parseWire } from '@lib/wire-formats';
import { EnrichStoryService } from '../../apps/enricher/src/enrichment/enrich-story.service';
import { loadEnrichmentResources } from '../../apps/enricher/src/enrichment/enrichment-resources';
import { StoryWindow } from '../../apps/enricher/src/enrichment/story-window';
import { WindowStoryNeighbours } from '../../apps/enricher/src/enrichment/window-story-neighbours';
import { countOption } from './count-option';
import { loadBenchCorpus } from './corpus';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
  const rounds = countOption('rounds', values.rounds);
  const config = envSchema.parse({ ...process.env });
  const stories = loadBenchCorpus().stories.flatMap(
    (s) =>
      parseWire(
        Buffer.from(s.ninjs),
        { format: 'ninjs', provider: 'Reuters' },
        { receivedAt: new Date() },
      ).stories,
  );
  const resources = loadEnrichmentResources(config);
  const provenance: Provenance = {
    source: 'bench-enrichment',
    format: 'ninjs',
    receivedAt: new Date().toISOString(),
    rawPayloadId: '0',
    transport: 'http',
  };
  for (let round = 1; round <= rounds; round += 1) {
    const window = new StoryWindow(config);
    const neighbours = new WindowStoryNeighbours(window, config);
    const service = new EnrichStoryService(resources, neighbours, window, config);
    const start = process.cpuUsage();
    let links = 0;
    for (const story of stories) {
      const enrichment = await service.enrich({ story, provenance, contentHash: story.uri });
      links += enrichment.related.length;
    }
    const cpu = process.cpuUsage(start);
    const msPerStory = (cpu.user + cpu.system) / 1000 / stories.length;
    process.stdout.write(
      `round ${round}: ${stories.length} stories, ${msPerStory.toFixed(3)} ms of CPU per story, ${links} related links\n`,
    );
  }
}

void main();
