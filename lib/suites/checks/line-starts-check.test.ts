import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateLineStartsCheck, firstCharacter } from './line-starts-check';

const NEW_YEAR = { kind: 'line-starts', starts: '新年快乐万事如意' } as const;

const POEM = [
  '新春佳节喜盈门，',
  '年年有余福满堂。',
  '快意人生歌盛世，',
  '乐享团圆话家常。',
  '万家灯火迎春到，',
  '事事顺心好运长。',
  '如花似锦前程美，',
  '意气风发再启航。',
];

describe('firstCharacter', () => {
  it.each([
    ['# 新春', '新'],
    ['> 年年', '年'],
    ['- 快意', '快'],
    ['* 乐享', '乐'],
    ['1. 万家', '万'],
    ['12、事事', '事'],
    ['（3）如花', '如'],
    ['① 意气', '意'],
    ['**新**春', '新'],
    ['*__年__*', '年'],
    ['「快意」', '快'],
    ['『乐享』', '乐'],
    ['“万家', '万'],
    ['《新春祝福》', '新'],
    ['\u3000\u3000新春', '新'],
    ['Ｈello', 'h'],
  ])('%s starts with %s', (line, first) => {
    expect(firstCharacter(line)).toBe(first);
  });

  it('finds nothing on a line of decoration', () => {
    expect(firstCharacter('---')).toBeUndefined();
    expect(firstCharacter('  ')).toBeUndefined();
  });
});

describe('evaluateLineStartsCheck', () => {
  it.each([
    ['a bare poem', POEM.join('\n')],
    ['a title line', `**《新春祝福》**\n\n${POEM.join('\n')}`],
    ['numbered lines', POEM.map((line, index) => `${index + 1}. ${line}`).join('\n')],
    ['bold first characters', POEM.map((line) => `**${line[0]}**${line.slice(1)}`).join('\n')],
    ['blank lines between lines', POEM.join('\n\n')],
    [
      'a commentary paragraph after the poem',
      `${POEM.join('\n')}\n\n---\n\n这首藏头诗每句的首字连起来就是“新年快乐万事如意”，表达了对新年的美好祝愿。`,
    ],
    ['a quoted poem', POEM.map((line) => `> ${line}`).join('\n')],
  ])('passes %s', (_, answer) => {
    expect(evaluateLineStartsCheck(NEW_YEAR, answer)).toEqual({
      verdict: 'pass',
      detail: 'lines start with 新年快乐万事如意',
    });
  });

  it('fails a line out of order, naming the line', () => {
    const swapped = [POEM[0], POEM[1], POEM[3], POEM[2], ...POEM.slice(4)];
    expect(evaluateLineStartsCheck(NEW_YEAR, `《新春》\n${swapped.join('\n')}`)).toEqual({
      verdict: 'fail',
      detail: 'line 3 starts with 乐, expected 快',
    });
  });

  it('fails a poem that stops short', () => {
    expect(evaluateLineStartsCheck(NEW_YEAR, POEM.slice(0, 5).join('\n'))).toEqual({
      verdict: 'fail',
      detail: 'the answer ends after line 5, expected a line starting with 事',
    });
  });

  it('fails an answer with no line starting right', () => {
    expect(evaluateLineStartsCheck(NEW_YEAR, '春风送暖入屠苏\n爆竹声中一岁除')).toEqual({
      verdict: 'fail',
      detail: 'no line starts with 新',
    });
  });

  it('does not count the characters when written inside a line', () => {
    expect(evaluateLineStartsCheck(NEW_YEAR, '祝你新年快乐万事如意！').verdict).toBe('fail');
  });

  it('compares Latin letters in any case and ignores spaces in the acrostic', () => {
    const check = { kind: 'line-starts', starts: 'L O V E' } as const;
    const answer = 'Love is patient,\nover all it stays,\nvast as the sea,\nendless as days.';
    expect(evaluateLineStartsCheck(check, answer).verdict).toBe('pass');
  });
});

const HAN = fc.constantFrom(...'春风送暖花开山水明月清秋云雪松竹梅兰');
const DECORATION = fc.constantFrom('', '**', '> ', '- ', '1. ', '3、', '「', '　　', '《');

it('passes any acrostic whatever the decoration, blank lines, title and closing remark', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(HAN, fc.string({ unit: HAN }), DECORATION, fc.boolean()), {
        minLength: 1,
        maxLength: 12,
      }),
      fc.boolean(),
      (lines, titled) => {
        const starts = lines.map(([first]) => first).join('');
        const poem = lines
          .map(([first, rest, decoration, blankAfter]) =>
            decoration === '**'
              ? `**${first}**${rest}${blankAfter ? '\n' : ''}`
              : `${decoration}${first}${rest}${blankAfter ? '\n' : ''}`,
          )
          .join('\n');
        const answer = `${titled ? '**《无题》**\n\n' : ''}${poem}\n\n以上是一首藏头诗。`;
        expect(evaluateLineStartsCheck({ kind: 'line-starts', starts }, answer).verdict).toBe(
          'pass',
        );
      },
    ),
  );
});
