import { WireError } from './errors';

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.parse with the failure located: `WIRE.TRUNCATED` when the text simply stops, else the line. */
export function parseJson(text: string, format: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const location = locateJsonError(text);
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'invalid JSON';
    if (location.atEnd) {
      throw new WireError('WIRE.TRUNCATED', 'JSON ends before the document is complete', {
        format,
        line: location.line,
        cause: error,
      });
    }
    throw new WireError('WIRE.MALFORMED_JSON', `${reason} (column ${location.column})`, {
      format,
      line: location.line,
      cause: error,
    });
  }
}

interface JsonErrorLocation {
  line: number;
  column: number;
  /** The text ended while a value, string or container was still open. */
  atEnd: boolean;
}

/**
 * Node's JSON.parse messages carry no position, so a small scanner finds where the text stops
 * being JSON. Only runs after JSON.parse failed; iterative, linear in the input.
 */
export function locateJsonError(text: string): JsonErrorLocation {
  const scanner = new JsonScanner(text);
  const offset = scanner.firstErrorOffset();
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, atEnd: offset >= text.length };
}

type Container = 'object' | 'array';

class JsonScanner {
  private pos = 0;
  private readonly stack: Container[] = [];
  /** A container was just opened: its first member or its closing bracket comes next. */
  private expectFirst = false;

  constructor(private readonly text: string) {}

  /** Offset of the first offending character; `text.length` when the input ends too early. */
  firstErrorOffset(): number {
    this.skipWs();
    if (!this.startValue()) return this.pos;
    for (;;) {
      this.skipWs();
      const top = this.stack[this.stack.length - 1];
      if (top === undefined) return this.pos; // trailing garbage after a complete value
      const c = this.text[this.pos];
      if (c === undefined) return this.pos;
      const close = top === 'object' ? '}' : ']';
      if (c === close) {
        this.pos += 1;
        this.stack.pop();
        this.expectFirst = false;
        continue;
      }
      if (this.expectFirst) {
        this.expectFirst = false;
      } else if (c === ',') {
        this.pos += 1;
        this.skipWs();
      } else {
        return this.pos;
      }
      if (top === 'object' && !this.keyAndColon()) return this.pos;
      if (!this.startValue()) return this.pos;
    }
  }

  private skipWs(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos])) this.pos += 1;
  }

  private keyAndColon(): boolean {
    if (this.text[this.pos] !== '"' || !this.string()) return false;
    this.skipWs();
    if (this.text[this.pos] !== ':') return false;
    this.pos += 1;
    this.skipWs();
    return true;
  }

  /** Reads a scalar or opens a container; false at the offending character. */
  private startValue(): boolean {
    const c = this.text[this.pos];
    if (c === '{' || c === '[') {
      this.pos += 1;
      this.stack.push(c === '{' ? 'object' : 'array');
      this.expectFirst = true;
      return true;
    }
    if (c === '"') return this.string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      this.text.slice(this.pos, this.pos + 400),
    );
    if (!literal) return false;
    this.pos += literal[0].length;
    return true;
  }

  private string(): boolean {
    this.pos += 1;
    while (this.pos < this.text.length) {
      const code = this.text.charCodeAt(this.pos);
      if (code === 0x22) {
        this.pos += 1;
        return true;
      }
      if (code === 0x5c) {
        const escape = this.text[this.pos + 1];
        if (escape === undefined) {
          this.pos += 1;
          return false;
        }
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
            this.pos = Math.min(this.pos + 2, this.text.length);
            return false;
          }
          this.pos += 6;
        } else if ('"\\/bfnrt'.includes(escape)) {
          this.pos += 2;
        } else {
          this.pos += 1;
          return false;
        }
      } else if (code < 0x20) {
        return false;
      } else {
        this.pos += 1;
      }
    }
    return false;
  }
}

// ---- typed reads from untrusted JSON ----------------------------------------------------------

/** A string-ish member; numbers and booleans are stringified, objects are a shape error. */
export function readString(
  record: JsonRecord,
  key: string,
  context: { format: string; path: string },
): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new WireError(
    'WIRE.INVALID_SHAPE',
    `expected a string, got ${Array.isArray(value) ? 'an array' : 'an object'}`,
    {
      format: context.format,
      field: `${context.path}${key}`,
    },
  );
}

export function readRecord(record: JsonRecord, key: string): JsonRecord | undefined {
  const value = record[key];
  return isRecord(value) ? value : undefined;
}

/** Members of an array that are objects; anything else in the array is ignored. */
export function readRecords(record: JsonRecord, key: string): JsonRecord[] {
  const value = record[key];
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord);
}

export function readStrings(record: JsonRecord, key: string): string[] {
  const value = record[key];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}

export function readNumber(record: JsonRecord, key: string): number | undefined {
  const value = record[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}
