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
