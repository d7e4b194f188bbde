import { toHalfWidth } from './normalise';

/**
 * Tokens of the arithmetic a model writes in an answer, in LaTeX or plain Unicode. Anything that
 * is not arithmetic (words, units, `=`, `≈`, commas) becomes a `break`, which ends an expression.
 */
export type MathToken =
  | { type: 'number'; value: number }
  | { type: '+' | '-' | '*' | '/' | '^' | '(' | ')' | '{' | '}' | '[' | ']' }
  | { type: 'sqrt' | 'frac' | 'pi' | 'break' };

const NUMBER = /^(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)/;
const COMMAND = /^\\([a-zA-Z]+|.)/;

const COMMAND_TOKENS: Record<string, MathToken> = {
  sqrt: { type: 'sqrt' },
  frac: { type: 'frac' },
  dfrac: { type: 'frac' },
  tfrac: { type: 'frac' },
  times: { type: '*' },
  cdot: { type: '*' },
  ast: { type: '*' },
  div: { type: '/' },
  pi: { type: 'pi' },
};
// Layout and emphasis that leave the arithmetic unchanged.
const IGNORED_COMMANDS = new Set([
  'left',
  'right',
  'displaystyle',
  'mathbf',
  'bm',
  'boldsymbol',
  ',',
  ';',
  ':',
  '!',
  ' ',
  'quad',
  'qquad',
]);
// Commands whose braced argument is words or units, never part of the number.
const TEXT_COMMANDS = new Set(['text', 'mathrm', 'textbf', 'operatorname', 'unit', 'mbox']);

const CHAR_TOKENS: Record<string, MathToken> = {
  '+': { type: '+' },
  '-': { type: '-' },
  '−': { type: '-' },
  '–': { type: '-' },
  '*': { type: '*' },
  '×': { type: '*' },
  '·': { type: '*' },
  '⋅': { type: '*' },
  '∙': { type: '*' },
  '/': { type: '/' },
  '÷': { type: '/' },
  '^': { type: '^' },
  '(': { type: '(' },
  ')': { type: ')' },
  '{': { type: '{' },
  '}': { type: '}' },
  '[': { type: '[' },
  ']': { type: ']' },
  '√': { type: 'sqrt' },
  π: { type: 'pi' },
};

function skipBraceGroup(text: string, from: number): number {
  let index = from;
  while (text[index] === ' ') index++;
  if (text[index] !== '{') return from;
  let depth = 0;
  for (; index < text.length; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return index + 1;
  }
  return text.length;
}

export function tokenizeMath(input: string): MathToken[] {
  // `{,}` is LaTeX's thousands separator (1{,}492.08).
  const text = toHalfWidth(input).replaceAll('{,}', ',');
  const tokens: MathToken[] = [];
  const push = (token: MathToken) => {
    if (token.type === 'break' && tokens.at(-1)?.type === 'break') return;
    tokens.push(token);
  };
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index, index + 40);
    const char = text[index] as string;
    const number = NUMBER.exec(rest);
    if (number) {
      push({ type: 'number', value: Number(number[0].replaceAll(',', '')) });
      index += number[0].length;
      continue;
    }
    const command = char === '\\' ? COMMAND.exec(rest) : null;
    if (command) {
      const name = command[1] as string;
      index += command[0].length;
      if (TEXT_COMMANDS.has(name)) {
        index = skipBraceGroup(text, index);
        push({ type: 'break' });
      } else if (!IGNORED_COMMANDS.has(name)) {
        push(COMMAND_TOKENS[name] ?? { type: 'break' });
      }
      continue;
    }
    index++;
    if (char === ' ' || char === '\t' || char === '$') continue;
    push(CHAR_TOKENS[char] ?? { type: 'break' });
  }
  return tokens;
}
