/** A domain error with a stable code; the api's exception filter turns it into an HTTP answer. */
export abstract class ApiError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  /** The request parameter at fault, for a 400. */
  readonly parameter?: string;
}
