import { decideVersion } from './version-decision';

const stored = { version: 3, pubstatus: 'usable', contentHash: 'h3' };

describe('decideVersion', () => {
  it('accepts the first version of a story', () => {
    expect(decideVersion(null, { version: 1, pubstatus: 'usable', contentHash: 'h1' })).toEqual({
      outcome: 'accepted',
      version: 1,
    });
  });

  it('keeps the newer version when an older one arrives late', () => {
    expect(
      decideVersion(stored, { version: 2, pubstatus: 'usable', contentHash: 'h2' }).outcome,
    ).toBe('stale');
  });

  it('answers duplicate for the same version or the same content', () => {
    expect(
      decideVersion(stored, { version: 3, pubstatus: 'usable', contentHash: 'other' }).outcome,
    ).toBe('duplicate');
    expect(
      decideVersion(stored, { version: 4, pubstatus: 'usable', contentHash: 'h3' }).outcome,
    ).toBe('duplicate');
  });

  it('accepts a correction with a higher version', () => {
    expect(decideVersion(stored, { version: 4, pubstatus: 'usable', contentHash: 'h4' })).toEqual({
      outcome: 'accepted',
      version: 4,
    });
  });

  it('lets a kill outrank every stored version', () => {
    expect(decideVersion(stored, { version: 1, pubstatus: 'canceled', contentHash: 'k' })).toEqual({
      outcome: 'accepted',
      version: 4,
    });
    expect(
      decideVersion(
        { ...stored, pubstatus: 'canceled' },
        { version: 9, pubstatus: 'canceled', contentHash: 'k' },
      ).outcome,
    ).toBe('duplicate');
  });
});
