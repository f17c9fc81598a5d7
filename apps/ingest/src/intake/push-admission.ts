import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Seconds a refused push is asked to wait: a body in progress is usually read and stored by then. */
const BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * Bytes of push bodies being read and handled at once. Ingest's memory follows the bodies in
 * flight (the raw bytes, the decoded text and the parsed items of each), so bounding them
 * bounds memory under any number of concurrent senders.
 */
export class PushByteBudget {
  private used = 0;

  constructor(readonly capacity: number) {}

  get inUse(): number {
    return this.used;
  }

  /** Takes `bytes` if they fit; a push larger than the whole budget is never admitted. */
  tryReserve(bytes: number): boolean {
    if (this.used + bytes > this.capacity) return false;
    this.used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}

/**
 * The bytes a push will hold while it is handled: its declared length, or the route's limit when
 * it does not declare one (chunked). A declared length over the limit takes nothing: the body
 * parser refuses it with a 413 without reading it.
 */
export function bytesToReserve(contentLength: string | undefined, limit: number): number {
  if (contentLength === undefined) return limit;
  const declared = Number(contentLength);
  if (!Number.isFinite(declared) || declared < 0) return limit;
  return declared > limit ? 0 : declared;
}

/**
 * Admits a push only while its bytes fit the budget (`INGEST_INFLIGHT_MAX_BYTES`); otherwise
 * answers 503 with Retry-After before reading the body, and nothing is accepted. The bytes are
 * given back when the answer is sent or the connection closes.
 */
export function admitPushes(
  budget: PushByteBudget,
  limit: number,
  onBusy: (request: Request) => void = () => undefined,
) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const bytes = bytesToReserve(request.headers['content-length'], limit);
    if (!budget.tryReserve(bytes)) {
      onBusy(request);
      response
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .setHeader('Retry-After', String(BUSY_RETRY_AFTER_SECONDS))
        .json({
          error: 'INGEST.BUSY',
          message:
            `${budget.inUse} of ${budget.capacity} bytes of pushes are being handled and this ` +
            `one declares ${bytes}; nothing was accepted, retry`,
        });
      return;
    }
    response.once('close', () => budget.release(bytes));
    next();
  };
}
