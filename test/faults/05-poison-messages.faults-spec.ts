import { SERVICE_NAMES } from '../../tools/stack/services';
import { expectTruthHolds } from './support/assertions';
import { replayDlq } from './support/cli';
import { FAULT_ALIAS } from './support/fault-env';
import { FaultStack } from './support/fault-stack';
import { recordFigures } from './support/figures';
import {
  TOPICS,
  deadLetterCounts,
  dlqOf,
  produceRaw,
  readAll,
  type RawMessage,
  type ReadMessage,
} from './support/kafka-tools';
import { Pusher, sleep } from './support/pusher';
import { reutersStream } from './support/reuters-stream';
import { registerPushSource } from './support/sources';
import { Truth } from './support/truth';

const PIPELINE = SERVICE_NAMES.filter((name) => name !== 'api');

/** Malformed in every way a consumer can meet: not JSON, the wrong shape, nothing at all, no key. */
function poison(topic: string): { message: RawMessage; code: string }[] {
  const tag = topic.split('.')[2];
  return [
    {
      message: {
        key: `urn:faults:poison:${tag}:1`,
        value: '{"eventType": "Story',
        headers: { 'x-correlation-id': `poison-${tag}-1` },
      },
      code: 'EVENT.MALFORMED_JSON',
    },
    {
      message: {
        key: `urn:faults:poison:${tag}:2`,
        value: JSON.stringify({ eventType: 'StoryIngested.v1', payload: { story: 'none' } }),
      },
      code: 'EVENT.INVALID_PAYLOAD',
    },
    { message: { key: `urn:faults:poison:${tag}:3`, value: null }, code: 'EVENT.EMPTY' },
    {
      message: { key: null, value: Buffer.from([0xff, 0xfe, 0x00, 0x7b]) },
      code: 'EVENT.MALFORMED_JSON',
    },
  ];
}

/**
 * Fault 5: malformed messages written straight into both pipeline topics, and good stories
 * refused by the index while it is write-blocked. Each lands in `<topic>.dlq` with the headers an
 * operator needs, the good traffic around them keeps flowing, and `cli replay-dlq` re-drives the
 * refused stories once the block is lifted (the poison, replayed, is quarantined again).
 */
