'use strict';
// internal/child_process/channel.js - the IPC channel between a parent
// and a child (ChildProcess in the parent, `process` in the child):
// send() with handles, the handle acknowledgement protocol, internal
// ('NODE_'-prefixed) messages, disconnect, and ref counting.

const {
  ArrayIsArray,
  FunctionPrototypeCall,
  ObjectDefineProperty,
  StringPrototypeStartsWith,
  Symbol,
} = primordials;

const EventEmitter = require('events');
const {
  errnoException,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_IPC_CHANNEL_CLOSED,
    ERR_IPC_DISCONNECTED,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateObject } = require('internal/validators');
const { deprecate } = require('internal/util');
const serializations = require('internal/child_process/serialization');

const { kChannelHandle } = require('internal/child_process');

const { UV_EBADF } = internalBinding('uv');
const kPendingMessages = Symbol('kPendingMessages');

const MAX_HANDLE_RETRANSMISSIONS = 3;
const kWriteQueueLimit = 65536 * 2;

let handles;
function lazyHandles() {
  handles ??= require('internal/child_process/handles');
  return handles;
}

function nop() {}

/* The public face of a channel (subprocess.channel, process.channel):
 * ref()/unref() pin the choice; refCounted()/unrefCounted() track
 * listeners and writes in flight until then. */
class Control extends EventEmitter {
  #channel = null;
  #refs = 0;
  #refExplicitlySet = false;

  constructor(channel) {
    super();
    this.#channel = channel;
    this[kPendingMessages] = 0;
  }

