/**
 * The characters an OpenType font (.otf or .ttf, not a collection) maps to glyphs: its Windows
 * Unicode cmap, format 12 (full repertoire) if it has one, else format 4 (BMP). Small on purpose:
 * the preview image only needs to know which characters its font can draw.
 */
export function fontCharacters(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = tableOffset(view, 'cmap');
  const subtables = new Map<string, number>();
  const count = view.getUint16(cmap + 2);
  for (let index = 0; index < count; index += 1) {
    const record = cmap + 4 + index * 8;
    const key = `${view.getUint16(record)}/${view.getUint16(record + 2)}`;
    subtables.set(key, cmap + view.getUint32(record + 4));
  }
  const full = subtables.get('3/10') ?? subtables.get('0/4');
  if (full !== undefined && view.getUint16(full) === 12) return format12(view, full);
  const bmp = subtables.get('3/1') ?? subtables.get('0/3');
  if (bmp !== undefined && view.getUint16(bmp) === 4) return format4(view, bmp);
  throw new Error('The font has no Unicode cmap of format 12 or 4.');
}

function tableOffset(view: DataView, tag: string): number {
  const tables = view.getUint16(4);
  for (let index = 0; index < tables; index += 1) {
    const record = 12 + index * 16;
    const name = String.fromCharCode(...[0, 1, 2, 3].map((byte) => view.getUint8(record + byte)));
    if (name === tag) return view.getUint32(record + 8);
  }
  throw new Error(`The font has no ${tag} table.`);
}

function format12(view: DataView, offset: number): Set<number> {
  const characters = new Set<number>();
  const groups = view.getUint32(offset + 12);
  for (let index = 0; index < groups; index += 1) {
    const group = offset + 16 + index * 12;
    const last = view.getUint32(group + 4);
    const glyph = view.getUint32(group + 8);
    for (let code = view.getUint32(group); code <= last; code += 1) {
      if (glyph + (code - view.getUint32(group)) !== 0) characters.add(code);
    }
  }
  return characters;
}

function format4(view: DataView, offset: number): Set<number> {
  const characters = new Set<number>();
  const segments = view.getUint16(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let segment = 0; segment < segments; segment += 1) {
    const end = view.getUint16(ends + segment * 2);
    const start = view.getUint16(starts + segment * 2);
    const delta = view.getInt16(deltas + segment * 2);
    const rangeOffsetAt = rangeOffsets + segment * 2;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let code = start; code <= end && code !== 0xffff; code += 1) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (code + delta) & 0xffff;
      } else {
        const index = view.getUint16(rangeOffsetAt + rangeOffset + (code - start) * 2);
        glyph = index === 0 ? 0 : (index + delta) & 0xffff;
      }
      if (glyph !== 0) characters.add(code);
    }
  }
  return characters;
}
