import { Injectable, Logger } from '@nestjs/common';
import type { StoryEnrichedV1 } from '@lib/contracts';
import { NonRetriableError } from '@lib/kafka';
import { withCorrelation } from '@lib/observability';
import { documentIdFor, toSearchDocument, type BulkOperation } from '@lib/search';
import { IndexingMetrics } from './indexing.metrics';
import { StoryIndexRepository } from './story-index.repository';
import { TagNamesRecorder } from './tag-names.recorder';

export type IndexOutcome =
  { status: 'done' } | { status: 'retry'; error: Error } | { status: 'dead'; error: Error };

/** Publishes live stories and removes killed ones; newest version wins inside the engine. */
@Injectable()
export class IndexStoriesService {
  private readonly log = new Logger(IndexStoriesService.name);

  constructor(
    private readonly index: StoryIndexRepository,
    private readonly metrics: IndexingMetrics,
    private readonly tagNames: TagNamesRecorder,
  ) {}

  async indexAll(events: StoryEnrichedV1[]): Promise<IndexOutcome[]> {
    const now = new Date();
    const operations = events.map((event): BulkOperation => {
      const { story } = event.payload;
      const id = documentIdFor(story.uri);
      // Kills (canceled, withheld) delete the story; their version outranks every earlier one.
      if (story.pubstatus !== 'usable') return { kind: 'delete', id, version: story.version };
      return {
        kind: 'index',
        id,
        version: story.version,
        document: toSearchDocument(event.payload, now, event.correlationId),
      };
    });
    try {
      await this.tagNames.record(
        events.flatMap((e) =>
          e.payload.story.pubstatus === 'usable' ? e.payload.enrichment.tags : [],
        ),
      );
    } catch (error) {
      // The names go first, so no story shows a tag whose name is missing: the batch waits for
      // them, and fails as a whole like a bulk request that failed (an engine outage pauses it).
      this.metrics.countFailure('names');
      throw error;
    }
    const stopTimer = this.metrics.timeBulk();
    let results: Awaited<ReturnType<StoryIndexRepository['write']>>;
    try {
      results = await this.index.write(operations);
    } catch (error) {
      this.metrics.countFailure('request');
      throw error;
    } finally {
      stopTimer();
    }
    const writtenAt = new Date();
    return results.map((result, i): IndexOutcome => {
      const { story } = events[i].payload;
      withCorrelation(events[i].correlationId, () =>
        this.log.log(
          `${operations[i].kind === 'delete' ? 'delete' : 'index'} ${story.uri} v${story.version}: ` +
            `${result.status}${'reason' in result ? ` (${result.reason})` : ''}`,
        ),
      );
      switch (result.status) {
        case 'written':
          this.metrics.observeFreshness(events[i].payload.provenance.receivedAt, writtenAt);
          return { status: 'done' };
        case 'stale':
          return { status: 'done' };
        case 'retry':
          this.metrics.countFailure('retry');
          return { status: 'retry', error: new Error(`search engine: ${result.reason}`) };
        case 'rejected':
          this.metrics.countFailure('rejected');
          return {
            status: 'dead',
            error: new NonRetriableError('SEARCH.DOCUMENT_REJECTED', result.reason),
          };
      }
    });
  }
}
