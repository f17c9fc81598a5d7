import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { BadParameterError, RejectedInputError } from './intake.errors';

/** Wire error codes whose HTTP status is not a plain 400. */
const STATUS_OF_CODE: Record<string, number> = {
  'WIRE.TOO_LARGE': HttpStatus.PAYLOAD_TOO_LARGE,
  'WIRE.UNSUPPORTED_FORMAT': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
};

const RETRY_AFTER_SECONDS = 5;

/**
 * One place that turns failures into answers: refused input gets a 4xx with its code and
 * reason; a database we cannot reach gets a 503 with Retry-After, never a 202 we cannot keep.
 */
@Catch()
export class IntakeExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger(IntakeExceptionFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof RejectedInputError) {
      const { code, message, format, line, field } = error.wireError;
      response.status(STATUS_OF_CODE[code] ?? HttpStatus.BAD_REQUEST).json({
        error: code,
        message,
        ...(format ? { format } : {}),
        ...(line !== undefined ? { line } : {}),
        ...(field ? { field } : {}),
        rejectedItemId: error.rejectedItemId,
      });
      return;
    }
    if (error instanceof BadParameterError) {
      response.status(HttpStatus.BAD_REQUEST).json({
        error: 'REQUEST.BAD_PARAMETER',
        message: error.message,
        parameter: error.parameter,
      });
      return;
    }
    if (isBodyTooLarge(error)) {
      response.status(HttpStatus.PAYLOAD_TOO_LARGE).json({
        error: 'WIRE.TOO_LARGE',
        message: `body exceeds the limit of ${error.limit} bytes`,
      });
      return;
    }
    if (isBadBody(error)) {
      response.status(error.status).json({ error: 'REQUEST.BAD_BODY', message: error.message });
      return;
    }
    if (error instanceof HttpException) {
      response.status(error.getStatus()).json(error.getResponse());
      return;
    }
    if (isDatabaseUnavailable(error)) {
      this.log.warn(`database unavailable, refusing with 503: ${String(error)}`);
      response
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
        .json({
          error: 'INGEST.STORAGE_UNAVAILABLE',
          message: 'storage is unavailable; nothing was accepted, retry later',
        });
      return;
    }
    this.log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    response
      .status(HttpStatus.INTERNAL_SERVER_ERROR)
      .json({ error: 'INTERNAL', message: 'internal error; nothing was accepted' });
  }
}

function isBodyTooLarge(error: unknown): error is { limit: number } {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { type?: unknown }).type === 'entity.too.large'
  );
}

/** Errors thrown by Express's body parsers (malformed JSON, bad encoding): the client's fault. */
function isBadBody(error: unknown): error is { status: number; message: string } {
  if (typeof error !== 'object' || error === null) return false;
  const { status, type } = error as { status?: unknown; type?: unknown };
  return (
    typeof type === 'string' &&
    type.startsWith('entity.') &&
    typeof status === 'number' &&
    status >= 400 &&
    status < 500
  );
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '57P01',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } }).code ??
    (error as { driverError?: { code?: unknown } }).driverError?.code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connect ECONNREFUSED/i.test(
    message,
  );
}
