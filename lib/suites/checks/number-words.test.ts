import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readChineseNumerals, readEnglishNumberWords } from './number-words';

describe('readChineseNumerals', () => {
  it.each([
    ['笼子里有十二只鸡和十三只兔子', [12, 13]],
    ['二十五个头，七十六只脚', [25, 76]],
    ['一百零八将', [108]],
    ['两千三百', [2300]],
    ['一万二千', [12000]],
    ['一亿两千万', [120_000_000]],
    ['二〇二六年', [2026]],
    ['十', [10]],
    ['占总数的三分之二', [3, 2, 2 / 3]],
    ['百分之二十五', [25, 0.25]],
  ])('%s', (text, values) => {
    expect(readChineseNumerals(text)).toEqual(values);
  });

  it('skips the article 一, a lone 两 and words made of units', () => {
    expect(readChineseNumerals('这是一道经典的题，两边同时乘以，千万别忘了')).toEqual([]);
  });
});

describe('readEnglishNumberWords', () => {
  it.each([
    ['There are twelve chickens and thirteen rabbits.', [12, 13]],
    ['Twenty-five heads and seventy six legs', [25, 76]],
    ['one hundred and eight', [108]],
    ['two thousand three hundred', [2300]],
    ['twelve and thirteen', [12, 13]],
    ['twelve thirteen', [12, 13]],
    ['twenty twenty', [20, 20]],
    ['a hundred, none, someone', []],
  ])('%s', (text, values) => {
    expect(readEnglishNumberWords(text)).toEqual(values);
  });
});

const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen'];
const TEENS_REST = ['fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function spell(value: number): string {
  if (value < 10) return ONES[value] as string;
  if (value < 20) return [...TEENS, ...TEENS_REST][value - 10] as string;
  const ones = value % 10;
  return `${TENS[Math.floor(value / 10)]}${ones ? `-${ONES[ones]}` : ''}`;
}

it('reads any number from one to 99 999 spelled in English', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 99_999 }), (value) => {
      const thousands = Math.floor(value / 1000);
      const hundreds = Math.floor((value % 1000) / 100);
      const rest = value % 100;
      const words = [
        thousands ? `${spell(thousands)} thousand` : '',
        hundreds ? `${spell(hundreds)} hundred` : '',
        rest ? spell(rest) : '',
      ].filter(Boolean);
      expect(readEnglishNumberWords(`There are ${words.join(' and ')} sheep.`)).toEqual([value]);
    }),
  );
});

const CHINESE_DIGIT_CHARS = '零一二三四五六七八九';
const CHINESE_UNIT_CHARS = ['', '十', '百', '千'];

/** Standard form: 一百零八, 一千零五十, 十二 (no leading 一 before 十). */
function spellChinese(value: number): string {
  const digits = String(value).split('').map(Number);
  let text = '';
  let pendingZero = false;
  digits.forEach((digit, index) => {
    const unit = CHINESE_UNIT_CHARS[digits.length - 1 - index] as string;
    if (digit === 0) {
      pendingZero = text !== '';
      return;
    }
    if (pendingZero) text += '零';
    pendingZero = false;
    const leadingTen = text === '' && unit === '十' && digit === 1;
    text += `${leadingTen ? '' : CHINESE_DIGIT_CHARS[digit]}${unit}`;
  });
  return text;
}

it('reads any number from 2 to 9 999 written in Chinese numerals', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 9999 }), (value) => {
      expect(readChineseNumerals(`答：共有${spellChinese(value)}只。`)).toEqual([value]);
    }),
  );
});
