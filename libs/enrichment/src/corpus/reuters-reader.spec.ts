import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../testing/seed-story';
import {
  decodeReutersBytes,
  modApteSplit,
  parseReutersDate,
  parseReutersSgml,
} from './reuters-reader';
import { reutersToStory } from './reuters-story';

const file = path.join(REPO_ROOT, 'data/reuters21578/reut2-000.sgm');
const docs = parseReutersSgml(decodeReutersBytes(fs.readFileSync(file)));

describe('parseReutersSgml on reut2-000.sgm', () => {
  it('reads all 1,000 documents of the file in order', () => {
    expect(docs).toHaveLength(1000);
    expect(docs[0]?.newId).toBe(1);
    expect(docs[999]?.newId).toBe(1000);
  });

  it('reads the first story fields and category lists', () => {
    const first = docs[0];
    expect(first?.title).toBe('BAHIA COCOA REVIEW');
    expect(first?.dateline).toBe('SALVADOR, Feb 26 -');
    expect(first?.topics).toEqual(['cocoa']);
    expect(first?.places).toEqual(['el-salvador', 'usa', 'uruguay']);
    expect(first?.lewisSplit).toBe('TRAIN');
    expect(first?.date).toBe('1987-02-26T15:01:01.790Z');
    expect(
      first?.body.startsWith('Showers continued throughout the week in the Bahia cocoa zone'),
    ).toBe(true);
  });

  it('decodes entities, drops control codes and the Reuter signature, keeps paragraphs', () => {
    const body = docs[0]?.body ?? '';
    expect(body).not.toMatch(/&#\d+;/);
    expect([...body].some((ch) => ch !== '\n' && ch.charCodeAt(0) < 32)).toBe(false);
    expect(body).not.toMatch(/Reuter\s*$/);
    expect(body.split('\n\n').length).toBeGreaterThan(5);
    expect(docs.some((d) => d.body.includes('<') || d.title.includes('<'))).toBe(true);
  });

  it('decodes &lt; in titles and reads several topics in order', () => {
    expect(docs[1]?.title).toBe('STANDARD OIL <SRD> TO FORM FINANCIAL UNIT');
    expect(docs[4]?.topics).toEqual(['grain', 'wheat', 'corn', 'barley', 'oat', 'sorghum']);
  });

  it('assigns the ModApte split from the TOPICS and LEWISSPLIT attributes', () => {
    expect(modApteSplit(docs[0])).toBe('train');
    // NEWID 2 is TOPICS="NO": outside ModApte although LEWISSPLIT is TRAIN.
    expect(modApteSplit(docs[1])).toBeUndefined();
  });

  it('maps a document onto a canonical story with the dateline city as located', () => {
    const story = reutersToStory(docs[0]);
    expect(story.uri).toBe('reuters21578:1');
    expect(story.located).toBe('SALVADOR');
    expect(story.places).toEqual([]);
  });
});

describe('parseReutersDate', () => {
  it('returns undefined for a malformed date', () => {
    expect(parseReutersDate('5-MAR-1987 0:0')).toBeUndefined();
  });
});

describe('decodeReutersBytes', () => {
  it('decodes cp1252 bytes', () => {
    expect(decodeReutersBytes(Buffer.from([0x93, 0x41, 0x94, 0xe9]))).toBe('“A”é');
  });
});
