import type { CanonicalStory, WireFormat } from '@lib/contracts';
import type { StoryDraft } from './common/story-draft';

/** What the caller knows about the payload besides its bytes. */
export interface WireHints {
  /** Skips detection. */
  format?: WireFormat;
  /** HTTP `Content-Type`; its `charset` parameter wins over the payload's own declaration. */
  contentType?: string;
  filename?: string;
  /** Used when the format names no provider. */
  provider?: string;
}

export interface ParseOptions {
  /** Larger payloads are refused with `WIRE.TOO_LARGE`. Default 5 MB. */
  maxBytes?: number;
  /**
   * When the item arrived; `versioncreated` for the rare item whose format carries no date at all.
   * Default: now. Pass the ingest time to keep parsing deterministic.
   */
  receivedAt?: Date;
}

export interface ParsedWire {
  format: WireFormat;
  stories: CanonicalStory[];
}

export interface ParseContext {
  readonly format: WireFormat;
  readonly bytes: Buffer;
  readonly hints: WireHints;
}

/** One wire format: bytes to story drafts. Drafts are normalised and validated centrally. */
export interface WireParser {
  parse(context: ParseContext): StoryDraft[];
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
