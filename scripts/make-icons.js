// Draws the add-in's icons (a bar chart on a teal tile) as PNGs in assets/, with no image library.
// Run once with `node scripts/make-icons.js`; the PNGs are committed.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function drawIcon(size) {
  const tile = [0x00, 0x6e, 0x7a];
  const bar = [0xff, 0xff, 0xff];
  const bars = [0.45, 0.7, 0.95, 0.6];
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0]; // filter: none
    for (let x = 0; x < size; x++) {
      const u = x / size;
      const v = 1 - y / size;
      const slot = Math.floor((u - 0.15) / 0.18);
      const inBar =
        slot >= 0 &&
        slot < bars.length &&
        (u - 0.15) % 0.18 < 0.12 &&
        v > 0.15 &&
        v < 0.15 + bars[slot] * 0.7;
      row.push(...(inBar ? bar : tile), 255);
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = path.join(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(out, `icon-${size}.png`), drawIcon(size));
}
