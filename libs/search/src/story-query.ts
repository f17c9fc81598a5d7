import type { estypes } from '@elastic/elasticsearch';
import { foldText } from './fold-text';

export interface StoryQuery {
  q?: string;
  size: number;
}

/** Text fields a free-text query searches, with how much each counts. */
const TEXT_FIELDS = ['headline^3', 'headline.exact^2', 'description^2', 'body_text', 'body_text.exact'];

function textQuery(q: string): estypes.QueryDslQueryContainer {
  return {
    bool: {
      // The folded copy lets "Erdoğan" and "Erdogan" find each other.
      should: [
        { simple_query_string: { query: q, fields: TEXT_FIELDS, default_operator: 'and' } },
        { simple_query_string: { query: foldText(q), fields: ['folded_text'], default_operator: 'and' } },
      ],
      minimum_should_match: 1,
    },
  };
}

/** Only live stories are searchable; kills are deleted, this also guards a withheld straggler. */
export function buildStorySearch(query: StoryQuery): estypes.SearchRequest {
  return {
    size: query.size,
    query: {
      bool: {
        must: query.q ? [textQuery(query.q)] : [{ match_all: {} }],
        filter: [{ term: { pubstatus: 'usable' } }],
      },
    },
    sort: query.q ? ['_score', { versioncreated: 'desc' }] : [{ versioncreated: 'desc' }],
    _source: { excludes: ['folded_text', 'body_html'] },
  };
}
