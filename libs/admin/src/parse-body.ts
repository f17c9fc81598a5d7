import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

/** Validates a JSON body; a failure is a 400 naming the field and what was expected. */
export function parseBody<S extends z.ZodTypeAny>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data as z.infer<S>;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  throw new BadRequestException({
    error: 'REQUEST.BAD_BODY',
    field,
    message: `invalid field "${field}": ${issue?.message ?? 'invalid'}`,
  });
}
