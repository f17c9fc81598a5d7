import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { HeapPeaks } from './heap-sampler';
import { round } from './stats';

export interface TrackedProcess {
  name: string;
  kind: 'node' | 'jvm';
  pid: number;
}

export interface ProcessMemory {
  name: string;
  kind: 'node' | 'jvm';
  pid: number;
  /** Highest RSS seen by sampling during the run. */
  peakRssMb: number;
  /** The kernel's own high-water mark (VmHWM) at the end: the whole life of the process, also before this run. */
  lifetimePeakRssMb: number | null;
  /** Node services only: peaks of their own V8 heap gauges. */
  heap?: HeapPeaks;
}

/** CPU seconds each process (and PostgreSQL, and the whole machine) spent in one phase. */
export interface PhaseCpu {
  phase: string;
  wallSeconds: number;
  /** Share of all cores busy, 0–100, whoever used them. */
  machineBusyPercent: number;
  cpuSeconds: Record<string, number>;
  /**
   * Of each JVM's CPU, what its JIT compiler threads took: one-off work while the JVM compiles
   * the code paths it meets first, which a later phase on the same JVM does not pay again.
   */
  jitSeconds?: Record<string, number>;
  peakRssMb: Record<string, number>;
}

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGb: number;
  kernel: string;
  node: string;
  loadAverageAtStart: number[];
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
const POSTGRES = 'postgres (all backends)';
export const HARNESS_NAME = 'bench harness';
export const OTHERS_NAME = 'everything else on the machine';

export function machineInfo(): MachineInfo {
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    kernel: readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim(),
    node: process.version,
    loadAverageAtStart: load,
  };
}

/**
 * Samples the RSS of the services and the JVMs, and reads CPU counters at phase boundaries, so
 * a result can say which process was busy when a target was missed.
 */
export class ResourceMonitor {
  private readonly peaks = new Map<string, number>();
  private phasePeaks = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private current: {
    phase: string;
    startedAt: number;
    cpu: Map<string, number>;
    jit: Map<string, number>;
    postgres: Map<number, number>;
    machine: MachineTicks;
  } | null = null;
  readonly phases: PhaseCpu[] = [];

  constructor(private readonly processes: TrackedProcess[]) {}

