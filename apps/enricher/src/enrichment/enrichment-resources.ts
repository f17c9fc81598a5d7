import { Logger } from '@nestjs/common';
import type { Env } from '@lib/config';
import { loadEnrichmentResources as load, type LoadedEnrichmentResources } from '@lib/enrichment';

export type EnrichmentResources = LoadedEnrichmentResources;

export const ENRICHMENT_RESOURCES = Symbol('ENRICHMENT_RESOURCES');

/** Gazetteer, name lexicon and topic model, loaded once at start-up (no I/O per story). */
export function loadEnrichmentResources(config: Env): EnrichmentResources {
  const log = new Logger('EnrichmentResources');
  const resources = load(config.ENRICHMENT_DATA_DIR, config.TOPIC_MODEL_FILE);
  if (resources.topics)
    log.log(
      `topic model ${resources.topics.model.version} (${resources.topics.model.classes.length} topics) from ${resources.topicModelFile ?? ''}`,
    );
  else
    log.warn(
      `no topic model under ${config.ENRICHMENT_DATA_DIR}/models: stories get no topic tags (run: npm run --silent cli -- train-topics)`,
    );
  return resources;
}
