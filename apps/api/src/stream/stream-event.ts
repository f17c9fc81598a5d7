/** What the stream tells: a story became searchable, was replaced by a newer version, or was killed. */
export interface StreamEvent {
  type: 'indexed' | 'updated' | 'killed';
  /** When it happened, in ms: indexing time for indexed/updated, acceptance of the kill for killed. */
  at: number;
  uri: string;
  version: number;
  pubstatus: string;
  headline: string;
  source?: string;
  provider?: string;
  versioncreated?: string;
}
