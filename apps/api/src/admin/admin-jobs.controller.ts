import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  ActiveJobError,
  AdminJobs,
  AdminKeyGuard,
  FilterSyntaxError,
  parseBody,
  parseDeadLetterFilter,
  type AdminJob,
} from '@lib/admin';
import {
  Topics,
  deadLetterTopic,
  reindexJobParamsSchema,
  replayDlqJobParamsSchema,
  type AdminJobRequestedV1Payload,
} from '@lib/contracts';
import { DATA_SOURCE } from '@lib/database';
import { correlationIdOf } from '@lib/observability';
import { parseQuery } from '../http/parse-query';
import { integerParam } from '../http/query-params';

/** Topics whose dead letters may be replayed: the pipeline's own. */
const REPLAYABLE = new Set(Object.values(Topics).flatMap((t) => [t, deadLetterTopic(t)]));

const replayParamsSchema = replayDlqJobParamsSchema.superRefine((params, ctx) => {
  if (!REPLAYABLE.has(params.topic))
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['topic'],
      message: `one of ${[...REPLAYABLE].join(', ')}`,
    });
  params.filters.forEach((spec, i) => {
    try {
      parseDeadLetterFilter(spec);
    } catch (error) {
      if (!(error instanceof FilterSyntaxError)) throw error;
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['filters', i], message: error.message });
    }
  });
});

const listParamsSchema = z.object({ limit: integerParam(1, 100, 20) }).strict();

/**
 * Maintenance jobs. The api records the job and asks the indexer to run it (the api never writes
 * the index); the job's status, progress with ETA and messages are read back here.
 */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AdminKeyGuard)
@Controller('v1/admin')
export class AdminJobsController {
  private readonly jobs: AdminJobs;

  constructor(@Inject(DATA_SOURCE) db: DataSource) {
    this.jobs = new AdminJobs(db);
  }

  @Post('reindex')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Rebuild the search index from PostgreSQL and swap the alias',
    description:
      'Body (optional): {batchSize: 1..10000 (500), verifyTimeoutSeconds: 0..3600 (120)}. ' +
      'Answers 202 with the job; follow it at GET /v1/admin/jobs/{id}. One reindex at a time: 409 names the running one.',
  })
  reindex(@Body() body: unknown, @Req() request: Request): Promise<JobView> {
    const params = parseBody(reindexJobParamsSchema, body ?? {});
    return this.request({ kind: 'reindex', params }, request);
  }

  @Post('dlq/replay')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send dead letters back to the topic they failed on',
    description:
      'Body: {topic: "news.story.ingested.v1" (or its .dlq), filters?: ["code=…", "key=…", "header.NAME=…"], fromBeginning?: false, dryRun?: false}. ' +
      'Replays only dead letters that arrived since the last replay with the same filters, unless fromBeginning. Answers 202 with the job.',
  })
  replay(@Body() body: unknown, @Req() request: Request): Promise<JobView> {
    const params = parseBody(replayParamsSchema, body);
    return this.request({ kind: 'replay-dlq', params }, request);
  }

  @Get('jobs')
  @ApiOperation({ summary: 'Recent maintenance jobs, newest first' })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 100, default 20' })
  async list(@Query() raw: Record<string, unknown>): Promise<{ items: JobView[] }> {
    const { limit } = parseQuery(listParamsSchema, raw);
    return { items: (await this.jobs.list(limit)).map(jobView) };
  }

  @Get('jobs/:id')
  @ApiOperation({ summary: 'A maintenance job: status, progress with ETA, messages, result' })
  async find(
    @Param(
      'id',
      new ParseUUIDPipe({
        exceptionFactory: () =>
          new NotFoundException({ error: 'JOB.NOT_FOUND', message: 'no such job' }),
      }),
    )
    id: string,
  ): Promise<JobView> {
    const job = await this.jobs.find(id);
    if (!job) throw new NotFoundException({ error: 'JOB.NOT_FOUND', message: `no job ${id}` });
    return jobView(job);
  }

  private async request(
    request: Omit<AdminJobRequestedV1Payload, 'jobId'>,
    http: Request,
  ): Promise<JobView> {
    try {
      return jobView(await this.jobs.request(request, 'admin', correlationIdOf(http)));
    } catch (error) {
      if (!(error instanceof ActiveJobError)) throw error;
      throw new ConflictException({
        error: 'JOB.ALREADY_ACTIVE',
        message: error.message,
        job: jobView(error.active),
      });
    }
  }
}

type JobView = AdminJob & { etaSeconds: number | null; href: string };

/** The job with its ETA, extrapolated from its rate so far. */
function jobView(job: AdminJob): JobView {
  const { done, total } = job.progress;
  const elapsed = job.startedAt ? (Date.now() - Date.parse(job.startedAt)) / 1000 : 0;
  const etaSeconds =
    job.status === 'running' && total !== null && done > 0 && elapsed > 0
      ? Math.round(((total - done) * elapsed) / done)
      : null;
  return { ...job, etaSeconds, href: `/v1/admin/jobs/${job.id}` };
}
