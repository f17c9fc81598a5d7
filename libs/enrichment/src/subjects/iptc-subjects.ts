import type { Subject, Tag } from '@lib/contracts';
import { slugify } from '../text/normalise';

/** IPTC Subject Codes, top level (subj:NN000000), from the IPTC NewsCodes "subjectcode" vocabulary. */
const SUBJECT_CODES: Record<string, string> = {
  '01': 'arts, culture and entertainment',
  '02': 'crime, law and justice',
  '03': 'disaster and accident',
  '04': 'economy, business and finance',
  '05': 'education',
  '06': 'environmental issue',
  '07': 'health',
  '08': 'human interest',
  '09': 'labour',
  '10': 'lifestyle and leisure',
  '11': 'politics',
  '12': 'religion and belief',
  '13': 'science and technology',
  '14': 'social issue',
  '15': 'sport',
  '16': 'unrest, conflicts and war',
  '17': 'weather',
};

/** IPTC Media Topics, top level. Deeper medtop codes (20000xxx) are not positional, so only these map. */
const MEDIA_TOPICS: Record<string, string> = {
  '01000000': 'arts, culture, entertainment and media',
  '02000000': 'crime, law and justice',
  '03000000': 'disaster, accident and emergency incident',
  '04000000': 'economy, business and finance',
  '05000000': 'education',
  '06000000': 'environment',
  '07000000': 'health',
  '08000000': 'human interest',
  '09000000': 'labour',
  '10000000': 'lifestyle and leisure',
  '11000000': 'politics',
  '12000000': 'religion',
  '13000000': 'science and technology',
  '14000000': 'society',
  '15000000': 'sport',
  '16000000': 'conflict, war and peace',
  '17000000': 'weather',
};

export const SUBJECT_TABLE_VERSION = 'iptc-top-level@2024';

/** Splits "subj:04006000", "medtop:20000568" or a bare code with a scheme into scheme and digits. */
function parseCode(subject: Subject): { scheme: string; digits: string } | undefined {
  const [prefix, rest] = subject.code.includes(':')
    ? (subject.code.split(':', 2) as [string, string])
    : [subject.scheme ?? '', subject.code];
  const scheme = prefix.toLowerCase().replace(/^iptc-?/, '');
  if (!/^\d{8}$/.test(rest)) return undefined;
  if (scheme === 'subj' || scheme === 'subjectcode' || scheme === 'subject')
    return { scheme: 'subj', digits: rest };
  if (scheme === 'medtop' || scheme === 'mediatopic') return { scheme: 'medtop', digits: rest };
  return undefined;
}

function subjectTag(name: string, code: string, method: string): Tag {
  return {
    id: `subject:${slugify(name)}`,
    kind: 'subject',
    name,
    aliases: [code],
    confidence: 1,
    provenance: { method, version: SUBJECT_TABLE_VERSION, fromProvider: true },
  };
}

/**
 * Provider subject codes as named `subject` tags: the top-level IPTC subject of each code, plus
 * the code's own name when the provider sent one. Unknown schemes are ignored.
 */
export function subjectTags(subjects: readonly Subject[]): Tag[] {
  const tags = new Map<string, Tag>();
  for (const subject of subjects) {
    const parsed = parseCode(subject);
    if (!parsed) continue;
    const topName =
      parsed.scheme === 'subj'
        ? SUBJECT_CODES[parsed.digits.slice(0, 2)]
        : MEDIA_TOPICS[parsed.digits];
    const topCode =
      parsed.scheme === 'subj'
        ? `subj:${parsed.digits.slice(0, 2)}000000`
        : `medtop:${parsed.digits}`;
    if (topName)
      tags.set(`subject:${slugify(topName)}`, subjectTag(topName, topCode, 'iptc-top-level'));
    const ownCode = `${parsed.scheme}:${parsed.digits}`;
    if (subject.name && ownCode !== topCode) {
      const own = subjectTag(subject.name, ownCode, 'provider-subject');
      if (!tags.has(own.id)) tags.set(own.id, own);
    }
  }
  return [...tags.values()];
}
