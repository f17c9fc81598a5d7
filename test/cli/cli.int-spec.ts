import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { testServiceEnv } from '../setup/test-env';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(ROOT, 'tools', 'cli', 'main.ts'),
      ...args,
    ],
    {
      cwd: ROOT,
      env: { ...testServiceEnv(), HOME: process.env.HOME },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('operator CLI', () => {
  it('parses wire files into one canonical story per line', () => {
    const run = cli(
      'parse',
      join(FIXTURES, 'wire', 'newsml-g2', 'ap.xml'),
      join(FIXTURES, 'wire', 'nitf', 'ap-nitf.xml'),
    );
    expect(run.status).toBe(0);
    const stories = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { uri: string; headline: string });
    expect(stories.length).toBeGreaterThanOrEqual(2);
    expect(stories.every((s) => s.uri && s.headline)).toBe(true);
  });

  it('fails loudly on a file it cannot parse, naming file and code', () => {
    const run = cli('parse', join(FIXTURES, 'seed', 'warsan-turkey-libya.txt'));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/warsan-turkey-libya\.txt: WIRE\.[A-Z_]+: .+/);
  });

  it('enriches a story with entity and cluster tags', () => {
    const run = cli('enrich', join(FIXTURES, 'seed', 'seed-warsan-turkey-libya.ninjs.json'));
    expect(run.status).toBe(0);
    const story = JSON.parse(run.stdout.trim()) as { tags: { id: string }[]; cluster: string };
    expect(story.tags.map((t) => t.id)).toEqual(
      expect.arrayContaining(['person:khalifa-haftar', 'place:ly', 'org:wagner-group']),
    );
    expect(story.cluster).toMatch(/^sh:/);
  });
});
