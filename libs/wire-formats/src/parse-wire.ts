import { detectFormat } from './detect-format';
import { WireError } from './common/errors';
import { buildStory } from './common/story-builder';
import { PARSERS } from './parser-registry';
import type { ParsedWire, ParseOptions, WireHints } from './wire.types';
import { DEFAULT_MAX_BYTES } from './wire.types';

/**
 * Bytes of one wire payload to canonical stories, each validated by `canonicalStorySchema`.
 * Pure: no I/O. Throws only `WireError` for bad input (empty, too large, unrecognised,
 * malformed, truncated, refused entities, missing or invalid fields).
 */
export function parseWire(
  bytes: Buffer,
  hints: WireHints = {},
  options: ParseOptions = {},
): ParsedWire {
  if (!Buffer.isBuffer(bytes)) throw new WireError('WIRE.INVALID_SHAPE', 'input must be a Buffer');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0)
    throw new WireError('WIRE.EMPTY', 'payload is empty', { format: hints.format });
  if (bytes.length > maxBytes) {
    throw new WireError(
      'WIRE.TOO_LARGE',
      `payload is ${bytes.length} bytes, the limit is ${maxBytes}`,
      {
        format: hints.format,
      },
    );
  }
  if (isBlank(bytes))
    throw new WireError('WIRE.EMPTY', 'payload holds only whitespace', { format: hints.format });
  const receivedAt = options.receivedAt ?? new Date();
  if (Number.isNaN(receivedAt.getTime()))
    throw new WireError('WIRE.INVALID_SHAPE', 'options.receivedAt is not a valid date');

  const format = detectFormat(bytes, hints);
  try {
    const drafts = PARSERS[format].parse({ format, bytes, hints });
    return { format, stories: drafts.map((draft) => buildStory(draft, { format, receivedAt })) };
  } catch (error) {
    // Shared helpers (sanitiser, charset) do not know the format; every error names it.
    if (error instanceof WireError && error.format === undefined) {
      throw new WireError(error.code, error.reason, {
        format,
        line: error.line,
        field: error.field,
        cause: error,
      });
    }
    throw error;
  }
}

/** Whitespace, NULs and byte-order marks only. */
function isBlank(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i];
    const isBom = (b === 0xef || b === 0xbb || b === 0xbf || b === 0xff || b === 0xfe) && i < 3;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x00 && !isBom) return false;
  }
  return true;
}
