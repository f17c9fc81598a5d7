import type { TextSegment } from '../text/story-text';
import { isShouting, type Token, tokenise } from '../text/tokenise';
import type { Gazetteer } from './gazetteer';
import { matchGazetteer } from './gazetteer-match';
import type { Mention } from './mention';
import {
  acronymAfter,
  capitalisedRun,
  classifyRun,
  isTitleAt,
  type NameCandidate,
} from './name-candidates';
import type { NameLexicon } from './name-lexicon';

/** A capitalised name the gazetteer does not know, found by patterns. */
export interface CandidateMention extends NameCandidate {
  segment: TextSegment['kind'];
  paragraph: number;
}

export interface SegmentMentions {
  mentions: Mention[];
  candidates: CandidateMention[];
  /** All-capital words not otherwise explained; resolved later against acronyms defined in the text. */
  bareAcronyms: CandidateMention[];
}

function nameOf(text: string, run: readonly Token[]): string {
  const first = run[0];
  const last = run[run.length - 1];
  return first && last ? text.slice(first.start, last.end).replace(/['’]s$/, '') : '';
}

/** Scans one segment: gazetteer matches first (longest wins), then capitalised runs by pattern. */
export function extractSegmentMentions(
  segment: TextSegment,
  gazetteer: Gazetteer,
  lexicon: NameLexicon,
  out: SegmentMentions,
): void {
  const tokens = tokenise(segment.text);
  const shouting = isShouting(segment.text);
  const at = { segment: segment.kind, paragraph: segment.paragraph };
  const hitAt = (i: number) =>
    matchGazetteer(
      gazetteer.root,
      tokens,
      i,
      segment.text,
      shouting,
      lexicon.commonWords,
      segment.kind === 'dateline',
    );
  let titleBefore = false;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!token) break;
    if (token.type === 'punct') {
      titleBefore = false;
      i += 1;
      continue;
    }
    const hit = hitAt(i);
    const hintOnly = hit?.matches.every((m) => m.isHint) ?? false;
    const isPlaceHit =
      hit?.matches.every((m) => gazetteer.entries.get(m.entryId)?.kind === 'place') ?? false;
    if (hit && isPlaceHit && startsOrgRun(tokens, hit.start, hit.end, lexicon, hitAt)) {
      // "Sudan Liberation Movement", "Libyan National Army": the place opens an organisation's name.
      const ids = [...new Set(hit.matches.map((m) => m.entryId))];
      out.mentions.push({
        kind: 'place',
        entryIds: ids,
        surface: hit.surface,
        ...at,
        isHint: true,
        method: 'gazetteer',
      });
      const end = capitalisedRun(tokens, hit.end, lexicon, (j) => hitAt(j) !== undefined);
      const run = tokens.slice(i, end);
      const candidate = classifyRun(
        run,
        nameOf(segment.text, run),
        false,
        acronymAfter(tokens, end),
        lexicon,
      );
      if (candidate) out.candidates.push({ ...candidate, ...at });
      titleBefore = false;
      i = end;
      continue;
    }
    if (hit) {
      const byEntry = new Map<string, boolean>();
      for (const m of hit.matches)
        byEntry.set(m.entryId, (byEntry.get(m.entryId) ?? true) && m.isHint);
      const ids = [...byEntry.keys()];
      const kind = gazetteer.entries.get(ids[0] ?? '')?.kind ?? 'place';
      out.mentions.push({
        kind,
        entryIds: ids,
        surface: hit.surface,
        ...at,
        isHint: [...byEntry.values()].every(Boolean),
        method: 'gazetteer',
      });
      // "President" may follow a demonym ("Turkish President Erdogan"); anything else resets the cue.
      titleBefore = hintOnly ? titleBefore : false;
      i = hit.end;
      continue;
    }
    if (shouting || !token.isCapitalised) {
      titleBefore = false;
      i += 1;
      continue;
    }
    if (isTitleAt(tokens, i, lexicon)) {
      // "General Motors", "General Electric Co": a title word can open an organisation's name.
      const end = capitalisedRun(tokens, i, lexicon, (j) => hitAt(j) !== undefined);
      const run = tokens.slice(i, end);
      const acronym = acronymAfter(tokens, end);
      const organisation =
        end > i + 1
          ? classifyRun(run, nameOf(segment.text, run), false, acronym, lexicon)
          : undefined;
      if (organisation?.kind === 'organisation') {
        out.candidates.push({ ...organisation, ...at });
        titleBefore = false;
        i = end;
        continue;
      }
      titleBefore = true;
      i += 1;
      continue;
    }
    // A capitalised ordinary word opening a sentence ("Though", "Earlier") is not a name.
    if (
      token.isSentenceStart &&
      lexicon.commonWords.has(token.key) &&
      !lexicon.firstNames.has(token.key)
    ) {
      titleBefore = false;
      i += 1;
      continue;
    }
    // "Roger Douglas", "Jesse Jackson": right after a first name, a one-word place is a surname.
    const isSurnameAfterFirstName = (j: number): boolean => {
      const hit = hitAt(j);
      return (
        j === i + 1 &&
        lexicon.firstNames.has(token.key) &&
        !lexicon.commonWords.has(token.key) &&
        hit?.end === j + 1 &&
        hit.matches.every((m) => gazetteer.entries.get(m.entryId)?.kind === 'place')
      );
    };
    const end = capitalisedRun(
      tokens,
      i,
      lexicon,
      (j) =>
        hitAt(j) !== undefined &&
        !(hitAt(j)?.matches.every((m) => m.isHint) ?? false) &&
        !isSurnameAfterFirstName(j),
    );
    const run = tokens.slice(i, end);
    const acronym = acronymAfter(tokens, end);
    if (run.length === 1 && /^[A-Z][A-Z0-9]{1,6}$/.test(token.text)) {
      out.bareAcronyms.push({ kind: 'organisation', name: token.text, method: 'acronym', ...at });
    } else {
      const candidate = classifyRun(run, nameOf(segment.text, run), titleBefore, acronym, lexicon);
      if (candidate) out.candidates.push({ ...candidate, ...at });
    }
    titleBefore = false;
    i = Math.max(end, i + 1);
  }
}

/** "Libyan National Army": a demonym that opens an organisation's name belongs to the name. */
function startsOrgRun(
  tokens: readonly Token[],
  start: number,
  from: number,
  lexicon: NameLexicon,
  hitAt: (i: number) => unknown,
): boolean {
  const next = tokens[from];
  if (
    !next ||
    next.type !== 'word' ||
    !next.isCapitalised ||
    isTitleAt(tokens, from, lexicon) ||
    hitAt(from) !== undefined
  )
    return false;
  const end = capitalisedRun(tokens, from, lexicon, (j) => hitAt(j) !== undefined);
  return (
    end > from &&
    classifyRun(tokens.slice(start, end), '', false, undefined, lexicon)?.kind === 'organisation'
  );
}
