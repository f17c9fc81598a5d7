import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EnrichmentResourcesInput } from './enrich-with-neighbours';
import { loadEntityResources } from './entities/load-gazetteer';
import { loadTopicModel } from './topics/load-topic-model';
import { compileTopicModel } from './topics/predict-topics';

export interface LoadedEnrichmentResources extends EnrichmentResourcesInput {
  /** The topic model file used, if any. */
  topicModelFile?: string;
}

/** Gazetteer tables and the topic model from a data dir; the newest `models/topics-*.json` unless one is named. */
export function loadEnrichmentResources(
  dataDir: string,
  topicModelFile?: string,
): LoadedEnrichmentResources {
  const dir = resolve(dataDir);
  const entities = loadEntityResources(dir);
  const file = topicModelFile ? resolve(topicModelFile) : newestTopicModel(join(dir, 'models'));
  if (!file) return { entities };
  return { entities, topics: compileTopicModel(loadTopicModel(file)), topicModelFile: file };
}

/** Model files are named `topics-<yyyymmdd>-<hash>.json`, so the newest sorts last. */
function newestTopicModel(dir: string): string | undefined {
  try {
    const files = readdirSync(dir)
      .filter((f) => /^topics-.*\.json$/.test(f))
      .sort();
    return files.length ? join(dir, files[files.length - 1]) : undefined;
  } catch {
    return undefined;
  }
}
