import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type Env } from '@lib/config';
import { parseWire, WireError } from '@lib/wire-formats';
import { contentHashOf } from './content-hash';
import type { IntakeResult, RawSubmission } from './intake.types';
import { RejectedInputError } from './intake.errors';
import { IntakeMetrics } from './intake.metrics';
import { OutboxNotifier } from './outbox-notifier';
import { StoryRepository } from './story.repository';

/** Parse, normalise and keep: the front door's one use case, whatever the transport. */
@Injectable()
export class IntakeService {
  private readonly log = new Logger(IntakeService.name);

  constructor(
    private readonly stories: StoryRepository,
    private readonly outbox: OutboxNotifier,
    private readonly metrics: IntakeMetrics,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  async submit(submission: RawSubmission): Promise<IntakeResult> {
    let parsed: ReturnType<typeof parseWire>;
    try {
      parsed = parseWire(
        submission.bytes,
        {
          format: submission.forcedFormat,
          contentType: submission.contentType,
          filename: submission.filename,
          provider: submission.provider,
        },
        { maxBytes: this.config.INGEST_MAX_BODY_BYTES, receivedAt: submission.receivedAt },
      );
    } catch (error) {
      if (!(error instanceof WireError)) throw error;
      // Keep the bytes and the reason so an operator can fix and replay, then refuse.
      const rejectedId = await this.stories.reject(
        submission,
        error.format ?? null,
        error.code,
        error.message,
      );
      this.metrics.countRejected(submission.source, error.format ?? 'unknown');
      this.log.warn(`refused from ${submission.source}: ${error.code} ${error.message}`);
      throw new RejectedInputError(error, rejectedId);
    }
    const prepared = parsed.stories.map((story) => ({ story, contentHash: contentHashOf(story) }));
    const { rawPayloadId, results } = await this.stories.accept(
      submission,
      parsed.format,
      prepared,
    );
    if (results.some((r) => r.status === 'accepted')) this.outbox.nudge();
    this.metrics.countResults(submission.source, parsed.format, results);
    for (const r of results) {
      this.log.log(
        `${r.status} ${r.uri} v${r.version} (${r.pubstatus}) from ${submission.source} as ${parsed.format}`,
      );
    }
    return { format: parsed.format, rawPayloadId, results };
  }
}
