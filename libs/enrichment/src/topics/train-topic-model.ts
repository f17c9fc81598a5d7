import { createHash } from 'node:crypto';
import type { SparseVector } from '../text/sparse-vector';
import { fitTfidf, type TfidfModel, tfidfVector } from '../text/tfidf';
import { topicFeatures } from './features';
import { type LinearModels, type SgdOptions, trainOneVsRest } from './logistic-sgd';
import { seededRandom, shuffle } from './random';
import { tuneThresholds } from './thresholds';
import { TOPIC_MODEL_FORMAT, type TopicModel } from './topic-model';

export interface LabelledDocument {
  id: string;
  text: string;
  labels: readonly string[];
}

export interface TrainTopicOptions {
  /** Restrict the taxonomy to these labels (e.g. from a newsroom's config file); default: all seen. */
  taxonomy?: readonly string[];
  /** Labels with fewer training stories are left out of the taxonomy. */
  minLabelDocuments?: number;
  /** Folds of the training stories used to tune per-class thresholds out of fold. */
  thresholdFolds?: number;
  /** Strongest features kept per class in the artifact (keeps it small enough to commit). */
  maxFeaturesPerClass?: number;
  minDocumentFrequency?: number;
  sgd?: Partial<SgdOptions>;
  /** Name of the training data, recorded in the artifact. */
  source?: string;
  now?: Date;
  onProgress?: (stage: string, done: number, total: number) => void;
}

const SGD_DEFAULTS: SgdOptions = { epochs: 10, l2: 3e-6, eta0: 1, maxPositiveWeight: 20, seed: 7 };

interface Prepared {
  tfidf: TfidfModel;
  rows: SparseVector[];
  labels: Int32Array[];
}

function prepare(
  docs: readonly LabelledDocument[],
  labelIndex: ReadonlyMap<string, number>,
  minDf: number,
): Prepared {
  const features = docs.map((d) => topicFeatures(d.text));
  const tfidf = fitTfidf(features, { minDocumentFrequency: minDf, maxDocumentShare: 0.5 });
  return {
    tfidf,
    rows: features.map((f) => tfidfVector(tfidf, f)),
    labels: docs.map((d) =>
      Int32Array.from(
        d.labels.map((l) => labelIndex.get(l)).filter((k): k is number => k !== undefined),
      ),
    ),
  };
}

function probabilities(models: LinearModels, rows: readonly SparseVector[]): Float64Array[] {
  return rows.map((x) =>
    Float64Array.from(models.weights, (w, k) => {
      let z = models.biases[k] ?? 0;
      for (let i = 0; i < x.indices.length; i += 1)
        z += (w[x.indices[i] ?? 0] ?? 0) * (x.values[i] ?? 0);
      return 1 / (1 + Math.exp(-z));
    }),
  );
}

/** Keeps each class's strongest weights and re-indexes the vocabulary to the features still used. */
function prune(
  models: LinearModels,
  tfidf: TfidfModel,
  maxPerClass: number,
): Pick<TopicModel, 'vocabulary' | 'idf'> & {
  classes: { indices: number[]; weights: number[] }[];
} {
  const terms: string[] = [];
  for (const [term, index] of tfidf.vocabulary) terms[index] = term;
  const kept = models.weights.map((w) =>
    Array.from(w.keys())
      .filter((j) => Math.abs(w[j] ?? 0) > 1e-4)
      .sort((a, b) => Math.abs(w[b] ?? 0) - Math.abs(w[a] ?? 0))
      .slice(0, maxPerClass),
  );
  const used = [...new Set(kept.flat())].sort((a, b) => a - b);
  const remap = new Map(used.map((old, i) => [old, i]));
  const round = (v: number, digits: number): number => Number(v.toPrecision(digits));
  return {
    vocabulary: used.map((j) => terms[j] ?? ''),
    idf: used.map((j) => round(tfidf.idf[j] ?? 1, 5)),
    classes: kept.map((js, k) => {
      const sorted = [...js].sort((a, b) => (remap.get(a) ?? 0) - (remap.get(b) ?? 0));
      return {
        indices: sorted.map((j) => remap.get(j) ?? 0),
        weights: sorted.map((j) => round(models.weights[k]?.[j] ?? 0, 3)),
      };
    }),
  };
}

