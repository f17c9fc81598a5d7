import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type Client, errors } from '@elastic/elasticsearch';
import { APP_CONFIG, type Env } from '@lib/config';
import { DependencyUnavailableError, chunkByWeight } from '@lib/kafka';
import {
  SEARCH_CLIENT,
  WriteTargetCache,
  bulkWriteTargets,
  ensureStoriesIndex,
  type BulkItemResult,
  type BulkOperation,
} from '@lib/search';

const STARTUP_ATTEMPTS = 60;

/** The only place the indexer touches the search engine. */
@Injectable()
export class StoryIndexRepository implements OnModuleInit {
  private readonly log = new Logger(StoryIndexRepository.name);
  private readonly targets: WriteTargetCache;

  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {
    this.targets = new WriteTargetCache(client, config.ES_STORIES_ALIAS);
  }

  /** The alias and its first index must exist before the first bulk write. */
  async onModuleInit(): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const index = await ensureStoriesIndex(
          this.client,
          this.config.ES_STORIES_ALIAS,
          this.config.ES_REFRESH_INTERVAL,
        );
        this.log.log(`writing stories through alias ${this.config.ES_STORIES_ALIAS} (${index})`);
        return;
      } catch (error) {
        if (attempt >= STARTUP_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  /**
   * Writes to the alias's index and, while a reindex runs, to the index being built as well,
   * so no live update is missing from it when the alias is swapped. An engine that cannot be
   * reached (or answers the whole request with 429/5xx) is an outage, not the stories' fault.
   */
  async write(operations: BulkOperation[]): Promise<BulkItemResult[]> {
    try {
      let targets = await this.targets.get();
      // The alias vanished (deleted by hand): recreate it rather than let a write to its name
      // auto-create a plain index that would block the alias from then on.
      if (targets.length === 0) {
        await ensureStoriesIndex(
          this.client,
          this.config.ES_STORIES_ALIAS,
          this.config.ES_REFRESH_INTERVAL,
        );
        targets = await this.targets.get();
      }
      const results: BulkItemResult[] = [];
      // One request at a time, in order: a story's operations never overtake each other.
      for (const chunk of bulkChunks(
        operations,
        targets.length,
        this.config.ES_BULK_MAX_DOCS,
        this.config.ES_BULK_MAX_BYTES,
      ))
        results.push(...(await bulkWriteTargets(this.client, targets, chunk)));
      return results;
    } catch (error) {
      if (isEngineOutage(error))
        throw new DependencyUnavailableError(
          'search engine',
          error instanceof Error ? error.message : String(error),
          { cause: error },
        );
      throw error;
    }
  }
}

/** Per operation in a bulk body besides the document: the action line and newlines. */
const ACTION_BYTES = 200;

/**
 * Splits operations into bulk requests of at most `maxDocs` operations and about `maxBytes`
 * (every target receives each operation). One oversized document still goes alone.
 */
export function bulkChunks(
  operations: BulkOperation[],
  targets: number,
  maxDocs: number,
  maxBytes: number,
): BulkOperation[][] {
  const weigh = (op: BulkOperation) =>
    targets *
    (ACTION_BYTES + (op.kind === 'index' ? Buffer.byteLength(JSON.stringify(op.document)) : 0));
  return chunkByWeight(operations, weigh, maxBytes, maxDocs);
}

function isEngineOutage(error: unknown): boolean {
  if (
    error instanceof errors.ConnectionError ||
    error instanceof errors.TimeoutError ||
    error instanceof errors.NoLivingConnectionsError
  )
    return true;
  return (
    error instanceof errors.ResponseError &&
    (error.statusCode === 429 || (error.statusCode ?? 0) >= 500)
  );
}
