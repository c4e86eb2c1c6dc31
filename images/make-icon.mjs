// Draws images/icon.png (128×128): a small sailboat on a blue rounded square. Shapes are sampled 4×4 per pixel for
// smooth edges; the PNG is written by hand with node:zlib so the icon needs no image tools.
// Run: node images/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;

const inRoundedSquare = (x, y, r) => {
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

// Point-in-polygon by edge signs (the polygons below are convex and listed clockwise).
const inConvex = (pts) => (x, y) => pts.every(([ax, ay], i) => {
  const [bx, by] = pts[(i + 1) % pts.length];
  return (bx - ax) * (y - ay) - (by - ay) * (x - ax) >= 0;
});

// Later layers paint over earlier ones.
const layers = [
  { hit: (x, y) => inRoundedSquare(x, y, 26), color: (_x, y) => mix([70, 107, 176], [38, 62, 112], y / SIZE) },
  { hit: inConvex([[67, 18], [100, 84], [67, 84]]), color: () => [255, 255, 255] },
  { hit: inConvex([[61, 34], [61, 84], [32, 84]]), color: () => [190, 211, 242] },
  { hit: inConvex([[28, 90], [100, 90], [88, 104], [40, 104]]), color: () => [255, 255, 255] },
];

function mix(a, b, t) {
  return a.map((v, i) => Math.round(v + (b[i] - v) * t));
}

function pixel(px, py) {
  const acc = [0, 0, 0, 0];
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      const top = layers.findLast((l) => l.hit(x, y));
      if (!top) continue;
      const c = top.color(x, y);
      for (let i = 0; i < 3; i++) acc[i] += c[i];
      acc[3] += 1;
    }
  }
  if (acc[3] === 0) return [0, 0, 0, 0];
  return [acc[0] / acc[3], acc[1] / acc[3], acc[2] / acc[3], (255 * acc[3]) / (SAMPLES * SAMPLES)].map(Math.round);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0 (none), then RGBA
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(row, 1 + x * 4);
  rows.push(row);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no interlace

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
