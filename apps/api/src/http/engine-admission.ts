import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Seconds a refused request is asked to wait: searches in flight take tens of milliseconds. */
const BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * Answers at most `capacity` engine-reading requests at once and refuses the next with a 503 and
 * Retry-After, at once. Without a bound, a burst the engine cannot keep up with piles up in the
 * api (each waiting request holds its answer-to-be) until the heap limit ends the process; with
 * it, memory stays bounded and the excess is told to come back. A slot is freed when the answer
 * is sent or the client goes away.
 */
export function admitWhileFree(capacity: number, onBusy: () => void = () => undefined) {
  let inFlight = 0;
  return (_request: Request, response: Response, next: NextFunction): void => {
    if (inFlight >= capacity) {
      onBusy();
      response
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .setHeader('Retry-After', String(BUSY_RETRY_AFTER_SECONDS))
        .json({
          error: 'API.BUSY',
          message: `${inFlight} requests are being answered, the most this api takes at once (API_MAX_INFLIGHT); retry after the Retry-After delay`,
        });
      return;
    }
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
    });
    next();
  };
}
