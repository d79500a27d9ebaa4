// Flags: --expose-gc
'use strict';
// A Request follows its init.signal: aborting the parent aborts every
// request made with it, and the parent holds requests weakly, so the abort
// listeners of requests that were collected go away (many fetches may share
// one long-lived signal), while those of live requests stay. (node 18.20.4's
// undici loses the link of live requests too once a GC runs, so it fails the
// last part.)
const common = require('../common');
const assert = require('assert');
const { getEventListeners } = require('events');

const parent = new AbortController();
process.on('warning', common.mustCall((warning) => {
  assert.strictEqual(warning.name, 'MaxListenersExceededWarning');
}, 1));

const kept = [];
for (let i = 0; i < 20; i++) {
  kept.push(new Request('http://a.test/', { signal: parent.signal }));
}
for (let i = 0; i < 2000; i++) {
  new Request('http://a.test/', { signal: parent.signal });
}
assert.strictEqual(getEventListeners(parent.signal, 'abort').length, 2020);

global.gc();
setImmediate(common.mustCall(() => {
  global.gc();
  setTimeout(common.mustCall(() => {
    const left = getEventListeners(parent.signal, 'abort').length;
    assert.ok(left < 2020, `${left} listeners left`);
    assert.ok(left >= 20, `${left} listeners left`);
    parent.abort();
    for (const request of kept) {
      assert.strictEqual(request.signal.aborted, true);
      assert.strictEqual(request.signal.reason.name, 'AbortError');
    }
  }), 20);
}));