describe('poison messages and dead-letter replay', () => {
  const stack = new FaultStack('poison');
  const truth = new Truth();
  let apiKey = '';

  beforeAll(async () => {
    await truth.open();
    await stack.start(PIPELINE);
    apiKey = await registerPushSource('faults-poison');
  }, 120_000);

  afterAll(async () => {
    await truth.search.indices
      .putSettings({ index: FAULT_ALIAS, settings: { 'index.blocks.write': false } })
      .catch(() => undefined);
    await stack.stopAll();
    await truth.close();
  });

  it('quarantines poison with correct headers, keeps flowing, and replays what was fixed', async () => {
    const before = await deadLetterCounts();
    const stream = reutersStream({ namespace: 'poison', stories: 200, offset: 10_000 });
    const pusher = new Pusher({ apiKey, batchSize: 20, maxItemsPerSecond: 60 });
    const pushing = pusher.pushAll(stream.items);

    // Poison in the middle of good traffic.
    await pusher.reached(Math.floor(stream.items.length / 3));
    const injected: {
      topic: string;
      code: string;
      message: RawMessage;
      partition: number;
      offset: string;
    }[] = [];
    for (const topic of Object.values(TOPICS)) {
      const messages = poison(topic);
      const positions = await produceRaw(
        topic,
        messages.map((m) => m.message),
      );
      messages.forEach((m, i) =>
        injected.push({ topic, code: m.code, message: m.message, ...positions[i] }),
      );
    }
    const push = await pushing;
    const flowing = await truth.waitForConsistency(120_000);
    expectTruthHolds(push, stream.expected, await truth.storyStates(), flowing.report);

    // Each poison message is in its topic's DLQ, once, with key, bytes and headers intact.
    const letters = new Map<string, ReadMessage[]>();
    for (const topic of Object.values(TOPICS)) letters.set(topic, await readAll(dlqOf(topic)));
    for (const poisoned of injected) {
      const found = (letters.get(poisoned.topic) ?? []).filter(
        (l) =>
          l.headers['x-dlq-source-partition'] === String(poisoned.partition) &&
          l.headers['x-dlq-source-offset'] === poisoned.offset,
      );
      expect(found).toHaveLength(1);
      const [letter] = found;
      expect(letter.key).toBe(poisoned.message.key);
      expect(letter.value ?? Buffer.alloc(0)).toEqual(
        poisoned.message.value === null ? Buffer.alloc(0) : Buffer.from(poisoned.message.value),
      );
      expect(letter.headers).toMatchObject({
        'x-dlq-error-code': poisoned.code,
        'x-dlq-source-topic': poisoned.topic,
        'x-dlq-attempts': '1',
        ...(poisoned.message.headers ?? {}),
      });
      expect(letter.headers['x-dlq-error-message'].length).toBeGreaterThan(0);
      expect(Date.parse(letter.headers['x-dlq-first-failure-at'])).toBeLessThanOrEqual(
        Date.parse(letter.headers['x-dlq-last-failure-at']),
      );
    }

    // A fault that an operator fixes: the index refuses writes, stories go to the DLQ...
    await truth.search.indices.putSettings({
      index: FAULT_ALIAS,
      settings: { 'index.blocks.write': true },
    });
    const blocked = reutersStream({
      namespace: 'blocked',
      stories: 20,
      offset: 10_400,
      correctionEvery: 0,
      killEvery: 0,
    });
    const blockedPush = await new Pusher({ apiKey, batchSize: 20 }).pushAll(blocked.items);
    const rejectedLetters = await waitForLetters(TOPICS.enriched, 'SEARCH.DOCUMENT_REJECTED', [
      ...blocked.expected.keys(),
    ]);
    // ...the block is lifted, and the operator re-drives exactly those.
    await truth.search.indices.putSettings({
      index: FAULT_ALIAS,
      settings: { 'index.blocks.write': false },
    });
    const dryRun = await replayDlq(
      '--topic',
      TOPICS.enriched,
      '--filter',
      'code=SEARCH.DOCUMENT_REJECTED',
      '--dry-run',
    );
    const replay = await replayDlq(
      '--topic',
      TOPICS.enriched,
      '--filter',
      'code=SEARCH.DOCUMENT_REJECTED',
    );
    const again = await replayDlq(
      '--topic',
      TOPICS.enriched,
      '--filter',
      'code=SEARCH.DOCUMENT_REJECTED',
    );
    expect(dryRun.summary).toMatchObject({ dryRun: true, matched: rejectedLetters, replayed: 0 });
    expect(replay.summary).toMatchObject({
      matched: rejectedLetters,
      replayed: rejectedLetters,
      unroutable: 0,
      byTopic: { [TOPICS.enriched]: rejectedLetters },
    });
    expect(replay.summary.skipped).toBeGreaterThanOrEqual(
      injected.filter((i) => i.topic === TOPICS.enriched).length,
    );
    expect(again.summary).toMatchObject({ read: 0, replayed: 0 });
    const replayed = await truth.waitForConsistency(60_000);
    const all = new Map([...stream.expected, ...blocked.expected]);
    expectTruthHolds(
      { ...blockedPush, accepted: new Map([...push.accepted, ...blockedPush.accepted]) },
      all,
      await truth.storyStates(),
      replayed.report,
    );

    // Poison replayed is still poison: it goes back to the DLQ (once more), nothing loops.
    const ingestedBefore = (await deadLetterCounts())[dlqOf(TOPICS.ingested)];
    const poisonReplay = await replayDlq(
      '--topic',
      TOPICS.ingested,
      '--filter',
      'key=urn:faults:poison:*',
    );
    expect(poisonReplay.summary).toMatchObject({ matched: 3, replayed: 3 });
    await waitFor(
      async () => (await deadLetterCounts())[dlqOf(TOPICS.ingested)] === ingestedBefore + 3,
      60_000,
    );
    const requarantined = (await readAll(dlqOf(TOPICS.ingested))).filter(
      (l) => l.headers['x-dlq-replayed-from'],
    );
    expect(requarantined.map((l) => l.key).sort()).toEqual([
      'urn:faults:poison:ingested:1',
      'urn:faults:poison:ingested:2',
      'urn:faults:poison:ingested:3',
    ]);
    await sleep(3_000);
    expect((await deadLetterCounts())[dlqOf(TOPICS.ingested)]).toBe(ingestedBefore + 3);

    const after = await deadLetterCounts();
    recordFigures('5-poison-messages', {
      goodItems: stream.items.length,
      injected: injected.map((i) => ({ topic: i.topic, code: i.code })),
      dlqBefore: before,
      dlqAfter: after,
      blockedStories: blocked.stories,
      rejectedLetters,
      replay: replay.summary,
      replayAgain: again.summary,
      poisonReplay: poisonReplay.summary,
      convergedWithPoisonMs: flowing.waitedMs,
      convergedAfterReplayMs: replayed.waitedMs,
    });
  });
});

/** Waits until every key has a dead letter with that code; returns how many letters have it. */
async function waitForLetters(topic: string, code: string, keys: string[]): Promise<number> {
  let letters: ReadMessage[] = [];
  await waitFor(async () => {
    letters = (await readAll(dlqOf(topic))).filter((l) => l.headers['x-dlq-error-code'] === code);
    const keyed = new Set(letters.map((l) => l.key));
    return keys.every((key) => keyed.has(key));
  }, 90_000);
  return letters.length;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(1_000);
  }
}
