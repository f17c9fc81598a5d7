import { z } from 'zod';
import { TAG_KINDS } from '@lib/contracts';
import { integerParam, single } from '../http/query-params';

export const tagsParamsSchema = z
  .object({
    q: single(z.string().trim().max(100, 'at most 100 characters')).optional(),
    kind: single(
      z.enum(TAG_KINDS, { errorMap: () => ({ message: `one of ${TAG_KINDS.join(', ')}` }) }),
    ).optional(),
    size: integerParam(1, 50, 10),
  })
  .strict();

export type TagsParams = z.infer<typeof tagsParamsSchema>;
