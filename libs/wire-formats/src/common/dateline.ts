export interface Dateline {
  /** The place as printed: `BUENOS AIRES, Argentina`, `Berlin`. */
  place: string;
  /** The agency in parentheses: `AP`, `dpa`. */
  agency: string;
}

// "BUENOS AIRES, Argentina (AP) _ ...", "Berlin (dpa) - ...": place, agency, then a dash (AP's
// ANPA copy uses an underscore for the em dash).
const DATELINE =
  /^([\p{Lu}][\p{L}.' -]{0,50}?(?:,\s*[\p{L}.' -]{1,40}?)?)\s*\(([\p{L}]{2,12})\)\s*[_\u2014\u2013-]/u;

/** The dateline that opens the first paragraph of old wire copy, when there is one. */
export function readDateline(firstParagraph: string | undefined): Dateline | undefined {
  if (firstParagraph === undefined) return undefined;
  const match = DATELINE.exec(firstParagraph.trim().slice(0, 120));
  return match ? { place: match[1].trim(), agency: match[2] } : undefined;
}
