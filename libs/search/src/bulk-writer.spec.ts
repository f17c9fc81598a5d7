import type { Client } from '@elastic/elasticsearch';
import { bulkWriteTargets, type BulkOperation } from './bulk-writer';

/** A stand-in for the engine's bulk answer: only the response shape matters to the judging. */
function clientAnswering(statuses: number[]): { client: Client; sent: unknown[] } {
  const sent: unknown[] = [];
  const client = {
    bulk: ({ operations }: { operations: unknown[] }) => {
      sent.push(...operations);
      return Promise.resolve({
        items: statuses.map((status) => ({
          index: { status, result: status === 404 ? 'not_found' : undefined },
        })),
      });
    },
  } as unknown as Client;
  return { client, sent };
}

const ops: BulkOperation[] = [
  { kind: 'index', id: 'a', version: 2, document: { uri: 'a' } },
  { kind: 'delete', id: 'b', version: 3 },
];
const targets = [
  { index: 'stories-v1', versionType: 'external' as const },
  { index: 'stories-v2', versionType: 'external_gte' as const },
];

describe('bulkWriteTargets', () => {
  it('writes every operation to every target with its version type', async () => {
    const { client, sent } = clientAnswering([201, 200, 201, 200]);
    await bulkWriteTargets(client, targets, ops);
    expect(sent).toEqual([
      { index: { _index: 'stories-v1', _id: 'a', version: 2, version_type: 'external' } },
      { uri: 'a' },
      { delete: { _index: 'stories-v1', _id: 'b', version: 3, version_type: 'external' } },
      { index: { _index: 'stories-v2', _id: 'a', version: 2, version_type: 'external_gte' } },
      { uri: 'a' },
      { delete: { _index: 'stories-v2', _id: 'b', version: 3, version_type: 'external_gte' } },
    ]);
  });

  it('reports the worst outcome of an operation over its targets', async () => {
    expect(
      await bulkWriteTargets(clientAnswering([201, 409, 409, 409]).client, targets, ops),
    ).toEqual([{ status: 'written' }, { status: 'stale' }]);
    expect(
      await bulkWriteTargets(clientAnswering([201, 200, 429, 200]).client, targets, ops),
    ).toEqual([{ status: 'retry', reason: '429 :' }, { status: 'written' }]);
    expect(
      await bulkWriteTargets(clientAnswering([201, 200, 201, 400]).client, targets, ops),
    ).toEqual([{ status: 'written' }, { status: 'rejected', reason: '400 :' }]);
  });
});
