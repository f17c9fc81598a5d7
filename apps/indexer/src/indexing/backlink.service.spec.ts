import type { Client } from '@elastic/elasticsearch';
import type { Env } from '@lib/config';
import type { StoryBacklinkedV1 } from '@lib/contracts';
import { DONE } from '@lib/kafka';
import { BacklinkService, mergeBacklink } from './backlink.service';

const reason = { sharedEntities: [], sharedTerms: [] };

describe('mergeBacklink', () => {
  it('adds the newer coverage in score order without duplicating a link', () => {
    const merged = mergeBacklink(
      'target',
      [
        { uri: 'a', score: 2, reason },
        { uri: 'b', score: 0.5, reason },
      ],
      { uri: 'b', score: 1.2, reason },
    );
    expect(merged.map((l) => [l.uri, l.score])).toEqual([
      ['a', 2],
      ['b', 1.2],
    ]);
  });

  it('keeps the ten strongest', () => {
    const existing = Array.from({ length: 10 }, (_, i) => ({ uri: `s${i}`, score: 1 + i, reason }));
    const merged = mergeBacklink('target', existing, { uri: 'new', score: 5.5, reason });
    expect(merged).toHaveLength(10);
    expect(merged.map((l) => l.uri)).toContain('new');
    expect(merged.map((l) => l.uri)).not.toContain('s0');
  });
});

describe('BacklinkService.applyAll', () => {
  const event = (targetUri: string, uri: string, score: number) =>
    ({ payload: { targetUri, link: { uri, score, reason } } }) as unknown as StoryBacklinkedV1;

  /** The backlinks document of story `a` as the engine returns it, at sequence number `seqNo`. */
  const storedA = (seqNo: number, links: object[]) => ({
    _id: 'a',
    found: true,
    _seq_no: seqNo,
    _primary_term: 1,
    _source: { uri: 'a', links },
  });

  /** A stand-in engine holding one stored backlinks document, recording the bulk it is sent. */
  function engine() {
    const bulks: object[][] = [];
    const client = {
      mget: () =>
        Promise.resolve({
          docs: [storedA(7, [{ uri: 'old', score: 3, reason }]), { _id: 'b', found: false }],
        }),
      bulk: ({ operations }: { operations: object[] }) => {
        bulks.push(operations);
        return Promise.resolve({
          items: [{ index: { status: 200 } }, { create: { status: 409 } }],
        });
      },
    };
    return { client: client as unknown as Client, bulks };
  }

  it('merges every link to one story into one conditional write, and retries only the stories whose write failed', async () => {
    const { client, bulks } = engine();
    const service = new BacklinkService(client, { ES_STORIES_ALIAS: 'stories' } as Env);
    const outcomes = await service.applyAll([
      event('a', 'n1', 1),
      event('b', 'n2', 2),
      event('a', 'n3', 5),
    ]);

    expect(bulks).toHaveLength(1);
    expect(bulks[0]).toEqual([
      { index: { _index: 'stories-backlinks', _id: 'a', if_seq_no: 7, if_primary_term: 1 } },
      {
        uri: 'a',
        links: [
          { uri: 'n3', score: 5, reason },
          { uri: 'old', score: 3, reason },
          { uri: 'n1', score: 1, reason },
        ],
      },
      { create: { _index: 'stories-backlinks', _id: 'b' } },
      { uri: 'b', links: [{ uri: 'n2', score: 2, reason }] },
    ]);
    expect(outcomes[0]).toBe(DONE);
    expect(outcomes[1]).toMatchObject({ status: 'retry' });
    expect(outcomes[2]).toBe(DONE);
  });

  it('writes nothing for links that would not change what a story shows', async () => {
    const strong = Array.from({ length: 10 }, (_, i) => ({ uri: `s${i}`, score: 10 + i, reason }));
    const bulk = jest.fn();
    const client = {
      mget: () => Promise.resolve({ docs: [storedA(3, [...strong].reverse())] }),
      bulk,
    } as unknown as Client;
    const service = new BacklinkService(client, { ES_STORIES_ALIAS: 'stories' } as Env);

    const outcomes = await service.applyAll([event('a', 'weak', 1), event('a', 's9', 19)]);

    expect(bulk).not.toHaveBeenCalled();
    expect(outcomes).toEqual([DONE, DONE]);
  });
});
