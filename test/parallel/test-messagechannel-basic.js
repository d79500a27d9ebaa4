'use strict';
// Tests MessageChannel/MessagePort/BroadcastChannel within one thread.
const common = require('../common');
const assert = require('assert');
const {
  MessageChannel, MessagePort, BroadcastChannel, receiveMessageOnPort,
} = require('worker_threads');

assert.strictEqual(globalThis.MessageChannel, MessageChannel);
assert.strictEqual(globalThis.MessagePort, MessagePort);
assert.strictEqual(globalThis.BroadcastChannel, BroadcastChannel);

{
  // Delivery is asynchronous and the value is a clone.
  const { port1, port2 } = new MessageChannel();
  const input = { a: [1, 2], m: new Map([[1, 'x']]) };
  let sync = true;
  port2.on('message', common.mustCall((msg) => {
    assert.strictEqual(sync, false);
    assert.notStrictEqual(msg, input);
    assert.deepStrictEqual(msg, input);
    port2.close();
  }));
  port1.postMessage(input);
  sync = false;
}

{
  // Transferring a port inside the message.
  const a = new MessageChannel();
  const b = new MessageChannel();
  a.port2.onmessage = common.mustCall((ev) => {
    assert(ev instanceof MessageEvent);
    assert.strictEqual(ev.ports.length, 1);
    assert.strictEqual(ev.data.p, ev.ports[0]);
    ev.data.p.onmessage = common.mustCall((e2) => {
      assert.strictEqual(e2.data, 'hi');
      ev.data.p.close();
      a.port1.close();
    });
    b.port2.postMessage('hi');
  });
  a.port1.postMessage({ p: b.port1 }, [b.port1]);
  assert.throws(() => b.port1.postMessage(1, [b.port1]),
                { name: 'DataCloneError' });
}

{
  // Blob clones, functions do not.
  const { port1, port2 } = new MessageChannel();
  assert.throws(() => port1.postMessage(() => {}), {
    name: 'DataCloneError',
  });
  port2.onmessage = common.mustCall(async ({ data }) => {
    assert(data instanceof Blob);
    assert.strictEqual(await data.text(), 'abc');
    port2.close();
  });
  port1.postMessage(new Blob(['abc']));
}

{
  // receiveMessageOnPort and close events on both ends.
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(7);
  assert.deepStrictEqual(receiveMessageOnPort(port2), { message: 7 });
  assert.strictEqual(receiveMessageOnPort(port2), undefined);
  port2.on('close', common.mustCall());
  port1.on('close', common.mustCall());
  port2.start();
  port1.close();
}

{
  // BroadcastChannel reaches other instances but not the sender.
  const b1 = new BroadcastChannel('t');
  const b2 = new BroadcastChannel('t');
  b1.onmessage = common.mustNotCall();
  b2.onmessage = common.mustCall((ev) => {
    assert.deepStrictEqual(ev.data, { x: 1 });
    b1.close();
    b2.close();
    assert.throws(() => b1.postMessage(1), /BroadcastChannel is closed/);
  });
  b1.postMessage({ x: 1 });
}
