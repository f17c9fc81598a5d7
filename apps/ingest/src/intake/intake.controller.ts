import {
  Body,
  Controller,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { APP_CONFIG, type Env } from '@lib/config';
import { WIRE_FORMATS, type WireFormat } from '@lib/contracts';
import { chunkByWeight } from '@lib/kafka';
import { correlationIdOf } from '@lib/observability';
import { SourceKeyGuard, type SourceRequest } from '../sources/auth.guards';
import { parseBody } from '@lib/admin';
import { BadParameterError } from './intake.errors';
import { IntakeService } from './intake.service';
import type { IntakeResult, ItemOutcome, RawSubmission } from './intake.types';

const batchSchema = z.object({
  items: z
    .array(
      z.object({
        content: z.string().min(1),
        encoding: z.enum(['utf8', 'base64']).default('utf8'),
        filename: z.string().max(500).optional(),
        contentType: z.string().max(200).optional(),
        format: z.enum(WIRE_FORMATS).optional(),
      }),
    )
    .min(1, 'at least one item'),
});

type BatchItemResult =
  | ({ index: number; status: 'ok' } & IntakeResult)
  | { index: number; status: 'rejected'; error: string; message: string; rejectedItemId: string };

@ApiTags('ingest')
@ApiBearerAuth()
@UseGuards(SourceKeyGuard)
@Controller('v1/ingest')
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Push one wire item or a multi-item feed/file in any supported format',
    description:
      '202 once every accepted story is committed; 200 when nothing new was in it (duplicates or stale versions).',
  })
  @ApiConsumes('application/json', 'application/xml', 'text/plain', 'application/octet-stream')
  @ApiBody({ description: 'The wire payload, as the agency sent it' })
  @ApiQuery({ name: 'format', required: false, enum: WIRE_FORMATS })
  @ApiQuery({ name: 'filename', required: false })
  async push(
    @Req() request: SourceRequest,
    @Res({ passthrough: true }) response: Response,
    @Headers('content-type') contentType: string | undefined,
    @Query('format') format: string | undefined,
    @Query('filename') filename: string | undefined,
  ): Promise<IntakeResult & { correlationId: string }> {
    const id = correlationIdOf(request);
    const result = await this.intake.submit({
      ...this.submissionBase(request, id),
      bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      contentType,
      filename,
      forcedFormat: parseFormat(format) ?? sourceFormat(request),
    });
    if (!result.results.some((r) => r.status === 'accepted')) response.status(HttpStatus.OK);
    return { ...result, correlationId: id };
  }

  @Post('batch')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Push many wire items in one request',
    description:
      '`{"items":[{"content":"...","encoding":"utf8|base64","filename":"...","format":"..."}]}`. Each item is kept or ' +
      'refused on its own and answered in order; 202 when any story was accepted, else 200.',
  })
  async pushBatch(
    @Req() request: SourceRequest,
    @Res({ passthrough: true }) response: Response,
    @Body() body: unknown,
  ): Promise<{ correlationId: string; items: BatchItemResult[] }> {
    const batch = parseBody(batchSchema, body);
    const id = correlationIdOf(request);
    const items: BatchItemResult[] = [];
    // Runs of items share a transaction: one commit for many stories instead of one each.
    const runs = chunkByWeight(
      [...batch.items.entries()],
      ([, item]) => item.content.length,
      this.config.INGEST_TRANSACTION_MAX_BYTES,
      this.config.INGEST_TRANSACTION_MAX_ITEMS,
    );
    for (const run of runs) {
      const outcomes = await this.intake.submitAll(
        run.map(([, item]) => ({
          ...this.submissionBase(request, id),
          bytes: Buffer.from(item.content, item.encoding === 'base64' ? 'base64' : 'utf8'),
          contentType: item.contentType,
          filename: item.filename,
          forcedFormat: item.format ?? sourceFormat(request),
        })),
      );
      for (const [i, outcome] of outcomes.entries())
        items.push(batchItemResult(run[i][0], outcome));
    }
    const anyAccepted = items.some(
      (i) => i.status === 'ok' && i.results.some((r) => r.status === 'accepted'),
    );
    if (!anyAccepted) response.status(HttpStatus.OK);
    return { correlationId: id, items };
  }

  private submissionBase(
    request: SourceRequest,
    correlationId: string,
  ): Pick<RawSubmission, 'source' | 'provider' | 'transport' | 'correlationId' | 'receivedAt'> {
    return {
      source: request.source?.name ?? 'unknown',
      provider: request.source?.provider ?? undefined,
      transport: 'http',
      correlationId,
      receivedAt: new Date(),
    };
  }
}

function batchItemResult(index: number, outcome: ItemOutcome): BatchItemResult {
  if (outcome.status === 'ok') return { index, status: 'ok', ...outcome.result };
  return {
    index,
    status: 'rejected',
    error: outcome.error.wireError.code,
    message: outcome.error.message,
    rejectedItemId: outcome.error.rejectedItemId,
  };
}

function sourceFormat(request: SourceRequest): WireFormat | undefined {
  return WIRE_FORMATS.find((f) => f === request.source?.format);
}

function parseFormat(format: string | undefined): WireFormat | undefined {
  if (format === undefined) return undefined;
  const known = WIRE_FORMATS.find((f) => f === format);
  if (!known) throw new BadParameterError('format', `one of ${WIRE_FORMATS.join(', ')}`);
  return known;
}
