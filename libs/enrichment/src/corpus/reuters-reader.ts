import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';

/** One story of Reuters-21578 (see the corpus README, section VI, for the fields). */
export interface ReutersDocument {
  newId: number;
  oldId: number;
  /** `TOPICS` attribute: whether the story was indexed for topics at all. */
  topicsAttribute: 'YES' | 'NO' | 'BYPASS';
  lewisSplit: 'TRAIN' | 'TEST' | 'NOT-USED';
  cgiSplit: string;
  /** ISO-8601, or undefined when the corpus date is malformed. */
  date: string | undefined;
  topics: string[];
  places: string[];
  people: string[];
  orgs: string[];
  exchanges: string[];
  companies: string[];
  /** NORM: title and body; BRIEF: title only; UNPROC: text not split into fields. */
  textType: 'NORM' | 'BRIEF' | 'UNPROC';
  title: string;
  dateline: string;
  body: string;
}

const MONTHS: Record<string, string> = {
  JAN: '01',
  FEB: '02',
  MAR: '03',
  APR: '04',
  MAY: '05',
  JUN: '06',
  JUL: '07',
  AUG: '08',
  SEP: '09',
  OCT: '10',
  NOV: '11',
  DEC: '12',
};

/** The files are 8-bit with a few cp1252 bytes; decoding as windows-1252 keeps every byte meaningful. */
export function decodeReutersBytes(bytes: Buffer): string {
  return iconv.decode(bytes, 'win1252');
}

/** Character references: `&#3;` (end of text) and other control codes become nothing; `&lt;` `&amp;` their characters. */
function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => {
      const n = Number(code);
      return n < 32 || n === 127 ? '' : String.fromCharCode(n);
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attribute(tag: string, name: string): string {
  return new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
}

function element(block: string, name: string): string {
  const match = new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`).exec(block);
  return match?.[1] ?? '';
}

function dList(block: string, name: string): string[] {
  return [...element(block, name).matchAll(/<D>([\s\S]*?)<\/D>/g)]
    .map((m) => decodeEntities(m[1] ?? '').trim())
    .filter((s) => s.length > 0);
}

/** "26-FEB-1987 15:01:01.79" -> "1987-02-26T15:01:01.790Z" (the corpus gives no zone; UTC is assumed). */
export function parseReutersDate(raw: string): string | undefined {
  const m = /(\d{1,2})-([A-Z]{3})-(\d{4})\s+(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?/.exec(raw.trim());
  const month = m ? MONTHS[m[2] ?? ''] : undefined;
  if (!m || !month) return undefined;
  const ms = (m[7] ?? '0').padEnd(3, '0').slice(0, 3);
  const iso = `${m[3]}-${month}-${(m[1] ?? '').padStart(2, '0')}T${m[4]}:${m[5]}:${m[6]}.${ms}Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/**
 * Body text with paragraphs restored: Reuters indents each new paragraph by spaces and wraps
 * lines at ~65 columns. The closing "Reuter" signature is removed.
 */
function cleanBody(raw: string): string {
  return decodeEntities(raw)
    .replace(/\r/g, '')
    .split(/\n(?=\s{2,})/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n')
    .replace(/\s*\bREUTER\b\s*$/i, '')
    .trim();
}

function oneOf<T extends string>(value: string, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Parses the text of one `reut2-NNN.sgm` file into documents, in file order. */
export function parseReutersSgml(text: string): ReutersDocument[] {
  const docs: ReutersDocument[] = [];
  for (const match of text.matchAll(/(<REUTERS\b[^>]*>)([\s\S]*?)<\/REUTERS>/g)) {
    const open = match[1] ?? '';
    const block = match[2] ?? '';
    const textOpen = /<TEXT([^>]*)>/.exec(block)?.[1] ?? '';
    const textBlock = element(block, 'TEXT');
    const textType = oneOf(
      attribute(textOpen, 'TYPE') || 'NORM',
      ['NORM', 'BRIEF', 'UNPROC'] as const,
      'NORM',
    );
    docs.push({
      newId: Number(attribute(open, 'NEWID')),
      oldId: Number(attribute(open, 'OLDID')),
      topicsAttribute: oneOf(attribute(open, 'TOPICS'), ['YES', 'NO', 'BYPASS'] as const, 'NO'),
      lewisSplit: oneOf(
        attribute(open, 'LEWISSPLIT'),
        ['TRAIN', 'TEST', 'NOT-USED'] as const,
        'NOT-USED',
      ),
      cgiSplit: attribute(open, 'CGISPLIT'),
      date: parseReutersDate(element(block, 'DATE')),
      topics: dList(block, 'TOPICS'),
      places: dList(block, 'PLACES'),
      people: dList(block, 'PEOPLE'),
      orgs: dList(block, 'ORGS'),
      exchanges: dList(block, 'EXCHANGES'),
      companies: dList(block, 'COMPANIES'),
      textType,
      title: decodeEntities(element(textBlock, 'TITLE')).replace(/\s+/g, ' ').trim(),
      dateline: decodeEntities(element(textBlock, 'DATELINE')).replace(/\s+/g, ' ').trim(),
      body: cleanBody(textType === 'UNPROC' ? textBlock : element(textBlock, 'BODY')),
    });
  }
  return docs;
}

/** Reads every `reut2-*.sgm` file of the corpus folder (21,578 documents). */
export function readReutersCorpus(dir: string): ReutersDocument[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^reut2-\d{3}\.sgm$/.test(f))
    .sort()
    .flatMap((f) => parseReutersSgml(decodeReutersBytes(fs.readFileSync(path.join(dir, f)))));
}

/** ModApte split (README VIII.B): TOPICS="YES" and LEWISSPLIT TRAIN (9,603) or TEST (3,299). */
export function modApteSplit(doc: ReutersDocument): 'train' | 'test' | undefined {
  if (doc.topicsAttribute !== 'YES') return undefined;
  if (doc.lewisSplit === 'TRAIN') return 'train';
  if (doc.lewisSplit === 'TEST') return 'test';
  return undefined;
}
