const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CHINESE_GROUPS: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const FRACTION =
  /([零〇一二两三四五六七八九十百千万亿]+)分之([零〇一二两三四五六七八九十百千万亿]+)/g;

function chineseNumeralValue(numeral: string): number {
  const chars = Array.from(numeral);
  // 二〇二六: a year written digit by digit, with no 十/百/千.
  if (chars.length > 1 && chars.every((char) => char in CHINESE_DIGITS)) {
    return Number(chars.map((char) => CHINESE_DIGITS[char]).join(''));
  }
  let total = 0;
  let group = 0;
  let digit = 0;
  for (const char of chars) {
    const unit = CHINESE_UNITS[char];
    const groupSize = CHINESE_GROUPS[char];
    if (unit) {
      group += (digit || 1) * unit;
      digit = 0;
    } else if (groupSize) {
      // 一亿两千万: 万 scales only what follows the 亿; 亿 scales everything before it.
      total = groupSize === 1e4 ? total + (group + digit) * 1e4 : (total + group + digit) * 1e8;
      group = 0;
      digit = 0;
    } else digit = CHINESE_DIGITS[char] ?? 0;
  }
  return total + group + digit;
}

/**
 * Chinese numerals in the text (十二, 二十五, 一百零八, 两千). A lone 一 or 两 is skipped: it is
 * nearly always an article (一个, 一道题, 两边) rather than a count, and a run of units alone
 * (千万, "by all means") is a word, not a number.
 */
export function readChineseNumerals(text: string): number[] {
  const values: number[] = [];
  for (const [numeral] of text.matchAll(/[零〇一二两三四五六七八九十百千万亿]+/g)) {
    if (numeral === '一' || numeral === '两') continue;
    if (!/[零〇一二两三四五六七八九十]/.test(numeral)) continue;
    values.push(chineseNumeralValue(numeral));
  }
  // 三分之二 is 2/3: the denominator is said first.
  for (const [, denominator, numerator] of text.matchAll(FRACTION)) {
    values.push(
      chineseNumeralValue(numerator as string) / chineseNumeralValue(denominator as string),
    );
  }
  return values.filter(Number.isFinite);
}

const ENGLISH_SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const ENGLISH_TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ENGLISH_GROUPS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const ENGLISH_WORD = new RegExp(
  `\\b(?:${[...ENGLISH_SMALL, ...ENGLISH_TENS, 'hundred', ...Object.keys(ENGLISH_GROUPS)].join('|')}|and)\\b`,
  'gi',
);

type WordKind = 'small' | 'tens' | 'hundred' | 'group';

/**
 * English number words (twelve, twenty-five, one hundred and eight). Words that cannot continue
 * the number before them start a new one, so "twelve thirteen" is two numbers, not 25.
 */
export function readEnglishNumberWords(text: string): number[] {
  const values: number[] = [];
  let total = 0;
  let current = 0;
  let last: WordKind | undefined;
  let lastEnd = -1;
  const finish = () => {
    if (last) values.push(total + current);
    total = 0;
    current = 0;
    last = undefined;
  };
  for (const match of text.matchAll(ENGLISH_WORD)) {
    const word = match[0].toLowerCase();
    const gap = text.slice(lastEnd, match.index);
    // Only spaces and hyphens join words into one number; "and" only after hundred/thousand.
    if (lastEnd < 0 || !/^[\s-]*$/.test(gap)) finish();
    lastEnd = match.index + match[0].length;
    if (word === 'and') {
      if (last !== 'hundred' && last !== 'group') finish();
      continue;
    }
    const small = ENGLISH_SMALL.indexOf(word);
    const tens = ENGLISH_TENS.indexOf(word);
    const group = ENGLISH_GROUPS[word];
    if (small >= 0) {
      if (last === 'small' || (last === 'tens' && small >= 10)) finish();
      current += small;
      last = 'small';
    } else if (tens >= 0) {
      if (last === 'small' || last === 'tens') finish();
      current += (tens + 2) * 10;
      last = 'tens';
    } else if (word === 'hundred') {
      if (last !== 'small') continue;
      current *= 100;
      last = 'hundred';
    } else if (group) {
      if (!last || last === 'group') continue;
      total += current * group;
      current = 0;
      last = 'group';
    }
  }
  finish();
  return values;
}
