/**
 * Trains a topic model artifact.
 *   npm run --silent cli -- train-topics [--jsonl FILE] [--taxonomy FILE] [--out FILE]
 * Without --jsonl it trains on Reuters-21578 ModApte TRAIN. A JSONL file holds one labelled
 * story per line: {"id": "...", "headline": "...", "body_text": "...", "labels": ["..."]}.
 * --taxonomy names a JSON array of labels (or {"labels": [...]}) to restrict the taxonomy to.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_DATA_DIR,
  type LabelledDocument,
  modApteSplit,
  readReutersCorpus,
  reutersToStory,
  saveTopicModel,
  topicDocumentText,
  trainTopicModel,
} from '@lib/enrichment';
import { progressBar } from '../../eval/progress';

const lineSchema = z.object({
  id: z.string(),
  headline: z.string().default(''),
  description: z.string().optional(),
  body_text: z.string().optional(),
  labels: z.array(z.string()),
});
const taxonomySchema = z.union([
  z.array(z.string()),
  z.object({ labels: z.array(z.string()) }).transform((t) => t.labels),
]);

function fromJsonl(file: string): LabelledDocument[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const parsed = lineSchema.safeParse(JSON.parse(line) as unknown);
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
      return {
        id: parsed.data.id,
        text: topicDocumentText(parsed.data),
        labels: parsed.data.labels,
      };
    });
}

function fromReuters(): LabelledDocument[] {
  return readReutersCorpus(path.join(DEFAULT_DATA_DIR, 'reuters21578'))
    .filter((d) => modApteSplit(d) === 'train')
    .map((d) => ({
      id: `reuters21578:${d.newId}`,
      text: topicDocumentText(reutersToStory(d)),
      labels: d.topics,
    }));
}

export function trainTopicsCommand(args: string[]): Promise<number> {
  const option = (name: string): string | undefined =>
    args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
  const jsonl = option('--jsonl');
  const taxonomyFile = option('--taxonomy');
  const docs = jsonl ? fromJsonl(jsonl) : fromReuters();
  const taxonomy = taxonomyFile
    ? taxonomySchema.parse(JSON.parse(fs.readFileSync(taxonomyFile, 'utf8')) as unknown)
    : undefined;
  const bar = progressBar('training topic model', 4);
  const model = trainTopicModel(docs, {
    ...(taxonomy ? { taxonomy } : {}),
    source: jsonl ? path.basename(jsonl) : 'reuters21578 ModApte TRAIN',
    onProgress: (_stage, done) => bar.update(done),
  });
  bar.update(4);
  bar.stop();
  const out =
    option('--out') ?? path.join(DEFAULT_DATA_DIR, 'models', `topics-${model.version}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  saveTopicModel(model, out);
  process.stdout.write(
    `${out}\t${model.taxonomy.labels.length} labels\t${fs.statSync(out).size} bytes\n`,
  );
  return Promise.resolve(0);
}
