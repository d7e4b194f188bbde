import 'server-only';
import { ImageResponse } from 'next/og';
import type { CSSProperties } from 'react';
import { type PreviewCard, previewCardText } from './preview-card';
import { drawableText, PREVIEW_FONT_FAMILY, previewFonts } from './preview-fonts';

export const PREVIEW_IMAGE_SIZE = { width: 1200, height: 630 } as const;

const PADDING_X = 72;
const TEXT_WIDTH = PREVIEW_IMAGE_SIZE.width - 2 * PADDING_X;

const colors = {
  background: '#09090b',
  surface: '#18181b',
  border: '#27272a',
  text: '#fafafa',
  muted: '#a1a1aa',
  faint: '#71717a',
  accent: '#818cf8',
};

/**
 * The link preview of a share: a 1200×630 PNG saying what was compared, how fast and who won,
 * with the first prompt. A blind card names no model and shows no speed. Text the fonts cannot
 * draw is replaced before rendering (see drawableText), so nothing is fetched at run time.
 *
 * It resolves once the PNG is drawn (a failure rejects, for the route to answer 500, instead of
 * breaking a 200 answer's body midway). The answer carries `Cache-Control: no-cache`: a revoked
 * share's image must not outlive it in a cache. A route may set other headers before returning it.
 */
export async function renderPreviewImage(card: PreviewCard): Promise<Response> {
  const fonts = await previewFonts();
  const draw = (text: string) => drawableText(text, fonts.characters);
  const text = previewCardText(card);
  const image = (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        padding: `52px ${PADDING_X}px 56px`,
        background: colors.background,
        color: colors.text,
        fontFamily: PREVIEW_FONT_FAMILY,
      }}
    >
      <Header badge={text.badge ? draw(text.badge) : null} turns={text.turns} />
      <Prompt text={draw(text.prompt)} />
      <Lineup
        columns={text.columns.map((column) => ({ name: draw(column.name), speed: column.speed }))}
        summary={card.blind ? draw(text.summary) : null}
      />
    </div>
  );
  const drawn = new ImageResponse(image, {
    ...PREVIEW_IMAGE_SIZE,
    fonts: [
      { name: PREVIEW_FONT_FAMILY, data: fonts.regular, weight: 400, style: 'normal' },
      { name: PREVIEW_FONT_FAMILY, data: fonts.bold, weight: 700, style: 'normal' },
    ],
  });
  const png = await drawn.arrayBuffer();
  return new Response(png, {
    headers: {
      'content-type': 'image/png',
      'content-length': String(png.byteLength),
      'cache-control': 'no-cache',
    },
  });
}

/** The app's icon (public/icon.svg), drawn at `size` pixels. */
function Mark({ size }: { size: number }) {
  const unit = size / 20;
  const bar = (left: number, top: number, height: number, color: string): CSSProperties => ({
    position: 'absolute',
    left: left * unit,
    top: top * unit,
    width: 4 * unit,
    height: height * unit,
    borderRadius: unit,
    background: color,
  });
  return (
    <div
      style={{
        display: 'flex',
        position: 'relative',
        width: size,
        height: size,
        borderRadius: 5 * unit,
        background: colors.surface,
        border: `1px solid ${colors.border}`,
      }}
    >
      <div style={bar(5, 5, 10, colors.accent)} />
      <div style={bar(11, 8, 7, '#ffffff')} />
    </div>
  );
}

function Header({ badge, turns }: { badge: string | null; turns: string | null }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <Mark size={48} />
        <div style={{ fontSize: 36, fontWeight: 700, letterSpacing: -0.5 }}>Versus</div>
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 20 }}>
        {turns ? <div style={{ fontSize: 26, color: colors.muted }}>{turns}</div> : null}
        {badge ? (
          <div
            style={{
              display: 'flex',
              padding: '8px 22px',
              borderRadius: 999,
              background: 'rgba(129, 140, 248, 0.16)',
              border: '1px solid rgba(129, 140, 248, 0.45)',
              color: '#c7d2fe',
              fontSize: 28,
              fontWeight: 700,
              maxWidth: 560,
            }}
          >
            {badge}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** A rough width in ems: CJK and full-width characters are one em, the rest about half. */
function ems(text: string): number {
  let width = 0;
  for (const character of text) {
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        character,
      )
        ? 1
        : 0.55;
  }
  return width;
}

/** The largest type at which the prompt fits: two lines at most at 60px, three below; past that it is clamped. */
function promptSize(text: string): number {
  const width = ems(text);
  // Lines break at words, so they are not full: count on about 90% of each.
  const fits = (size: number, lines: number) => width * size <= TEXT_WIDTH * lines * 0.9;
  if (fits(60, 2)) return 60;
  return [52, 44].find((size) => fits(size, 3)) ?? 40;
}

function Prompt({ text }: { text: string }) {
  const size = promptSize(text);
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        flexGrow: 1,
        gap: 14,
      }}
    >
      <div
        style={{
          display: 'block',
          fontSize: size,
          fontWeight: 700,
          lineHeight: 1.3,
          letterSpacing: -0.5,
          lineClamp: 3,
          overflow: 'hidden',
        }}
      >
        {text || ' '}
      </div>
    </div>
  );
}

function Lineup({
  columns,
  summary,
}: {
  columns: { name: string; speed: string | null }[];
  summary: string | null;
}) {
  const many = columns.length > 3;
  const nameSize = [38, 38, 38, 32, 27, 24, 22][columns.length] ?? 22;
  // A column's place is its identity here: the same model may stand in two columns.
  const placed = columns.map((column, place) => ({ ...column, place }));
  const cards = placed.flatMap((column) => {
    const card = (
      <div
        key={`card-${column.place}`}
        style={{
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          flexGrow: 1,
          flexBasis: 0,
          minWidth: 0,
          gap: 8,
          padding: many ? '16px 18px 18px' : '20px 28px 24px',
          borderRadius: 18,
          background: colors.surface,
          border: `1px solid ${colors.border}`,
          borderTop: `5px solid ${column.place % 2 === 0 ? colors.accent : '#e4e4e7'}`,
        }}
      >
        <div
          style={{
            display: 'block',
            fontSize: nameSize,
            fontWeight: 700,
            lineHeight: 1.2,
            lineClamp: 2,
            overflow: 'hidden',
            wordBreak: 'break-word',
          }}
        >
          {column.name}
        </div>
        {column.speed ? (
          <div style={{ fontSize: nameSize - 4, color: '#d4d4d8' }}>{column.speed}</div>
        ) : null}
      </div>
    );
    if (column.place === 0 || many) return [card];
    const versus = (
      <div
        key={`vs-${column.place}`}
        style={{
          display: 'flex',
          alignSelf: 'center',
          fontSize: 26,
          fontWeight: 700,
          color: colors.faint,
        }}
      >
        vs
      </div>
    );
    return [versus, card];
  });
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 18 }}>
      <div style={{ display: 'flex', alignItems: 'stretch', gap: many ? 12 : 20 }}>{cards}</div>
      {summary ? <div style={{ fontSize: 30, color: '#d4d4d8' }}>{summary}</div> : null}
    </div>
  );
}
