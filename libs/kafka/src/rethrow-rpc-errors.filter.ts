import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC filter replaces any error a handler throws with `{ status: 'error',
 * message: 'Internal server error' }`. The consumer wrapper needs the error itself to decide a
 * message's fate (NonRetriableError -> dead letter at once, DependencyUnavailableError -> wait)
 * and to put its code and message in the dead-letter headers, so it is passed through unchanged.
 */
@Catch()
export class RethrowRpcErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
