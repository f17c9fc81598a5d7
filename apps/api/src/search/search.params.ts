import { z } from 'zod';
import {
  FILTER_NAMES,
  FilterExpressionError,
  parseFilterExpression,
  parseUserQuery,
  UserQueryError,
  type FilterGroup,
  type FilterName,
  type QueryNode,
} from '@lib/search';
import { booleanParam, integerParam, isoDate, repeatable, single } from '../http/query-params';

const userQuery = z
  .string()
  .max(500, 'at most 500 characters')
  .transform((q, ctx): QueryNode | null => {
    try {
      return parseUserQuery(q);
    } catch (error) {
      if (!(error instanceof UserQueryError)) throw error;
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: error.message });
      return z.NEVER;
    }
  });

const filterGroup = z.string().transform((value, ctx): FilterGroup => {
  try {
    return parseFilterExpression(value);
  } catch (error) {
    if (!(error instanceof FilterExpressionError)) throw error;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: error.message });
    return z.NEVER;
  }
});

const filterShape = Object.fromEntries(
  FILTER_NAMES.map((name) => [name, repeatable(filterGroup).optional()]),
) as Record<FilterName, z.ZodOptional<ReturnType<typeof repeatable<typeof filterGroup>>>>;

export const searchParamsSchema = z
  .object({
    q: single(userQuery).optional(),
    ...filterShape,
    from: repeatable(isoDate).optional(),
    to: repeatable(isoDate).optional(),
    sort: single(
      z.enum(['relevance', 'newest'], { errorMap: () => ({ message: 'relevance or newest' }) }),
    ).optional(),
    collapse: booleanParam(true),
    size: integerParam(1, 100, 20),
    cursor: single(
      z
        .string()
        .max(4096, 'a cursor returned by a previous search')
        .regex(/^[A-Za-z0-9_-]+$/, 'a cursor returned by a previous search'),
    ).optional(),
  })
  .strict()
  .superRefine((params, ctx) => {
    const latestFrom = Math.max(...(params.from ?? []).map(Date.parse));
    const earliestTo = Math.min(...(params.to ?? []).map(Date.parse));
    if (latestFrom > earliestTo)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['from'],
        message: 'must not be after "to"',
      });
  })
  .transform((params) => ({
    text: params.q ?? null,
    filters: FILTER_NAMES.flatMap((name) => (params[name] ?? []).map((group) => ({ name, group }))),
    from: params.from ?? [],
    to: params.to ?? [],
    sort: params.sort ?? 'relevance',
    collapse: params.collapse,
    size: params.size,
    cursor: params.cursor,
  }));

export type SearchParams = z.infer<typeof searchParamsSchema>;
