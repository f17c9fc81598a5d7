import 'reflect-metadata';
import { migrateCommand } from './commands/migrate.command';
import { parseCommand } from './commands/parse.command';

const COMMANDS: Record<string, { run: (args: string[]) => Promise<number>; help: string }> = {
  migrate: {
    run: () => migrateCommand(),
    help: 'create the database if missing and apply migrations',
  },
  parse: {
    run: parseCommand,
    help: 'parse wire files: one canonical story per line (--format NAME to force a parser)',
  },
  'replay-dlq': {
    run: (args) => import('./commands/replay-dlq.command').then((m) => m.replayDlqCommand(args)),
    help: 'send dead letters back to their source topic (--topic T, --filter code=|key=|header.NAME=, --from-beginning, --dry-run)',
  },
  enrich: {
    run: (args) => import('./commands/enrich.command').then((m) => m.enrichCommand(args)),
    help: 'parse and enrich wire files: one enriched story per line (related links when the search engine answers)',
  },
  'train-topics': {
    run: (args) =>
      import('./commands/train-topics.command').then((m) => m.trainTopicsCommand(args)),
    help: 'train the topic model (Reuters-21578 ModApte TRAIN, or --jsonl FILE [--taxonomy FILE]) [--out FILE]',
  },
  reindex: {
    run: (args) => import('./commands/reindex.command').then((m) => m.reindexCommand(args)),
    help: 'rebuild the search index from PostgreSQL and swap the alias (--batch-size N, --verify-timeout S)',
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const lines = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(14)}${c.help}`);
    process.stderr.write(
      `usage: npm run --silent cli -- <command> [args]\n\ncommands:\n${lines.join('\n')}\n`,
    );
    return name ? 2 : 0;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
