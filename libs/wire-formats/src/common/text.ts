// C0/C1 controls other than tab, LF and CR never belong in copy (ANPA and IPTC 7901 framing
// bytes, stray NULs); lone UTF-16 surrogates would break JSON consumers downstream.
const CONTROL_CHARS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function stripControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}

/** One line of metadata: controls removed, whitespace collapsed, trimmed; empty becomes undefined. */
export function cleanText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = stripControlChars(value).replace(/\s+/g, ' ').trim();
  return cleaned === '' ? undefined : cleaned;
}

/** First argument that is a non-empty string after cleaning. */
export function firstText(...values: (string | undefined)[]): string | undefined {
  for (const value of values) {
    const cleaned = cleanText(value);
    if (cleaned !== undefined) return cleaned;
  }
  return undefined;
}

export function parseInteger(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  const trimmed = value.trim();
  if (!/^[+-]?\d{1,15}$/.test(trimmed)) return undefined;
  return Number.parseInt(trimmed, 10);
}

/** Paragraphs of plain text: blank lines separate them, single line breaks inside are kept. */
export function splitParagraphs(text: string): string[] {
  return stripControlChars(text)
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((paragraph) => paragraph !== '');
}
