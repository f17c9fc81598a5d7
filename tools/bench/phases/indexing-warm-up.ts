import type { BenchStory } from '../corpus';
import { progressBar } from '../progress';
import { jitSharePercent as jitShare, jvmTicks } from '../resources';
import { round } from '../stats';
import { warmUpDone } from '../warm-up';
import { benchDocument, loadScratch, type BulkConfig } from './direct-load';

export interface IndexingWarmUp {
  documents: number;
  seconds: number;
  /** The engine's JIT compiler threads' share of its CPU in the last round, in per cent. */
  jitSharePercent: number | null;
  /** Whether the warm-up ended because the JIT had settled, not at its cap. */
  settled: boolean;
}

export interface IndexingWarmUpOptions {
  /** Documents indexed at least, whatever the JIT does. */
  minDocuments: number;
  /** Documents indexed at most, settled or not. */
  maxDocuments: number;
  /** The engine's JVM, whose JIT is watched; without it the warm-up is `minDocuments` long. */
  enginePid: number | undefined;
}

/** Documents per round, between two looks at the JIT. */
const ROUND_DOCUMENTS = 8000;
/**
 * Indexing never gets the JIT as quiet as searching does: on two cores it still took 7–15 % of
 * the engine's CPU after 80,000 documents (against 42–47 % through the first 25,000).
 */
export const INDEXING_JIT_SETTLED_PERCENT = 12;
/** The shape of the indexer's writes: bulks of a slice's size, a few partitions at once. */
const WARM_UP_BULK: BulkConfig = { docs: 250, concurrency: 3, durability: 'request' };

/**
 * The corpus bulk-loaded into scratch indexes, round after round, before the replay, so the
 * engine's bulk indexing code is compiled before the replay meets it. A newly started engine's
 * JIT compiler took 43 % of its CPU through a replay (22.5 of 52.3 s). Measured with 56,000
 * documents of warm-up (the JIT at 9 % in the last round), the replay's engine still spent
 * 41–48 % of its CPU compiling: the pipeline's mix of small bulks, refreshes every second,
 * merges and searches keeps the JIT busy where bulk loads alone had let it settle. So it is
 * off by default, and kept for repeating that measurement. It goes on, past `minDocuments`,
 * until a round costs the JIT less than {@link INDEXING_JIT_SETTLED_PERCENT} % of the engine's
 * CPU, or `maxDocuments` were indexed.
 */
export async function warmUpIndexing(
  stories: BenchStory[],
  options: IndexingWarmUpOptions,
): Promise<IndexingWarmUp> {
  const receivedAt = new Date();
  const documents = stories.map((story) => benchDocument(story, undefined, receivedAt));
  const bar = progressBar('index warm-up', options.minDocuments, 'documents');
  const t0 = performance.now();
  let sent = 0;
  let jitSharePercent: number | null = null;
  let settled = false;
  for (let pass = 0; documents.length > 0; pass += 1) {
    // Successive stretches of the corpus, wrapping around: every round indexes other stories.
    const slice = Array.from(
      { length: Math.min(ROUND_DOCUMENTS, documents.length) },
      (_, i) => documents[(pass * ROUND_DOCUMENTS + i) % documents.length],
    );
    const before = jvmTicks(options.enginePid);
    await loadScratch(slice, WARM_UP_BULK, `indexing-warm-up-${pass}`);
    jitSharePercent = jitShare(before, jvmTicks(options.enginePid));
    sent += slice.length;
    bar.update(
      Math.min(sent, options.minDocuments),
      jitSharePercent === null ? '' : `JIT ${jitSharePercent}% of the engine`,
    );
    const verdict = warmUpDone(sent, jitSharePercent, {
      min: options.minDocuments,
      max: options.maxDocuments,
      settledPercent: INDEXING_JIT_SETTLED_PERCENT,
    });
    settled = verdict.settled;
    if (verdict.done) break;
  }
  bar.stop();
  return {
    documents: sent,
    seconds: round((performance.now() - t0) / 1000, 1),
    jitSharePercent,
    settled,
  };
}
