import type { CanonicalStory } from '@lib/contracts';

export type VersionKind = 'first' | 'update' | 'correction' | 'kill' | 'reinstatement';

export type FieldChange =
  | { field: string; before: string | number | null; after: string | number | null }
  | { field: 'body_text'; removed: string[]; added: string[] };

export interface VersionChange {
  kind: VersionKind;
  changes: FieldChange[];
}

const SHORT_FIELDS = [
  'pubstatus',
  'headline',
  'subheadline',
  'byline',
  'located',
  'slugline',
  'description',
  'language',
  'urgency',
] as const;

/**
 * Agencies mark corrections in the text itself (Reuters "CORRECTED-", AP "CORRECTS", AFP
 * "CORRECTION"); the canonical story has no signal field for it, so the words are the evidence.
 */
const CORRECTION_MARK = /\b(CORRECTED|CORRECTS|CORRECTION|CORRECTING|corrects|correction)\b/;

/** What changed from one version of a story to the next, and what kind of change it was. */
export function describeChange(
  previous: CanonicalStory | null,
  current: CanonicalStory,
): VersionChange {
  if (!previous) return { kind: current.pubstatus === 'usable' ? 'first' : 'kill', changes: [] };
  const changes: FieldChange[] = [];
  for (const field of SHORT_FIELDS) {
    const before = previous[field] ?? null;
    const after = current[field] ?? null;
    if (before !== after) changes.push({ field, before, after });
  }
  const body = diffSentences(previous.body_text ?? '', current.body_text ?? '');
  if (body.removed.length > 0 || body.added.length > 0)
    changes.push({ field: 'body_text', ...body });
  return { kind: kindOf(previous, current, changes), changes };
}

function kindOf(
  previous: CanonicalStory,
  current: CanonicalStory,
  changes: FieldChange[],
): VersionKind {
  if (current.pubstatus !== 'usable') return 'kill';
  if (previous.pubstatus !== 'usable') return 'reinstatement';
  const newText = changes
    .flatMap((c) => ('added' in c ? c.added : [String(c.after ?? '')]))
    .join('\n');
  return CORRECTION_MARK.test(newText) ? 'correction' : 'update';
}

/** Sentences that disappeared and sentences that are new; unchanged ones are left out. */
export function diffSentences(
  before: string,
  after: string,
): { removed: string[]; added: string[] } {
  const old = sentences(before);
  const now = sentences(after);
  const oldSet = new Set(old);
  const nowSet = new Set(now);
  return { removed: old.filter((s) => !nowSet.has(s)), added: now.filter((s) => !oldSet.has(s)) };
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
