/**
 * Runtime classpaths straight from Maven Central: `mvn dependency:copy-dependencies` into a folder
 * under .infra, skipped when that folder was already filled from the same pom (hash marker).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const MARKER = '.fetched-from-pom';

export function sha256(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

// Two Maven runs writing the same local repository at once can corrupt it: run them one at a time.
let mavenQueue: Promise<unknown> = Promise.resolve();

/** Returns true when jars were downloaded, false when the folder was already current. */
export function copyRuntimeDependencies(
  pomFile: string,
  outDir: string,
  cwd: string,
): Promise<boolean> {
  const run = mavenQueue.then(() => copyNow(pomFile, outDir, cwd));
  mavenQueue = run.catch(() => undefined);
  return run;
}

async function copyNow(pomFile: string, outDir: string, cwd: string): Promise<boolean> {
  const hash = sha256(fs.readFileSync(pomFile));
  const marker = path.join(outDir, MARKER);
  if (readOr(marker) === hash) return false;
  // A changed pom must not leave the old version's jars on the classpath.
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const args = [
    '-q',
    '-B',
    '-f',
    pomFile,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${outDir}`,
  ];
  try {
    await execFileAsync('mvn', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  } catch (e) {
    const err = e as { code?: string; stdout?: string; stderr?: string };
    if (err.code === 'ENOENT')
      throw new Error('mvn not found: install Maven 3.8+ (apt-get install -y maven)');
    throw new Error(`mvn ${args.join(' ')} failed:\n${(err.stdout ?? '') + (err.stderr ?? '')}`);
  }
  fs.writeFileSync(marker, hash);
  return true;
}

export function jarsIn(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((f) => f.endsWith('.jar'));
  } catch {
    return [];
  }
}

export function readOr(file: string, fallback = ''): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return fallback;
  }
}
