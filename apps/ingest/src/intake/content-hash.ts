import { createHash } from 'node:crypto';
import type { CanonicalStory } from '@lib/contracts';

/**
 * Hash of what a story says, leaving out the fields an agency bumps on a mere re-send
 * (version, versioncreated), so the same content pushed twice is recognised.
 */
export function contentHashOf(story: CanonicalStory): string {
  const { version: _version, versioncreated: _versioncreated, ...content } = story;
  return createHash('sha256').update(stableStringify(content)).digest('hex');
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
