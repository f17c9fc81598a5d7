import { createHash, randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin, type EachBatchPayload, type KafkaMessage } from 'kafkajs';
import { deadLetterTopic } from '@lib/contracts';
import {
  DLQ_HEADERS,
  KafkaPublisher,
  errorMessage,
  type OutboundMessage,
  type PublisherCompression,
} from '@lib/kafka';
import {
  matchesDeadLetterFilters,
  type DeadLetterFilter,
  type DeadLetterRecord,
} from './dead-letter-filter';
import type { JobReporter } from './job-reporter';

/** Names where a replayed message came from, so a second failure can be traced to its first. */
export const REPLAYED_FROM_HEADER = 'x-dlq-replayed-from';

const STALL_TIMEOUT_MS = 60_000;

export interface ReplayOptions {
  sourceTopic: string;
  dlqTopic: string;
  filters: DeadLetterFilter[];
  fromBeginning: boolean;
  dryRun: boolean;
  /** The group remembering the position; by default one per dead-letter topic and filter set. */
  group: string | undefined;
}

/** Either the topic that failed or its dead-letter topic may be named; both are returned. */
export function replayTopics(topic: string): Pick<ReplayOptions, 'sourceTopic' | 'dlqTopic'> {
  const sourceTopic = topic.endsWith('.dlq') ? topic.slice(0, -'.dlq'.length) : topic;
  return { sourceTopic, dlqTopic: deadLetterTopic(sourceTopic) };
}

export interface KafkaConnection {
  brokers: string[];
  clientId: string;
  groupPrefix: string;
  compression?: PublisherCompression;
}

export class UnknownDeadLetterTopicError extends Error {
  constructor(readonly topic: string) {
    super(`no dead-letter topic ${topic}`);
    this.name = 'UnknownDeadLetterTopicError';
  }
}

export interface ReplaySummary {
  dlqTopic: string;
  group: string;
  dryRun: boolean;
  /** Dead letters read in this run (those after the remembered position, up to the end seen at start). */
  read: number;
  matched: number;
  /** Matched and acknowledged by the broker on their source topic. */
  replayed: number;
  /** Read but not selected by the filters. */
  skipped: number;
  /** Matched but without an `x-dlq-source-topic` header: nothing to send them back to. */
  unroutable: number;
  byTopic: Record<string, number>;
}

/**
 * Sends the dead letters of `<T>.dlq` back to the topic each one failed on (its
 * `x-dlq-source-topic` header), with the original key, bytes and headers, once a fix is out.
 *
 * The position is remembered as the committed offsets of a consumer group that never consumes
 * (`<KAFKA_GROUP_PREFIX>.replay-dlq.<T>.dlq`, plus a hash of the filters when there are any), and is
 * moved only after the broker acknowledged the replayed messages: running the same command again
 * replays only dead letters that arrived since, and a run that dies half way resumes where it stopped
 * (at-least-once; the consumers are idempotent). `--from-beginning` ignores the position,
 * `--dry-run` counts without sending or moving it. A run reads up to the end it saw at start, so it
 * always finishes, even when what it replays fails again and lands in the same dead-letter topic.
 */
export async function replayDeadLetters(
  connection: KafkaConnection,
  options: ReplayOptions,
  reporter: JobReporter,
): Promise<ReplaySummary> {
  const group = options.group ?? positionGroup(connection.groupPrefix, options);
  const kafka = new Kafka({
    clientId: `${connection.clientId}-replay-dlq`,
    brokers: connection.brokers,
    logLevel: logLevel.WARN,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(options.dlqTopic))
      throw new UnknownDeadLetterTopicError(options.dlqTopic);
    const publisher = options.dryRun
      ? null
      : new KafkaPublisher({
          brokers: connection.brokers,
          clientId: `${connection.clientId}-replay-dlq`,
          compression: connection.compression,
        });
    await publisher?.connect();
    try {
      const summary = await replay(kafka, admin, publisher, options, group, reporter);
      reporter.say(
        `${options.dryRun ? 'would replay' : 'replayed'} ${options.dryRun ? summary.matched : summary.replayed} of ${summary.read} ` +
          `dead letter(s) read from ${summary.dlqTopic} (${summary.skipped} not selected, ${summary.unroutable} without source topic)`,
      );
      return summary;
    } finally {
      await publisher?.close();
    }
  } finally {
    await admin.disconnect();
  }
}

/** One remembered position per dead-letter topic and filter set. */
function positionGroup(prefix: string, options: ReplayOptions): string {
  const base = `${prefix}.replay-dlq.${options.dlqTopic}`;
  if (options.filters.length === 0) return base;
  const specs = options.filters
    .map((f) => f.spec)
    .sort()
    .join('\n');
  return `${base}.${createHash('sha256').update(specs).digest('hex').slice(0, 12)}`;
}

interface PartitionRange {
  /** Next offset to read. */
  next: bigint;
  /** High watermark when the run started: the run stops there. */
  end: bigint;
}

