import type { Pubstatus } from '@lib/contracts';
import { decodeBytes } from '../common/charset';
import { readDateline } from '../common/dateline';
import { expandYear, isoFromParts } from '../common/dates';
import { WireError } from '../common/errors';
import { derivedUri, isKnownAgency, normaliseProvider } from '../common/identity';
import type { StoryDraft } from '../common/story-draft';
import { cleanText, stripControlChars } from '../common/text';
import type { ParseContext, WireParser } from '../wire.types';

const FORMAT = 'anpa-1312';
const SOH = '\u0001';
const STX = '\u0002';
const ETX = '\u0003';

/** AP priority codes, most urgent first (AP Stylebook, "Filing the wire"). */
const PRIORITY_URGENCY: Readonly<Record<string, number>> = { f: 1, b: 2, u: 3, r: 5, d: 6, a: 7 };

// Second header line, control characters blanked: priority, category, (format identifiers
// DC1-DC4), the keyword and version field (fixed width, may be cut off), month-day, word count.
const KEYWORD_HEADER = /^([a-z])\s+([a-z])\s+(.*?)\s+(\d{1,2})-(\d{1,2})\s+(\d{1,5})\s*$/i;
// Trailer after ETX: "AP-WF-11-13-13 1509GMT" = originator, desk, MM-DD-YY HHMM GMT.
const TRAILER = /([A-Za-z]{1,8})-([A-Za-z]{1,8})-(\d{2})-(\d{2})-(\d{2})\s+(\d{2})(\d{2})\s*GMT/;
const CYCLE = /^(?:BC|AM|PM|AP)-/i;
const KILL = /\b(?:kill(?:ed)?|elim(?:ination|inated)?|withdraw(?:n|al)?)\b/i;

/**
 * ANPA-1312 (AP's legacy wire): SYN SYN SOH header, STX text, ETX trailer, EOT. No item id
 * exists, so the uri is derived from provider, story date and keyword slug, which AP repeats
 * unchanged on every lead and writethru of a story.
 */
export class Anpa1312Parser implements WireParser {
  parse(context: ParseContext): StoryDraft[] {
    const { text } = decodeBytes(context.bytes, {
      format: FORMAT,
      contentType: context.hints.contentType,
    });
    const soh = text.indexOf(SOH);
    if (soh < 0)
      throw new WireError('WIRE.INVALID_SHAPE', 'no SOH: not ANPA-1312', { format: FORMAT });
    const stx = text.indexOf(STX, soh);
    if (stx < 0)
      throw new WireError('WIRE.TRUNCATED', 'no STX: the story text never starts', {
        format: FORMAT,
      });
    const etx = text.indexOf(ETX, stx);
    if (etx < 0)
      throw new WireError('WIRE.TRUNCATED', 'no ETX: the story text never ends', {
        format: FORMAT,
      });
    return [
      readStory(text.slice(soh + 1, stx), text.slice(stx + 1, etx), text.slice(etx + 1), context),
    ];
  }
}

interface KeywordLine {
  slug?: string;
  version?: string;
}

