import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { WIRE_FORMATS, type WireFormat } from '@lib/contracts';
import { parseWire, WireError } from '@lib/wire-formats';

/**
 * `cli parse FILE... [--format NAME]`: one canonical story per line on stdout (ninjs field
 * names); a file that cannot be parsed prints `FILE: CODE: message` on stderr and the exit
 * status is non-zero, so a wrong parse never passes silently.
 */
export async function parseCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length === 0) {
    process.stderr.write('usage: cli parse FILE... [--format NAME]\n');
    return 2;
  }
  let format: WireFormat | undefined;
  if (values.format !== undefined) {
    format = WIRE_FORMATS.find((f) => f === values.format);
    if (!format) {
      process.stderr.write(`--format must be one of ${WIRE_FORMATS.join(', ')}\n`);
      return 2;
    }
  }
  let failures = 0;
  for (const file of positionals) {
    try {
      const bytes = await readFile(file);
      const parsed = parseWire(bytes, { format, filename: file });
      for (const story of parsed.stories) process.stdout.write(`${JSON.stringify(story)}\n`);
    } catch (error) {
      failures += 1;
      const code = error instanceof WireError ? error.code : errorCodeOf(error);
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${file}: ${code}: ${message}\n`);
    }
  }
  return failures === 0 ? 0 : 1;
}

function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? `IO.${code}` : 'INTERNAL';
}
