import { failureDelaySeconds } from './feed-fetcher';

describe('failureDelaySeconds', () => {
  it('backs off from the feed interval and caps at an hour', () => {
    expect(failureDelaySeconds(60, 0)).toBe(120);
    expect(failureDelaySeconds(60, 1)).toBe(240);
    expect(failureDelaySeconds(60, 10)).toBe(3600);
  });
});
