/** Fields a caller may name with a prefix (`headline:oil`); anything else is ordinary text. */
export const QUERY_FIELDS = ['headline', 'byline', 'body'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

/**
 * The parsed form of the `q` parameter. The engine query is built from this tree only, so a
 * caller's text never reaches the engine as query syntax.
 */
export type QueryNode =
  | { type: 'term'; text: string; field?: QueryField }
  | { type: 'phrase'; text: string; field?: QueryField }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode };

/** A `q` the parser cannot make sense of; `position` is a 0-based character offset. */
export class UserQueryError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'UserQueryError';
  }
}
