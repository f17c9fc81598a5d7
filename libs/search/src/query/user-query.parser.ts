import { QUERY_FIELDS, UserQueryError, type QueryField, type QueryNode } from './user-query';

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'phrase'; text: string; at: number }
  | { kind: 'field'; field: QueryField; at: number }
  | { kind: 'and' | 'or' | 'not' | 'minus' | 'open' | 'close'; at: number };

const MAX_LEAVES = 50;
const OPERATORS: Record<string, 'and' | 'or' | 'not'> = { AND: 'and', OR: 'or', NOT: 'not' };
const HAS_CONTENT = /[\p{L}\p{N}]/u;

/**
 * Parses the search box language: words, "quoted phrases", `headline:` / `byline:` / `body:`
 * prefixes (on a word, a phrase or a parenthesised group), AND / OR / NOT (upper case; plain
 * juxtaposition means AND), a leading minus for NOT, and parentheses. OR binds looser than AND.
 * Returns null for a query with nothing to search for.
 */
export function parseUserQuery(input: string): QueryNode | null {
  const tokens = tokenize(input);
  if (tokens.length === 0) return null;
  const parser = new Parser(tokens, input.length);
  const node = parser.parseQuery();
  const leaves = countLeaves(node);
  if (leaves > MAX_LEAVES)
    throw new UserQueryError(`too many terms (${leaves}, at most ${MAX_LEAVES})`, 0);
  return node;
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'open' : 'close', at: i });
      i += 1;
    } else if (ch === '"') {
      const end = input.indexOf('"', i + 1);
      if (end < 0) throw new UserQueryError(`unclosed quote starting at character ${i + 1}`, i);
      const text = input.slice(i + 1, end).trim();
      if (!HAS_CONTENT.test(text))
        throw new UserQueryError(`empty phrase at character ${i + 1}`, i);
      tokens.push({ kind: 'phrase', text, at: i });
      i = end + 1;
    } else if ((ch === '-' || ch === '+') && (input[i + 1] === '"' || input[i + 1] === '(')) {
      if (ch === '-') tokens.push({ kind: 'minus', at: i });
      i += 1;
    } else {
      let end = i;
      while (end < input.length && !/[\s()"]/.test(input[end])) end += 1;
      pushWord(tokens, input.slice(i, end), i);
      i = end;
    }
  }
  return tokens;
}

function pushWord(tokens: Token[], raw: string, at: number): void {
  const operator = OPERATORS[raw];
  if (operator) {
    tokens.push({ kind: operator, at });
    return;
  }
  const negated = raw.startsWith('-');
  const word = raw.replace(/^[-+]+/, '');
  const offset = at + raw.length - word.length;
  const colon = word.indexOf(':');
  const prefix = colon > 0 ? word.slice(0, colon).toLowerCase() : '';
  const field = QUERY_FIELDS.find((f) => f === prefix);
  if (field) {
    if (negated) tokens.push({ kind: 'minus', at });
    tokens.push({ kind: 'field', field, at: offset });
    const rest = word.slice(colon + 1);
    // An empty rest is fine: the field applies to the phrase or group that follows.
    if (HAS_CONTENT.test(rest)) tokens.push({ kind: 'word', text: rest, at: offset + colon + 1 });
    return;
  }
  // Punctuation on its own ("&", "-") would match nothing and turn an AND into no results.
  if (!HAS_CONTENT.test(word)) return;
  if (negated) tokens.push({ kind: 'minus', at });
  tokens.push({ kind: 'word', text: word, at: offset });
}

class Parser {
  private position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly inputLength: number,
  ) {}

  parseQuery(): QueryNode {
    const node = this.parseOr(undefined);
    const extra = this.peek();
    if (extra) throw new UserQueryError(`unmatched ")" at character ${extra.at + 1}`, extra.at);
    return node;
  }

  private parseOr(field: QueryField | undefined): QueryNode {
    const children = [this.parseAnd(field)];
    for (let token = this.peek(); token?.kind === 'or'; token = this.peek()) {
      this.position += 1;
      this.requireOperand(token, 'OR');
      children.push(this.parseAnd(field));
    }
    return combine('or', children);
  }

  private parseAnd(field: QueryField | undefined): QueryNode {
    const first = this.peek();
    if (first?.kind === 'and' || first?.kind === 'or') {
      throw new UserQueryError(
        `${first.kind.toUpperCase()} at character ${first.at + 1} needs a term before it`,
        first.at,
      );
    }
    const children = [this.parseUnary(field)];
    for (let token = this.peek(); token; token = this.peek()) {
      if (token.kind === 'and') {
        this.position += 1;
        this.requireOperand(token, 'AND');
      } else if (token.kind === 'or' || token.kind === 'close') {
        break;
      }
      children.push(this.parseUnary(field));
    }
    return combine('and', children);
  }

  private parseUnary(field: QueryField | undefined): QueryNode {
    const token = this.peek();
    if (token?.kind === 'not' || token?.kind === 'minus') {
      this.position += 1;
      this.requireOperand(token, token.kind === 'not' ? 'NOT' : '-');
      return { type: 'not', child: this.parseUnary(field) };
    }
    return this.parsePrimary(field);
  }

  private parsePrimary(field: QueryField | undefined): QueryNode {
    const token = this.next();
    switch (token.kind) {
      case 'word':
        return { type: 'term', text: token.text, ...(field ? { field } : {}) };
      case 'phrase':
        return { type: 'phrase', text: token.text, ...(field ? { field } : {}) };
      case 'field': {
        const target = this.peek();
        if (
          !target ||
          (target.kind !== 'word' && target.kind !== 'phrase' && target.kind !== 'open')
        ) {
          throw new UserQueryError(
            `${token.field}: at character ${token.at + 1} needs a word, a "phrase" or a (group) after it`,
            token.at,
          );
        }
        return this.parsePrimary(token.field);
      }
      case 'open': {
        if (this.peek()?.kind === 'close')
          throw new UserQueryError(`empty parentheses at character ${token.at + 1}`, token.at);
        const inner = this.parseOr(field);
        if (this.peek()?.kind !== 'close') {
          throw new UserQueryError(
            `parenthesis opened at character ${token.at + 1} is never closed`,
            token.at,
          );
        }
        this.position += 1;
        return inner;
      }
      case 'close':
        throw new UserQueryError(`unmatched ")" at character ${token.at + 1}`, token.at);
      case 'and':
      case 'or':
      case 'not':
      case 'minus':
        throw new UserQueryError(`unexpected operator at character ${token.at + 1}`, token.at);
    }
  }

  /** An operator must be followed by something it can apply to. */
  private requireOperand(operator: Token, name: string): void {
    const next = this.peek();
    if (!next || next.kind === 'close' || next.kind === 'and' || next.kind === 'or') {
      throw new UserQueryError(
        `${name} at character ${operator.at + 1} needs a term after it`,
        operator.at,
      );
    }
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position];
    if (!token) throw new UserQueryError('query ends too early', this.inputLength);
    this.position += 1;
    return token;
  }
}

/** Flattens `a AND (b AND c)` into one node and unwraps single children. */
function combine(type: 'and' | 'or', children: QueryNode[]): QueryNode {
  const flat = children.flatMap((child) => (child.type === type ? child.children : [child]));
  return flat.length === 1 ? flat[0] : { type, children: flat };
}

function countLeaves(node: QueryNode): number {
  switch (node.type) {
    case 'term':
    case 'phrase':
      return 1;
    case 'not':
      return countLeaves(node.child);
    case 'and':
    case 'or':
      return node.children.reduce((sum, child) => sum + countLeaves(child), 0);
  }
}
