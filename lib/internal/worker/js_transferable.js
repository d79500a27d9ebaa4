'use strict';
// internal/worker/js_transferable.js - how JS objects take part in
// postMessage: the kClone/kTransfer/kDeserialize protocol and the message
// (de)serializer that wraps the native structured clone.

// A message is serialized to bytes in one native call (so that it can
// cross to another thread's isolate) and rebuilt on delivery. JS host
// objects (ports, Blobs, transferable AbortSignals, JSTransferable
// subclasses) are not understood by the native serializer, so before the
// call they are swapped for placeholder objects `{ [token]: 'h<i>' }` or
// `{ [token]: 'p<i>' }` whose key is a random per-message token, and the
// data their kClone/kTransfer methods return travels alongside the value.
// The receiver swaps the placeholders back. Message ports travel as their
// native channel ends, through `portHooks`, set by internal/worker/io.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  MathRandom,
  NumberPrototypeToString,
  ObjectDefineProperty,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  SafeMap,
  SafeSet,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  Symbol,
} = primordials;

const kClone = Symbol('messaging_clone_symbol');
const kTransfer = Symbol('messaging_transfer_symbol');
const kDeserialize = Symbol('messaging_deserialize_symbol');
const kTransferList = Symbol('messaging_transfer_list_symbol');
const kTransferMode = Symbol('kTransferMode');

const kCloneable = 1;
const kTransferable = 2;

let lazyTypes;
function types() {
  lazyTypes ??= internalBinding('types');
  return lazyTypes;
}

function untransferableKey() {
  return require('internal/buffer').kUntransferable;
}

/* Port operations supplied by internal/worker/io: isPort(v), isDetached(p),
 * handleOf(p) -> native handle, detach(p) (after its handle was sent),
 * adopt(handle) -> new port. */
const portHooks = {
  isPort: () => false,
  isDetached: () => false,
  handleOf: null,
  detach: null,
  adopt: null,
};

/* markTransferMode(obj, cloneable, transferable): declares how `obj` (an
 * instance or a prototype) behaves when posted. */
function markTransferMode(obj, cloneable = false, transferable = false) {
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null)
    return;
  const mode = (cloneable ? kCloneable : 0) |
               (transferable ? kTransferable : 0);
  ObjectDefineProperty(obj, kTransferMode, {
    __proto__: null, value: mode, writable: true, configurable: true,
    enumerable: false,
  });
}

/* Base class of objects that can be both cloned and transferred; they
 * implement [kClone]/[kTransfer] -> { data, deserializeInfo } and
 * [kDeserialize](data). */
class JSTransferable {
  constructor() {
    markTransferMode(this, true, true);
  }
}

function dataCloneError(message) {
  const { DOMException } = require('internal/per_context/domexception');
  return new DOMException(message, 'DataCloneError');
}

/* Node's ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST. */
function missingTransferable() {
  // eslint-disable-next-line no-restricted-syntax
  const err = new TypeError('Object that needs transfer was found in ' +
                            'message but not listed in transferList');
  err.code = 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST';
  return err;
}

function modeOf(value) {
  const mode = value[kTransferMode];
  return typeof mode === 'number' ? mode : 0;
}

/* Whether the native serializer copies `value` without looking inside. */
function isOpaque(value) {
  const t = types();
  return t.isArrayBuffer(value) || t.isSharedArrayBuffer(value) ||
    ArrayBufferIsView(value) || t.isDate(value) || t.isRegExp(value) ||
    t.isBoxedPrimitive(value);
}

function ArrayBufferIsView(value) {
  return ArrayBuffer.isView(value);
}

/* Calls fn(child) for every value the serializer would visit in `obj`. */
function forEachChild(obj, fn) {
  const t = types();
  if (t.isMap(obj)) {
    for (const { 0: k, 1: v } of obj) { fn(k); fn(v); }
    return;
  }
  if (t.isSet(obj)) {
    for (const v of obj) fn(v);
    return;
  }
  const keys = ObjectKeys(obj);
  for (let i = 0; i < keys.length; i++) fn(obj[keys[i]]);
}

function isHost(value) {
  return portHooks.isPort(value) || modeOf(value) !== 0;
}

/* Whether the graph under `value` holds a port or a JS host object. */
function containsHost(value, seen = new SafeSet()) {
  if ((typeof value !== 'object' && typeof value !== 'function') ||
      value === null || seen.has(value)) {
    return false;
  }
  seen.add(value);
  if (isHost(value)) return true;
  if (typeof value === 'function' || isOpaque(value)) return false;
  let found = false;
  forEachChild(value, (child) => {
    if (!found && containsHost(child, seen)) found = true;
  });
  return found;
}

