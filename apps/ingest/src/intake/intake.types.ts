import type { WireFormat } from '@lib/contracts';
import type { RejectedInputError } from './intake.errors';

/** A payload as it arrived, before parsing. */
export interface RawSubmission {
  bytes: Buffer;
  source: string;
  transport: 'http' | 'feed' | 'folder' | 'cli';
  contentType?: string;
  filename?: string;
  forcedFormat?: WireFormat;
  /** Provider to assume when the format names none (from the source's registration). */
  provider?: string;
  correlationId: string;
  receivedAt: Date;
}

export interface StoryResult {
  uri: string;
  version: number;
  status: 'accepted' | 'duplicate' | 'stale';
  pubstatus: string;
}

export interface IntakeResult {
  format: WireFormat;
  rawPayloadId: string;
  results: StoryResult[];
}

/** What became of one item of several: kept (its stories' results) or refused with a reason. */
export type ItemOutcome =
  { status: 'ok'; result: IntakeResult } | { status: 'rejected'; error: RejectedInputError };
