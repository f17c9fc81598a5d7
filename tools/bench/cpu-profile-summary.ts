/**
 * What a service's `.cpuprofile` (written by `--cpu-prof`) says at a glance: the functions with
 * the most self time, as shares of its busy samples, and the profile as folded stacks, the input
 * of flame graph tools (flamegraph.pl, inferno, speedscope).
 */

interface CallFrame {
  functionName: string;
  url: string;
  /** Zero-based, as V8 reports it. */
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/** The parts of V8's `Profiler.Profile` read here. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
}

export interface HotFunction {
  /** `name (file:line)`, the file shortened to the part after `dist/` or `node_modules/`. */
  frame: string;
  selfPercent: number;
}

export interface ProfileSummary {
  busySamples: number;
  /** Share of busy samples in garbage collection. */
  gcPercent: number;
  top: HotFunction[];
  /** `frame;frame;frame count` lines, root first, one per distinct stack with self samples. */
  folded: string[];
}

const IDLE = '(idle)';
const ROOT = '(root)';
const GC = '(garbage collector)';

export function summariseCpuProfile(profile: CpuProfile, topCount = 10): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);

  const selfSamples = new Map<number, number>();
  for (const id of profile.samples ?? []) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);

  let busySamples = 0;
  let gcSamples = 0;
  const byFrame = new Map<string, number>();
  const folded: string[] = [];
  for (const [id, count] of selfSamples) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === IDLE) continue;
    busySamples += count;
    if (node.callFrame.functionName === GC) gcSamples += count;
    const frame = frameLabel(node.callFrame);
    byFrame.set(frame, (byFrame.get(frame) ?? 0) + count);
    folded.push(`${stackOf(id, byId, parentOf).join(';')} ${count}`);
  }

  const share = (count: number): number =>
    busySamples === 0 ? 0 : Math.round((1000 * count) / busySamples) / 10;
  const top = [...byFrame]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topCount)
    .map(([frame, count]) => ({ frame, selfPercent: share(count) }));
  return { busySamples, gcPercent: share(gcSamples), top, folded: folded.sort() };
}

function stackOf(
  id: number,
  byId: Map<number, ProfileNode>,
  parentOf: Map<number, number>,
): string[] {
  const frames: string[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const node = byId.get(at);
    if (node && node.callFrame.functionName !== ROOT) frames.push(frameLabel(node.callFrame));
  }
  return frames.reverse();
}

function frameLabel({ functionName, url, lineNumber }: CallFrame): string {
  const name = functionName || '(anonymous)';
  const file = shortFile(url);
  // Folded stacks separate frames with ';' and the count with the last space.
  const label = file ? `${name} (${file}:${lineNumber + 1})` : name;
  return label.replace(/;/g, ',');
}

function shortFile(url: string): string {
  if (!url) return '';
  const path = url.replace(/^file:\/\//, '');
  for (const marker of ['/node_modules/', '/dist/']) {
    const at = path.lastIndexOf(marker);
    if (at >= 0) return path.slice(at + marker.length);
  }
  return path.startsWith('node:') ? path : (path.split('/').pop() ?? path);
}
