export { parseWire } from './parse-wire';
export { detectFormat } from './detect-format';
export { WireError, WIRE_ERROR_CODES, isWireError } from './common/errors';
export type { WireErrorCode } from './common/errors';
export { DEFAULT_MAX_BYTES } from './wire.types';
export type { ParsedWire, ParseOptions, WireHints } from './wire.types';
export type { WireFormat } from '@lib/contracts';
