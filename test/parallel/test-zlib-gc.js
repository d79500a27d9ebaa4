'use strict';
// Flags: --expose-gc
// zlib streams dropped without close() are collected, and their handles
// give the engines' native memory back: 2000 used, unclosed deflate streams
// (about 256 KiB of zlib state each, 500 MiB if leaked) leave the RSS within
// what the allocator keeps around.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');

const rounds = 20;
const perRound = 100;
// Enough varied data to touch the engines' windows and tables.
const data = Buffer.alloc(48 * 1024);
for (let i = 0; i < data.length; i++) data[i] = (i * 7919) >> 3;
let start;

function round(n) {
  global.gc();
  if (n === 1) start = process.memoryUsage();
  if (n > rounds) {
    const now = process.memoryUsage();
    const grown = now.rss - start.rss;
    if (process.env.SHOW) console.log(grown);
    assert(grown < 160 * 1024 * 1024, `RSS grew by ${grown}`);
    assert(now.external - start.external < 4 * 1024 * 1024,
           `external grew by ${now.external - start.external}`);
    return;
  }
  let pending = perRound;
  for (let i = 0; i < perRound; i++) {
    const stream = n % 2 ? zlib.createGzip() : zlib.createDeflateRaw();
    stream.on('data', () => {});
    stream.write(data, common.mustCall(() => {
      if (--pending === 0) setImmediate(round, n + 1);
    }));
  }
}

round(1);
