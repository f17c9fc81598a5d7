import { hashApiKey, keysMatch, newApiKey, presentedKey } from './api-key';

describe('api keys', () => {
  it('are random and stored only as a hash', () => {
    const a = newApiKey();
    const b = newApiKey();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^nwk_[A-Za-z0-9_-]{43}$/);
    expect(hashApiKey(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(a)).not.toContain(a);
  });

  it('compare equal only when identical', () => {
    expect(keysMatch('secret-admin-key-1', 'secret-admin-key-1')).toBe(true);
    expect(keysMatch('secret-admin-key-1', 'secret-admin-key-2')).toBe(false);
    expect(keysMatch('', 'secret-admin-key-1')).toBe(false);
  });

  it('are read from a bearer token or the X-Api-Key header', () => {
    expect(presentedKey({ authorization: 'Bearer k1' })).toBe('k1');
    expect(presentedKey({ 'x-api-key': 'k2' })).toBe('k2');
    expect(presentedKey({ authorization: 'Basic abc' })).toBeUndefined();
  });
});
