import { DLQ_HEADERS } from '@lib/kafka';

/** What a filter can look at in one dead letter. */
export interface DeadLetterRecord {
  key: string | null;
  headers: Record<string, string>;
}

export type FilterField = { kind: 'code' } | { kind: 'key' } | { kind: 'header'; name: string };

export interface DeadLetterFilter {
  field: FilterField;
  /** `*` matches any run of characters (also none); everything else is literal. */
  pattern: string;
  negate: boolean;
  /** The filter as the operator wrote it, for messages and the position's group name. */
  spec: string;
}

export class FilterSyntaxError extends Error {
  constructor(spec: string, reason: string) {
    super(
      `--filter "${spec}": ${reason} (expected code=PATTERN, key=PATTERN or header.NAME=PATTERN, "!=" to negate)`,
    );
    this.name = 'FilterSyntaxError';
  }
}

/** `code=EVENT.MALFORMED_JSON`, `key=urn:reuters:*`, `header.x-correlation-id!=c1`. */
export function parseDeadLetterFilter(spec: string): DeadLetterFilter {
  const match = /^([a-z][a-z0-9.-]*?)(!?=)(.*)$/i.exec(spec.trim());
  if (!match) throw new FilterSyntaxError(spec, 'no "=" or "!="');
  const [, name, operator, pattern] = match;
  const lower = name.toLowerCase();
  let field: FilterField;
  if (lower === 'code') field = { kind: 'code' };
  else if (lower === 'key') field = { kind: 'key' };
  else if (lower.startsWith('header.') && lower.length > 'header.'.length)
    field = { kind: 'header', name: lower.slice('header.'.length) };
  else throw new FilterSyntaxError(spec, `unknown field "${name}"`);
  return { field, pattern, negate: operator === '!=', spec: spec.trim() };
}

/** Every filter must hold (AND); no filter means every dead letter. */
export function matchesDeadLetterFilters(
  record: DeadLetterRecord,
  filters: readonly DeadLetterFilter[],
): boolean {
  return filters.every(
    (filter) => globMatches(filter.pattern, valueOf(record, filter.field)) !== filter.negate,
  );
}

function valueOf(record: DeadLetterRecord, field: FilterField): string | undefined {
  switch (field.kind) {
    case 'code':
      return record.headers[DLQ_HEADERS.errorCode];
    case 'key':
      return record.key ?? undefined;
    case 'header':
      // Header names are compared without case: operators type them as they remember them.
      return Object.entries(record.headers).find(
        ([name]) => name.toLowerCase() === field.name,
      )?.[1];
  }
}

/** A missing value (no key, no such header) matches nothing, not even `*`. */
function globMatches(pattern: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 's').test(value);
}
