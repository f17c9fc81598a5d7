import type { Client } from '@elastic/elasticsearch';
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
