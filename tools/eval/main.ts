/**
 * Enrichment evaluation on Reuters-21578 (ModApte): trains topics on TRAIN, evaluates on TEST.
 *   npm run --silent eval -- [--json] [--no-save] [--corpus DIR]
 * Related posts are measured against the search engine at ES_NODE (`npm run infra:up`).
 * Progress goes to stderr; the report (text or JSON) to stdout.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { loadConfig } from '@lib/config';
import type { Tag } from '@lib/contracts';
import {
  compileTopicModel,
  DEFAULT_DATA_DIR,
  enrichStory,
  extractEntities,
  InMemoryClusterIndex,
  loadEntityResources,
  modApteSplit,
  readReutersCorpus,
  type ReutersDocument,
  reutersToStory,
  saveTopicModel,
  topicDocumentText,
  trainTopicModel,
} from '@lib/enrichment';
import { createSearchClient, isSearchEngineHealthy } from '@lib/search';
import { type EntityCase, type EntityKindEval, scoreEntities, tuneCutoff } from './entity-eval';
import { eachWithProgress, progressBar } from './progress';
import { type EnrichedCase, evaluateRelated } from './related-eval';
import { ReutersLabelMapper } from './reuters-labels';
import { scoreTopics } from './topic-eval';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const save = !args.includes('--no-save');
const corpusDir = args.includes('--corpus')
  ? (args[args.indexOf('--corpus') + 1] ?? '')
  : path.join(DEFAULT_DATA_DIR, 'reuters21578');

function readVocabulary(file: string): Set<string> {
  return new Set(
    fs
      .readFileSync(path.join(corpusDir, file), 'latin1')
      .split(/\s+/)
      .filter((w) => w.length > 0),
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

const round = (v: number, digits = 4): number => Math.round(v * 10 ** digits) / 10 ** digits;

async function main(): Promise<number> {
  const config = loadConfig();
  const client = createSearchClient(config.ES_NODE);
  try {
    // Checked first: the related-posts baseline is the engine's own more_like_this.
    if (!(await isSearchEngineHealthy(client))) {
      process.stderr.write(
        `eval: no search engine answering at ES_NODE=${config.ES_NODE}; related posts are ` +
          'measured against its more_like_this. Start it with `npm run infra:up` or point ES_NODE at one.\n',
      );
      return 1;
    }
    await evaluate(client, config.ENRICHMENT_RELATED_CANDIDATES);
    return 0;
  } finally {
    await client.close();
  }
}

async function evaluate(client: Client, relatedCandidates: number): Promise<void> {
  const docs = readReutersCorpus(corpusDir);
  const byDate = (a: ReutersDocument, b: ReutersDocument): number =>
    (a.date ?? '').localeCompare(b.date ?? '') || a.newId - b.newId;
  const train = docs.filter((d) => modApteSplit(d) === 'train');
  const test = docs.filter((d) => modApteSplit(d) === 'test').sort(byDate);

  // 1. Topics: train on TRAIN only.
  const trainingBar = progressBar('training topic model', 4);
  const model = trainTopicModel(
    train.map((d) => ({
      id: `reuters21578:${d.newId}`,
      text: topicDocumentText(reutersToStory(d)),
      labels: d.topics,
    })),
    {
      source: 'reuters21578 ModApte TRAIN',
      onProgress: (_stage, done) => trainingBar.update(done),
    },
  );
  trainingBar.update(4);
  trainingBar.stop();
  const modelPath = path.join(DEFAULT_DATA_DIR, 'models', `topics-${model.version}.json`);
  if (save) {
    fs.mkdirSync(path.dirname(modelPath), { recursive: true });
    saveTopicModel(model, modelPath);
  }
  const modelBytes = Buffer.byteLength(`${JSON.stringify(model)}\n`);
  const topics = compileTopicModel(model);

  // 2. Entities: confidence cut-offs tuned on TRAIN stories.
  const entities = loadEntityResources();
  const mapper = new ReutersLabelMapper(entities.gazetteer, {
    places: readVocabulary('all-places-strings.lc.txt'),
    people: readVocabulary('all-people-strings.lc.txt'),
    orgs: readVocabulary('all-orgs-strings.lc.txt'),
  });
  const goldOf = (d: ReutersDocument, kind: EntityKindEval): Set<string> =>
    new Set(kind === 'place' ? d.places : kind === 'person' ? d.people : d.orgs);
  const trainTags: Tag[][] = [];
  eachWithProgress('entities on TRAIN (tuning)', train, (d) =>
    trainTags.push(extractEntities(reutersToStory(d), entities, { minConfidence: 0 })),
  );
  const kinds: EntityKindEval[] = ['place', 'person', 'organisation'];
  const cutoffs = Object.fromEntries(
    kinds.map((k) => [
      k,
      tuneCutoff(
        train.map((d, i): EntityCase => ({ tags: trainTags[i] ?? [], gold: goldOf(d, k) })),
        k,
        mapper,
      ),
    ]),
  ) as Record<EntityKindEval, number>;

  // 3. Enrich TEST in time order (clusters form as stories arrive); timed per story.
  const clusterIndex = new InMemoryClusterIndex();
  const enrichTimes: number[] = [];
  const cases: EnrichedCase[] = [];
  const predictedTopics: Set<string>[] = [];
  const stories = test.map(reutersToStory);
  eachWithProgress('enriching TEST', stories, (story, i) => {
    const started = process.hrtime.bigint();
    const enrichment = enrichStory(story, {
      entities,
      entityOptions: { minConfidence: 0 },
      topics,
      clusterIndex,
    });
    enrichTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
    const doc = test[i];
    cases.push({
      story,
      tags: enrichment.tags,
      cluster: enrichment.cluster ?? story.uri,
      gold: new Set(doc.topics),
    });
    predictedTopics.push(
      new Set(enrichment.tags.filter((t) => t.kind === 'topic').map((t) => t.name)),
    );
  });

  const topicScore = scoreTopics(
    predictedTopics,
    test.map((d) => new Set(d.topics)),
    new Set(train.flatMap((d) => d.topics)),
  );
  const entityScores = Object.fromEntries(
    kinds.map((k) => [
      k,
      scoreEntities(
        test.map((d, i): EntityCase => ({ tags: cases[i]?.tags ?? [], gold: goldOf(d, k) })),
        k,
        mapper,
        cutoffs[k],
      ),
    ]),
  ) as Record<EntityKindEval, ReturnType<typeof scoreEntities>>;

  const related = await evaluateRelated(cases, client, relatedCandidates);
  const totalTimes = enrichTimes.map((t, i) => t + (related.timings[i] ?? 0));
  const clusterSizes = new Map<string, number>();
  for (const c of cases) clusterSizes.set(c.cluster, (clusterSizes.get(c.cluster) ?? 0) + 1);
  const multi = [...clusterSizes.values()].filter((n) => n > 1);

  const report = {
    corpus: { train: train.length, test: test.length },
    topics: {
      ...mapValues(topicScore),
      model: {
        path: path.relative(process.cwd(), modelPath),
        saved: save,
        version: model.version,
        bytes: modelBytes,
        vocabulary: model.vocabulary.length,
        outOfFoldMicroF1: model.training.outOfFoldMicroF1,
      },
    },
    entities: {
      places: mapValues(entityScores.place),
      people: mapValues(entityScores.person),
      orgs: mapValues(entityScores.organisation),
    },
    related: {
      queries: related.queries,
      candidates: related.candidates,
      precisionAt5: round(related.precisionAt5),
      engineCandidatesPrecisionAt5: round(related.engineCandidatesPrecisionAt5),
      moreLikeThisPrecisionAt5: round(related.moreLikeThisPrecisionAt5),
      // The same figure as moreLikeThisPrecisionAt5, under its earlier name.
      baselinePrecisionAt5: round(related.moreLikeThisPrecisionAt5),
      baseline: 'more_like_this',
      errorRatio: round(related.errorRatio),
    },
    clusters: {
      stories: cases.length,
      clusters: clusterSizes.size,
      multiStoryClusters: multi.length,
      storiesInMultiStoryClusters: multi.reduce((a, b) => a + b, 0),
    },
    timing: {
      medianMs: round(median(totalTimes), 3),
      p95Ms: round(percentile(totalTimes, 0.95), 3),
      medianEnrichMs: round(median(enrichTimes), 3),
      medianRelatedMs: round(median(related.timings), 3),
      medianSearchMs: round(median(related.searchTimings), 3),
      medianWindowMs: round(median(related.windowTimings), 3),
    },
    targets: {
      topicMicroF1: topicScore.microF1 >= 0.87,
      topicMacroF1: topicScore.macroF1 >= 0.55,
      placesF1: entityScores.place.f1 >= 0.85,
      relatedErrorRatio: related.errorRatio <= 2 / 3,
      medianTime: median(totalTimes) <= 5,
    },
  };
  process.stdout.write(asJson ? `${JSON.stringify(report, null, 2)}\n` : textReport(report));
}

function mapValues<T extends object>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]),
  ) as T;
}

function textReport(r: {
  corpus: { train: number; test: number };
  topics: {
    microF1: number;
    macroF1: number;
    categories: number;
    model: { path: string; bytes: number; version: string };
  };
  entities: Record<
    'places' | 'people' | 'orgs',
    { precision: number; recall: number; f1: number; minConfidence: number }
  >;
  related: {
    precisionAt5: number;
    engineCandidatesPrecisionAt5: number;
    moreLikeThisPrecisionAt5: number;
    errorRatio: number;
    queries: number;
    candidates: number;
  };
  clusters: { multiStoryClusters: number; storiesInMultiStoryClusters: number };
  timing: { medianMs: number; p95Ms: number; medianSearchMs: number; medianWindowMs: number };
  targets: Record<string, boolean>;
}): string {
  const lines = [
    `Reuters-21578 ModApte: ${r.corpus.train} train / ${r.corpus.test} test stories`,
    `Topics (${r.topics.categories} categories): micro-F1 ${r.topics.microF1}  macro-F1 ${r.topics.macroF1}`,
    `  model ${r.topics.model.version}: ${r.topics.model.path} (${(r.topics.model.bytes / 1024).toFixed(0)} KiB)`,
    ...(['places', 'people', 'orgs'] as const).map(
      (k) =>
        `${k.padEnd(7)} P ${r.entities[k].precision}  R ${r.entities[k].recall}  F1 ${r.entities[k].f1}  (confidence >= ${r.entities[k].minConfidence}, tuned on TRAIN)`,
    ),
    `Related P@5 ${r.related.precisionAt5} (top ${r.related.candidates} of the enricher's window re-scored) vs plain more_like_this ${r.related.moreLikeThisPrecisionAt5} over ${r.related.queries} queries; error ratio ${r.related.errorRatio} (target <= 0.667)`,
    `  the same scoring over more_like_this's top ${r.related.candidates}: P@5 ${r.related.engineCandidatesPrecisionAt5}`,
    `Clusters: ${r.clusters.multiStoryClusters} with more than one story (${r.clusters.storiesInMultiStoryClusters} stories)`,
    `Enrichment time per story: median ${r.timing.medianMs} ms, p95 ${r.timing.p95Ms} ms (candidates from the window: median ${r.timing.medianWindowMs} ms; from the engine, not counted: ${r.timing.medianSearchMs} ms)`,
    `Targets: ${Object.entries(r.targets)
      .map(([k, ok]) => `${k} ${ok ? 'met' : 'MISSED'}`)
      .join(', ')}`,
  ];
  return `${lines.join('\n')}\n`;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `eval failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
