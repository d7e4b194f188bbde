import 'server-only';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fontCharacters } from './font-cmap';

/**
 * The preview image's fonts: Noto Sans CJK SC cut down to Latin, punctuation, GB 2312 and the
 * 8,105 characters of 通用规范汉字表 (scripts/make-preview-font.py), shipped in public/fonts.
 */
export const PREVIEW_FONT_FILES = {
  regular: 'versus-preview-regular.otf',
  bold: 'versus-preview-bold.otf',
} as const;

export const PREVIEW_FONT_FAMILY = 'Versus Preview';

export interface PreviewFonts {
  regular: ArrayBuffer;
  bold: ArrayBuffer;
  /** The code points both faces draw. */
  characters: Set<number>;
}

export const previewFontPath = (file: string) =>
  join(/*turbopackIgnore: true*/ process.cwd(), 'public', 'fonts', file);

async function load(): Promise<PreviewFonts> {
  const [regular, bold] = await Promise.all(
    [PREVIEW_FONT_FILES.regular, PREVIEW_FONT_FILES.bold].map((file) =>
      readFile(previewFontPath(file)),
    ),
  );
  if (!regular || !bold) throw new Error('The preview fonts did not load.');
  const boldCharacters = fontCharacters(bold);
  const characters = new Set([...fontCharacters(regular)].filter((c) => boldCharacters.has(c)));
  return { regular: toArrayBuffer(regular), bold: toArrayBuffer(bold), characters };
}

const toArrayBuffer = (bytes: Buffer): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

let loading: Promise<PreviewFonts> | null = null;

/** Read once per process (about 4 MB), then kept; a failed read is retried next time. */
export function previewFonts(): Promise<PreviewFonts> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** Stands for a character the fonts cannot draw. */
export const MISSING_CHARACTER = '□';

/** Emoji and their modifiers, control and format characters (ZWJ), marks (variation selectors). */
const INVISIBLE =
  /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\p{Cc}\p{Cf}\p{M}]/u;

/**
 * The text with every character the fonts cannot draw dealt with here, before satori sees it:
 * next/og fetches a missing glyph from Google Fonts (sending the text) or an emoji from a CDN,
 * and fails the whole image when that fetch fails. Emoji, marks and control characters are
 * dropped; anything else becomes MISSING_CHARACTER; whitespace becomes one space.
 */
export function drawableText(text: string, characters: Set<number>): string {
  let out = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (characters.has(code)) out += character;
    else if (/\s/u.test(character)) out += ' ';
    else if (!INVISIBLE.test(character)) out += MISSING_CHARACTER;
  }
  // A dropped emoji leaves the spaces around it.
  return out.replace(/ {2,}/g, ' ').trim();
}