  start(intervalMs = 500): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
  }

  beginPhase(phase: string): void {
    if (this.current) this.endPhase();
    this.phasePeaks = new Map();
    this.sample();
    this.current = {
      phase,
      startedAt: Date.now(),
      cpu: this.cpuCounters(),
      jit: this.jitCounters(),
      postgres: postgresTicks(),
      machine: machineTicks(),
    };
  }

  endPhase(): void {
    if (!this.current) return;
    this.sample();
    const now = this.cpuCounters();
    const machine = machineTicks();
    const busy = machine.busy - this.current.machine.busy;
    const total = machine.total - this.current.machine.total;
    const cpuSeconds: Record<string, number> = {};
    let tracked = 0;
    for (const [name, ticks] of now) {
      const spent = ticks - (this.current.cpu.get(name) ?? ticks);
      tracked += spent;
      cpuSeconds[name] = round(spent / CLOCK_TICKS, 1);
    }
    // Backends started during the phase count in full; ones that ended are lost (a small undercount).
    let postgres = 0;
    for (const [pid, ticks] of postgresTicks())
      postgres += ticks - (this.current.postgres.get(pid) ?? 0);
    tracked += postgres;
    cpuSeconds[POSTGRES] = round(postgres / CLOCK_TICKS, 1);
    // Whatever else ran on the machine meanwhile (other stacks, test runs): it competed for the same cores.
    cpuSeconds[OTHERS_NAME] = round(Math.max(0, busy - tracked) / CLOCK_TICKS, 1);
    const jitSeconds: Record<string, number> = {};
    for (const [name, ticks] of this.jitCounters())
      jitSeconds[name] = round((ticks - (this.current.jit.get(name) ?? ticks)) / CLOCK_TICKS, 1);
    this.phases.push({
      phase: this.current.phase,
      wallSeconds: round((Date.now() - this.current.startedAt) / 1000, 1),
      machineBusyPercent: total > 0 ? round((100 * busy) / total, 0) : 0,
      cpuSeconds,
      jitSeconds,
      peakRssMb: Object.fromEntries(
        [...this.phasePeaks].map(([name, kb]) => [name, round(kb / 1024, 0)]),
      ),
    });
    this.current = null;
  }

  memory(): ProcessMemory[] {
    return this.processes.map((p) => ({
      name: p.name,
      kind: p.kind,
      pid: p.pid,
      peakRssMb: round((this.peaks.get(p.name) ?? 0) / 1024, 0),
      lifetimePeakRssMb:
        statusKb(p.pid, 'VmHWM') === undefined
          ? null
          : round((statusKb(p.pid, 'VmHWM') ?? 0) / 1024, 0),
    }));
  }

  private sample(): void {
    for (const p of this.processes) {
      const kb = statusKb(p.pid, 'VmRSS');
      if (kb === undefined) continue;
      this.peaks.set(p.name, Math.max(this.peaks.get(p.name) ?? 0, kb));
      this.phasePeaks.set(p.name, Math.max(this.phasePeaks.get(p.name) ?? 0, kb));
    }
  }

  private cpuCounters(): Map<string, number> {
    const counters = new Map<string, number>();
    for (const p of this.processes) {
      const ticks = processTicks(p.pid);
      if (ticks !== undefined) counters.set(p.name, ticks);
    }
    const usage = process.cpuUsage();
    counters.set(HARNESS_NAME, ((usage.user + usage.system) / 1e6) * CLOCK_TICKS);
    return counters;
  }

  private jitCounters(): Map<string, number> {
    const counters = new Map<string, number>();
    for (const p of this.processes) {
      const ticks = p.kind === 'jvm' ? jitCompilerTicks(p.pid) : undefined;
      if (ticks !== undefined) counters.set(p.name, ticks);
    }
    return counters;
  }
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
export function processTicks(pid: number): number | undefined {
  return statTicks(`/proc/${pid}/stat`);
}

/** HotSpot names its JIT compiler threads "C1 CompilerThread<n>" / "C2 CompilerThread<n>". */
const JIT_THREAD = /^C[12] CompilerThre/;

/**
 * CPU ticks the JVM's JIT compiler threads have used so far: while they are busy, the JVM is
 * still compiling the code paths it runs, and its CPU per request is not yet what it will be.
 */
export function jitCompilerTicks(pid: number): number | undefined {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  let ticks = 0;
  for (const task of tasks) {
    try {
      if (!JIT_THREAD.test(readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8'))) continue;
    } catch {
      continue; // the thread ended between readdir and read
    }
    ticks += statTicks(`/proc/${pid}/task/${task}/stat`) ?? 0;
  }
  return ticks;
}

/** A JVM's CPU ticks in all and in its JIT compiler threads, or null when it cannot be read. */
export function jvmTicks(pid: number | undefined): { jit: number; all: number } | null {
  if (pid === undefined) return null;
  const jit = jitCompilerTicks(pid);
  const all = processTicks(pid);
  return jit === undefined || all === undefined ? null : { jit, all };
}

/** The JIT compiler threads' share of a JVM's CPU between two readings, in per cent. */
export function jitSharePercent(
  before: { jit: number; all: number } | null,
  after: { jit: number; all: number } | null,
): number | null {
  return before && after && after.all > before.all
    ? round((100 * (after.jit - before.jit)) / (after.all - before.all), 1)
    : null;
}

function statTicks(path: string): number | undefined {
  try {
    const stat = readFileSync(path, 'utf8');
    // The command name may contain spaces; the fields we want come after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/** CPU ticks of every PostgreSQL process by pid: its backends are not the bench's alone. */
function postgresTicks(): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      ticks.set(Number(entry), processTicks(Number(entry)) ?? 0);
    } catch {
      // the process ended between readdir and read
    }
  }
  return ticks;
}

interface MachineTicks {
  busy: number;
  total: number;
}

function machineTicks(): MachineTicks {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const numbers = values.map(Number);
  const idle = (numbers[3] ?? 0) + (numbers[4] ?? 0);
  const total = numbers.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}
