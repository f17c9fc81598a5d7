import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type Env } from '@lib/config';
import { parseWire, WireError } from '@lib/wire-formats';
import { contentHashOf } from './content-hash';
import type { IntakeResult, ItemOutcome, RawSubmission } from './intake.types';
import { RejectedInputError } from './intake.errors';
import { IntakeMetrics } from './intake.metrics';
import { OutboxNotifier } from './outbox-notifier';
import { StoryRepository, type ParsedItem } from './story.repository';

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

  /** One item: its result, or a RejectedInputError with the reason. */
  async submit(submission: RawSubmission): Promise<IntakeResult> {
    const [outcome] = await this.submitAll([submission]);
    if (outcome.status === 'rejected') throw outcome.error;
    return outcome.result;
  }

  /**
   * Several items, each kept or refused on its own and answered in order. The ones that parse
   * are stored in one transaction; the refused ones are kept with their reasons first.
   */
  async submitAll(submissions: RawSubmission[]): Promise<ItemOutcome[]> {
    const outcomes: ItemOutcome[] = [];
    const parsed: { index: number; item: ParsedItem }[] = [];
    for (const [index, submission] of submissions.entries()) {
      const item = this.parse(submission);
      if (item instanceof WireError) {
        outcomes[index] = { status: 'rejected', error: await this.refuse(submission, item) };
      } else {
        parsed.push({ index, item });
      }
    }
    const kept = await this.stories.accept(parsed.map((p) => p.item));
    if (kept.some((k) => k.results.some((r) => r.status === 'accepted'))) this.outbox.nudge();
    for (const [i, { index, item }] of parsed.entries()) {
      const result: IntakeResult = { format: item.format, ...kept[i] };
      this.report(item.submission, result);
      outcomes[index] = { status: 'ok', result };
    }
    return outcomes;
  }

  private parse(submission: RawSubmission): ParsedItem | WireError {
    try {
      const parsed = parseWire(
        submission.bytes,
        {
          format: submission.forcedFormat,
          contentType: submission.contentType,
          filename: submission.filename,
          provider: submission.provider,
        },
        { maxBytes: this.config.INGEST_MAX_BODY_BYTES, receivedAt: submission.receivedAt },
      );
      return {
        submission,
        format: parsed.format,
        stories: parsed.stories.map((story) => ({ story, contentHash: contentHashOf(story) })),
      };
    } catch (error) {
      if (error instanceof WireError) return error;
      throw error;
    }
  }

  /** Keeps the bytes and the reason so an operator can fix and replay. */
  private async refuse(submission: RawSubmission, error: WireError): Promise<RejectedInputError> {
    const rejectedId = await this.stories.reject(
      submission,
      error.format ?? null,
      error.code,
      error.message,
    );
    this.metrics.countRejected(submission.source, error.format ?? 'unknown');
    this.log.warn(`refused from ${submission.source}: ${error.code} ${error.message}`);
    return new RejectedInputError(error, rejectedId);
  }

  private report(submission: RawSubmission, { format, results }: IntakeResult): void {
    this.metrics.countResults(submission.source, format, results);
    for (const r of results) {
      this.log.log(
        `${r.status} ${r.uri} v${r.version} (${r.pubstatus}) from ${submission.source} as ${format}`,
      );
    }
  }
}
