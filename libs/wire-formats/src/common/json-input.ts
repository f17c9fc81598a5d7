import type { ParseContext } from '../wire.types';
import { decodeBytes } from './charset';
import { parseJson } from './json';

/** JSON is UTF-8 (RFC 8259 §8.1) unless the transport says otherwise; invalid bytes are refused. */
export function readJsonDocument(context: ParseContext): unknown {
  const { text } = decodeBytes(context.bytes, {
    format: context.format,
    declared: 'utf-8',
    contentType: context.hints.contentType,
  });
  return parseJson(text, context.format);
}
