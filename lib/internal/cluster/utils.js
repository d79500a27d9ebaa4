'use strict';
// internal/cluster/utils.js - the cluster's message protocol over the IPC
// channel: NODE_CLUSTER messages with sequence numbers, and replies routed
// to the callback waiting for them.

const {
  ReflectApply,
  SafeMap,
} = primordials;

const callbacks = new SafeMap();
let seq = 0;

/* sendHelper(proc, message, handle[, cb]) -> whether it was sent: sends
 * { cmd: 'NODE_CLUSTER', ...message, seq } on proc's channel; cb(reply,
 * handle) runs when the other side answers with { ack: seq }. */
function sendHelper(proc, message, handle, cb) {
  if (!proc.connected) return false;
  message = { cmd: 'NODE_CLUSTER', ...message, seq };
  if (typeof cb === 'function') callbacks.set(seq, cb);
  seq += 1;
  return proc.send(message, handle);
}

/* internal(worker, cb) -> an 'internalMessage' listener: NODE_CLUSTER
 * messages go to cb (or to the callback of the message they answer),
 * with `this` = worker. */
function internal(worker, cb) {
  return function onInternalMessage(message, handle) {
    if (message.cmd !== 'NODE_CLUSTER') return;
    let fn = cb;
    if (message.ack !== undefined) {
      const callback = callbacks.get(message.ack);
      if (callback !== undefined) {
        fn = callback;
        callbacks.delete(message.ack);
      }
    }
    ReflectApply(fn, worker, [message, handle]);
  };
}

module.exports = { internal, sendHelper };
