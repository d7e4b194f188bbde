// Makes public/favicon.ico (16 and 32 px) and public/apple-touch-icon.png (180 px) from
// public/icon.svg, the app's icon. Browsers that take an SVG icon use it; Safari, older browsers
// and tools that ask for /favicon.ico or /apple-touch-icon.png without reading the page get
// these. Run after changing the icon:
//
//     node scripts/make-icons.mjs
//
// It rasterises with sharp, which Next.js installs for image optimisation.
import { readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { root } from './lib.mjs';

const svg = readFileSync(`${root}/public/icon.svg`, 'utf8');

/** The icon's marks on a full square: iOS rounds the corners itself and fills clear ones black. */
const squareSvg = svg.replace(
  /<rect width="20" height="20" rx="5"/,
  '<rect width="20" height="20"',
);
if (squareSvg === svg) throw new Error('public/icon.svg no longer starts with its rounded square.');

const png = (source, size) =>
  sharp(Buffer.from(source), { density: (72 * size) / 20 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();

/** An ICO file holding PNG images, as every browser since Internet Explorer 9 reads. */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

const sizes = [16, 32];
const images = await Promise.all(sizes.map(async (size) => ({ size, data: await png(svg, size) })));
writeFileSync(`${root}/public/favicon.ico`, ico(images));
writeFileSync(`${root}/public/apple-touch-icon.png`, await png(squareSvg, 180));
console.log('wrote public/favicon.ico and public/apple-touch-icon.png');
