import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type MessageEvent,
} from '@nestjs/common';
import { Observable } from 'rxjs';
import { APP_CONFIG, type Env } from '@lib/config';
import { KillEventsRepository } from './kill-events.repository';
import type { StreamEvent } from './stream-event';
import { comparePositions, encodeEventId, type StreamPosition } from './stream-position';
import { StoryEventsRepository } from './story-events.repository';

const BATCH = 200;
const HEARTBEAT_MS = 15_000;
/** Tells EventSource clients how soon to reconnect (with Last-Event-ID) after the stream ends. */
const RETRY_MS = 2_000;

/**
 * Server-sent events of stories indexed, updated and killed. The api never writes the index,
 * so events are derived by polling: the index by indexing time, PostgreSQL for kills. Events
 * are held back by API_STREAM_LAG_MS, longer than an indexed story takes to become visible, so
 * a position once passed never gains an event later: resuming from an event id misses nothing.
 * The feed is compacted like the index it reads: each story appears at its newest state, so a
 * version that a later one already replaced is not replayed on resume.
 */
@Injectable()
export class StreamService implements BeforeApplicationShutdown {
  private readonly log = new Logger(StreamService.name);
  /** Ends every open stream; a stream never ends by itself and would hold the shutdown. */
  private readonly enders = new Set<() => void>();

  constructor(
    private readonly stories: StoryEventsRepository,
    private readonly kills: KillEventsRepository,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  /** From `since` (exclusive), or from now when the client gives no position. */
  events(since: StreamPosition | null): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      let position: StreamPosition = since ?? {
        at: Date.now() - this.config.API_STREAM_LAG_MS,
        uri: null,
      };
      let stopped = false;
      const sleeper: { wake?: () => void } = {};
      const pause = (ms: number) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ms);
          sleeper.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      const end = (): void => {
        stopped = true;
        sleeper.wake?.();
      };
      this.enders.add(end);
      const heartbeat = setInterval(
        () => subscriber.next({ type: 'heartbeat', data: { at: new Date().toISOString() } }),
        HEARTBEAT_MS,
      );

      const poll = async (): Promise<void> => {
        subscriber.next({ type: 'ready', data: { at: new Date().toISOString() }, retry: RETRY_MS });
        while (!stopped) {
          const until = Date.now() - this.config.API_STREAM_LAG_MS;
          let isFull = false;
          if (until > position.at) {
            const batch = await this.next(position, until);
            for (const event of batch.events) {
              if (stopped) return;
              subscriber.next({ id: encodeEventId(event), type: event.type, data: event });
            }
            position = batch.position;
            isFull = batch.isFull;
          }
          if (!isFull) await pause(this.config.API_STREAM_POLL_MS);
        }
      };
      // A failed poll ends the stream; the client reconnects with Last-Event-ID and loses nothing.
      poll().then(
        () => subscriber.complete(),
        (error: unknown) => {
          this.log.warn(`stream ended after a failed poll: ${String(error)}`);
          subscriber.error(error);
        },
      );
      return () => {
        this.enders.delete(end);
        clearInterval(heartbeat);
        end();
      };
    });
  }

  /** Completes the open streams so clients reconnect (with Last-Event-ID) to another replica. */
  beforeApplicationShutdown(): void {
    for (const end of this.enders) end();
  }

  /** Both sources merged in (time, uri) order, never past what either source has fully read. */
  private async next(
    position: StreamPosition,
    until: number,
  ): Promise<{ events: StreamEvent[]; position: StreamPosition; isFull: boolean }> {
    const [stories, kills] = await Promise.all([
      this.stories.after(position, until, BATCH),
      this.kills.after(position, until, BATCH),
    ]);
    let limit: StreamPosition = { at: until, uri: null };
    for (const list of [stories, kills]) {
      const last = list[list.length - 1];
      if (list.length === BATCH && last && comparePositions(last, limit) < 0)
        limit = { at: last.at, uri: last.uri };
    }
    const events = [...stories, ...kills]
      .filter((e) => comparePositions(e, limit) <= 0)
      .sort(comparePositions);
    return { events, position: limit, isFull: limit.uri !== null };
  }
}
