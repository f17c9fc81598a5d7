import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeEntities } from './entities';
import { WireError } from './errors';

export interface XmlElement {
  readonly kind: 'element';
  /** Local name: namespace prefixes (`ns0:`, `x:`, `rtr:`) are stripped, feeds use any of them. */
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

export interface XmlText {
  readonly kind: 'text';
  /** Entity-decoded text, or the verbatim content of a CDATA section. */
  readonly text: string;
}

export type XmlNode = XmlElement | XmlText;

const MAX_DEPTH = 200;

const PARSER_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities are decoded afterwards from a fixed table; nothing a document declares is expanded.
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
} as const;

/**
 * Well-formedness check, entity guard and parse to a small element tree. Throws
 * `WIRE.XML_ENTITY_REFUSED`, `WIRE.TRUNCATED` or `WIRE.MALFORMED_XML` with the line.
 */
export function parseXml(text: string, format: string): XmlElement {
  refuseEntityDeclarations(text, format);
  const validation = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (validation !== true) {
    const { msg, line } = validation.err;
    // fast-xml-parser reports elements still open at the end as "Invalid '[ "a", "b" ]' found".
    const unclosed = /^Invalid '\[(.*)\]' found\.?$/s.exec(msg);
    if (unclosed) {
      const names = Array.from(unclosed[1].matchAll(/"([^"]+)"/g), (match) => match[1]).join(', ');
      throw new WireError('WIRE.TRUNCATED', `document ends with elements still open: ${names}`, {
        format,
        line,
      });
    }
    throw new WireError('WIRE.MALFORMED_XML', msg, { format, line });
  }
  let raw: unknown;
  try {
    raw = new XMLParser(PARSER_OPTIONS).parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new WireError('WIRE.MALFORMED_XML', reason, { format, cause: error });
  }
  const roots = toNodes(raw, 0).filter((node): node is XmlElement => node.kind === 'element');
  if (roots.length !== 1) {
    throw new WireError(
      'WIRE.MALFORMED_XML',
      roots.length === 0 ? 'no root element' : `expected one root element, found ${roots.length}`,
      { format },
    );
  }
  return roots[0];
}

/**
 * Refuses any DOCTYPE whose internal subset declares entities (internal, external or parameter):
 * that is how XXE and billion-laughs payloads work, and no agency feed needs it. A DOCTYPE that
 * only names a public/system DTD (common in NITF) is fine; it is never fetched.
 */
export function refuseEntityDeclarations(text: string, format: string): void {
  const doctype = /<!DOCTYPE/i.exec(text);
  if (!doctype) return;
  const entity = /<!ENTITY/i.exec(text.slice(doctype.index));
  if (entity) {
    throw new WireError(
      'WIRE.XML_ENTITY_REFUSED',
      'DOCTYPE declares entities; refused (XXE / entity expansion)',
      {
        format,
        line: lineOf(text, doctype.index + entity.index),
      },
    );
  }
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toNodes(raw: unknown, depth: number): XmlNode[] {
  if (!Array.isArray(raw) || depth > MAX_DEPTH + 1) return [];
  const nodes: XmlNode[] = [];
  for (const entry of raw) {
    if (!isRecord(entry)) continue;
    for (const [key, value] of Object.entries(entry)) {
      if (key === ':@') continue;
      if (key === '#text') {
        nodes.push({ kind: 'text', text: decodeEntities(String(value)) });
      } else if (key === '#cdata') {
        nodes.push({ kind: 'text', text: cdataText(value) });
      } else {
        nodes.push({
          kind: 'element',
          name: key,
          attrs: readAttrs(entry[':@']),
          children: toNodes(value, depth + 1),
        });
      }
    }
  }
  return nodes;
}

function cdataText(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value
    .map((part) => (isRecord(part) && typeof part['#text'] === 'string' ? part['#text'] : ''))
    .join('');
}

function readAttrs(raw: unknown): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!isRecord(raw)) return attrs;
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string') attrs[name] = decodeEntities(value);
  }
  return attrs;
}

// ---- navigation -------------------------------------------------------------------------------

export function elements(parent: XmlElement | undefined): XmlElement[] {
  if (!parent) return [];
  return parent.children.filter((node): node is XmlElement => node.kind === 'element');
}

export function children(parent: XmlElement | undefined, name: string): XmlElement[] {
  return elements(parent).filter((element) => element.name === name);
}

export function child(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  return elements(parent).find((element) => element.name === name);
}

/** Follows a path of child names, taking the first match at each step. */
export function path(parent: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = parent;
  for (const name of names) current = child(current, name);
  return current;
}

/** All elements with this name below `root`, in document order (iterative: no deep recursion). */
export function descendants(root: XmlElement | undefined, name: string): XmlElement[] {
  if (!root) return [];
  const found: XmlElement[] = [];
  const stack: XmlElement[] = [...elements(root)].reverse();
  while (stack.length > 0) {
    const element = stack.pop() as XmlElement;
    if (element.name === name) found.push(element);
    const kids = elements(element);
    for (let i = kids.length - 1; i >= 0; i -= 1) stack.push(kids[i]);
  }
  return found;
}

export function firstDescendant(
  root: XmlElement | undefined,
  name: string,
): XmlElement | undefined {
  return descendants(root, name)[0];
}

export function attr(element: XmlElement | undefined, name: string): string | undefined {
  if (!element) return undefined;
  const value = element.attrs[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Concatenated text of the element and everything below it, skipping elements named in `skip`. */
export function textContent(
  element: XmlElement | undefined,
  skip: readonly string[] = [],
): string | undefined {
  if (!element) return undefined;
  const parts: string[] = [];
  const stack: XmlNode[] = [...element.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as XmlNode;
    if (node.kind === 'text') {
      parts.push(node.text);
    } else if (!skip.includes(node.name)) {
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]);
      if (BLOCKISH.has(node.name)) parts.push(' ');
    }
  }
  return parts.join('');
}

// Block elements inside metadata (an abstract's <p>s) must not glue words together.
const BLOCKISH = new Set(['p', 'br', 'li', 'div', 'hl1', 'hl2', 'h1', 'h2', 'h3', 'block']);
