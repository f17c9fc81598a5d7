import { HEAP_LIMIT_MB, heapLimitArgs } from './heap-limits';

describe('heapLimitArgs', () => {
  it("passes the service's heap limit to node", () => {
    expect(heapLimitArgs('enricher', {})).toEqual([
      `--max-old-space-size=${HEAP_LIMIT_MB.enricher}`,
    ]);
  });

  it('leaves the limit to NODE_OPTIONS when the caller sets one there', () => {
    expect(heapLimitArgs('api', { NODE_OPTIONS: '--max-old-space-size=512' })).toEqual([]);
    expect(heapLimitArgs('api', { NODE_OPTIONS: '--require ./x.js' })).toEqual([
      `--max-old-space-size=${HEAP_LIMIT_MB.api}`,
    ]);
  });
});
