import type { ParseContext } from '../wire.types';
import { decodeBytes, xmlDeclaredEncoding } from './charset';
import type { XmlElement } from './xml';
import { parseXml } from './xml';

/** Bytes of an XML wire to its root element: charset per transport/declaration, then a safe parse. */
export function readXmlDocument(context: ParseContext): XmlElement {
  const { text } = decodeBytes(context.bytes, {
    format: context.format,
    declared: xmlDeclaredEncoding(context.bytes),
    contentType: context.hints.contentType,
  });
  return parseXml(text, context.format);
}
