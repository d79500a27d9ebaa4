'use strict';
// Event and callback ordering of streams relative to process.nextTick and
// microtasks: a fixed scenario whose order was taken from Node 18.20.4.

require('../common');
const assert = require('assert');
const {
  Readable, Writable, PassThrough, Transform, pipeline, finished,
} = require('stream');

const log = [];
const mark = (s) => log.push(s);
function ticks(tag) {
  process.nextTick(() => mark(tag + ':tick'));
  Promise.resolve().then(() => mark(tag + ':micro'));
}

// Readable in flowing mode.
const r = new Readable({ read() {} });
r.on('data', (d) => mark('r:data ' + d));
r.on('end', () => mark('r:end'));
r.on('close', () => mark('r:close'));
r.on('resume', () => mark('r:resume'));
r.push('a');
r.push(null);
ticks('A');

// Writable write/end/final/finish/close.
const w = new Writable({
  write(c, e, cb) { mark('w:write'); cb(); },
  final(cb) { mark('w:final'); cb(); },
});
w.on('prefinish', () => mark('w:prefinish'));
w.on('finish', () => mark('w:finish'));
w.on('close', () => mark('w:close'));
w.write('x', () => mark('w:wcb'));
w.end(() => mark('w:endcb'));
ticks('B');

// destroy() with an error.
const d = new PassThrough();
d.on('error', (e) => mark('d:error ' + e.message));
d.on('close', () => mark('d:close'));
d.destroy(new Error('e1'), () => mark('d:destroycb'));
ticks('C');

// pipeline().
pipeline(
  Readable.from(['p']),
  new PassThrough(),
  new Writable({ write(c, e, cb) { mark('pw:write'); cb(); } }),
  (err) => mark('pipeline:done ' + err));
ticks('D');

// 'readable' events.
const r2 = new Readable({ read() {} });
r2.on('readable', () => {
  mark('r2:readable');
  let c;
  while ((c = r2.read()) !== null) mark('r2:read ' + c);
});
r2.push('q');
r2.push(null);
r2.on('end', () => mark('r2:end'));

// finished().
const f = new PassThrough();
finished(f, (err) => mark('f:finished ' + err));
f.end();
f.resume();

// Transform.
const t = new Transform({
  transform(c, e, cb) { mark('t:transform'); cb(null, c); },
  flush(cb) { mark('t:flush'); cb(); },
});
t.on('data', () => mark('t:data'));
t.on('end', () => mark('t:end'));
t.on('finish', () => mark('t:finish'));
t.end('z');

const expected = [
  'w:write', 'w:final', 'w:prefinish', 'd:destroycb', 't:transform', 't:data',
  't:flush', 'r:resume', 'r:data a', 'A:tick', 'w:wcb', 'w:endcb', 'w:finish',
  'B:tick', 'd:error e1', 'd:close', 'C:tick', 'pw:write', 'D:tick',
  'r2:readable', 'r2:read q', 't:end', 't:finish', 'r:end', 'w:close',
  'r2:end', 'r:close', 'f:finished undefined', 'A:micro', 'B:micro',
  'C:micro', 'D:micro', 'pipeline:done undefined',
];
// Checked at exit, once everything has run however slow the machine is.
process.on('exit', () => assert.deepStrictEqual(log, expected));