/**
 * Trains the topic classifier: TF-IDF on words and bigrams, one-vs-rest logistic regression,
 * per-class thresholds tuned on a held-out part of the training stories, then the final model
 * refitted on all training stories and pruned into a versioned artifact.
 */
export function trainTopicModel(
  docs: readonly LabelledDocument[],
  options: TrainTopicOptions = {},
): TopicModel {
  const sgd: SgdOptions = { ...SGD_DEFAULTS, ...options.sgd };
  const minDf = options.minDocumentFrequency ?? 2;
  const counts = new Map<string, number>();
  for (const d of docs) for (const l of new Set(d.labels)) counts.set(l, (counts.get(l) ?? 0) + 1);
  const allowed = options.taxonomy ? new Set(options.taxonomy) : undefined;
  const labels = [...counts.entries()]
    .filter(([l, n]) => n >= (options.minLabelDocuments ?? 1) && (!allowed || allowed.has(l)))
    .map(([l]) => l)
    .sort();
  if (labels.length === 0)
    throw new Error('no labels to train: check the taxonomy against the training data');
  const labelIndex = new Map(labels.map((l, i) => [l, i]));

  // Out-of-fold probabilities for every training story: each class's threshold is tuned on all
  // of its positives, which matters for the many classes with a handful of stories.
  const folds = options.thresholdFolds ?? 3;
  const order = shuffle(
    docs.map((_, i) => i),
    seededRandom(sgd.seed + 1),
  );
  const foldOf = new Int32Array(docs.length);
  order.forEach((doc, position) => {
    foldOf[doc] = position % folds;
  });
  const oof: Float64Array[] = new Array<Float64Array>(docs.length);
  const allLabels = docs.map((d) =>
    Int32Array.from(
      d.labels.map((l) => labelIndex.get(l)).filter((k): k is number => k !== undefined),
    ),
  );
  for (let fold = 0; fold < folds; fold += 1) {
    options.onProgress?.('threshold folds', fold, folds + 1);
    const fitDocs = docs.filter((_, i) => foldOf[i] !== fold);
    const heldIndex = docs.map((_, i) => i).filter((i) => foldOf[i] === fold);
    const fit = prepare(fitDocs, labelIndex, minDf);
    const models = trainOneVsRest(fit.rows, fit.labels, labels.length, fit.tfidf.idf.length, sgd);
    const heldRows = heldIndex.map((i) =>
      tfidfVector(fit.tfidf, topicFeatures(docs[i]?.text ?? '')),
    );
    probabilities(models, heldRows).forEach((p, j) => {
      oof[heldIndex[j] ?? 0] = p;
    });
  }
  const tuning = tuneThresholds(oof, allLabels, labels.length);

  options.onProgress?.('final model', folds, folds + 1);
  const full = prepare(docs, labelIndex, minDf);
  const finalModels = trainOneVsRest(
    full.rows,
    full.labels,
    labels.length,
    full.tfidf.idf.length,
    sgd,
  );
  const pruned = prune(finalModels, full.tfidf, options.maxFeaturesPerClass ?? 1500);
  options.onProgress?.('final model', folds + 1, folds + 1);

  const createdAt = (options.now ?? new Date()).toISOString();
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ labels, n: docs.length, sgd, minDf, ids: docs.map((d) => d.id) }))
    .digest('hex')
    .slice(0, 8);
  return {
    format: TOPIC_MODEL_FORMAT,
    version: `${createdAt.slice(0, 10).replace(/-/g, '')}-${fingerprint}`,
    createdAt,
    taxonomy: { labels, source: options.source ?? 'unspecified' },
    features: { analyzer: 'words+bigrams', weighting: 'sublinear-tf-idf-l2' },
    vocabulary: pruned.vocabulary,
    idf: pruned.idf,
    classes: labels.map((label, k) => ({
      label,
      bias: Number((finalModels.biases[k] ?? 0).toPrecision(6)),
      threshold: tuning.thresholds[k] ?? 0.5,
      indices: pruned.classes[k]?.indices ?? [],
      weights: pruned.classes[k]?.weights ?? [],
    })),
    atLeastOne: tuning.atLeastOne,
    training: {
      documents: docs.length,
      epochs: sgd.epochs,
      l2: sgd.l2,
      thresholdFolds: folds,
      outOfFoldMicroF1: Math.round(tuning.microF1 * 10_000) / 10_000,
    },
  };
}