async function replay(
  kafka: Kafka,
  admin: Admin,
  publisher: KafkaPublisher | null,
  options: ReplayOptions,
  group: string,
  reporter: JobReporter,
): Promise<ReplaySummary> {
  const summary: ReplaySummary = {
    dlqTopic: options.dlqTopic,
    group,
    dryRun: options.dryRun,
    read: 0,
    matched: 0,
    replayed: 0,
    skipped: 0,
    unroutable: 0,
    byTopic: {},
  };
  const ranges = await retryWhileCoordinatorMoves(() => startingRanges(admin, options, group));
  const total = Number(
    [...ranges.values()].reduce((n, r) => n + (r.end > r.next ? r.end - r.next : 0n), 0n),
  );
  reporter.progress(0, total);
  if (total === 0) return summary;

  // Reading needs a group of its own (kafkajs has no manual assignment); it commits nothing and is
  // deleted afterwards. The remembered position lives in `group`, which no consumer ever joins.
  const readerGroup = `${group}.reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId: readerGroup, allowAutoTopicCreation: false });
  await consumer.connect();
  let failure: unknown = null;
  let lastProgress = Date.now();
  try {
    await consumer.subscribe({ topics: [options.dlqTopic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async (payload) => {
        try {
          await onBatch(payload, ranges, publisher, options, group, admin, summary);
          reporter.progress(summary.read, total);
          lastProgress = Date.now();
        } catch (error) {
          failure = error;
          throw error;
        }
      },
    });
    for (const [partition, range] of ranges)
      consumer.seek({ topic: options.dlqTopic, partition, offset: range.next.toString() });
    while (![...ranges.values()].every((r) => r.next >= r.end)) {
      if (failure !== null)
        throw failure instanceof Error ? failure : new Error(errorMessage(failure));
      if (Date.now() - lastProgress > STALL_TIMEOUT_MS)
        throw new Error(`no progress reading ${options.dlqTopic} for ${STALL_TIMEOUT_MS / 1000}s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([readerGroup]).catch(() => undefined);
  }
  return summary;
}

async function startingRanges(
  admin: Admin,
  options: ReplayOptions,
  group: string,
): Promise<Map<number, PartitionRange>> {
  const watermarks = await admin.fetchTopicOffsets(options.dlqTopic);
  const committed = options.fromBeginning
    ? []
    : ((await admin.fetchOffsets({ groupId: group, topics: [options.dlqTopic] }))[0]?.partitions ??
      []);
  const ranges = new Map<number, PartitionRange>();
  for (const { partition, low, high } of watermarks) {
    const position = committed.find((c) => c.partition === partition)?.offset;
    // No position yet ("-1"), or one older than what retention kept: start at the oldest kept.
    const next =
      position !== undefined && BigInt(position) >= BigInt(low) ? BigInt(position) : BigInt(low);
    ranges.set(partition, { next, end: BigInt(high) });
  }
  return ranges;
}

async function onBatch(
  payload: EachBatchPayload,
  ranges: Map<number, PartitionRange>,
  publisher: KafkaPublisher | null,
  options: ReplayOptions,
  group: string,
  admin: Admin,
  summary: ReplaySummary,
): Promise<void> {
  const { batch } = payload;
  const range = ranges.get(batch.partition);
  if (!range) return;
  // Only what lies between the remembered position and the end seen at start belongs to this run.
  const messages = batch.messages.filter(
    (m) => BigInt(m.offset) >= range.next && BigInt(m.offset) < range.end,
  );
  if (messages.length === 0) return;
  const outgoing = new Map<string, OutboundMessage[]>();
  for (const message of messages) {
    summary.read += 1;
    const record = toRecord(message);
    if (!matchesDeadLetterFilters(record, options.filters)) {
      summary.skipped += 1;
      continue;
    }
    summary.matched += 1;
    const target = record.headers[DLQ_HEADERS.sourceTopic];
    if (!target) {
      summary.unroutable += 1;
      continue;
    }
    const list = outgoing.get(target) ?? [];
    list.push({
      key: record.key,
      value: message.value ?? Buffer.alloc(0),
      headers: {
        ...withoutDeadLetterHeaders(record.headers),
        [REPLAYED_FROM_HEADER]: `${options.dlqTopic}[${batch.partition}]@${message.offset}`,
      },
    });
    outgoing.set(target, list);
  }
  const next = BigInt(messages[messages.length - 1].offset) + 1n;
  if (publisher) {
    for (const [topic, list] of outgoing) {
      await publisher.publish(topic, list);
      summary.replayed += list.length;
      summary.byTopic[topic] = (summary.byTopic[topic] ?? 0) + list.length;
    }
    // Only after the acknowledgement: a crash before this line replays the batch again, never skips it.
    await admin.setOffsets({
      groupId: group,
      topic: options.dlqTopic,
      partitions: [{ partition: batch.partition, offset: next.toString() }],
    });
  } else {
    for (const [topic, list] of outgoing)
      summary.byTopic[topic] = (summary.byTopic[topic] ?? 0) + list.length;
  }
  range.next = next;
  await payload.heartbeat();
}

/** A fresh cluster answers "not the coordinator" / "loading" while it creates its offsets topic. */
async function retryWhileCoordinatorMoves<T>(work: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const retriable =
        typeof error === 'object' &&
        error !== null &&
        (error as { retriable?: unknown }).retriable === true;
      if (!retriable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function toRecord(message: KafkaMessage): DeadLetterRecord {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return { key: message.key ? message.key.toString('utf8') : null, headers };
}

/** The replayed message is the original again: the consumer adds fresh `x-dlq-*` headers if it fails anew. */
function withoutDeadLetterHeaders(headers: Record<string, string>): Record<string, string> {
  const deadLetterNames = new Set<string>(Object.values(DLQ_HEADERS));
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !deadLetterNames.has(name)));
}
