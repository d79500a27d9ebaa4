'use strict';
// process.stdin as Node picks it: a net.Socket over a pipe, an
// fs.ReadStream over a file, an empty stream over /dev/null; it is paused
// until read from and does not keep the process alive.
require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const os = require('os');
const { spawnSync } = require('child_process');

if (process.argv[2] === 'child') {
  const stdin = process.stdin;
  process.stdout.write(`${stdin.constructor.name} ${stdin.fd} ` +
                       `${stdin.readableFlowing} `);
  let data = '';
  stdin.setEncoding('utf8');
  stdin.on('data', (d) => { data += d; });
  stdin.on('end', () => process.stdout.write(`[${data}]`));
  return;
}

function run(args, options) {
  const r = spawnSync(process.execPath, [__filename, ...args],
                      { encoding: 'utf8', ...options });
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.status, 0);
  return r.stdout;
}

// A pipe.
assert.strictEqual(run(['child'], { input: 'piped data' }),
                   'Socket 0 null [piped data]');

// A file.
{
  const file = path.join(os.tmpdir(), `nodus-stdin-${process.pid}.txt`);
  fs.writeFileSync(file, 'from a file\n');
  const fd = fs.openSync(file, 'r');
  try {
    assert.strictEqual(run(['child'], { stdio: [fd, 'pipe', 'pipe'] }),
                       'ReadStream 0 null [from a file\n]');
  } finally {
    fs.closeSync(fd);
    fs.unlinkSync(file);
  }
}

// Touching process.stdin without reading exits at once.
{
  const r = spawnSync(process.execPath, ['-e', 'process.stdin; 0'], {
    stdio: ['pipe', 'pipe', 'pipe'], timeout: 5000,
  });
  assert.strictEqual(r.status, 0);
  assert.strictEqual(r.signal, null);
}
