import type { estypes } from '@elastic/elasticsearch';

/** `a,b` = all of, `a|b` = any of, `-a` or `-a,b` or `-a|b` = none of. */
export type FilterMode = 'all' | 'any' | 'none';

export interface FilterGroup {
  mode: FilterMode;
  values: string[];
}

export class FilterExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterExpressionError';
  }
}

const MAX_VALUES = 20;
const MAX_VALUE_LENGTH = 200;

/** Parses one occurrence of a filter parameter (a repeated parameter is several groups, all of which apply). */
export function parseFilterExpression(raw: string): FilterGroup {
  const text = raw.trim();
  if (text === '' || text === '-') throw new FilterExpressionError('expected a value');
  const negated = text.startsWith('-');
  const list = negated ? text.slice(1) : text;
  const hasComma = list.includes(',');
  const hasPipe = list.includes('|');
  if (hasComma && hasPipe) {
    throw new FilterExpressionError(
      'use either "," (all of) or "|" (any of) in one value; repeat the parameter to combine',
    );
  }
  const values = list.split(hasPipe ? '|' : ',').map((value) => value.trim());
  if (values.some((value) => value === ''))
    throw new FilterExpressionError('expected a value between separators');
  if (values.some((value) => value.startsWith('-'))) {
    throw new FilterExpressionError(
      'a minus goes in front of the whole list ("-a,b" = none of a and b); repeat the parameter to mix',
    );
  }
  if (values.length > MAX_VALUES) throw new FilterExpressionError(`at most ${MAX_VALUES} values`);
  if (values.some((value) => value.length > MAX_VALUE_LENGTH))
    throw new FilterExpressionError(`values of at most ${MAX_VALUE_LENGTH} characters`);
  return { mode: negated ? 'none' : hasPipe ? 'any' : 'all', values: [...new Set(values)] };
}

/** Adds one group's clauses to a bool query's filter and must_not lists. */
export function applyFilterGroup(
  field: string,
  group: FilterGroup,
  target: { filter: estypes.QueryDslQueryContainer[]; must_not: estypes.QueryDslQueryContainer[] },
): void {
  switch (group.mode) {
    case 'all':
      for (const value of group.values) target.filter.push({ term: { [field]: value } });
      return;
    case 'any':
      target.filter.push({ terms: { [field]: group.values } });
      return;
    case 'none':
      target.must_not.push({ terms: { [field]: group.values } });
      return;
  }
}