  refCounted() {
    if (++this.#refs === 1 && !this.#refExplicitlySet) this.#channel.ref();
  }

  unrefCounted() {
    if (--this.#refs === 0 && !this.#refExplicitlySet) {
      this.#channel.unref();
      this.emit('unref');
    }
  }

  ref() {
    this.#refExplicitlySet = true;
    this.#channel.ref();
  }

  unref() {
    this.#refExplicitlySet = true;
    this.#channel.unref();
  }

  get fd() {
    return this.#channel ? this.#channel.fd : undefined;
  }
}

/* True for the protocol's own messages ({ cmd: 'NODE_...' }). */
function isInternal(message) {
  return message !== null && typeof message === 'object' &&
    typeof message.cmd === 'string' && message.cmd.length > 5 &&
    StringPrototypeStartsWith(message.cmd, 'NODE_');
}

function closePendingHandle(target) {
  target._pendingMessage.handle.close();
  target._pendingMessage = null;
}

/* A fresh native handle of `type` ('TCP' | 'Pipe' | 'UDP') to receive a
 * passed handle into. */
function newHandleOfType(type) {
  if (type === 'TCP') {
    const { TCP, constants } = internalBinding('tcp_wrap');
    return new TCP(constants.SOCKET);
  }
  if (type === 'Pipe') {
    const { Pipe, constants } = internalBinding('pipe_wrap');
    return new Pipe(constants.SOCKET);
  }
  const { UDP } = internalBinding('udp_wrap');
  return new UDP();
}

/* setupChannel(target, channel, serializationMode) -> Control: turns the
 * IPC Pipe `channel` into target.send()/disconnect()/connected/channel and
 * the 'message', 'internalMessage' and 'disconnect' events. */
function setupChannel(target, channel, serializationMode) {
  const control = new Control(channel);
  target.channel = control;
  target[kChannelHandle] = channel;

  ObjectDefineProperty(target, '_channel', {
    __proto__: null,
    get: deprecate(() => target.channel,
                   '_channel is deprecated. Use channel instead.', 'DEP0129'),
    set: deprecate((val) => { target.channel = val; },
                   '_channel is deprecated. Use channel instead.', 'DEP0129'),
    configurable: true,
    enumerable: false,
  });

  target._handleQueue = null;
  target._pendingMessage = null;

  const {
    initMessageChannel,
    parseChannelMessages,
    writeChannelMessage,
  } = serializations[serializationMode || 'json'];

  initMessageChannel(channel);
  channel.sockets = { got: {}, send: {} };

  // A handle arrives with the first bytes of its NODE_HANDLE message and
  // waits here until the message is complete.
  let pendingHandle = null;
  channel.onread = function onread(nread, buf) {
    if (nread > 0) {
      const type = channel.pendingHandleType();
      if (type) {
        if (pendingHandle) pendingHandle.close();
        pendingHandle = newHandleOfType(type);
        if (channel.acceptPending(pendingHandle) !== 0) {
          pendingHandle.close();
          pendingHandle = null;
        }
      }
      const messages = parseChannelMessages(channel, buf);
      for (let i = 0; i < messages.length; i++) {
        const message = messages[i];
        // SCM_RIGHTS data is never coalesced: at most one handle per read,
        // and it belongs to the NODE_HANDLE message of the read.
        if (isInternal(message)) {
          if (message.cmd === 'NODE_HANDLE') {
            handleMessage(message, pendingHandle, true);
            pendingHandle = null;
          } else {
            handleMessage(message, undefined, true);
          }
        } else {
          handleMessage(message, undefined, false);
        }
      }
    } else {
      if (pendingHandle) {
        pendingHandle.close();
        pendingHandle = null;
      }
      this.buffering = false;
      // The peer is gone: a handle send waiting for its ACK, and the
      // messages queued behind it, can never go out. Dropping them lets
      // the disconnect (and its 'disconnect' event) happen now.
      dropHandleQueue();
      target.disconnect();
      channel.onread = nop;
      channel.close();
      target.channel = null;
      target[kChannelHandle] = null;
      if (typeof target._closesNeeded === 'number') {
        require('internal/child_process/subprocess').maybeClose(target);
      }
    }
  };

  target.on('internalMessage', function onInternalMessage(message, handle) {
    if (message.cmd === 'NODE_HANDLE_ACK') {
      if (target._pendingMessage) closePendingHandle(target);
      flushHandleQueue();
      return;
    }
    if (message.cmd === 'NODE_HANDLE_NACK') {
      const pending = target._pendingMessage;
      if (pending) {
        if (pending.retransmissions++ === MAX_HANDLE_RETRANSMISSIONS) {
          closePendingHandle(target);
          process.emitWarning('Handle did not reach the receiving process ' +
                              'correctly', 'SentHandleNotReceivedWarning');
        }
      }
      flushHandleQueue();
      return;
    }
    if (message.cmd !== 'NODE_HANDLE') return;

    // The handle got lost on the way (e.g. MSG_CTRUNC): ask again.
    if (!handle) {
      target._send({ cmd: 'NODE_HANDLE_NACK' }, null, { swallowErrors: true });
      return;
    }
    // Failing to acknowledge (the other side left) is not the user's error.
    target._send({ cmd: 'NODE_HANDLE_ACK' }, null, { swallowErrors: true });
    const conv = lazyHandles().handleConversion[message.type];
    FunctionPrototypeCall(conv.got, target, message, handle, (h) => {
      handleMessage(message.msg, h, isInternal(message.msg));
    });
  });

  /* The channel ended: queued sends fail with ERR_IPC_CHANNEL_CLOSED. */
  function dropHandleQueue() {
    const queue = target._handleQueue;
    if (target._pendingMessage) closePendingHandle(target);
    target._handleQueue = null;
    if (!ArrayIsArray(queue)) return;
    for (let i = 0; i < queue.length; i++) {
      const { callback } = queue[i];
      if (typeof callback === 'function') {
        process.nextTick(callback, new ERR_IPC_CHANNEL_CLOSED());
      }
    }
  }

  /* After an ACK/NACK: resend a refused handle, then the queued messages,
   * then a disconnect that waited for the queue. */
  function flushHandleQueue() {
    if (!ArrayIsArray(target._handleQueue)) return;
    const queue = target._handleQueue;
    target._handleQueue = null;
    const pending = target._pendingMessage;
    if (pending) {
      // A refused handle goes again, as it was wrapped the first time.
      target._pendingMessage = null;
      const obj = lazyHandles().handleConversion[pending.message.type];
      writeMessage(pending.message, pending.handle, obj, pending.options,
                   pending.callback);
      if (target._pendingMessage) {
        target._pendingMessage.retransmissions = pending.retransmissions;
      }
    }
    for (let i = 0; i < queue.length; i++) {
      const args = queue[i];
      target._send(args.message, args.handle, args.options, args.callback);
    }
    if (!target.connected && target.channel && !target._handleQueue) {
      target._disconnect();
    }
  }

  target.send = function send(message, handle, options, callback) {
    if (typeof handle === 'function') {
      callback = handle;
      handle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options !== undefined) {
      validateObject(options, 'options');
    }
    options = { swallowErrors: false, ...options };

    if (this.connected) {
      return this._send(message, handle, options, callback);
    }
    const ex = new ERR_IPC_CHANNEL_CLOSED();
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
    } else {
      process.nextTick(() => this.emit('error', ex));
    }
    return false;
  };

