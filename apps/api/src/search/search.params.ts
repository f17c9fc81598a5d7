import { z } from 'zod';

export const searchParamsSchema = z.object({
  q: z.string().trim().max(500, 'at most 500 characters').optional(),
  size: z.coerce.number().int('a whole number').min(1, 'at least 1').max(100, 'at most 100').default(20),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;
