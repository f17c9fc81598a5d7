import { Controller, Headers, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { WIRE_FORMATS, type WireFormat } from '@lib/contracts';
import { BadParameterError } from './intake.errors';
import { IntakeService } from './intake.service';
import type { IntakeResult } from './intake.types';

@ApiTags('ingest')
@Controller('v1/ingest')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Push one wire item or a multi-item feed/file in any supported format',
    description: '202 once every accepted story is committed; 200 when nothing new was in it (duplicates or stale versions).',
  })
  @ApiConsumes('application/json', 'application/xml', 'text/plain', 'application/octet-stream')
  @ApiBody({ description: 'The wire payload, as the agency sent it' })
  @ApiQuery({ name: 'format', required: false, enum: WIRE_FORMATS })
  @ApiQuery({ name: 'filename', required: false })
  async push(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Headers('content-type') contentType: string | undefined,
    @Headers('x-source') source: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Query('format') format: string | undefined,
    @Query('filename') filename: string | undefined,
  ): Promise<IntakeResult & { correlationId: string }> {
    const id = correlationId ?? randomUUID();
    const result = await this.intake.submit({
      bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      source: source ?? 'http',
      transport: 'http',
      contentType,
      filename,
      forcedFormat: parseFormat(format),
      correlationId: id,
      receivedAt: new Date(),
    });
    if (!result.results.some((r) => r.status === 'accepted')) response.status(HttpStatus.OK);
    response.setHeader('x-correlation-id', id);
    return { ...result, correlationId: id };
  }
}

function parseFormat(format: string | undefined): WireFormat | undefined {
  if (format === undefined) return undefined;
  const known = WIRE_FORMATS.find((f) => f === format);
  if (!known) throw new BadParameterError('format', `one of ${WIRE_FORMATS.join(', ')}`);
  return known;
}
