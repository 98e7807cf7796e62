// Draws the app icon once, with Debian's Chromium and the Noto CJK font: a blue rounded square
// with a white 司. Writes build/icons/<n>x<n>.png (Linux, 16–512 px) and build/icons/icon.ico
// (Windows, PNG-compressed images 16–256 px). The results are committed; run again only to
// change the icon: `npx tsx build/make-icons.ts`. Not part of any build or test.

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './paths.ts';

const iconDir = path.join(repoRoot, 'build', 'icons');
const PNG_SIZES = [16, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

function iconSvg(size: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="${size}" height="${size}">
  <defs>
    <linearGradient id="face" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2b62c9"/>
      <stop offset="1" stop-color="#163a85"/>
    </linearGradient>
  </defs>
  <rect x="16" y="16" width="480" height="480" rx="96" fill="url(#face)"/>
  <rect x="112" y="418" width="288" height="20" rx="10" fill="#f2c14e"/>
  <text x="256" y="222" text-anchor="middle" dominant-baseline="central"
        font-family="Noto Sans CJK SC" font-weight="700" font-size="290" fill="#ffffff">司</text>
</svg>`;
}

/** An .ico holding PNG images (supported by Windows since Vista, and by NSIS and electron-builder). */
function icoFile(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const rendered = new Map<number, Buffer>();
  for (const size of new Set([...PNG_SIZES, ...ICO_SIZES])) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${iconSvg(size)}</body></html>`);
    await page.evaluate(() => document.fonts.ready);
    rendered.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    await page.close();
  }
  fs.mkdirSync(iconDir, { recursive: true });
  for (const size of PNG_SIZES) fs.writeFileSync(path.join(iconDir, `${size}x${size}.png`), rendered.get(size)!);
  fs.writeFileSync(path.join(iconDir, 'icon.ico'), icoFile(ICO_SIZES.map((size) => ({ size, png: rendered.get(size)! }))));
  console.log(`已生成 ${iconDir} 下的图标`);
} finally {
  await browser.close();
}
