import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finalNumberText, readNumbers } from './read-numbers';

describe('readNumbers', () => {
  it.each([
    ['鸡有12只，兔有13只。', [12, 13]],
    ['鸡有１２只，兔有１３只。', [12, 13]],
    ['总价为 1,492.08 元', [1492.08]],
    ['温度是 -5 度', [5, -5]],
    ['每人分得 3/4 块', [3, 4, 0.75]],
    ['面积是 12.5 cm²', [12.5]],
    ['笼子里有十二只鸡和十三只兔子', [12, 13]],
    ['There are twelve chickens and thirteen rabbits.', [12, 13]],
    ['这道题没有数字', []],
  ])('%s', (text, values) => {
    expect(readNumbers(text)).toEqual(values);
  });
});

describe('finalNumberText', () => {
  it('takes every box when the answer has boxes', () => {
    const answer =
      '共 25 个头、76 只脚。\n\n鸡：$\\boxed{12}$ 只\n\n兔：$\\boxed{13}$ 只\n\n验算无误。';
    expect(finalNumberText(answer)).toBe('12\n13');
  });

  it('otherwise takes the last line that states a number', () => {
    const answer =
      '设鸡有 x 只，则 x + y = 25，2x + 4y = 76。\n解得 x = 12。\n所以兔有13只。\n希望对你有帮助！';
    expect(finalNumberText(answer)).toBe('所以兔有13只。');
  });

  it('widens the last line through its paragraph, stopping at working and blank lines', () => {
    const answer =
      '共 25 个头。\n\n由 x + y = 25 得：\n**答案**：\n鸡有12只，\n兔有13只。\n\n祝学习愉快！';
    expect(finalNumberText(answer)).toBe('**答案**：\n鸡有12只，\n兔有13只。');
  });

  it('widens the last line to the list or table it ends', () => {
    const list = '由 2x + 4y = 76 解得：\n**答案**：\n- 鸡：12只\n- 兔：13只';
    expect(finalNumberText(list)).toBe('- 鸡：12只\n- 兔：13只');
    const table = '结果如下：\n| 动物 | 数量 |\n|---|---|\n| 鸡 | 12 |\n| 兔 | 13 |';
    expect(finalNumberText(table)).toBe('| 动物 | 数量 |\n|---|---|\n| 鸡 | 12 |\n| 兔 | 13 |');
  });

  it('falls back to the whole answer when no line has a number', () => {
    expect(finalNumberText('无解。\n题目条件矛盾。')).toBe('无解。\n题目条件矛盾。');
  });
});

const prose = fc.string({
  unit: fc.constantFrom('鸡', '兔', '只', '有', '，', ' ', 'a', 'x', '。'),
});

it('finds any integer written in the last line, among words on either side', () => {
  fc.assert(
    fc.property(prose, fc.integer({ min: -1e9, max: 1e9 }), prose, (before, value, after) => {
      const text = `设鸡有 x 只，兔有 y 只，x + y = 25。\n${before} ${value} ${after}`;
      expect(readNumbers(finalNumberText(text))).toContain(value);
    }),
  );
});

it('finds an integer written with thousands separators or full-width digits', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e12 }), fc.boolean(), (value, fullWidth) => {
      const grouped = value.toLocaleString('en-US');
      const written = fullWidth
        ? grouped.replace(/[0-9,]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0))
        : grouped;
      expect(readNumbers(`答案是 ${written} 个`)).toContain(value);
    }),
  );
});
