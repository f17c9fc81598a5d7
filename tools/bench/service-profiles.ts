import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type CpuProfile, type HotFunction, summariseCpuProfile } from './cpu-profile-summary';

export interface ServiceProfile {
  service: string;
  /** The V8 profile (Chrome DevTools, speedscope), relative to the working directory. */
  profile: string;
  /** Its folded stacks, for flamegraph.pl, inferno or speedscope. */
  folded: string;
  /** Samples (one a millisecond while the service ran) outside idle. */
  busySamples: number;
  gcPercent: number;
  top: HotFunction[];
}

/**
 * Each service's profile of this run (`<name>-<pid>.cpuprofile`, written as the service stopped),
 * summarised, with its folded stacks written beside it. A service that left no profile is skipped.
 */
export function readServiceProfiles(
  dir: string,
  services: { name: string; pid?: number }[],
): ServiceProfile[] {
  return services.flatMap(({ name, pid }) => {
    const file = pid === undefined ? undefined : findProfile(dir, name, pid);
    if (!file) return [];
    const summary = summariseCpuProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
    const folded = file.replace(/\.cpuprofile$/, '.folded');
    writeFileSync(folded, `${summary.folded.join('\n')}\n`);
    return [
      {
        service: name,
        profile: relative(process.cwd(), file),
        folded: relative(process.cwd(), folded),
        busySamples: summary.busySamples,
        gcPercent: summary.gcPercent,
        top: summary.top,
      },
    ];
  });
}

function findProfile(dir: string, name: string, pid: number): string | undefined {
  // The preload names the file after the app's directory, which is the service's name.
  const file = join(dir, `${name}-${pid}.cpuprofile`);
  return existsSync(file) ? file : undefined;
}
