/** What a conditional GET of a feed brought back. */
export type FeedFetch =
  | { status: 'not-modified' }
  | {
      status: 'fetched';
      bytes: Buffer;
      contentType?: string;
      etag: string | null;
      lastModified: string | null;
    }
  | { status: 'failed'; reason: string };

export interface FeedValidators {
  etag: string | null;
  lastModified: string | null;
}

/** Fetches a feed with If-None-Match / If-Modified-Since so an unchanged feed costs a 304. */
export async function fetchFeed(
  url: string,
  validators: FeedValidators,
  timeoutMs: number,
  maxBytes: number,
): Promise<FeedFetch> {
  const headers: Record<string, string> = {
    accept:
      'application/rss+xml, application/atom+xml, application/xml, application/json;q=0.9, */*;q=0.5',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  let response: Response;
  try {
    response = await fetch(url, {
      headers,
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return {
      status: 'failed',
      reason: `fetch failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (response.status === 304) return { status: 'not-modified' };
  if (!response.ok)
    return { status: 'failed', reason: `HTTP ${response.status} ${response.statusText}` };
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes)
    return {
      status: 'failed',
      reason: `feed of ${declared} bytes exceeds the limit of ${maxBytes}`,
    };
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > maxBytes)
    return {
      status: 'failed',
      reason: `feed of ${bytes.length} bytes exceeds the limit of ${maxBytes}`,
    };
  return {
    status: 'fetched',
    bytes,
    contentType: response.headers.get('content-type') ?? undefined,
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  };
}

/** Backoff for a failing feed: doubling from its interval, capped at an hour. */
export function failureDelaySeconds(intervalSeconds: number, consecutiveFailures: number): number {
  return Math.min(3600, intervalSeconds * 2 ** Math.min(consecutiveFailures + 1, 12));
}
