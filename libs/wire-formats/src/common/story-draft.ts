import type { Association, Link, NamedEntity, Pubstatus, Subject } from '@lib/contracts';

/**
 * What a format parser hands over: canonical field names, values as read. `buildStory` cleans,
 * fills the derivable fields (version, body_text/body_html) and validates it.
 */
export interface StoryDraft {
  uri: string;
  provider: string;
  /** Omitted where the format has no version number: derived from `versioncreated`. */
  version?: number;
  firstcreated?: string;
  versioncreated?: string;
  pubstatus?: Pubstatus;
  language?: string;
  urgency?: number;
  headline?: string;
  subheadline?: string;
  byline?: string;
  slugline?: string;
  located?: string;
  description?: string;
  /** Untrusted HTML; sanitised by the builder. */
  bodyHtml?: string;
  /** Plain text, used when there is no HTML body. */
  bodyText?: string;
  subject?: Subject[];
  people?: NamedEntity[];
  organisations?: NamedEntity[];
  places?: NamedEntity[];
  copyrightnotice?: string;
  embargoed?: string;
  associations?: Association[];
  links?: Link[];
}
