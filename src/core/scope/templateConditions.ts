/**
 * The conditions of template `if` tags evaluated against the template's default answers,
 * so a template is read as the project generated with them. Only comparisons of answers
 * with literals and boolean logic are understood, in Jinja form (`cookiecutter.x == 'y'`,
 * `not a and b`, `x in ['a', 'b']`) and Go form (`eq .x "y"`, `(or (eq .a "b") .c)`);
 * anything else (filters, function calls, unknown answers) is undefined, and the caller
 * then keeps every branch.
 */

/** A template answer's default: a scalar, or undefined when not known. */
export type Answer = string | number | boolean | undefined;

/** The default answer for a variable as written in the template (`cookiecutter.x`, `.x`, `x`). */
export type Answers = (variable: string) => Answer;

type Value = string | number | boolean | Value[];

/** Longest condition evaluated; longer ones are unknown. */
const MAX_CONDITION = 300;

const TOKEN = /\s*(`[^`]*`|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|==|!=|[()[\],|]|\.?[A-Za-z_][\w.]*|\d+(?:\.\d+)?)/y;

/** Thrown inside the evaluator for anything it does not understand. */
class Unknown extends Error {}

/** The truth of a condition with the default answers; undefined when it cannot be told. */
export function evaluateCondition(condition: string, answers: Answers, syntax: 'jinja' | 'go'): boolean | undefined {
  if (condition.length > MAX_CONDITION) return undefined;
  try {
    const tokens = tokenize(condition);
    const parser = syntax === 'go' ? new GoParser(tokens, answers) : new JinjaParser(tokens, answers);
    const value = parser.parse();
    return truthy(value);
  } catch (err) {
    if (err instanceof Unknown) return undefined;
    throw err;
  }
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) {
      if (text.slice(start).trim() === '') break;
      throw new Unknown();
    }
    tokens.push(match[1]);
  }
  return tokens;
}

abstract class Parser {
  protected at = 0;

  constructor(protected readonly tokens: string[], protected readonly answers: Answers) {}

  parse(): Value {
    const value = this.expression();
    if (this.at !== this.tokens.length) throw new Unknown();
    return value;
  }

  protected abstract expression(): Value;

  protected peek(): string | undefined {
    return this.tokens[this.at];
  }

  protected next(): string {
    const token = this.tokens[this.at++];
    if (token === undefined) throw new Unknown();
    return token;
  }

  protected expect(token: string): void {
    if (this.next() !== token) throw new Unknown();
  }

  /** The rest of a parenthesised group whose `(` was just read. */
  protected group(): Value {
    const value = this.expression();
    this.expect(')');
    return value;
  }

  /** A literal or an answer. */
  protected operand(token: string): Value {
    if (/^[`"']/.test(token)) return token.slice(1, -1).replace(/\\(.)/g, '$1');
    if (/^\d/.test(token)) return Number(token);
    if (/^(true|True)$/.test(token)) return true;
    if (/^(false|False)$/.test(token)) return false;
    if (/^\.?[A-Za-z_]/.test(token)) {
      const answer = this.answers(token);
      if (answer === undefined) throw new Unknown();
      return answer;
    }
    throw new Unknown();
  }
}

/** Jinja: `or` / `and` / `not`, comparisons `==`, `!=`, `in`, `not in`, parentheses, lists. */
class JinjaParser extends Parser {
  protected expression(): Value {
    let value = this.conjunction();
    while (this.peek() === 'or') {
      this.next();
      const right = this.conjunction();
      value = truthy(value) || truthy(right);
    }
    return value;
  }

  private conjunction(): Value {
    let value = this.negation();
    while (this.peek() === 'and') {
      this.next();
      const right = this.negation();
      value = truthy(value) && truthy(right);
    }
    return value;
  }

  private negation(): Value {
    if (this.peek() === 'not') {
      this.next();
      return !truthy(this.negation());
    }
    return this.comparison();
  }

  private comparison(): Value {
    const left = this.primary();
    const op = this.peek();
    if (op === '==' || op === '!=') {
      this.next();
      const equal = same(left, this.primary());
      return op === '==' ? equal : !equal;
    }
    if (op === 'in' || (op === 'not' && this.tokens[this.at + 1] === 'in')) {
      this.at += op === 'in' ? 1 : 2;
      const found = contains(this.primary(), left);
      return op === 'in' ? found : !found;
    }
    if (op === '|') throw new Unknown();
    return left;
  }

  private primary(): Value {
    const token = this.next();
    if (token === '(') return this.group();
    if (token === '[') {
      const items: Value[] = [];
      while (this.peek() !== ']') {
        items.push(this.primary());
        if (this.peek() === ',') this.next();
        else if (this.peek() !== ']') throw new Unknown();
      }
      this.next();
      return items;
    }
    return this.operand(token);
  }
}

/** Go templates: `eq`, `ne`, `and`, `or`, `not` called with operands, parenthesised pipelines. */
class GoParser extends Parser {
  protected expression(): Value {
    const token = this.next();
    if (token === 'eq' || token === 'ne') {
      const left = this.argument();
      // `eq` is true when the first argument equals any of the others.
      const rights = this.rest();
      if (rights.length === 0) throw new Unknown();
      const equal = rights.some((r) => same(left, r));
      return token === 'eq' ? equal : !equal;
    }
    if (token === 'and') return this.rest().every(truthy);
    if (token === 'or') return this.rest().some(truthy);
    if (token === 'not') {
      const args = this.rest();
      if (args.length !== 1) throw new Unknown();
      return !truthy(args[0]);
    }
    this.at--;
    return this.argument();
  }

  private rest(): Value[] {
    const args: Value[] = [];
    while (this.peek() !== undefined && this.peek() !== ')') args.push(this.argument());
    return args;
  }

  private argument(): Value {
    const token = this.next();
    if (token === '(') return this.group();
    if (token === '|' || token === ',') throw new Unknown();
    return this.operand(token);
  }
}

function same(a: Value, b: Value): boolean {
  return !Array.isArray(a) && !Array.isArray(b) && String(a) === String(b);
}

function contains(list: Value, item: Value): boolean {
  if (Array.isArray(list)) return list.some((v) => same(v, item));
  if (typeof list === 'string' && typeof item === 'string') return list.includes(item);
  throw new Unknown();
}

function truthy(value: Value): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}
