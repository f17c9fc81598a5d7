export interface XmlRoot {
  /** Local name of the root element. */
  localName: string;
  /** Namespace URI bound to the root's prefix (or the default namespace), when declared on it. */
  namespace?: string;
  /** Every namespace URI declared on the root start tag. */
  declaredNamespaces: string[];
}

export type RootScan = { kind: 'root'; root: XmlRoot } | { kind: 'truncated' } | { kind: 'none' };

/**
 * Reads the root start tag past the prolog (declaration, PIs, comments, DOCTYPE) without parsing
 * the document; enough to tell NewsML-G2 from NITF from RSS.
 */
export function scanXmlRoot(text: string): RootScan {
  let i = 0;
  const n = Math.min(text.length, 64 * 1024);
  for (;;) {
    while (i < n && /\s/.test(text[i])) i += 1;
    if (i >= n) return { kind: 'truncated' };
    if (text[i] !== '<') return { kind: 'none' };
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return { kind: 'truncated' };
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return { kind: 'truncated' };
      i = end + 3;
    } else if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) {
      const end = doctypeEnd(text, i);
      if (end < 0) return { kind: 'truncated' };
      i = end;
    } else {
      return readStartTag(text, i);
    }
  }
}

function doctypeEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    const c = text[i];
    if (c === '[') depth += 1;
    else if (c === ']') depth -= 1;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return -1;
}

function readStartTag(text: string, start: number): RootScan {
  const end = text.indexOf('>', start);
  if (end < 0) return { kind: 'truncated' };
  const tag = /^<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?/.exec(
    text.slice(start, Math.min(end + 1, start + 200)),
  );
  if (!tag) return { kind: 'none' };
  const prefix = tag[2] === undefined ? undefined : tag[1];
  const localName = tag[2] ?? tag[1];
  const startTag = text.slice(start, end);
  const declarations = [...startTag.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*(["'])(.*?)\2/g)];
  const namespace = declarations.find((match) => match[1] === prefix)?.[3];
  return {
    kind: 'root',
    root: { localName, namespace, declaredNamespaces: declarations.map((match) => match[3]) },
  };
}
