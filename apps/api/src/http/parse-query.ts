import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

/** Validates query parameters; a failure is a 400 naming the parameter and what was expected. */
export function parseQuery<S extends z.ZodTypeAny>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data as z.infer<S>;
  const issue = result.error.issues[0];
  const parameter = issue?.path.join('.') || 'query';
  throw new BadRequestException({
    error: 'REQUEST.BAD_PARAMETER',
    parameter,
    message: `invalid parameter "${parameter}": ${issue?.message ?? 'invalid'}`,
  });
}
