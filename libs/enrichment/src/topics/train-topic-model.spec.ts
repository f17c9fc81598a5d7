import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadTopicModel, saveTopicModel } from './load-topic-model';
import { compileTopicModel, predictTopics, topicTags } from './predict-topics';
import { type LabelledDocument, trainTopicModel } from './train-topic-model';

const VOCAB: Record<string, string[]> = {
  crude: ['crude', 'oil', 'barrel', 'opec', 'refinery', 'output', 'brent', 'pipeline'],
  grain: ['wheat', 'grain', 'harvest', 'tonnes', 'corn', 'export', 'crop', 'farmers'],
  earn: ['profit', 'dividend', 'quarter', 'shr', 'net', 'revenue', 'earnings', 'cts'],
};
const FILLER = ['market', 'said', 'week', 'officials', 'statement', 'report', 'today', 'analysts'];

/** Deterministic synthetic stories: words of the labels' vocabularies plus shared filler. */
function synthetic(count: number): LabelledDocument[] {
  const labels = Object.keys(VOCAB);
  const docs: LabelledDocument[] = [];
  for (let i = 0; i < count; i += 1) {
    // Every thirteenth story is about both crude and grain (a shipping story, say).
    const mine = i % 13 === 0 ? ['crude', 'grain'] : [labels[i % 3] ?? ''];
    const words = mine.flatMap((l) =>
      (VOCAB[l] ?? []).filter((_, j) => (Math.floor(i / 3) + j) % 3 !== 0),
    );
    docs.push({
      id: `d${i}`,
      text: [...words, ...FILLER.filter((_, j) => (i + j) % 2 === 0)].join(' '),
      labels: mine,
    });
  }
  return docs;
}

describe('trainTopicModel on a tiny synthetic set', () => {
  const model = trainTopicModel(synthetic(120), {
    thresholdFolds: 2,
    minDocumentFrequency: 1,
    sgd: { epochs: 20 },
    now: new Date('2026-01-01T00:00:00Z'),
  });
  const compiled = compileTopicModel(model);

  it('learns the taxonomy from the training labels', () => {
    expect(model.taxonomy.labels).toEqual(['crude', 'earn', 'grain']);
    expect(model.version).toMatch(/^20260101-[0-9a-f]{8}$/);
  });

  it('classifies unseen stories by their vocabulary', () => {
    expect(
      predictTopics(compiled, 'opec cut crude output, brent barrel price rose').map((s) => s.label),
    ).toEqual(['crude']);
    expect(
      predictTopics(compiled, 'quarterly net profit and dividend, shr 12 cts').map((s) => s.label),
    ).toEqual(['earn']);
  });

  it('assigns two labels to a story about both', () => {
    const labels = predictTopics(
      compiled,
      'wheat harvest and grain export; crude oil refinery output and opec barrel',
    )
      .map((s) => s.label)
      .sort();
    expect(labels).toEqual(['crude', 'grain']);
  });

  it('emits topic tags with the model version as provenance', () => {
    const [tag] = topicTags(compiled, 'wheat grain harvest crop');
    expect(tag?.id).toBe('topic:grain');
    expect(tag?.provenance.version).toBe(model.version);
  });

  it('restricts the taxonomy to a configured label set', () => {
    const restricted = trainTopicModel(synthetic(60), {
      taxonomy: ['earn'],
      thresholdFolds: 2,
      minDocumentFrequency: 1,
    });
    expect(restricted.taxonomy.labels).toEqual(['earn']);
  });

  it('round-trips through the JSON artifact', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'topics-')), 'model.json');
    saveTopicModel(model, file);
    expect(loadTopicModel(file)).toEqual(model);
  });
});
