import { Logger } from '@nestjs/common';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Env } from '@lib/config';
import { compileTopicModel, loadEntityResources, loadTopicModel, type CompiledTopicModel, type EntityResources } from '@lib/enrichment';

/** Gazetteer, name lexicon and topic model, loaded once at start-up (no I/O per story). */
export interface EnrichmentResources {
  entities: EntityResources;
  topics?: CompiledTopicModel;
}

export const ENRICHMENT_RESOURCES = Symbol('ENRICHMENT_RESOURCES');

export function loadEnrichmentResources(config: Env): EnrichmentResources {
  const log = new Logger('EnrichmentResources');
  const dataDir = resolve(config.ENRICHMENT_DATA_DIR);
  const entities = loadEntityResources(dataDir);
  const modelFile = config.TOPIC_MODEL_FILE ? resolve(config.TOPIC_MODEL_FILE) : newestTopicModel(join(dataDir, 'models'));
  if (!modelFile) {
    log.warn(`no topic model under ${dataDir}/models: stories get no topic tags (run: npm run --silent cli -- train-topics)`);
    return { entities };
  }
  const model = loadTopicModel(modelFile);
  log.log(`topic model ${model.version} (${model.classes.length} topics) from ${modelFile}`);
  return { entities, topics: compileTopicModel(model) };
}

/** Model files are named `topics-<yyyymmdd>-<hash>.json`, so the newest sorts last. */
function newestTopicModel(dir: string): string | undefined {
  try {
    const files = readdirSync(dir).filter((f) => /^topics-.*\.json$/.test(f)).sort();
    return files.length ? join(dir, files[files.length - 1]) : undefined;
  } catch {
    return undefined;
  }
}
