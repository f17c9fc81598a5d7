/** Stable codes callers can map to HTTP statuses and rejection reasons. */
export const WIRE_ERROR_CODES = [
  'WIRE.EMPTY',
  'WIRE.TOO_LARGE',
  'WIRE.UNSUPPORTED_FORMAT',
  'WIRE.MALFORMED_XML',
  'WIRE.MALFORMED_JSON',
  'WIRE.INVALID_SHAPE',
  'WIRE.MISSING_FIELD',
  'WIRE.CHARSET',
  'WIRE.XML_ENTITY_REFUSED',
  'WIRE.TRUNCATED',
] as const;
export type WireErrorCode = (typeof WIRE_ERROR_CODES)[number];

export interface WireErrorDetails {
  format?: string;
  line?: number;
  field?: string;
  cause?: unknown;
}

/**
 * The only error `parseWire` throws: bad input, explained precisely enough for an operator
 * to fix and replay the payload (format, and a line or a field where one is known).
 */
export class WireError extends Error {
  readonly code: WireErrorCode;
  readonly format?: string;
  readonly line?: number;
  readonly field?: string;
  /** The explanation without the format/line/field prefix. */
  readonly reason: string;

  constructor(code: WireErrorCode, reason: string, details: WireErrorDetails = {}) {
    super(
      composeMessage(reason, details),
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = 'WireError';
    this.code = code;
    this.reason = reason;
    this.format = details.format;
    this.line = details.line;
    this.field = details.field;
  }
}

function composeMessage(reason: string, details: WireErrorDetails): string {
  const where = [
    details.format,
    details.line === undefined ? undefined : `line ${details.line}`,
    details.field === undefined ? undefined : `field ${details.field}`,
  ].filter((part): part is string => part !== undefined);
  return where.length > 0 ? `${where.join(', ')}: ${reason}` : reason;
}

export function isWireError(value: unknown): value is WireError {
  return value instanceof WireError;
}
