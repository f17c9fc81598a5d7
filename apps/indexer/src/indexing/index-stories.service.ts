import { Injectable } from '@nestjs/common';
import type { StoryEnrichedV1 } from '@lib/contracts';
import { NonRetriableError } from '@lib/kafka';
import { documentIdFor, toSearchDocument, type BulkOperation } from '@lib/search';
import { StoryIndexRepository } from './story-index.repository';

export type IndexOutcome = { status: 'done' } | { status: 'retry'; error: Error } | { status: 'dead'; error: Error };

/** Publishes live stories and removes killed ones; newest version wins inside the engine. */
@Injectable()
export class IndexStoriesService {
  constructor(private readonly index: StoryIndexRepository) {}

  async indexAll(events: StoryEnrichedV1[]): Promise<IndexOutcome[]> {
    const now = new Date();
    const operations = events.map((event): BulkOperation => {
      const { story } = event.payload;
      const id = documentIdFor(story.uri);
      // Kills (canceled, withheld) delete the story; their version outranks every earlier one.
      if (story.pubstatus !== 'usable') return { kind: 'delete', id, version: story.version };
      return { kind: 'index', id, version: story.version, document: toSearchDocument(event.payload, now, event.correlationId) };
    });
    const results = await this.index.write(operations);
    return results.map((result): IndexOutcome => {
      switch (result.status) {
        case 'written':
        case 'stale':
          return { status: 'done' };
        case 'retry':
          return { status: 'retry', error: new Error(`search engine: ${result.reason}`) };
        case 'rejected':
          return { status: 'dead', error: new NonRetriableError('SEARCH.DOCUMENT_REJECTED', result.reason) };
      }
    });
  }
}
