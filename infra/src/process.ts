/**
 * Detached child processes tracked by pid files, so `infra:up` can exit while the services keep
 * running and a later `infra:down` (another Node process) can stop exactly what we started.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface DetachedSpec {
  command: string;
  args: string[];
  cwd: string;
  logFile: string;
  pidFile: string;
  /** Stored beside the pid (e.g. the endpoint) so a later run can tell what this process serves. */
  tag: string;
  env?: NodeJS.ProcessEnv;
}

/** Starts the process in its own process group with stdout/stderr appended to logFile. */
export function spawnDetached(spec: DetachedSpec): number {
  fs.mkdirSync(path.dirname(spec.logFile), { recursive: true });
  fs.mkdirSync(path.dirname(spec.pidFile), { recursive: true });
  const out = fs.openSync(spec.logFile, 'a');
  fs.writeSync(out, `\n===== ${new Date().toISOString()} ${spec.command} ${spec.args.join(' ')}\n`);
  try {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      detached: true,
      stdio: ['ignore', out, out],
    });
    if (child.pid === undefined)
      throw new Error(`could not start ${spec.command} (see ${spec.logFile})`);
    // Without unref the parent (npm run infra:up, jest) would wait for the service to exit.
    child.unref();
    fs.writeFileSync(spec.pidFile, `${child.pid}\n${spec.tag}\n`);
    return child.pid;
  } finally {
    fs.closeSync(out);
  }
}

export function readPid(pidFile: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0].trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The tag written by spawnDetached, '' when absent. */
export function readPidTag(pidFile: string): string {
  try {
    return (fs.readFileSync(pidFile, 'utf8').split('\n')[1] ?? '').trim();
  } catch {
    return '';
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The pid in a pid file is only ours if the process still runs our command line: pids get reused
 * after a reboot or a crash, and we must never signal someone else's process.
 */
export function ownedPid(pidFile: string, commandMarker: string): number | undefined {
  const pid = readPid(pidFile);
  if (pid === undefined || !isAlive(pid)) return undefined;
  const cmdline = readCmdline(pid);
  if (cmdline !== undefined && !cmdline.includes(commandMarker)) return undefined;
  return pid;
}

/** SIGTERM, then SIGKILL after the grace period. Resolves once the process is gone. */
export async function stopPid(
  pid: number,
  graceMs: number,
): Promise<'terminated' | 'killed' | 'not-running'> {
  if (!isAlive(pid)) return 'not-running';
  signal(pid, 'SIGTERM');
  if (await waitUntil(() => !isAlive(pid), graceMs, 200)) return 'terminated';
  signal(pid, 'SIGKILL');
  await waitUntil(() => !isAlive(pid), 10_000, 100);
  return 'killed';
}

/** Polls until check() is true or the timeout passes; returns whether it became true. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  intervalMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Last lines of a log, to put the cause of a failed start into the error message itself. */
export function tailFile(file: string, lines = 15): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}

export function rssKb(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}

function readCmdline(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return undefined; // no /proc (macOS): trust the pid file
  }
}

// A detached child that exited stays a zombie until its parent reaps it; kill(pid, 0) still succeeds.
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}