/* Reads a transfer list into { buffers, ports, hosts } in order, with
 * Node's errors. `source` is the posting port (may be null). */
function sortTransferList(list, source) {
  const buffers = [];
  const ports = [];
  const hosts = new SafeSet();
  const seenBuffers = new SafeSet();
  const key = untransferableKey();
  for (let i = 0; i < list.length; i++) {
    addTransferable(list[i]);
  }
  function addTransferable(item) {
    if (portHooks.isPort(item)) {
      // A port marked untransferable stays here (and cannot be cloned).
      if (item[key] === true) return;
      if (item === source) {
        throw dataCloneError('Transfer list contains source port');
      }
      if (portHooks.isDetached(item)) {
        throw dataCloneError(
          'MessagePort in transfer list is already detached');
      }
      if (ports.includes(item)) {
        throw dataCloneError('Transfer list contains duplicate MessagePort');
      }
      ArrayPrototypePush(ports, item);
      return;
    }
    if (types().isArrayBuffer(item)) {
      if (seenBuffers.has(item)) {
        throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
      }
      seenBuffers.add(item);
      // Untransferable buffers (the Buffer pool) are copied instead.
      if (item[key] !== true) ArrayPrototypePush(buffers, item);
      return;
    }
    if (item !== null && typeof item === 'object' &&
        (modeOf(item) & kTransferable) !== 0) {
      if (hosts.has(item)) return;
      hosts.add(item);
      if (typeof item[kTransferList] === 'function') {
        const extra = item[kTransferList]();
        if (ArrayIsArray(extra)) {
          for (let j = 0; j < extra.length; j++) addTransferable(extra[j]);
        }
      }
      return;
    }
    // eslint-disable-next-line no-restricted-syntax
    throw new TypeError('Found invalid object in transferList');
  }
  return { buffers, ports, hosts };
}

/* The native serializer, with its DataCloneErrors as DOMExceptions. */
function nativeClone(value, buffers, ports) {
  const handles = [];
  for (let i = 0; i < ports.length; i++) {
    ArrayPrototypePush(handles, portHooks.handleOf(ports[i]));
  }
  try {
    return internalBinding('messaging').serialize(value, buffers, handles);
  } catch (err) {
    if (err !== null && typeof err === 'object' &&
        err.name === 'DataCloneError' && !isDOMException(err)) {
      throw dataCloneError(err.message);
    }
    throw err;
  }
}

function isDOMException(err) {
  const { DOMException } = require('internal/per_context/domexception');
  return err instanceof DOMException;
}

function newToken() {
  return '__nodus_transfer_' +
    StringPrototypeSlice(NumberPrototypeToString(MathRandom(), 36), 2) +
    StringPrototypeSlice(NumberPrototypeToString(MathRandom(), 36), 2);
}

/* serializeMessage(value, transferList, source) -> a native message for
 * deserializeMessage() (possibly in another thread). Throws
 * DataCloneError/TypeError as Node does; on success transferred
 * ArrayBuffers are detached and transferred ports detached from their
 * objects. */
function serializeMessage(value, transferList, source) {
  const { buffers, ports, hosts } = sortTransferList(transferList, source);
  if (!containsHost(value)) {
    return finish(nativeClone([0, value], buffers, ports));
  }

  const token = newToken();
  const memo = new SafeMap();
  const infos = [];
  const datas = [];

  function placeholder(tag) {
    return { [token]: tag };
  }

  function hostPlaceholder(obj) {
    const mode = modeOf(obj);
    let record;
    if (hosts.has(obj) && typeof obj[kTransfer] === 'function') {
      record = obj[kTransfer]();
    } else if ((mode & kCloneable) !== 0 &&
               typeof obj[kClone] === 'function') {
      record = obj[kClone]();
    } else if ((mode & kTransferable) !== 0) {
      throw missingTransferable();
    } else {
      throw dataCloneError(`${obj} could not be cloned.`);
    }
    const index = infos.length;
    ArrayPrototypePush(infos, record.deserializeInfo);
    ArrayPrototypePush(datas, undefined);
    const ph = placeholder(`h${index}`);
    memo.set(obj, ph);
    datas[index] = mirror(record.data);
    return ph;
  }

  function mirror(v) {
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null) {
      return v;
    }
    if (memo.has(v)) return memo.get(v);
    if (portHooks.isPort(v)) {
      const at = ports.indexOf(v);
      if (at === -1) {
        throw missingTransferable();
      }
      const ph = placeholder(`p${at}`);
      memo.set(v, ph);
      return ph;
    }
    if (modeOf(v) !== 0) return hostPlaceholder(v);
    if (typeof v === 'function' || isOpaque(v)) return v;
    const t = types();
    let out;
    if (t.isMap(v)) {
      out = new Map();
      memo.set(v, out);
      for (const { 0: k, 1: val } of v) out.set(mirror(k), mirror(val));
    } else if (t.isSet(v)) {
      out = new Set();
      memo.set(v, out);
      for (const val of v) out.add(mirror(val));
    } else if (t.isNativeError(v)) {
      return v;
    } else {
      out = ArrayIsArray(v) ? new Array(v.length) : {};
      memo.set(v, out);
      const keys = ObjectKeys(v);
      for (let i = 0; i < keys.length; i++) {
        out[keys[i]] = mirror(v[keys[i]]);
      }
    }
    return out;
  }

  const root = mirror(value);
  return finish(nativeClone([1, root, datas, infos, token], buffers, ports));

  function finish(msg) {
    for (let i = 0; i < ports.length; i++) portHooks.detach(ports[i]);
    return msg;
  }
}

