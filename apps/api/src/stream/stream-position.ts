/**
 * A place in the stream of events, ordered by (time in ms, uri). `uri: null` means "after
 * everything at this time": where a client starts when it gives a time instead of an event id.
 */
export interface StreamPosition {
  at: number;
  uri: string | null;
}

const EVENT_ID = /^(\d{1,15})_([A-Za-z0-9_-]+)$/;

/** The SSE event id: resuming from it continues right after that event. */
export function encodeEventId(position: { at: number; uri: string }): string {
  return `${position.at}_${Buffer.from(position.uri).toString('base64url')}`;
}

/** An event id (from `since` or Last-Event-ID) or an ISO-8601 date-time; null if neither. */
export function parseStreamPosition(raw: string): StreamPosition | null {
  const match = EVENT_ID.exec(raw);
  if (match) {
    const uri = Buffer.from(match[2], 'base64url').toString('utf8');
    return uri ? { at: Number(match[1]), uri } : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(raw)) return null;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : { at, uri: null };
}

export function comparePositions(a: StreamPosition, b: StreamPosition): number {
  if (a.at !== b.at) return a.at - b.at;
  // null sorts after every uri at the same time: it stands for "the end of that millisecond".
  if (a.uri === b.uri) return 0;
  if (a.uri === null) return 1;
  if (b.uri === null) return -1;
  return a.uri < b.uri ? -1 : 1;
}
