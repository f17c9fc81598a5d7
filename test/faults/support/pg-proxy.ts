import { createConnection, createServer, type Server, type Socket } from 'node:net';

export type ProxyMode = 'forward' | 'refuse' | 'blackhole';

/**
 * A TCP proxy in front of the machine's PostgreSQL, so one service can lose its database while
 * PostgreSQL itself (shared with others) keeps running. `refuse`: open connections are reset and
 * new ones refused (the server is down). `blackhole`: nothing gets through either way and nothing
 * is answered (a network partition); the stalled connections are reset when it heals.
 */
export class PgProxy {
  private server: Server | null = null;
  private readonly pairs = new Set<{ client: Socket; upstream: Socket | null }>();
  private mode: ProxyMode = 'forward';

  constructor(
    readonly port: number,
    private readonly target = { host: '127.0.0.1', port: 5432 },
  ) {}

  get currentMode(): ProxyMode {
    return this.mode;
  }

  async start(): Promise<void> {
    this.mode = 'forward';
    await this.listen();
  }

  /** Database down: every connection reset, new ones refused. */
  async refuse(): Promise<void> {
    this.mode = 'refuse';
    // Stop listening first, then reset: `close` only calls back once every connection is gone.
    const closed = this.closeServer();
    this.resetAll();
    await closed;
  }

  /** Partition: connections stay open but nothing crosses; new ones are accepted and never answered. */
  blackhole(): void {
    this.mode = 'blackhole';
    for (const { client, upstream } of this.pairs) {
      client.pause();
      upstream?.pause();
      if (upstream) {
        client.unpipe(upstream);
        upstream.unpipe(client);
      }
    }
  }

  /** Heals: stalled connections are reset (as TCP would after a partition), new ones go through. */
  async restore(): Promise<void> {
    this.resetAll();
    this.mode = 'forward';
    if (!this.server) await this.listen();
  }

  async stop(): Promise<void> {
    const closed = this.closeServer();
    this.resetAll();
    await closed;
  }

  private listen(): Promise<void> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  private accept(client: Socket): void {
    if (this.mode === 'blackhole') {
      // Accepted by the kernel, never answered: the client's connect timeout has to notice.
      const pair = { client, upstream: null };
      this.pairs.add(pair);
      client.on('error', () => undefined);
      client.once('close', () => this.pairs.delete(pair));
      client.pause();
      return;
    }
    const upstream = createConnection(this.target);
    const pair = { client, upstream };
    this.pairs.add(pair);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
      this.pairs.delete(pair);
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.once('close', drop);
    upstream.once('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  }

  private resetAll(): void {
    for (const { client, upstream } of this.pairs) {
      client.resetAndDestroy();
      upstream?.destroy();
    }
    this.pairs.clear();
  }

  private closeServer(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }
}
