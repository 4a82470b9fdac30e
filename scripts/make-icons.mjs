#!/usr/bin/env node
// Draws the extension icon (a document with a check mark) at each size and writes public/icon/N.png.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x / size, y / size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const BLUE = [26, 82, 118, 255],
  WHITE = [255, 255, 255, 255],
  GREEN = [39, 174, 96, 255],
  NONE = [0, 0, 0, 0];
const distToSegment = (px, py, ax, ay, bx, by) => {
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
};
const icon = (x, y) => {
  const r = 0.18,
    inX = Math.min(x, 1 - x),
    inY = Math.min(y, 1 - y);
  if (inX < r && inY < r && Math.hypot(r - inX, r - inY) > r) return NONE;
  const check = Math.min(distToSegment(x, y, 0.28, 0.55, 0.45, 0.72), distToSegment(x, y, 0.45, 0.72, 0.76, 0.32));
  if (check < 0.07) return GREEN;
  if (x > 0.2 && x < 0.8 && y > 0.14 && y < 0.86) return WHITE;
  return BLUE;
};
const dir = path.resolve(import.meta.dirname, '..', 'public', 'icon');
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(path.join(dir, `${size}.png`), png(size, icon));
console.log(`icons written to ${dir}`);
