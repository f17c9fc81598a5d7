import type { Tag } from '@lib/contracts';
import { tfidfVector } from '../text/tfidf';
import { topicFeatures } from './features';
import type { TopicClass, TopicModel } from './topic-model';

export interface TopicScore {
  label: string;
  probability: number;
}

/** The model without its weight arrays: what prediction reads besides the postings. */
export type TopicModelHeader = Omit<TopicModel, 'vocabulary' | 'idf' | 'classes'> & {
  classes: Pick<TopicClass, 'label' | 'bias' | 'threshold'>[];
};

/** Index structures built once per loaded model (maps are faster than arrays of strings). */
export interface CompiledTopicModel {
  model: TopicModelHeader;
  vocabulary: Map<string, number>;
  idf: Float64Array;
  /**
   * Inverted weights in flat arrays (the parsed JSON arrays are released): feature f is used by
   * classes[offsets[f]] … classes[offsets[f + 1] - 1] with the weights at the same positions.
   */
  postings: { offsets: Uint32Array; classes: Uint16Array; weights: Float64Array };
}

export function compileTopicModel(model: TopicModel): CompiledTopicModel {
  const { vocabulary, idf, classes, ...rest } = model;
  return {
    model: {
      ...rest,
      classes: classes.map(({ label, bias, threshold }) => ({ label, bias, threshold })),
    },
    vocabulary: new Map(vocabulary.map((term, i) => [term, i])),
    idf: Float64Array.from(idf),
    postings: invert(vocabulary.length, classes),
  };
}

function invert(features: number, classes: readonly TopicClass[]): CompiledTopicModel['postings'] {
  const offsets = new Uint32Array(features + 1);
  for (const c of classes) for (const index of c.indices) offsets[index + 1] += 1;
  for (let f = 0; f < features; f += 1) offsets[f + 1] += offsets[f];
  const total = offsets[features];
  const classIds = new Uint16Array(total);
  const weights = new Float64Array(total);
  const next = offsets.slice(0, features);
  classes.forEach((c, k) => {
    c.indices.forEach((index, i) => {
      const at = next[index]++;
      classIds[at] = k;
      weights[at] = c.weights[i] ?? 0;
    });
  });
  return { offsets, classes: classIds, weights };
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Probability of every label (one-vs-rest logistic regression). */
export function scoreTopics(compiled: CompiledTopicModel, text: string): TopicScore[] {
  const x = tfidfVector(
    { vocabulary: compiled.vocabulary, idf: compiled.idf },
    topicFeatures(text),
  );
  const z = compiled.model.classes.map((c) => c.bias);
  const { offsets, classes, weights } = compiled.postings;
  for (let i = 0; i < x.indices.length; i += 1) {
    const feature = x.indices[i] ?? -1;
    if (feature < 0 || feature + 1 >= offsets.length) continue;
    const value = x.values[i] ?? 0;
    for (let at = offsets[feature]; at < offsets[feature + 1]; at += 1) {
      const k = classes[at];
      z[k] = (z[k] ?? 0) + weights[at] * value;
    }
  }
  return compiled.model.classes.map((c, k) => ({
    label: c.label,
    probability: sigmoid(z[k] ?? 0),
  }));
}

/** Labels whose probability passes their tuned threshold (or the best one, if the model says so). */
export function predictTopics(compiled: CompiledTopicModel, text: string): TopicScore[] {
  const scores = scoreTopics(compiled, text);
  const chosen = scores.filter(
    (s, k) => s.probability >= (compiled.model.classes[k]?.threshold ?? 0.5),
  );
  if (chosen.length === 0 && compiled.model.atLeastOne && scores.length > 0) {
    chosen.push(scores.reduce((a, b) => (b.probability > a.probability ? b : a)));
  }
  return chosen.sort((a, b) => b.probability - a.probability);
}

/** Predicted topics as tags: `topic:<label>`. */
export function topicTags(compiled: CompiledTopicModel, text: string): Tag[] {
  return predictTopics(compiled, text).map((s) => ({
    id: `topic:${s.label}`,
    kind: 'topic',
    name: s.label,
    aliases: [],
    confidence: Math.round(s.probability * 1000) / 1000,
    provenance: {
      method: 'logistic-regression-ovr',
      version: compiled.model.version,
      fromProvider: false,
    },
  }));
}
