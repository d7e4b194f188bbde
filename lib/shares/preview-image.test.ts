import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreviewCard } from './preview-card';
import { renderPreviewImage } from './preview-image';

// Set VERSUS_PREVIEW_SAMPLES=/tmp/previews to keep every PNG these tests draw, to look at them.
const samples = process.env.VERSUS_PREVIEW_SAMPLES;

async function render(name: string, card: PreviewCard): Promise<{ png: Buffer; headers: Headers }> {
  const response = await renderPreviewImage(card);
  const png = Buffer.from(await response.arrayBuffer());
  if (samples) {
    mkdirSync(samples, { recursive: true });
    writeFileSync(join(samples, `${name}.png`), png);
  }
  return { png, headers: response.headers };
}

/** Width, height and RGBA rows of an 8-bit, non-interlaced PNG (what the renderer writes). */
function decodePng(png: Buffer) {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect(body[8]).toBe(8);
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[body[9] ?? -1] ?? 0;
      expect(body[12]).toBe(0);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return a <= b && a <= c ? left : b <= c ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter ?? 0] ?? 0;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** How many pixels between two heights are bright: drawn text on the dark card. */
function inkBetween(png: Buffer, top: number, bottom: number): number {
  const { width, channels, pixels } = decodePng(png);
  let ink = 0;
  for (let y = top; y < bottom; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if ((pixels[(y * width + x) * channels] ?? 0) > 160) ink += 1;
    }
  }
  return ink;
}

const lineup = (...names: string[]) =>
  names.map((name, index) => ({
    name,
    tokensPerSecond: [48.2, 22.4, 9.53, 31, null, 120][index] ?? null,
  }));

const acrostic: PreviewCard = {
  prompt: '用"新年快乐万事如意"写一首藏头诗',
  columns: lineup('deepseek-r1:7b', 'deepseek-r1:32b'),
  outcome: '32b won',
  blind: false,
  turns: 1,
};

// Each image is about 0.3 s of CPU, more on a loaded machine; the first also loads the fonts.
describe('renderPreviewImage', { timeout: 30_000 }, () => {
  let fetched: string[];
  beforeEach(() => {
    fetched = [];
    const real = globalThis.fetch;
    // next/og loads its own WebAssembly from data: URLs; anything else would be a download.
    vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith('data:')) return real(input, init);
      fetched.push(url);
      return Promise.reject(new Error('The preview image must not fetch anything.'));
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    expect(fetched).toEqual([]);
  });

  it('draws a 1200×630 PNG, which no cache keeps past a revocation', async () => {
    const { png, headers } = await render('two-columns', acrostic);
    expect(headers.get('content-type')).toBe('image/png');
    expect(headers.get('content-length')).toBe(String(png.length));
    expect(headers.get('cache-control')).toBe('no-cache');
    const { width, height } = decodePng(png);
    expect([width, height]).toEqual([1200, 630]);
  });

  it('draws the glyphs of a Chinese prompt', async () => {
    const [chinese, empty] = await Promise.all([
      render('chinese', {
        ...acrostic,
        prompt: '一个笼子，里头有鸡和兔子，一共有25个头和76只脚，请问笼子里边鸡和兔子各有多少只？',
      }),
      render('empty-prompt', { ...acrostic, prompt: '' }),
    ]);
    // The prompt's band, between the header and the lineup.
    const drawn = inkBetween(chinese.png, 130, 420);
    expect(inkBetween(empty.png, 130, 420)).toBe(0);
    expect(drawn).toBeGreaterThan(20_000);
  });

  it('fits two to six columns, and a blind card', async () => {
    const names = [
      'deepseek-r1:7b',
      'deepseek-r1:32b',
      'DeepSeek-R1-Distill-Qwen-32B',
      'deepseek-reasoner',
      'qwen3:30b-a3b',
      'llama3.3:70b-instruct-q4_K_M',
    ];
    for (const count of [3, 4, 6]) {
      const { png } = await render(`${count}-columns`, {
        prompt: 'Write a snake game that runs in the browser, in a single HTML file.',
        columns: lineup(...names.slice(0, count)),
        outcome: count === 3 ? 'deepseek-reasoner won' : null,
        blind: false,
        turns: count,
      });
      expect(decodePng(png).width).toBe(1200);
    }
    const { png } = await render('blind', { ...acrostic, blind: true, outcome: null, turns: 2 });
    expect(decodePng(png).height).toBe(630);
  });

  it('draws text its fonts lack without fetching a font or an emoji, and without failing', async () => {
    const { png } = await render('uncovered', {
      ...acrostic,
      prompt: 'Snake 🐍 game ✅, 안녕하세요, 𠀀 and ﷺ, 新年快乐',
      columns: lineup('llama 🦙', 'gemma3:27b'),
      outcome: 'Tie 🤝',
    });
    expect(decodePng(png).width).toBe(1200);
  });

  it('clamps a long prompt instead of pushing the lineup down', async () => {
    const card = { ...acrostic, turns: 3 };
    const [short, long] = await Promise.all([
      render('short-prompt', card),
      render('long-prompt', {
        ...card,
        prompt: '写一个可以在浏览器上打开的贪吃蛇游戏，'.repeat(20),
      }),
    ]);
    // The lineup's cards, the image's lower third, are the same pixels under either prompt.
    const lower = (png: Buffer) => {
      const { width, channels, pixels } = decodePng(png);
      return pixels.subarray(400 * width * channels);
    };
    expect(inkBetween(long.png, 130, 400)).toBeGreaterThan(inkBetween(short.png, 130, 400));
    expect(lower(long.png).equals(lower(short.png))).toBe(true);
  });
});
