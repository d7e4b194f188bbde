import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  acrosticPoem,
  acrosticPrompt,
  acrosticReasoning,
  chickensPrompt,
  chickensReasoning,
  snakePrompt,
} from '@/e2e/support/seed-prompts';
import { fontCharacters } from './font-cmap';
import {
  drawableText,
  MISSING_CHARACTER,
  PREVIEW_FONT_FILES,
  previewFontPath,
  previewFonts,
} from './preview-fonts';

describe('the preview fonts', () => {
  it('are single OpenType faces, each well under 4 MB', () => {
    for (const file of Object.values(PREVIEW_FONT_FILES)) {
      const bytes = readFileSync(previewFontPath(file));
      expect(bytes.subarray(0, 4).toString('latin1'), file).toBe('OTTO');
      expect(bytes.length, file).toBeLessThan(3_000_000);
    }
  });

  it('draw every character of the Chinese prompts users start with', async () => {
    const { characters } = await previewFonts();
    const text = [
      acrosticPrompt,
      acrosticPoem,
      acrosticReasoning,
      chickensPrompt,
      chickensReasoning,
      snakePrompt,
    ].join('');
    const missing = Array.from(text).filter(
      (c) => !/\s/.test(c) && !characters.has(c.codePointAt(0) ?? 0),
    );
    expect(missing).toEqual([]);
    expect(drawableText(chickensPrompt, characters)).toBe(chickensPrompt);
  });

  it('cover Latin, punctuation, full-width forms and the common hanzi', async () => {
    const { characters } = await previewFonts();
    const has = (text: string) =>
      Array.from(text).every((c) => characters.has(c.codePointAt(0) ?? 0));
    expect(has('AZaz09 !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ éüñ·×—–…“”‘’→')).toBe(true);
    expect(has('，。、；：？！「」『』（）《》【】～')).toBe(true);
    // The first and last hanzi of GB 2312 level 1 and 2, and some of 通用规范汉字表 outside it.
    expect(has('啊座亍齄邗犇')).toBe(true);
    expect(characters.size).toBeGreaterThan(9000);
  });
});

describe('drawableText', () => {
  const characters = new Set(Array.from('ab1 新年', (c) => c.codePointAt(0) ?? 0));

  it('keeps what the fonts draw and marks the rest, dropping emoji and invisible characters', () => {
    expect(drawableText('a 新年 b', characters)).toBe('a 新年 b');
    expect(drawableText('a 안녕 b', characters)).toBe(
      `a ${MISSING_CHARACTER}${MISSING_CHARACTER} b`,
    );
    expect(drawableText('a 🐍 b 👍🏽\u200d 🇨🇳 1️⃣', characters)).toBe('a b 1');
    expect(drawableText('a\n\tb\u0301', characters)).toBe('a b');
  });
});

describe('fontCharacters', () => {
  it('reads the cmap of a TrueType font too', () => {
    const geist = readFileSync('node_modules/next/dist/compiled/@vercel/og/Geist-Regular.ttf');
    const characters = fontCharacters(geist);
    expect(characters.has(0x41)).toBe(true);
    expect(characters.has(0x65b0)).toBe(false);
  });
});
