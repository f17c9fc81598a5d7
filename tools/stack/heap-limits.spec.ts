import { HEAP_LIMIT_MB, MALLOC_ARENA_MAX, heapLimitArgs, serviceEnv } from './heap-limits';

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

describe('serviceEnv', () => {
  it('bounds malloc arenas unless the caller chose a bound', () => {
    expect(serviceEnv({ API_PORT: '1' })).toEqual({ API_PORT: '1', MALLOC_ARENA_MAX });
    expect(serviceEnv({ MALLOC_ARENA_MAX: '8' }).MALLOC_ARENA_MAX).toBe('8');
  });
});
