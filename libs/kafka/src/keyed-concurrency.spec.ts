import type { InboundMessage } from './inbound-message';
import { NonRetriableError } from './kafka.errors';
import { processByKey } from './keyed-concurrency';

const message = (key: string, offset: number): InboundMessage => ({
  topic: 't',
  partition: 0,
  offset: String(offset),
  key,
  value: Buffer.from('{}'),
  headers: {},
  timestamp: '0',
});

describe('processByKey', () => {
  it('keeps the order of one key while running keys side by side', async () => {
    const seen: string[] = [];
    const messages = [message('a', 0), message('b', 1), message('a', 2), message('b', 3)];
    const outcomes = await processByKey(messages, 2, async (m) => {
      await new Promise((r) => setTimeout(r, m.key === 'a' ? 5 : 1));
      seen.push(`${m.key}${m.offset}`);
    });
    expect(outcomes.every((o) => o.status === 'done')).toBe(true);
    expect(seen.filter((s) => s.startsWith('a'))).toEqual(['a0', 'a2']);
    expect(seen.filter((s) => s.startsWith('b'))).toEqual(['b1', 'b3']);
  });

  it('holds back the later messages of a key whose earlier message failed', async () => {
    const run: string[] = [];
    const outcomes = await processByKey(
      [message('a', 0), message('a', 1), message('b', 2)],
      4,
      async (m) => {
        run.push(m.offset);
        if (m.offset === '0') throw new Error('search engine timeout');
      },
    );
    expect(run).toEqual(expect.arrayContaining(['0', '2']));
    expect(run).not.toContain('1');
    expect(outcomes.map((o) => o.status)).toEqual(['retry', 'retry', 'done']);
  });

  it('marks a non-retriable failure dead', async () => {
    const outcomes = await processByKey([message('a', 0)], 1, () => {
      throw new NonRetriableError('EVENT.INVALID_PAYLOAD', 'bad');
    });
    expect(outcomes[0].status).toBe('dead');
  });
});
