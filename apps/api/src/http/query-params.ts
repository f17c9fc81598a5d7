import { z } from 'zod';

/** A raw query value as Express's simple parser gives it: a string, or strings when repeated. */
const raw = z.union([z.string(), z.array(z.string())], { invalid_type_error: 'expected text' });

/** A parameter that may appear once. */
export function single<T extends z.ZodTypeAny>(inner: T) {
  return raw
    .refine((value) => !Array.isArray(value), 'given more than once; expected a single value')
    .transform((value) => (Array.isArray(value) ? value[0] : value))
    .pipe(inner);
}

/** A parameter that may repeat; always an array. */
export function repeatable<T extends z.ZodTypeAny>(item: T, max = 10) {
  return raw
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .refine((values) => values.length <= max, `repeated at most ${max} times`)
    .pipe(z.array(item));
}

export function integerParam(min: number, max: number, fallback: number) {
  return single(
    z
      .string()
      .regex(/^\d{1,6}$/, `a whole number from ${min} to ${max}`)
      .transform(Number)
      .refine((n) => n >= min && n <= max, `a whole number from ${min} to ${max}`),
  )
    .optional()
    .transform((n) => n ?? fallback);
}

export function booleanParam(fallback: boolean) {
  return single(z.enum(['true', 'false'], { errorMap: () => ({ message: 'true or false' }) }))
    .optional()
    .transform((value) => (value === undefined ? fallback : value === 'true'));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO-8601 date (2024-05-01) or date-time (2024-05-01T12:00:00Z). */
export const isoDate = z
  .string()
  .refine(
    (value) => ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)),
    'an ISO-8601 date such as 2024-05-01 or 2024-05-01T12:00:00Z',
  );