  target._send = function _send(message, handle, options, callback) {
    if (message === undefined) throw new ERR_MISSING_ARGS('message');

    if (typeof message !== 'string' && typeof message !== 'object' &&
        typeof message !== 'number' && typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE(
        'message', ['string', 'object', 'number', 'boolean'], message);
    }

    // Old-style call: _send(message, handle, swallowErrors).
    if (typeof options === 'boolean') options = { swallowErrors: options };

    let obj;
    if (handle) {
      message = {
        cmd: 'NODE_HANDLE',
        type: lazyHandles().handleType(handle),
        msg: message,
      };
      // While a handle waits for its ACK, everything else queues.
      if (this._handleQueue) {
        this._handleQueue.push({
          callback, handle, options, message: message.msg,
        });
        return this._handleQueue.length === 1;
      }
      obj = lazyHandles().handleConversion[message.type];
      handle = FunctionPrototypeCall(obj.send, target, message, handle,
                                     options);
      // The socket went away in the meantime: send the bare message.
      if (!handle) message = message.msg;
    } else if (this._handleQueue &&
               !(message && (message.cmd === 'NODE_HANDLE_ACK' ||
                             message.cmd === 'NODE_HANDLE_NACK'))) {
      this._handleQueue.push({
        callback, handle: null, options, message,
      });
      return this._handleQueue.length === 1;
    }

    return writeMessage(message, handle, obj, options, callback);
  };

  /* Writes `message` (already wrapped when it carries `handle`, whose
   * conversion is `obj`) and reports to `callback`; returns whether the
   * caller may keep sending (the write queue is short). */
  function writeMessage(message, handle, obj, options, callback) {
    const channelHandle = target[kChannelHandle];
    const req = { oncomplete: null, async: false, bytes: 0, buffer: null };
    // The channel may have closed since the message was queued.
    const err = channelHandle ?
      writeChannelMessage(channelHandle, req, message, handle) : UV_EBADF;

    if (err === 0) {
      if (handle) {
        target._handleQueue ??= [];
        if (obj && obj.postSend) {
          obj.postSend(message, handle, options, callback, target);
        }
      }
      if (req.async) {
        req.oncomplete = () => {
          control.unrefCounted();
          if (typeof callback === 'function') callback(null);
        };
        control.refCounted();
      } else if (typeof callback === 'function') {
        process.nextTick(callback, null);
      }
    } else {
      if (obj && obj.postSend) {
        obj.postSend(message, handle, options, callback);
      }
      if (!options.swallowErrors) {
        const ex = errnoException(err, 'write');
        if (typeof callback === 'function') {
          process.nextTick(callback, ex);
        } else {
          process.nextTick(() => target.emit('error', ex));
        }
      }
    }

    return !!channelHandle &&
      channelHandle.writeQueueSize < kWriteQueueLimit;
  }

  target.connected = true;

  target.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    // No new messages; queued ones still go out before the channel closes.
    this.connected = false;
    if (!this._handleQueue) this._disconnect();
  };

  target._disconnect = function _disconnect() {
    this.channel = null;
    this[kChannelHandle] = null;
    if (this._pendingMessage) closePendingHandle(this);

    let fired = false;
    function finish() {
      if (fired) return;
      fired = true;
      channel.close();
      target.emit('disconnect');
    }
    // A message half read completes first.
    if (channel.buffering) {
      this.once('message', finish);
      this.once('internalMessage', finish);
      return;
    }
    process.nextTick(finish);
  };

  function emit(event, message, handle) {
    target.emit(event, message, handle);
  }

  function handleMessage(message, handle, internal) {
    if (!target.channel) return;
    const eventName = internal ? 'internalMessage' : 'message';
    process.nextTick(emit, eventName, message, handle);
  }

  channel.readStart();
  return control;
}

/* _forkChild(fd, serializationMode): in a child started with an IPC
 * channel on `fd`: process.send() & co. The channel keeps the process
 * alive only while someone listens for 'message' or 'disconnect'. */
function forkChild(fd, serializationMode) {
  const { Pipe, constants } = internalBinding('pipe_wrap');
  const p = new Pipe(constants.IPC);
  p.open(fd);
  p.unref();
  const control = setupChannel(process, p, serializationMode);
  process.on('newListener', function onNewListener(name) {
    if (name === 'message' || name === 'disconnect') control.refCounted();
  });
  process.on('removeListener', function onRemoveListener(name) {
    if (name === 'message' || name === 'disconnect') control.unrefCounted();
  });
}

/* Called once at startup: opens the channel when the parent left one in
 * NODE_CHANNEL_FD (and removes it from the environment, with
 * NODE_CHANNEL_SERIALIZATION_MODE, so grandchildren do not inherit it). */
function setupChannelIfNeeded() {
  const fdText = process.env.NODE_CHANNEL_FD;
  if (!fdText) return;
  const fd = +fdText;
  delete process.env.NODE_CHANNEL_FD;
  const mode = process.env.NODE_CHANNEL_SERIALIZATION_MODE || 'json';
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (!(fd >= 0)) return;
  forkChild(fd, mode);
}

module.exports = {
  Control,
  forkChild,
  isInternal,
  kChannelHandle,
  setupChannel,
  setupChannelIfNeeded,
};
