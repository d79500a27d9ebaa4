'use strict';
// AbortController, AbortSignal (abort/timeout/any/throwIfAborted/onabort)
// and DOMException.
const common = require('../common');
const assert = require('assert');
const { inspect } = require('util');

{
  const ac = new AbortController();
  const { signal } = ac;
  assert.strictEqual(signal.aborted, false);
  assert.strictEqual(signal.reason, undefined);
  signal.throwIfAborted();
  assert.strictEqual(
    inspect(ac), 'AbortController { signal: AbortSignal { aborted: false } }');
  assert.strictEqual(String(signal), '[object AbortSignal]');
  signal.onabort = common.mustCall((event) => {
    assert.strictEqual(event.type, 'abort');
    assert.strictEqual(event.isTrusted, true);
    assert.strictEqual(event.target, signal);
  });
  signal.addEventListener('abort', common.mustCall());
  ac.abort();
  ac.abort(); // second abort is a no-op
  assert.strictEqual(signal.aborted, true);
  const reason = signal.reason;
  assert.ok(reason instanceof DOMException);
  assert.ok(reason instanceof Error);
  assert.strictEqual(reason.name, 'AbortError');
  assert.strictEqual(reason.message, 'This operation was aborted');
  assert.strictEqual(reason.code, 20);
  assert.throws(() => signal.throwIfAborted(), reason);
}

{
  const custom = new Error('custom');
  const signal = AbortSignal.abort(custom);
  assert.strictEqual(signal.aborted, true);
  assert.strictEqual(signal.reason, custom);
  assert.throws(() => new AbortSignal(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
  assert.throws(() => Reflect.get(AbortSignal.prototype, 'aborted', {}),
                { code: 'ERR_INVALID_THIS', name: 'TypeError' });
  assert.throws(() => AbortController.prototype.abort.call({}),
                { code: 'ERR_INVALID_THIS', name: 'TypeError' });
}

{
  // AbortSignal.any() follows the first source to abort.
  const a = new AbortController();
  const b = new AbortController();
  const any = AbortSignal.any([a.signal, b.signal]);
  const nested = AbortSignal.any([any]);
  any.addEventListener('abort', common.mustCall());
  b.abort('second');
  a.abort('first');
  assert.strictEqual(any.reason, 'second');
  assert.strictEqual(nested.reason, 'second');
  assert.strictEqual(AbortSignal.any([AbortSignal.abort(1)]).reason, 1);
  assert.strictEqual(AbortSignal.any([]).aborted, false);
}

{
  // AbortSignal.timeout() aborts with a TimeoutError (its timer is unref'd,
  // so keep the process alive meanwhile).
  const signal = AbortSignal.timeout(1);
  const keepAlive = setTimeout(common.mustNotCall(), 10000);
  signal.addEventListener('abort', common.mustCall(() => {
    clearTimeout(keepAlive);
    assert.strictEqual(signal.reason.name, 'TimeoutError');
    assert.strictEqual(signal.reason.message,
                       'The operation was aborted due to timeout');
    assert.strictEqual(signal.reason.code, 23);
  }));
}

{
  const e = new DOMException('msg', 'DataCloneError');
  assert.strictEqual(e.name, 'DataCloneError');
  assert.strictEqual(e.message, 'msg');
  assert.strictEqual(e.code, 25);
  assert.strictEqual(Object.prototype.toString.call(e),
                     '[object DOMException]');
  const d = new DOMException();
  assert.deepStrictEqual([d.name, d.message, d.code], ['Error', '', 0]);
  const withCause = new DOMException('m', { name: 'AbortError', cause: 5 });
  assert.strictEqual(withCause.cause, 5);
  assert.strictEqual(withCause.code, 20);
  assert.strictEqual('cause' in new DOMException('m', { name: 'x' }), false);
  assert.strictEqual(DOMException.TIMEOUT_ERR, 23);
  assert.strictEqual(DOMException.prototype.INDEX_SIZE_ERR, 1);
  assert.throws(() => Reflect.get(DOMException.prototype, 'name', {}),
                { code: 'ERR_INVALID_THIS', name: 'TypeError' });
}
