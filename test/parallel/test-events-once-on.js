'use strict';
// events.once(), events.on() and events.addAbortListener().
const common = require('../common');
const assert = require('assert');
const { EventEmitter, once, on, addAbortListener,
        getEventListeners } = require('events');

(async () => {
  const ee = new EventEmitter();
  process.nextTick(() => ee.emit('hi', 1, 2));
  assert.deepStrictEqual(await once(ee, 'hi'), [1, 2]);
  assert.strictEqual(ee.listenerCount('hi'), 0);
  assert.strictEqual(ee.listenerCount('error'), 0);

  const err = new Error('kaboom');
  process.nextTick(() => ee.emit('error', err));
  await assert.rejects(once(ee, 'hi'), err);
  assert.strictEqual(ee.listenerCount('hi'), 0);

  const ac = new AbortController();
  const p = once(ee, 'hi', { signal: ac.signal });
  ac.abort('why');
  await assert.rejects(p, { name: 'AbortError', code: 'ABORT_ERR',
                            message: 'The operation was aborted',
                            cause: 'why' });
  assert.strictEqual(ee.listenerCount('hi'), 0);
  await assert.rejects(once(ee, 'hi', { signal: AbortSignal.abort() }),
                       { name: 'AbortError' });

  // EventTargets work too.
  const et = new EventTarget();
  process.nextTick(() => et.dispatchEvent(new Event('ping')));
  const [event] = await once(et, 'ping');
  assert.strictEqual(event.type, 'ping');
  assert.strictEqual(getEventListeners(et, 'ping').length, 0);

  // events.on(): queued events are yielded before a later error.
  const src = new EventEmitter();
  const iter = on(src, 'data');
  src.emit('data', 'a');
  src.emit('data', 'b');
  src.emit('error', err);
  const got = [];
  await assert.rejects(async () => {
    for await (const args of iter) got.push(args);
  }, err);
  assert.deepStrictEqual(got, [['a'], ['b']]);
  assert.strictEqual(src.listenerCount('data'), 0);
  assert.strictEqual(src.listenerCount('error'), 0);

  const it2 = on(src, 'data');
  assert.throws(() => it2.throw(), {
    name: 'TypeError',
    message: 'The "EventEmitter.AsyncIterator" property must be an ' +
             'instance of Error. Received undefined',
  });
  assert.deepStrictEqual(await it2.return(), { value: undefined, done: true });
  assert.strictEqual(src.listenerCount('data'), 0);

  const ac2 = new AbortController();
  const it3 = on(src, 'data', { signal: ac2.signal });
  process.nextTick(() => ac2.abort());
  await assert.rejects(it3.next(), { name: 'AbortError' });
  assert.throws(() => on(src, 'data', { signal: AbortSignal.abort() }),
                { name: 'AbortError' });
})().then(common.mustCall());

{
  assert.throws(() => addAbortListener(), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => addAbortListener({}), { code: 'ERR_INVALID_ARG_TYPE' });
  const ac = new AbortController();
  assert.throws(() => addAbortListener(ac.signal, {}),
                { code: 'ERR_INVALID_ARG_TYPE' });
  // Runs even when another listener stops propagation.
  ac.signal.addEventListener('abort', (e) => e.stopImmediatePropagation());
  addAbortListener(ac.signal, common.mustCall((e) => {
    assert.strictEqual(e.target, ac.signal);
  }));
  const disposable = addAbortListener(ac.signal, common.mustNotCall());
  assert.strictEqual(typeof disposable[Symbol.dispose], 'function');
  disposable[Symbol.dispose]();
  ac.abort();
  addAbortListener(AbortSignal.abort(), common.mustCall());
}
