/** What every service module reports, plus small helpers they share. */
import * as net from 'node:net';
import * as path from 'node:path';

export type ServiceName = 'kafka' | 'search' | 'postgres';

export interface EnsureResult {
  service: ServiceName;
  endpoint: string;
  /** reused: something healthy already answered; started: we launched it now; created: a new database. */
  action: 'reused' | 'started' | 'created';
  seconds: number;
  pid?: number;
}

export interface ServiceStatus {
  service: ServiceName;
  endpoint: string;
  state: 'running' | 'stopped' | 'unhealthy';
  version?: string;
  details: string[];
  /** Set when the process is one we started (pid file). */
  pid?: number;
  rssKb?: number;
}

export interface StopResult {
  service: ServiceName;
  outcome: 'terminated' | 'killed' | 'not-running' | 'not-ours';
  pid?: number;
  seconds: number;
}

/** True when something accepts TCP connections on host:port. */
export function portOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function seconds(startedAt: number): number {
  return Math.round((Date.now() - startedAt) / 100) / 10;
}

/** Paths in messages relative to the repo, so they can be pasted into `tail -f`. */
export function rel(repoRoot: string, file: string): string {
  const r = path.relative(repoRoot, file);
  return r.startsWith('..') ? file : r;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
