import type { BulkOperation } from '@lib/search';
import { bulkChunks } from './story-index.repository';

const index = (id: string, text: string): BulkOperation => ({
  kind: 'index',
  id,
  version: 1,
  document: { text },
});
const remove = (id: string): BulkOperation => ({ kind: 'delete', id, version: 2 });
const ids = (chunks: BulkOperation[][]): string[][] =>
  chunks.map((chunk) => chunk.map((op) => op.id));

describe('bulkChunks', () => {
  it('keeps the operations in order within the count limit', () => {
    const ops = ['a', 'b', 'c', 'd', 'e'].map((id) => remove(id));
    expect(ids(bulkChunks(ops, 1, 2, 1_000_000))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('starts a new request before the byte limit, counting every target', () => {
    const ops = [index('a', 'x'.repeat(800)), index('b', 'x'.repeat(800)), remove('c')];
    expect(ids(bulkChunks(ops, 1, 100, 2_500))).toEqual([['a', 'b', 'c']]);
    expect(ids(bulkChunks(ops, 2, 100, 2_500))).toEqual([['a'], ['b', 'c']]);
  });

  it('sends a document larger than the limit on its own', () => {
    const ops = [remove('a'), index('big', 'x'.repeat(5_000)), remove('b')];
    expect(ids(bulkChunks(ops, 1, 100, 1_000))).toEqual([['a'], ['big'], ['b']]);
  });
});
