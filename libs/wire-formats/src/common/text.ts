/**
 * C0/C1 controls other than tab, LF and CR never belong in copy (ANPA and IPTC 7901 framing
 * bytes, stray NULs); lone UTF-16 surrogates would break JSON consumers downstream.
 */
export function isStrippedControl(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    (code >= 0x7f && code <= 0x9f)
  );
}

export function stripControlChars(text: string, replacement = ''): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    let drop = isStrippedControl(code);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
      drop = true;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      drop = true;
    }
    if (drop) {
      out += text.slice(start, i) + replacement;
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
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
