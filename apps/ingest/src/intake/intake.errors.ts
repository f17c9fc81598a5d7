import type { WireError } from '@lib/wire-formats';

/** Input refused with a reason; its raw bytes are kept as a rejected item. */
export class RejectedInputError extends Error {
  constructor(
    readonly wireError: WireError,
    readonly rejectedItemId: string,
  ) {
    super(wireError.message);
    this.name = 'RejectedInputError';
  }
}

/** A query parameter or header that is not what the endpoint expects. */
export class BadParameterError extends Error {
  constructor(
    readonly parameter: string,
    readonly expected: string,
  ) {
    super(`invalid parameter "${parameter}": expected ${expected}`);
    this.name = 'BadParameterError';
  }
}
