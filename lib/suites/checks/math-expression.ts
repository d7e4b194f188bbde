import { type MathToken, tokenizeMath } from './math-tokens';

class NotAnExpression extends Error {}

// Nesting deeper than this is not an answer; the limit keeps recursion off the stack's edge.
const MAX_DEPTH = 64;
const CLOSERS = { '(': ')', '{': '}', '[': ']' } as const;
const IMPLICIT_FACTORS = new Set<MathToken['type']>(['sqrt', 'frac', 'pi', '(']);

/** A recursive-descent evaluator for one run of tokens: + - × ÷ ^, √, \frac, π, brackets. */
class Parser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: MathToken[]) {}

  evaluate(): number {
    const value = this.expression();
    if (this.position !== this.tokens.length) throw new NotAnExpression();
    return value;
  }

  private peek(): MathToken | undefined {
    return this.tokens[this.position];
  }

  private take(): MathToken {
    const token = this.tokens[this.position++];
    if (!token) throw new NotAnExpression();
    return token;
  }

  private expect(type: MathToken['type']): void {
    if (this.take().type !== type) throw new NotAnExpression();
  }

  private nested<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new NotAnExpression();
    const value = read();
    this.depth--;
    return value;
  }

  private expression(): number {
    let value = this.term();
    for (let next = this.peek(); next?.type === '+' || next?.type === '-'; next = this.peek()) {
      this.position++;
      value = next.type === '+' ? value + this.term() : value - this.term();
    }
    return value;
  }

  private term(): number {
    let value = this.unary();
    for (let next = this.peek(); next; next = this.peek()) {
      if (next.type === '*' || next.type === '/') {
        this.position++;
        value = next.type === '*' ? value * this.unary() : value / this.unary();
      } else if (IMPLICIT_FACTORS.has(next.type)) {
        // 512\sqrt{2}, 2\pi, 3(4+1); two bare numbers side by side are never multiplied.
        value *= this.power();
      } else break;
    }
    return value;
  }

  private unary(): number {
    const next = this.peek();
    if (next?.type === '-' || next?.type === '+') {
      this.position++;
      const value = this.nested(() => this.unary());
      return next.type === '-' ? -value : value;
    }
    return this.power();
  }

  private power(): number {
    const base = this.primary();
    if (this.peek()?.type !== '^') return base;
    this.position++;
    const exponent = this.peek()?.type === '-' ? this.unary() : this.primary();
    return base ** exponent;
  }

  private primary(): number {
    const token = this.take();
    switch (token.type) {
      case 'number':
        // 2\frac{1}{2} is a mixed number, 2½, as Chinese textbooks write 带分数.
        if (this.peek()?.type === 'frac' && Number.isInteger(token.value)) {
          return token.value + this.primary();
        }
        return token.value;
      case 'pi':
        return Math.PI;
      case '(':
      case '{':
      case '[': {
        const value = this.nested(() => this.expression());
        this.expect(CLOSERS[token.type]);
        return value;
      }
      case 'sqrt': {
        let index = 2;
        if (this.peek()?.type === '[') {
          this.position++;
          index = this.nested(() => this.expression());
          this.expect(']');
        }
        const radicand = this.nested(() => this.power());
        return index === 2 ? Math.sqrt(radicand) : radicand ** (1 / index);
      }
      case 'frac': {
        const numerator = this.nested(() => this.primary());
        return numerator / this.nested(() => this.primary());
      }
      default:
        throw new NotAnExpression();
    }
  }
}

/** Drops brackets left unmatched where a word or unit cut the expression (`\boxed{12 \text{只}}`). */
function dropUnmatchedBrackets(run: MathToken[]): MathToken[] {
  const open: number[] = [];
  const unmatched = new Set<number>();
  run.forEach((token, index) => {
    if (token.type === '(' || token.type === '{' || token.type === '[') open.push(index);
    else if (token.type === ')' || token.type === '}' || token.type === ']') {
      const opener = open.at(-1);
      const openerToken = opener === undefined ? undefined : run[opener];
      if (openerToken && CLOSERS[openerToken.type as keyof typeof CLOSERS] === token.type) {
        open.pop();
      } else unmatched.add(index);
    }
  });
  for (const index of open) unmatched.add(index);
  return run.filter((_, index) => !unmatched.has(index));
}

const DANGLING_START = new Set<MathToken['type']>(['*', '/', '^']);
const DANGLING_END = new Set<MathToken['type']>(['+', '-', '*', '/', '^', 'sqrt', 'frac']);

function trimDangling(run: MathToken[]): MathToken[] {
  let start = 0;
  let end = run.length;
  while (start < end && DANGLING_START.has((run[start] as MathToken).type)) start++;
  while (end > start && DANGLING_END.has((run[end - 1] as MathToken).type)) end--;
  return run.slice(start, end);
}

/**
 * The value of every arithmetic expression in the text: the text is cut at words, units and
 * relations (`=`, `≈`), and each piece that parses is evaluated (`$768 + 512\sqrt{2} \approx
 * 1492.08$` gives 1492.077… and 1492.08).
 */
export function evaluateExpressions(text: string): number[] {
  const runs: MathToken[][] = [[]];
  for (const token of tokenizeMath(text)) {
    if (token.type === 'break') runs.push([]);
    else runs.at(-1)?.push(token);
  }
  const values: number[] = [];
  for (const run of runs) {
    const tokens = trimDangling(dropUnmatchedBrackets(run));
    if (tokens.length === 0) continue;
    try {
      const value = new Parser(tokens).evaluate();
      if (Number.isFinite(value)) values.push(value);
    } catch (error) {
      if (!(error instanceof NotAnExpression)) throw error;
    }
  }
  return values;
}
