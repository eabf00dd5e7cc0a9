// Renders app/icon.svg (the one drawing of the icon) into the raster icons in public/: favicon.ico (16 and 32 px,
// PNG-in-ICO) for browsers that ask for /favicon.ico, and apple-touch-icon.png (180 px). Debian's Chromium draws
// them, so no image tool is needed:   npx tsx scripts/icons.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** An ICO file holding PNG images (allowed since Windows Vista, read by every current browser). */
export function icoOf(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

async function main() {
  const svg = readFileSync('app/icon.svg', 'utf8');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const render = async (size: number) => {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      return png;
    };
    writeFileSync('public/favicon.ico', icoOf([{ size: 16, png: await render(16) }, { size: 32, png: await render(32) }]));
    writeFileSync('public/apple-touch-icon.png', await render(180));
  } finally {
    await browser.close();
  }
}

if (process.argv[1]?.endsWith('icons.ts')) void main();
