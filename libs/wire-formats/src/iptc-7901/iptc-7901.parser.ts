import { decodeBytes } from '../common/charset';
import { readDateline } from '../common/dateline';
import { calendarDay, expandYear, isoFromParts, monthFromName, zoneOffset } from '../common/dates';
import { WireError } from '../common/errors';
import { derivedUri, isKnownAgency, normaliseProvider } from '../common/identity';
import type { StoryDraft } from '../common/story-draft';
import { cleanText, parseInteger, splitParagraphs, stripControlChars } from '../common/text';
import type { ParseContext, WireParser } from '../wire.types';

const FORMAT = 'iptc-7901';
const SOH = '\u0001';
const STX = '\u0002';
const ETX = '\u0003';

// SOH, source + message number, priority, category, word count, optional information.
const HEADER = /^([A-Za-z]*)(\d*)\s+(\d)\s+([A-Za-z]{1,3})\s+(\d{1,5})\b\s*(.*)$/;
// After ETX: DDHHMM, zone, month name, 2- or 4-digit year ("131137 GMT Nov 13").
const TRAILER =
  /^\s*(\d{2})(\d{2})(\d{2})\s+([A-Za-z]{1,5}|[+-]\d{4})\s+([A-Za-z]{3,9})\s+(\d{2}|\d{4})\b/;
// The part of a dpa/IPTC 7901 story meant for editors only, not for publication.
const NOT_FOR_PUBLICATION = /not (?:intended )?for publication/i;

/**
 * IPTC 7901 (ANPA-like text wire used by dpa and others): SOH header, keyword line, STX headline
 * and text, ETX with the transmission time. No item id: the uri is derived from provider,
 * story day and keyword.
 */
export class Iptc7901Parser implements WireParser {
  parse(context: ParseContext): StoryDraft[] {
    const { text } = decodeBytes(context.bytes, {
      format: FORMAT,
      contentType: context.hints.contentType,
    });
    const soh = text.indexOf(SOH);
    if (soh < 0)
      throw new WireError('WIRE.INVALID_SHAPE', 'no SOH: not IPTC 7901', { format: FORMAT });
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
      readStory(
        text.slice(soh + 1, stx),
        text.slice(stx + 1, etx),
        text.slice(etx + 1, etx + 200),
        context,
      ),
    ];
  }
}

function readStory(
  headerText: string,
  bodyText: string,
  trailerText: string,
  context: ParseContext,
): StoryDraft {
  const [headerLine, ...keywordLines] = headerText.split(/\r?\n/);
  const header = HEADER.exec(stripControlChars(headerLine).trim());
  const slug = cleanText(keywordLines.map((line) => line.replace(/\/\s*$/, '')).join(' '));

  const [headlineLine, ...rest] = bodyText.split(/\r?\n/);
  const headline = cleanText(headlineLine.replace(/\s*=\s*$/, '')) ?? cleanText(rest.shift());
  const cut = rest.findIndex((line) => NOT_FOR_PUBLICATION.test(line));
  const paragraphs = trimTrailingMarkers(
    splitParagraphs((cut < 0 ? rest : rest.slice(0, cut)).join('\n')),
  );
  // Hard-wrapped lines inside a paragraph are one paragraph of prose.
  const prose = paragraphs.map((paragraph) => paragraph.replace(/\n/g, ' '));
  const dateline = readDateline(prose[0]);

  const optionalTokens = (header?.[6] ?? '').split(/\s+/);
  const provider =
    normaliseProvider(optionalTokens.find((token) => isKnownAgency(token))) ??
    (dateline && isKnownAgency(dateline.agency) ? normaliseProvider(dateline.agency) : undefined) ??
    normaliseProvider(context.hints.provider) ??
    FORMAT;
  const versioncreated = readTrailerDate(trailerText);

  return {
    uri: derivedUri(
      provider,
      FORMAT,
      versioncreated === undefined ? undefined : calendarDay(versioncreated),
      [slug ?? headline],
      {
        field: 'keyword',
      },
    ),
    provider,
    versioncreated,
    urgency: parseInteger(header?.[3]),
    headline,
    slugline: slug,
    located: dateline?.place,
    bodyText: prose.join('\n\n'),
    subject: header ? [{ code: header[4].toLowerCase(), scheme: 'iptc7901-category' }] : [],
  };
}

/** Section markers left over before the editors' notes ("# dpa NOTEBOOK", "* * * *"). */
function trimTrailingMarkers(paragraphs: string[]): string[] {
  const result = [...paragraphs];
  while (result.length > 0 && /^(?:#+\s.*|[*\s]+)$/.test(result[result.length - 1])) result.pop();
  return result;
}

function readTrailerDate(trailer: string): string | undefined {
  const match = TRAILER.exec(stripControlChars(trailer));
  if (!match) return undefined;
  const month = monthFromName(match[5].slice(0, 3));
  const zone = match[4];
  const offset = /^[+-]\d{4}$/.test(zone)
    ? (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3)))
    : zoneOffset(zone);
  if (month === undefined || offset === undefined) {
    throw new WireError('WIRE.INVALID_SHAPE', `unreadable transmission time '${match[0].trim()}'`, {
      format: FORMAT,
      field: 'trailer',
    });
  }
  return isoFromParts(
    {
      year: expandYear(Number(match[6]), match[6].length),
      month,
      day: Number(match[1]),
      hour: Number(match[2]),
      minute: Number(match[3]),
      offsetMinutes: offset,
    },
    { format: FORMAT, field: 'trailer' },
  );
}
