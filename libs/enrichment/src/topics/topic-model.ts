import { z } from 'zod';

export const TOPIC_MODEL_FORMAT = 'newswire-topic-model/1';

const classSchema = z.object({
  label: z.string().min(1),
  bias: z.number(),
  /** Probability above which the label is assigned; tuned on held-out training stories. */
  threshold: z.number().min(0).max(1),
  /** Parallel arrays: vocabulary indices and weights (pruned to the strongest features). */
  indices: z.array(z.number().int().nonnegative()),
  weights: z.array(z.number()),
});

/** The versioned JSON artifact the enricher loads. */
export const topicModelSchema = z.object({
  format: z.literal(TOPIC_MODEL_FORMAT),
  version: z.string().min(1),
  createdAt: z.string(),
  taxonomy: z.object({ labels: z.array(z.string()), source: z.string() }),
  features: z.object({
    analyzer: z.literal('words+bigrams'),
    weighting: z.literal('sublinear-tf-idf-l2'),
  }),
  vocabulary: z.array(z.string()),
  idf: z.array(z.number()),
  classes: z.array(classSchema),
  /** Assign the single most probable label when none passes its threshold. */
  atLeastOne: z.boolean(),
  training: z.object({
    documents: z.number().int(),
    epochs: z.number().int(),
    l2: z.number(),
    thresholdFolds: z.number().int(),
    outOfFoldMicroF1: z.number(),
  }),
});
export type TopicModel = z.infer<typeof topicModelSchema>;
export type TopicClass = z.infer<typeof classSchema>;
