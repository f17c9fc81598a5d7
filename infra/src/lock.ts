/**
 * A per-service lock file so two concurrent `up` calls (jest global setup and `npm start`, say)
 * don't both see a free port and start two brokers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAlive, sleep } from './process';

export async function withLock<T>(
  lockFile: string,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readOr(lockFile, '').trim());
      // A lock left behind by a process that died is stale: take it over. An empty file is a lock
      // being written right now, unless it has been empty for a while.
      const justCreated = holder === 0 && Date.now() - mtimeOr(lockFile, 0) < 5_000;
      if (!justCreated && (!Number.isInteger(holder) || holder <= 0 || !isAlive(holder))) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${lockFile} held by pid ${holder}`);
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

function mtimeOr(file: string, fallback: number): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return fallback;
  }
}
