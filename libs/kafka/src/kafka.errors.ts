/**
 * A failure that retrying cannot fix (invalid payload, mapping rejection).
 * The consumer wrapper sends the message straight to its dead-letter topic.
 */
export class NonRetriableError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'NonRetriableError';
  }
}

export function errorCode(error: unknown): string {
  if (error instanceof NonRetriableError) return error.code;
  if (error instanceof Error) return error.name || 'Error';
  return 'UNKNOWN';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
