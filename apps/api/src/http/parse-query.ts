import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

/** The one shape of a 400: which parameter, and what was expected. */
export function badParameter(parameter: string, expected: string): BadRequestException {
  return new BadRequestException({
    error: 'REQUEST.BAD_PARAMETER',
    parameter,
    message: `invalid parameter "${parameter}": ${expected}`,
  });
}

/** Validates query parameters; a failure is a 400 naming the parameter and what was expected. */
export function parseQuery<S extends z.ZodTypeAny>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data as z.infer<S>;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const known = knownKeysOf(schema);
    throw badParameter(
      issue.keys[0] ?? 'query',
      `unknown parameter${known ? `; expected one of ${known}` : ''}`,
    );
  }
  throw badParameter(issue?.path.map(String)[0] || 'query', issue?.message ?? 'invalid');
}

function knownKeysOf(schema: z.ZodTypeAny): string | null {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape).join(', ') : null;
}
