import type { Tag } from '@lib/contracts';
import { tfidfVector } from '../text/tfidf';
import { topicFeatures } from './features';
import type { TopicModel } from './topic-model';

export interface TopicScore {
  label: string;
  probability: number;
}

/** Index structures built once per loaded model (maps are faster than arrays of strings). */
export interface CompiledTopicModel {
  model: TopicModel;
  vocabulary: Map<string, number>;
  idf: Float64Array;
  /** Inverted weights: per feature, the classes that use it and their weights. */
  postings: ({ classes: number[]; weights: number[] } | undefined)[];
}

export function compileTopicModel(model: TopicModel): CompiledTopicModel {
  return {
    model,
    vocabulary: new Map(model.vocabulary.map((term, i) => [term, i])),
    idf: Float64Array.from(model.idf),
    postings: invert(model),
  };
}

function invert(model: TopicModel): CompiledTopicModel['postings'] {
  const postings: CompiledTopicModel['postings'] = Array.from(
    { length: model.vocabulary.length },
    () => undefined,
  );
  model.classes.forEach((c, k) => {
    c.indices.forEach((index, i) => {
      const p = postings[index] ?? { classes: [], weights: [] };
      p.classes.push(k);
      p.weights.push(c.weights[i] ?? 0);
      postings[index] = p;
    });
  });
  return postings;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Probability of every label (one-vs-rest logistic regression). */
export function scoreTopics(compiled: CompiledTopicModel, text: string): TopicScore[] {
  const x = tfidfVector(
    { vocabulary: compiled.vocabulary, idf: compiled.idf },
    topicFeatures(text),
  );
  const z = compiled.model.classes.map((c) => c.bias);
  for (let i = 0; i < x.indices.length; i += 1) {
    const p = compiled.postings[x.indices[i] ?? -1];
    if (!p) continue;
    const value = x.values[i] ?? 0;
    for (let j = 0; j < p.classes.length; j += 1) {
      const k = p.classes[j] ?? 0;
      z[k] = (z[k] ?? 0) + (p.weights[j] ?? 0) * value;
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
