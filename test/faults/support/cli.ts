import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ReplaySummary } from '@lib/admin';
import { faultServiceEnv } from './fault-env';

/** Runs `npm run --silent cli -- replay-dlq ...` against the fault suite's broker, as an operator would. */
export async function replayDlq(
  ...args: string[]
): Promise<{ summary: ReplaySummary; stderr: string }> {
  const { stdout, stderr } = await promisify(execFile)(
    'npm',
    ['run', '--silent', 'cli', '--', 'replay-dlq', ...args],
    {
      env: faultServiceEnv(),
      timeout: 120_000,
    },
  );
  // The summary is the last JSON line on stdout (client libraries may log before it).
  const line = stdout
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{') && l.includes('"dlqTopic"'));
  if (!line) throw new Error(`replay-dlq printed no summary:\n${stdout}\n${stderr}`);
  return { summary: JSON.parse(line) as ReplaySummary, stderr };
}
