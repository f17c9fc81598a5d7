import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

export const DONE_DIR = 'done';
export const ERROR_DIR = 'error';

/** Files still being written (FTP temp names) and hidden files are not wire copy yet. */
const IN_PROGRESS = /^\.|\.(part|tmp|filepart|crdownload)$/i;

export interface FileSighting {
  size: number;
  mtimeMs: number;
}

/** Regular files ready to take: present, unchanged since the previous scan. */
export async function readyFiles(
  folder: string,
  previous: Map<string, FileSighting>,
): Promise<{ ready: string[]; seen: Map<string, FileSighting> }> {
  const seen = new Map<string, FileSighting>();
  const ready: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (!entry.isFile() || IN_PROGRESS.test(entry.name)) continue;
    const path = join(folder, entry.name);
    const info = await stat(path);
    const sighting = { size: info.size, mtimeMs: info.mtimeMs };
    seen.set(path, sighting);
    const before = previous.get(path);
    // An agency's upload may still be growing: take a file once two scans saw the same size and time.
    if (before && before.size === sighting.size && before.mtimeMs === sighting.mtimeMs)
      ready.push(path);
  }
  return { ready: ready.sort(), seen };
}

export async function ensureFolders(folder: string): Promise<void> {
  await mkdir(join(folder, DONE_DIR), { recursive: true });
  await mkdir(join(folder, ERROR_DIR), { recursive: true });
}

/** Moves a processed file aside without ever overwriting an earlier one of the same name. */
export async function moveTo(path: string, subfolder: string): Promise<string> {
  const folder = join(path, '..', subfolder);
  let target = join(folder, basename(path));
  try {
    await stat(target);
    target = join(folder, `${Date.now()}-${basename(path)}`);
  } catch {
    // free name
  }
  await rename(path, target);
  return target;
}

export async function writeReason(movedPath: string, reason: string): Promise<void> {
  await writeFile(`${movedPath}.reason`, `${reason}\n`, 'utf8');
}
