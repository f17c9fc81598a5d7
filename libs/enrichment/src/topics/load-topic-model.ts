import * as fs from 'node:fs';
import { type TopicModel, topicModelSchema } from './topic-model';

/** Reads and validates a topic model artifact (written by `trainTopicModel` + `saveTopicModel`). */
export function loadTopicModel(file: string): TopicModel {
  return topicModelSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown);
}

export function saveTopicModel(model: TopicModel, file: string): void {
  fs.writeFileSync(file, `${JSON.stringify(model)}\n`);
}
