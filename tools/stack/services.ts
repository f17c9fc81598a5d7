import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { heapLimitArgs, serviceEnv } from './heap-limits';

export const SERVICE_NAMES = ['ingest', 'enricher', 'indexer', 'api'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The env variable naming each service's HTTP port, and its default. */
export const PORT_OF: Record<ServiceName, { env: string; fallback: number }> = {
  api: { env: 'API_PORT', fallback: 3000 },
  ingest: { env: 'INGEST_PORT', fallback: 3001 },
  enricher: { env: 'ENRICHER_PORT', fallback: 3002 },
  indexer: { env: 'INDEXER_PORT', fallback: 3003 },
};

const ROOT = resolve(__dirname, '..', '..');

export function entryPointOf(name: ServiceName): string {
  return resolve(ROOT, 'dist', 'apps', name, 'src', 'main.js');
}

export interface StartOptions {
  env: NodeJS.ProcessEnv;
  /** Where stdout and stderr go: a log file, or the terminal with a `[service]` prefix. */
  output: { file: string } | 'inherit';
}

/** One service running as its own process, started from the compiled build. */
export class ServiceProcess {
  readonly port: number;
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;

  constructor(
    readonly name: ServiceName,
    options: StartOptions,
  ) {
    const port = options.env[PORT_OF[name].env];
    this.port = port ? Number(port) : PORT_OF[name].fallback;
    this.child = spawn(
      process.execPath,
      [...heapLimitArgs(name, options.env), entryPointOf(name)],
      {
        env: serviceEnv(options.env),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    if (options.output === 'inherit') {
      const prefix = `[${name}] `;
      const forward = (chunk: Buffer) =>
        process.stdout.write(prefixLines(chunk.toString(), prefix));
      this.child.stdout?.on('data', forward);
      this.child.stderr?.on('data', forward);
    } else {
      const log = createWriteStream(options.output.file, { flags: 'a' });
      this.child.stdout?.pipe(log);
      this.child.stderr?.pipe(log);
    }
    this.exited = new Promise((done) => this.child.once('exit', (code) => done(code)));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Polls `/health/ready` until the service and its dependencies answer. */
  async waitReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.isRunning)
        throw new Error(
          `${this.name} exited with ${String(this.child.exitCode ?? this.child.signalCode)}`,
        );
      try {
        const response = await fetch(`http://127.0.0.1:${this.port}/health/ready`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${this.name} not ready on port ${this.port} after ${timeoutMs} ms`);
  }

  /** Graceful stop (SIGTERM), then SIGKILL if it has not exited within the grace period. */
  async stop(graceMs = 10_000): Promise<number | null> {
    if (!this.isRunning) return this.child.exitCode;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  /** A crash: no chance to finish, commit or close. */
  async kill(): Promise<void> {
    if (!this.isRunning) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

function prefixLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line, i, all) => (i === all.length - 1 && line === '' ? '' : `${prefix}${line}`))
    .join('\n');
}
