import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { type Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC filter replaces any error a handler throws with `{ status: 'error',
 * message: 'Internal server error' }`. The consumer wrapper needs the error itself to decide a
 * message's fate (NonRetriableError -> dead letter at once, DependencyUnavailableError -> wait)
 * and to put its code and message in the dead-letter headers, so RPC errors pass through
 * unchanged; HTTP errors (health, metrics) get Nest's usual answer.
 */
@Catch()
export class RethrowRpcErrorsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') return throwError(() => exception);
    super.catch(exception, host);
  }
}
