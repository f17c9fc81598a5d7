import { WireError } from './errors';

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
  /** Minutes east of UTC; undefined means the source gave no zone and UTC is assumed. */
  offsetMinutes?: number;
}

export interface DateContext {
  format?: string;
  field: string;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** RFC 822 §5.1 zones plus the ones wires actually send. */
const ZONES: Readonly<Record<string, number>> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  cet: 60,
  cest: 120,
  mez: 60,
  mesz: 120,
  bst: 60,
  ist: 330,
  jst: 540,
  aest: 600,
  aedt: 660,
};

const ISO_EXTENDED =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;
// NewsML 1.2 and NITF `norm` values: 20140829T135002Z, 20131020T192751+1100 (ISO 8601 basic).
const ISO_BASIC =
  /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;
// RSS pubDate is RFC 822 (with 4-digit years per RFC 1123); day names and seconds optional.
const RFC_822 =
  /^(?:[A-Za-z]{2,9},?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,5}|[+-]\d{4}|[+-]\d{2}:\d{2})?$/;

/**
 * Any date form the supported wires send, as ISO-8601 with its original offset (`Z` for UTC).
 * A value that is present but unreadable is an error, never silently dropped: an embargo time
 * that cannot be read must stop the story, not publish it early.
 */
export function toIsoDate(value: string | undefined, context: DateContext): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const parts = readDate(trimmed);
  if (parts === undefined) {
    throw new WireError('WIRE.INVALID_SHAPE', `unreadable date '${trimmed.slice(0, 60)}'`, context);
  }
  return isoFromParts(parts, context);
}

function readDate(value: string): DateParts | undefined {
  const iso = ISO_EXTENDED.exec(value) ?? ISO_BASIC.exec(value);
  if (iso) {
    return {
      year: Number(iso[1]),
      month: Number(iso[2]),
      day: Number(iso[3]),
      hour: optionalNumber(iso[4]),
      minute: optionalNumber(iso[5]),
      second: optionalNumber(iso[6]),
      millisecond: iso[7] === undefined ? undefined : Number(iso[7].padEnd(3, '0').slice(0, 3)),
      offsetMinutes: readOffset(iso[8]),
    };
  }
  const rfc = RFC_822.exec(value);
  if (rfc) {
    const month = MONTHS[rfc[2].toLowerCase()];
    if (month === undefined) return undefined;
    const offset = readOffset(rfc[7]);
    if (rfc[7] !== undefined && offset === undefined) return undefined;
    return {
      year: expandYear(Number(rfc[3]), rfc[3].length),
      month,
      day: Number(rfc[1]),
      hour: Number(rfc[4]),
      minute: Number(rfc[5]),
      second: optionalNumber(rfc[6]),
      offsetMinutes: offset,
    };
  }
  return undefined;
}

/** Two-digit years (RFC 822, ANPA, IPTC 7901): 70–99 are 19xx, the rest 20xx. */
export function expandYear(year: number, digits: number): number {
  if (digits > 2) return year;
  return year >= 70 ? 1900 + year : 2000 + year;
}

export function monthFromName(name: string): number | undefined {
  return MONTHS[name.toLowerCase()];
}

function optionalNumber(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

function readOffset(zone: string | undefined): number | undefined {
  if (zone === undefined) return undefined;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? '0');
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return zoneOffset(zone);
}

export function zoneOffset(zone: string): number | undefined {
  return ZONES[zone.toLowerCase()];
}

/** Validated parts to `YYYY-MM-DDTHH:MM:SS[.mmm](Z|±HH:MM)`. */
export function isoFromParts(parts: DateParts, context: DateContext): string {
  const { year, month, day } = parts;
  const hour = parts.hour ?? 0;
  const minute = parts.minute ?? 0;
  const second = Math.min(parts.second ?? 0, 59); // a leap second (:60) is kept in the same minute
  const offset = parts.offsetMinutes ?? 0;
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid =
    year >= 1900 &&
    year <= 2999 &&
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day &&
    hour <= 23 &&
    minute <= 59 &&
    Math.abs(offset) <= 18 * 60;
  if (!valid) {
    throw new WireError(
      'WIRE.INVALID_SHAPE',
      `impossible date ${year}-${month}-${day} ${hour}:${minute}:${second}`,
      context,
    );
  }
  const ms = parts.millisecond ? `.${pad(parts.millisecond, 3)}` : '';
  const zone =
    offset === 0
      ? 'Z'
      : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60), 2)}:${pad(Math.abs(offset) % 60, 2)}`;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${ms}${zone}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Whole seconds since the epoch; the fallback `version` for formats without one. */
export function epochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

export function isoFromDate(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/** `YYYY-MM-DD` of an ISO date as written (the source's local calendar day). */
export function calendarDay(iso: string): string {
  return iso.slice(0, 10);
}

/** True for values like `2014-07-17 00:24:11 GMT+00:00` that some feeds put in a dateline. */
export function looksLikeDate(text: string): boolean {
  return /^\s*\d{4}-?\d{2}-?\d{2}/.test(text);
}
