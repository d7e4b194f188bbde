import { describe, expect, it } from 'vitest';
import { evaluateNumberCheck } from './number-check';

const CHICKENS = { kind: 'number' as const, expected: [12, 13], tolerance: 0 };
const PRISM = { kind: 'number' as const, expected: [1492.08], tolerance: 0.01 };

const BOXED_TWICE = `我们设鸡有 $x$ 只，兔有 $y$ 只。根据题意：

$$
\\begin{cases}
x + y = 25 \\\\
2x + 4y = 76
\\end{cases}
$$

由第一个方程得 $x = 25 - y$，代入第二个方程：$2(25 - y) + 4y = 76$，解得 $y = 13$，$x = 12$。

**验证**：$12 + 13 = 25$，$12 \\times 2 + 13 \\times 4 = 24 + 52 = 76$ ✓

**答案**：鸡有 $\\boxed{12}$ 只，兔有 $\\boxed{13}$ 只。`;

const BOLD_ANSWER = `这是一个经典的鸡兔同笼问题。

假设全部是鸡，那么应该有 25 × 2 = 50 只脚，实际多了 76 − 50 = 26 只脚。每只兔子比鸡多 2 只脚，所以兔子有 26 ÷ 2 = 13 只。

**答案**：鸡有12只，兔有13只。`;

const WRONG_ANSWER = `题目说一共有 25 个头，76 只脚。

设鸡有 x 只，兔有 (25 - x) 只。2x + 4(25 - x) = 76，得 x = 14。

所以鸡有14只，兔有11只。`;

describe('evaluateNumberCheck: chickens and rabbits', () => {
  it.each([
    ['two boxes after the working', BOXED_TWICE],
    ['a bold answer line', BOLD_ANSWER],
    ['full-width digits and punctuation', '**答案**：鸡有１２只，兔有１３只。'],
    ['Chinese numerals', '综上所述，笼子里有十二只鸡和十三只兔子。'],
    [
      'English words',
      'Let c + r = 25 and 2c + 4r = 76.\n\nThere are twelve chickens and thirteen rabbits.',
    ],
    ['one box holding both', '最终答案：$\\boxed{12, 13}$（鸡 12 只，兔 13 只）'],
    ['an answer over two lines', '由 2x + 4y = 76 解得：\n\n鸡：12只\n兔：13只'],
    ['a list', '**答案**：\n- 鸡：$x = 12$ 只\n- 兔：$y = 13$ 只'],
    ['a closing remark after the answer', '鸡有12只，兔有13只。\n\n希望这个解答对你有帮助！'],
  ])('passes %s', (_, answer) => {
    expect(evaluateNumberCheck(CHICKENS, answer)).toEqual({
      verdict: 'pass',
      detail: 'found 12 and 13',
    });
  });

  it('fails a wrong answer that restates 25 heads and 76 feet', () => {
    expect(evaluateNumberCheck(CHICKENS, WRONG_ANSWER)).toEqual({
      verdict: 'fail',
      detail: 'missing 12 and 13; the answer gives 14, 11',
    });
  });

  it('ignores the numbers of the question when a box holds a wrong answer', () => {
    const answer = '已知 25 个头、76 只脚，12 只鸡是错的。\n\n答案：$\\boxed{14}$ 只鸡';
    expect(evaluateNumberCheck(CHICKENS, answer)).toEqual({
      verdict: 'fail',
      detail: 'missing 12 and 13; the answer gives 14',
    });
  });

  it('does not take the working above a wrong final statement as the answer', () => {
    const answer = '解得 x = 12，y = 13。\n但代入检验后我改为：\n鸡有14只，\n兔有11只。';
    expect(evaluateNumberCheck(CHICKENS, answer)).toEqual({
      verdict: 'fail',
      detail: 'missing 12 and 13; the answer gives 14, 11',
    });
  });

  it('names only the missing value when one is right', () => {
    expect(evaluateNumberCheck(CHICKENS, '鸡有12只，兔有15只。').detail).toBe(
      'missing 13; the answer gives 12, 15',
    );
  });

  it('fails an answer without numbers', () => {
    expect(evaluateNumberCheck(CHICKENS, '这个问题无解。')).toEqual({
      verdict: 'fail',
      detail: 'no number in the answer',
    });
  });
});

describe('evaluateNumberCheck: the prism surface area', () => {
  it.each([
    ['a boxed expression', '所以表面积为\n\n$$\\boxed{768 + 512\\sqrt{2}}$$'],
    ['a boxed expression with its approximation', '$$\\boxed{768+512√2 ≈ 1492.08}$$'],
    ['an inline expression', '表面积为 $768 + 512\\sqrt{2} \\approx 1492.08$ 平方厘米。'],
    ['a boxed decimal with units', '\\[\\boxed{1492.08 \\text{ cm}^2}\\]'],
    ['a cdot and a bare sqrt', '$\\boxed{768 + 512 \\cdot \\sqrt 2}$'],
  ])('passes %s', (_, answer) => {
    expect(evaluateNumberCheck(PRISM, answer).verdict).toBe('pass');
  });

  it('fails a wrong surface area, showing what it read', () => {
    expect(evaluateNumberCheck(PRISM, '表面积为 $\\boxed{768 + 256\\sqrt{2}}$')).toEqual({
      verdict: 'fail',
      detail: 'missing 1492.08; the answer gives 768, 256, 2, 1130.038672',
    });
  });

  it('fails a value just outside the tolerance', () => {
    expect(evaluateNumberCheck(PRISM, '\\boxed{1492.1}').verdict).toBe('fail');
    expect(evaluateNumberCheck({ ...PRISM, tolerance: 0.02 }, '\\boxed{1492.1}').verdict).toBe(
      'pass',
    );
  });
});

describe('evaluateNumberCheck: other forms', () => {
  it.each([
    [[0.75], '$\\boxed{\\frac{3}{4}}$'],
    [[0.75], '每人得到 3/4 个披萨。'],
    [[-5], '所以最低温度是 $\\boxed{-5}$ ℃'],
    [[6], '$$\\boxed{2\\times 3}$$'],
    [[1492.08], '总额：1,492.08 元'],
    [[108], '水泊梁山共有一百零八位好汉。'],
    [[25], 'The answer is twenty-five.'],
  ])('finds %j in %s', (expected, answer) => {
    expect(evaluateNumberCheck({ kind: 'number', expected, tolerance: 0 }, answer).verdict).toBe(
      'pass',
    );
  });

  it('holds ±0 to equality, allowing only float noise', () => {
    const check = { kind: 'number' as const, expected: [0.3], tolerance: 0 };
    expect(evaluateNumberCheck(check, '\\boxed{0.1 + 0.2}').verdict).toBe('pass');
    expect(evaluateNumberCheck(check, '\\boxed{0.30001}').verdict).toBe('fail');
  });
});
