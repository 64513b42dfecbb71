// Draws images/icon.png (128x128 RGBA): a blue shield with a three-node network graph.
// Deterministic and dependency-free (zlib only), so the icon can be regenerated anywhere:
//   node scripts/drawIcon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // supersampling per axis, for smooth edges

// Shapes in unit coordinates (0..1, y down).
const TOP = 0.07;
const SHOULDER = 0.52;
const BOTTOM = 0.95;
const HALF_WIDTH = 0.4;
const CORNER = 0.08;

/** Half width of the shield at height v (0 outside). */
function shieldHalfWidth(v, inset) {
  const top = TOP + inset;
  const bottom = BOTTOM - inset * 1.6;
  const half = HALF_WIDTH - inset;
  if (v < top || v > bottom) return 0;
  if (v < top + CORNER) {
    const dy = top + CORNER - v;
    return half - CORNER + Math.sqrt(Math.max(0, CORNER * CORNER - dy * dy));
  }
  if (v <= SHOULDER) return half;
  const t = (v - SHOULDER) / (bottom - SHOULDER);
  return half * Math.pow(1 - t * t, 0.7);
}

const inShield = (u, v, inset) => Math.abs(u - 0.5) <= shieldHalfWidth(v, inset);

function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const NODES = [
  [0.5, 0.31],
  [0.33, 0.61],
  [0.67, 0.61],
];
const EDGES = [
  [0, 1],
  [0, 2],
  [1, 2],
];
const NODE_RADIUS = 0.075;
const EDGE_WIDTH = 0.035;

const BORDER = [232, 240, 254];
const TOP_BLUE = [74, 134, 240];
const BOTTOM_BLUE = [31, 79, 184];
const WHITE = [255, 255, 255];

/** Colour (RGBA) of one sample point. */
function sample(u, v) {
  if (!inShield(u, v, 0)) return [0, 0, 0, 0];
  if (!inShield(u, v, 0.035)) return [...BORDER, 255];
  const onGraph =
    NODES.some(([x, y]) => Math.hypot(u - x, v - y) <= NODE_RADIUS) ||
    EDGES.some(([a, b]) => segmentDistance(u, v, ...NODES[a], ...NODES[b]) <= EDGE_WIDTH / 2);
  if (onGraph) return [...WHITE, 255];
  const t = (v - TOP) / (BOTTOM - TOP);
  return [...TOP_BLUE.map((c, i) => Math.round(c + (BOTTOM_BLUE[i] - c) * t)), 255];
}

function render() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [r, g, b, a] = sample((x + (sx + 0.5) / SAMPLES) / SIZE, (y + (sy + 0.5) / SAMPLES) / SIZE);
          // Premultiplied accumulation, so transparent samples do not darken the edges.
          acc[0] += r * a;
          acc[1] += g * a;
          acc[2] += b * a;
          acc[3] += a;
        }
      }
      const o = (y * SIZE + x) * 4;
      const alpha = acc[3] / (SAMPLES * SAMPLES);
      for (let i = 0; i < 3; i++) rgba[o + i] = acc[3] === 0 ? 0 : Math.round(acc[i] / acc[3]);
      rgba[o + 3] = Math.round(alpha);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) rgba.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4); // filter 0 per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../images/icon.png', import.meta.url);
writeFileSync(out, png(render()));
console.log(`wrote ${out.pathname}`);