function readStory(
  header: string,
  body: string,
  trailerText: string,
  context: ParseContext,
): StoryDraft {
  const headerLines = header.split(/\r?\n/);
  const keywordHeader = headerLines
    .map((line) => KEYWORD_HEADER.exec(stripControlChars(line, ' ').trim()))
    .find((match) => match !== null);
  const lines = body.split(/\r?\n/);
  const caretLines = lines
    .filter((line) => line.startsWith('^'))
    .map((line) => cleanCaretLine(line));
  const paragraphs = lines
    .filter((line) => !line.startsWith('^'))
    .map((line) => cleanText(line))
    .filter((line): line is string => line !== undefined);

  const keyword = CYCLE.test(caretLines[0] ?? '')
    ? readKeywordLine(caretLines.shift() ?? '')
    : readHeaderKeyword(keywordHeader?.[3]);
  const headline = caretLines.find((line) => !isAnnotation(line));
  const bylineIndex = caretLines.findIndex((line) => /^By\s/i.test(line));
  const headlineIndex = headline === undefined ? -1 : caretLines.indexOf(headline);
  const summary = caretLines
    .slice(headlineIndex + 1, bylineIndex < 0 ? undefined : bylineIndex)
    .filter((line) => !isAnnotation(line));

  const trailer = TRAILER.exec(trailerText);
  const dateline = readDateline(paragraphs[0]);
  const provider =
    normaliseProvider(trailer?.[1]) ??
    (dateline && isKnownAgency(dateline.agency) ? normaliseProvider(dateline.agency) : undefined) ??
    normaliseProvider(context.hints.provider) ??
    'AP';
  const versioncreated = trailer
    ? isoFromParts(
        {
          year: expandYear(Number(trailer[5]), 2),
          month: Number(trailer[3]),
          day: Number(trailer[4]),
          hour: Number(trailer[6]),
          minute: Number(trailer[7]),
          offsetMinutes: 0,
        },
        { format: FORMAT, field: 'trailer' },
      )
    : undefined;
  const storyDay = keywordHeader
    ? storyDate(Number(keywordHeader[4]), Number(keywordHeader[5]), versioncreated)
    : versioncreated?.slice(0, 10);
  const slug = keyword.slug ?? readHeaderKeyword(keywordHeader?.[3]).slug;
  const category = keywordHeader?.[2].toLowerCase();

  return {
    uri: derivedUri(provider, FORMAT, storyDay, [slug?.replace(CYCLE, '') ?? headline], {
      field: 'keyword',
    }),
    provider,
    versioncreated,
    pubstatus: readStatus(keyword.version, headline),
    urgency: keywordHeader ? PRIORITY_URGENCY[keywordHeader[1].toLowerCase()] : undefined,
    headline,
    byline: bylineIndex < 0 ? undefined : caretLines[bylineIndex],
    slugline: slug,
    located: dateline?.place,
    description: summary.length > 0 ? summary.join(' ') : undefined,
    bodyText: paragraphs.join('\n\n'),
    subject: category === undefined ? [] : [{ code: category, scheme: 'anpa-category' }],
  };
}

/** `^Headline text<`: caret opens a header line, `<` (quad left) or `=` (centred) ends it. */
function cleanCaretLine(line: string): string {
  return stripControlChars(line)
    .replace(/^\^+/, '')
    .replace(/[\s<=]+$/, '')
    .trim();
}

function isAnnotation(line: string): boolean {
  return /^(?:AP Photos?\b|Eds?:|Editors?:|By\s)/i.test(line) || line === '';
}

/** `BC-BKN--Heat-Hawks, 1st Ld-Writethru,416`: slug, version, word count. */
function readKeywordLine(line: string): KeywordLine {
  const parts = line.split(',').map((part) => part.trim());
  if (parts.length > 1 && /^\d+$/.test(parts[parts.length - 1])) parts.pop();
  return { slug: cleanText(parts[0]), version: cleanText(parts.slice(1).join(', ')) };
}

/** The header's keyword field is fixed-width and may be truncated; used only without a keyword line. */
function readHeaderKeyword(field: string | undefined): KeywordLine {
  if (field === undefined) return {};
  const [slug, ...version] = field.trim().split(/\s+/);
  return { slug: cleanText(slug), version: cleanText(version.join(' ')) };
}

function readStatus(version: string | undefined, headline: string | undefined): Pubstatus {
  return KILL.test(version ?? '') || /^(?:kill|elim)/i.test(headline ?? '') ? 'canceled' : 'usable';
}

/** The header's month-day with the trailer's year (the year before when the story date is December and the trailer January). */
function storyDate(
  month: number,
  day: number,
  versioncreated: string | undefined,
): string | undefined {
  if (versioncreated === undefined) return `${pad(month)}-${pad(day)}`;
  const sentYear = Number(versioncreated.slice(0, 4));
  const sentMonth = Number(versioncreated.slice(5, 7));
  const year = month - sentMonth > 6 ? sentYear - 1 : sentYear;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
