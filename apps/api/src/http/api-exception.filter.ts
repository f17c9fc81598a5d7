import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ApiError } from './api-error';

/** Maps domain errors to status codes and a body shaped like every other 4xx of the api. */
@Catch(ApiError)
export class ApiExceptionFilter implements ExceptionFilter {
  catch(error: ApiError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const message = error.parameter
      ? `invalid parameter "${error.parameter}": ${error.message}`
      : error.message;
    response.status(error.status).json({
      error: error.code,
      ...(error.parameter ? { parameter: error.parameter } : {}),
      message,
    });
  }
}
