import { createHash } from 'node:crypto';
import { WireError } from './errors';

/**
 * Agency names as formats spell them (domains, qcodes, legal names) mapped to one short name,
 * so `provider` and the uri prefix agree whichever format an agency's copy arrived in.
 */
const KNOWN_PROVIDERS: Readonly<Record<string, string>> = {
  ap: 'AP',
  'ap.org': 'AP',
  'apnews.com': 'AP',
  'associated press': 'AP',
  'the associated press': 'AP',
  reuters: 'Reuters',
  'reuters.com': 'Reuters',
  'thomson reuters': 'Reuters',
  'thomsonreuters.com': 'Reuters',
  afp: 'AFP',
  'afp.com': 'AFP',
  'agence france-presse': 'AFP',
  'agence france presse': 'AFP',
  aap: 'AAP',
  'aap.com.au': 'AAP',
  'australian associated press': 'AAP',
  dpa: 'dpa',
  'dpa.com': 'dpa',
  'dpa.de': 'dpa',
  'deutsche presse-agentur': 'dpa',
  efe: 'EFE',
  'efe.com': 'EFE',
  'agencia efe': 'EFE',
  ansa: 'ANSA',
  'ansa.it': 'ANSA',
  stt: 'STT',
  'stt.fi': 'STT',
  'stt-lehtikuva': 'STT',
  upi: 'UPI',
  'upi.com': 'UPI',
  'press association': 'PA',
  pa: 'PA',
};

/** A provider as a format names it (`REUTERS`, `http://www.afp.com/`, `ansa.it`) to its short name. */
export function normaliseProvider(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let name = raw.replace(/\s+/g, ' ').trim();
  if (name === '') return undefined;
  const url = /^https?:\/\/(?:www\.)?([^/:?#]+)/i.exec(name);
  if (url) name = url[1];
  return KNOWN_PROVIDERS[name.toLowerCase()] ?? name;
}

/** True when a name is one of the agencies above (used to spot `(dpa)` in datelines). */
export function isKnownAgency(name: string): boolean {
  return KNOWN_PROVIDERS[name.toLowerCase()] !== undefined;
}

export function providerSlug(provider: string): string {
  return slug(provider) || 'unknown';
}

/** `urn:`, `tag:`, `http(s):` ... ids are globally unique already and are kept verbatim. */
export function hasUriScheme(id: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]/.test(id);
}

/**
 * The stable uri of an agency item that carries its own id. Ids without a scheme are only unique
 * within one agency, so they get the provider as a prefix: `urn:<provider>:<id>`.
 */
export function itemUri(id: string, provider: string): string {
  const trimmed = id.trim();
  if (hasUriScheme(trimmed)) return percentEncodeUnsafe(trimmed);
  return `urn:${providerSlug(provider)}:${percentEncodeUnsafe(trimmed)}`;
}

/**
 * The uri of an item whose format has no id (ANPA-1312, IPTC 7901, some feeds): built only from
 * the format's own keys (story day, keyword/slug, ...), so a re-sent or updated take maps to the
 * same uri. At least one key besides the day is required, or two stories of a day would collide.
 */
export function derivedUri(
  provider: string,
  format: string,
  day: string | undefined,
  keys: readonly (string | undefined)[],
  context: { field: string },
): string {
  const parts = keys
    .map((key) => key?.trim())
    .filter((key): key is string => key !== undefined && key !== '')
    .map((key) => slug(key).slice(0, 80) || shortHash(key));
  if (parts.length === 0) {
    throw new WireError(
      'WIRE.MISSING_FIELD',
      'no id, and no keyword or headline to derive a stable uri from',
      {
        format,
        field: context.field,
      },
    );
  }
  const dayPart = day === undefined ? [] : [day];
  return `urn:${providerSlug(provider)}:${format}:${[...dayPart, ...parts].join(':')}`;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** Percent-encodes what may not appear in a URI; lone surrogates become U+FFFD instead of throwing. */
function percentEncodeUnsafe(text: string): string {
  return text.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (char) =>
    Array.from(
      Buffer.from(char, 'utf8'),
      (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    ).join(''),
  );
}
