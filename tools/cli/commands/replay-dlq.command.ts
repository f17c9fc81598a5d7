import { parseArgs } from 'node:util';
import { loadConfig } from '@lib/config';
import {
  FilterSyntaxError,
  UnknownDeadLetterTopicError,
  parseDeadLetterFilter,
  replayDeadLetters,
  replayTopics,
  type ReplayOptions,
} from '@lib/admin';
import { cliReporter } from './cli-reporter';

/**
 * `cli replay-dlq --topic T [--filter F]... [--from-beginning] [--dry-run] [--group G]`:
 * {@link replayDeadLetters} with a progress bar; prints the summary as one JSON line.
 */
export async function replayDlqCommand(args: string[]): Promise<number> {
  let options: ReplayOptions;
  try {
    options = parseOptions(args);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const reporter = cliReporter('replay-dlq', 'dead letters');
  try {
    const summary = await replayDeadLetters(
      {
        brokers: config.KAFKA_BROKERS,
        clientId: config.KAFKA_CLIENT_ID,
        groupPrefix: config.KAFKA_GROUP_PREFIX,
        compression: config.KAFKA_COMPRESSION,
      },
      options,
      reporter,
    );
    reporter.stop();
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return summary.unroutable > 0 ? 1 : 0;
  } catch (error) {
    reporter.stop();
    if (!(error instanceof UnknownDeadLetterTopicError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

const USAGE =
  'usage: cli replay-dlq --topic TOPIC [--filter code=CODE|key=PATTERN|header.NAME=PATTERN]... [--from-beginning] [--dry-run] [--group NAME]\n';

function parseOptions(args: string[]): ReplayOptions {
  const { values } = parseArgs({
    args,
    options: {
      topic: { type: 'string' },
      filter: { type: 'string', multiple: true },
      'from-beginning': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      group: { type: 'string' },
    },
  });
  const topic = values.topic?.trim();
  if (!topic) throw new Error('--topic is required');
  const filters = (values.filter ?? []).map((spec) => {
    try {
      return parseDeadLetterFilter(spec);
    } catch (error) {
      if (error instanceof FilterSyntaxError) throw error;
      throw new FilterSyntaxError(spec, String(error));
    }
  });
  return {
    ...replayTopics(topic),
    filters,
    fromBeginning: values['from-beginning'] ?? false,
    dryRun: values['dry-run'] ?? false,
    group: values.group,
  };
}
