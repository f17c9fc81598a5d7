import type { Client } from '@elastic/elasticsearch';
import { backoffDelay, errorMessage, sleep } from '@lib/kafka';
import { readRecentStories, type RecentStoryDocument } from '@lib/search';
import type { StoryWindow, WindowEntry } from './story-window';

function entryOf(doc: RecentStoryDocument): WindowEntry {
  return {
    story: {
      uri: doc.uri,
      version: doc.version,
      pubstatus: doc.pubstatus as WindowEntry['story']['pubstatus'],
      headline: doc.headline,
      description: doc.description,
      body_text: doc.body_lead,
      versioncreated: doc.versioncreated,
    },
    tags: doc.tags,
    cluster: doc.cluster,
    signature: doc.simhash,
  };
}

/**
 * Fills the window with the newest `limit` indexed stories, oldest first, a page at a time.
 * Stories the window holds already (from the enriched topic, followed before this starts) are
 * newer than what the index shows, and so are kills seen meanwhile (`isGone`): both are left as
 * they are. Returns how many stories were taken in.
 */
export async function warmUpWindow(
  window: StoryWindow,
  client: Client,
  alias: string,
  limit: number,
  isGone: (uri: string) => boolean,
): Promise<number> {
  let taken = 0;
  for await (const page of readRecentStories(client, alias, limit))
    for (const doc of page) {
      if (window.related.has(doc.uri) || isGone(doc.uri)) continue;
      window.remember(entryOf(doc));
      taken += 1;
    }
  return taken;
}

export interface WarmUpRetry {
  /** Give up this long after the first attempt began. */
  deadlineMs: number;
  baseDelayMs: number;
  onRetry: (attempt: number, error: string, delayMs: number) => void;
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
}

export type WarmUpResult = { complete: true; taken: number } | { complete: false; error: string };

/**
 * Runs the warm-up until it completes or the deadline passes. A freshly started engine answers
 * before the index's shards are assigned; the window is an optimisation, so the enricher must
 * not die of that: it goes on with whatever was read (a retry skips what the window holds).
 */
export async function warmUpWithRetries(
  warmUp: () => Promise<number>,
  retry: WarmUpRetry,
): Promise<WarmUpResult> {
  const now = retry.now ?? Date.now;
  const wait = retry.wait ?? sleep;
  const deadline = now() + retry.deadlineMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { complete: true, taken: await warmUp() };
    } catch (error) {
      const delay = backoffDelay(attempt, retry.baseDelayMs, 5_000);
      if (now() + delay > deadline) return { complete: false, error: errorMessage(error) };
      retry.onRetry(attempt, errorMessage(error), delay);
      await wait(delay);
    }
  }
}
