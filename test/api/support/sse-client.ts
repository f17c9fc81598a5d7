export interface SseEvent {
  id?: string;
  type: string;
  data: string;
}

/** A minimal text/event-stream reader over fetch, collecting events as they arrive. */
export class SseClient {
  readonly events: SseEvent[] = [];
  status = 0;
  contentType = '';
  private readonly abort = new AbortController();
  private readonly done: Promise<void>;
  private opened!: () => void;
  readonly ready = new Promise<void>((resolve) => (this.opened = resolve));

  constructor(url: string, headers: Record<string, string> = {}) {
    this.done = this.read(url, headers).catch((error: unknown) => {
      if (!this.abort.signal.aborted) throw error;
    });
  }

  /** Story events (not ready / heartbeat) of one uri, in arrival order. */
  storyEvents(uri?: string): {
    id?: string;
    type: string;
    data: { uri: string; version: number; headline: string; type: string };
  }[] {
    return this.events
      .filter((e) => e.type === 'indexed' || e.type === 'updated' || e.type === 'killed')
      .map((e) => ({
        id: e.id,
        type: e.type,
        data: JSON.parse(e.data) as {
          uri: string;
          version: number;
          headline: string;
          type: string;
        },
      }))
      .filter((e) => uri === undefined || e.data.uri === uri);
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  private async read(url: string, headers: Record<string, string>): Promise<void> {
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: this.abort.signal,
    });
    this.status = response.status;
    this.contentType = response.headers.get('content-type') ?? '';
    this.opened();
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: SseEvent = { type: 'message', data: '' };
        const data: string[] = [];
        for (const line of frame.split('\n')) {
          const colon = line.indexOf(':');
          if (colon <= 0) continue;
          const field = line.slice(0, colon);
          const value = line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') event.id = value;
          else if (field === 'event') event.type = value;
          else if (field === 'data') data.push(value);
        }
        event.data = data.join('\n');
        this.events.push(event);
      }
    }
  }
}