/* Builds the empty object a deserializeInfo 'module:Name' names: Name is
 * a class (or factory) of a built-in module whose objects implement
 * kDeserialize. Nothing else can be named, so a forged message cannot
 * reach arbitrary code. */
function newDeserializeTarget(info) {
  const colon = typeof info === 'string' ? StringPrototypeIndexOf(info, ':')
    : -1;
  const id = colon === -1 ? `${info}` : StringPrototypeSlice(info, 0, colon);
  const name = StringPrototypeSlice(info, colon + 1);
  const { BuiltinModule } = require('internal/bootstrap/realm');
  if (!BuiltinModule.exists(id)) {
    // eslint-disable-next-line no-restricted-syntax
    throw new Error(`Missing internal module '${id}'`);
  }
  const Ctor = require(id)[name];
  const obj = typeof Ctor === 'function' ? new Ctor() : undefined;
  if (typeof obj?.[kDeserialize] !== 'function') {
    // eslint-disable-next-line no-restricted-syntax
    throw new Error(`Unknown deserialize spec ${info}`);
  }
  return obj;
}

/* deserializeMessage(msg) -> { value, ports }: the message's value with
 * host objects rebuilt, and the transferred ports as new port objects
 * (in transfer-list order). Throws if a host object cannot be rebuilt. */
function deserializeMessage(msg) {
  const out = internalBinding('messaging').deserialize(msg);
  const ports = [];
  for (let i = 1; i < out.length; i++) {
    ArrayPrototypePush(ports, portHooks.adopt(out[i]));
  }
  const body = out[0];
  if (body[0] === 0) return { value: body[1], ports };
  const { 1: root, 2: datas, 3: infos, 4: token } = body;
  const built = new SafeMap();
  const seen = new SafeSet();

  function resolvePlaceholder(v) {
    const tag = v[token];
    if (built.has(tag)) return built.get(tag);
    const index = +StringPrototypeSlice(tag, 1);
    if (tag[0] === 'p') {
      built.set(tag, ports[index]);
      return ports[index];
    }
    const obj = newDeserializeTarget(infos[index]);
    built.set(tag, obj);
    const data = fix(datas[index]);
    obj[kDeserialize](data);
    return obj;
  }

  function fix(v) {
    if (typeof v !== 'object' || v === null) return v;
    if (ObjectPrototypeHasOwnProperty(v, token)) return resolvePlaceholder(v);
    if (seen.has(v)) return v;
    seen.add(v);
    if (isOpaque(v)) return v;
    const t = types();
    if (t.isMap(v)) {
      const entries = [...v];
      v.clear();
      for (const { 0: k, 1: val } of entries) v.set(fix(k), fix(val));
    } else if (t.isSet(v)) {
      const values = [...v];
      v.clear();
      for (const val of values) v.add(fix(val));
    } else if (!t.isNativeError(v)) {
      const keys = ObjectKeys(v);
      for (let i = 0; i < keys.length; i++) v[keys[i]] = fix(v[keys[i]]);
    }
    return v;
  }

  return { value: fix(root), ports };
}

module.exports = {
  JSTransferable,
  kClone,
  kDeserialize,
  kTransfer,
  kTransferList,
  kTransferMode,
  markTransferMode,
  portHooks,
  serializeMessage,
  deserializeMessage,
  dataCloneError,
  isHost,
};
