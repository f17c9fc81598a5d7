import { ApiError } from '../http/api-error';

/** The cursor was not produced by this api, or was altered. */
export class InvalidCursorError extends ApiError {
  readonly code = 'REQUEST.BAD_PARAMETER';
  readonly status = 400;
  override readonly parameter = 'cursor';
}

/** The cursor's point in time has expired, or the cursor belongs to another query. */
export class UnusableCursorError extends ApiError {
  readonly code = 'SEARCH.CURSOR_UNUSABLE';
  readonly status = 400;
  override readonly parameter = 'cursor';
}

/** A filter named a tag (rather than giving its id) that no live story carries. */
export class UnknownTagError extends ApiError {
  readonly code = 'SEARCH.UNKNOWN_TAG';
  readonly status = 400;
  override readonly parameter: string;

  constructor(parameter: string, given: string) {
    super(
      `no live story has a ${parameter === 'tag' ? '' : `${parameter} `}tag named "${given}"; ` +
        `give a tag id (e.g. place:sa) or find one with GET /v1/tags?q=${encodeURIComponent(given)}`,
    );
    this.parameter = parameter;
  }
}
