import type { estypes } from '@elastic/elasticsearch';
import { foldForSearch } from '../fold-text';
import type { QueryField, QueryNode } from './user-query';

type Query = estypes.QueryDslQueryContainer;

interface FieldTargets {
  /** Stemmed and exact fields, with how much each counts. */
  fields: string[];
  /** The diacritics-folded copy, so "Erdoğan" and "Erdogan" find each other. */
  folded: string;
}

const ALL_TEXT: FieldTargets = {
  fields: [
    'headline^3',
    'headline.exact^2',
    'description^2',
    'description.exact',
    'body_text',
    'body_text.exact',
  ],
  folded: 'folded_text',
};

const FIELD_TARGETS: Record<QueryField, FieldTargets> = {
  headline: { fields: ['headline^2', 'headline.exact'], folded: 'folded_headline' },
  byline: { fields: ['byline'], folded: 'folded_byline' },
  body: {
    fields: ['body_text', 'body_text.exact', 'description', 'description.exact'],
    folded: 'folded_text',
  },
};

/**
 * Turns the parsed `q` into an engine query made only of match / multi_match / bool clauses:
 * the caller's words are always analysed as text, never interpreted as query syntax.
 */
export function buildTextQuery(node: QueryNode): Query {
  switch (node.type) {
    case 'term':
      return leaf(node.text, node.field, 'best_fields');
    case 'phrase':
      return leaf(node.text, node.field, 'phrase');
    case 'or':
      return { bool: { should: node.children.map(buildTextQuery), minimum_should_match: 1 } };
    case 'not':
      return { bool: { must_not: [buildTextQuery(node.child)] } };
    case 'and': {
      const positive = node.children.filter((child) => child.type !== 'not');
      const negative = node.children.flatMap((child) =>
        child.type === 'not' ? [child.child] : [],
      );
      return {
        bool: {
          ...(positive.length > 0 ? { must: positive.map(buildTextQuery) } : {}),
          ...(negative.length > 0 ? { must_not: negative.map(buildTextQuery) } : {}),
        },
      };
    }
  }
}

function leaf(text: string, field: QueryField | undefined, type: 'best_fields' | 'phrase'): Query {
  const targets = field ? FIELD_TARGETS[field] : ALL_TEXT;
  const folded = foldForSearch(text);
  // A word the analyser splits ("oil-price", "U.S.") needs all of its parts.
  const original: Query =
    type === 'phrase'
      ? { multi_match: { query: text, fields: targets.fields, type: 'phrase' } }
      : {
          multi_match: {
            query: text,
            fields: targets.fields,
            type: 'best_fields',
            operator: 'and',
          },
        };
  const foldedQuery: Query =
    type === 'phrase'
      ? { match_phrase: { [targets.folded]: { query: folded } } }
      : { match: { [targets.folded]: { query: folded, operator: 'and' } } };
  return { bool: { should: [original, foldedQuery], minimum_should_match: 1 } };
}
