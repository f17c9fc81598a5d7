import type { TagStatistics } from '@lib/enrichment';
import { TagStatisticsBatcher } from './tag-statistics-batcher';

/** A lookup that answers when told to, counting each tag's length as its frequency. */
function controlledLookup(): {
  lookup: (ids: string[]) => Promise<TagStatistics>;
  calls: string[][];
  answer: () => void;
} {
  const calls: string[][] = [];
  const pending: (() => void)[] = [];
  const lookup = (ids: string[]): Promise<TagStatistics> => {
    calls.push(ids);
    return new Promise((resolve) =>
      pending.push(() =>
        resolve({
          documentCount: 100,
          documentFrequency: new Map(ids.map((id) => [id, id.length])),
        }),
      ),
    );
  };
  return { lookup, calls, answer: () => pending.shift()?.() };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('TagStatisticsBatcher', () => {
  it('asks at once when nothing is in flight', async () => {
    const { lookup, calls, answer } = controlledLookup();
    const batcher = new TagStatisticsBatcher(lookup);
    const result = batcher.get(['place:fr']);
    expect(calls).toEqual([['place:fr']]);
    answer();
    expect((await result).documentFrequency.get('place:fr')).toBe(8);
  });

  it('sends the requests that waited for a lookup together, each answered with its own tags', async () => {
    const { lookup, calls, answer } = controlledLookup();
    const batcher = new TagStatisticsBatcher(lookup);
    const first = batcher.get(['a']);
    const second = batcher.get(['bb', 'ccc']);
    const third = batcher.get(['ccc', 'dddd']);
    answer();
    await first;
    await flush();
    expect(calls).toEqual([['a'], ['bb', 'ccc', 'dddd']]);
    answer();
    const [two, three] = await Promise.all([second, third]);
    expect([...two.documentFrequency]).toEqual([
      ['bb', 2],
      ['ccc', 3],
    ]);
    expect([...three.documentFrequency]).toEqual([
      ['ccc', 3],
      ['dddd', 4],
    ]);
    expect(three.documentCount).toBe(100);
  });

  it('fails only the requests of the lookup that failed', async () => {
    let fail = true;
    const batcher = new TagStatisticsBatcher((ids) =>
      fail
        ? Promise.reject(new Error('engine away'))
        : Promise.resolve({
            documentCount: 1,
            documentFrequency: new Map(ids.map((id) => [id, 1])),
          }),
    );
    await expect(batcher.get(['a'])).rejects.toThrow('engine away');
    fail = false;
    expect((await batcher.get(['a'])).documentFrequency.get('a')).toBe(1);
  });
});
