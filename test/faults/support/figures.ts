import { appendFileSync } from 'node:fs';

/** One JSON line per test with what it measured; docs/reliability.md quotes these. */
export const FIGURES_FILE = 'test-artifacts/faults-figures.jsonl';

export function recordFigures(test: string, figures: Record<string, unknown>): void {
  const line = JSON.stringify({ test, at: new Date().toISOString(), ...figures });
  appendFileSync(FIGURES_FILE, `${line}\n`);
  process.stdout.write(`[faults] ${line}\n`);
}
