'use strict';
// internal/child_process/structured.js - the byte format of 'advanced' IPC
// serialization: the structured-clone value set (primitives, BigInt,
// boxed primitives, Date, RegExp, Map, Set, arrays, plain objects, errors,
// ArrayBuffers, typed arrays, DataView and Buffer, cycles) to a Buffer and
// back. Views travel as copies of their own bytes and keep their type.

const {
  ArrayBuffer,
  ArrayBufferIsView,
  ArrayIsArray,
  BigInt,
  BigIntPrototypeToString,
  BigIntPrototypeValueOf,
  BooleanPrototypeValueOf,
  DatePrototypeGetTime,
  Error,
  EvalError,
  MapPrototypeGet,
  MapPrototypeSet,
  NumberPrototypeValueOf,
  ObjectDefineProperty,
  ObjectGetPrototypeOf,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  RangeError,
  ReferenceError,
  RegExp,
  RegExpPrototypeExec,
  SafeMap,
  String,
  StringPrototypeValueOf,
  SyntaxError,
  TypeError,
  TypedArrayPrototypeGetSymbolToStringTag,
  URIError,
} = primordials;

const { Buffer } = require('buffer');
const {
  isAnyArrayBuffer,
  isBigIntObject,
  isBooleanObject,
  isDate,
  isMap,
  isNativeError,
  isNumberObject,
  isRegExp,
  isSet,
  isSharedArrayBuffer,
  isStringObject,
} = require('internal/util/types');

// Value tags.
const T_UNDEFINED = 0;
const T_NULL = 1;
const T_TRUE = 2;
const T_FALSE = 3;
const T_INT32 = 4;
const T_DOUBLE = 5;
const T_UTF8 = 6;
const T_UTF16 = 7;
const T_BIGINT = 8;
const T_REF = 9;
const T_OBJECT = 10;
const T_ARRAY = 11;
const T_HOLE = 12;
const T_DATE = 13;
const T_REGEXP = 14;
const T_MAP = 15;
const T_SET = 16;
const T_ARRAY_BUFFER = 17;
const T_VIEW = 18;
const T_NUMBER_OBJECT = 19;
const T_STRING_OBJECT = 20;
const T_BOOLEAN_OBJECT = 21;
const T_BIGINT_OBJECT = 22;
const T_ERROR = 23;
const T_END = 24;

// View kinds, by index; Buffer is its own kind so it comes back a Buffer.
const viewTypes = [
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array',
  'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array',
  'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DataView', 'Buffer',
];
const viewIndex = new SafeMap();
for (let i = 0; i < viewTypes.length; i++) {
  MapPrototypeSet(viewIndex, viewTypes[i], i);
}

const errorTypes = [Error, EvalError, RangeError, ReferenceError, SyntaxError,
                    TypeError, URIError];

// Strings without surrogates travel as UTF-8; the others as UTF-16 so that
// lone surrogates survive.
const kSurrogate = /[\uD800-\uDFFF]/;

/* The error V8's serializer throws for what it cannot clone. */
function dataCloneError(value) {
  let text;
  try {
    text = String(value);
  } catch {
    text = 'Value';
  }
  return new Error(`${text} could not be cloned.`);
}

class Writer {
  constructor(reserve) {
    this.buf = Buffer.allocUnsafe(256);
    this.pos = reserve;
    this.ids = new SafeMap();
    this.nextId = 0;
  }

  ensure(n) {
    const need = this.pos + n;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const bigger = Buffer.allocUnsafe(size);
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  byte(b) {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  u32(n) {
    this.ensure(4);
    this.buf.writeUInt32LE(n, this.pos);
    this.pos += 4;
  }

  f64(n) {
    this.ensure(8);
    this.buf.writeDoubleLE(n, this.pos);
    this.pos += 8;
  }

  bytes(u8) {
    this.u32(u8.byteLength);
    this.ensure(u8.byteLength);
    this.buf.set(u8, this.pos);
    this.pos += u8.byteLength;
  }

  string(s) {
    if (RegExpPrototypeExec(kSurrogate, s) === null) {
      const len = Buffer.byteLength(s, 'utf8');
      this.ensure(5 + len);
      this.buf[this.pos++] = T_UTF8;
      this.buf.writeUInt32LE(len, this.pos);
      this.pos += 4;
      this.buf.utf8Write(s, this.pos, len);
      this.pos += len;
    } else {
      const len = s.length * 2;
      this.ensure(5 + len);
      this.buf[this.pos++] = T_UTF16;
      this.buf.writeUInt32LE(len, this.pos);
      this.pos += 4;
      this.buf.ucs2Write(s, this.pos, len);
      this.pos += len;
    }
  }

  /* Writes a back-reference and returns true when `obj` was seen. */
  seen(obj) {
    const id = MapPrototypeGet(this.ids, obj);
    if (id !== undefined) {
      this.byte(T_REF);
      this.u32(id);
      return true;
    }
    MapPrototypeSet(this.ids, obj, this.nextId++);
    return false;
  }

  value(v) {
    switch (typeof v) {
      case 'undefined': this.byte(T_UNDEFINED); return;
      case 'boolean': this.byte(v ? T_TRUE : T_FALSE); return;
      case 'number':
        if ((v | 0) === v && (v !== 0 || 1 / v > 0)) {
          this.ensure(5);
          this.buf[this.pos++] = T_INT32;
          this.buf.writeInt32LE(v, this.pos);
          this.pos += 4;
        } else {
          this.byte(T_DOUBLE);
          this.f64(v);
        }
        return;
      case 'string': this.string(v); return;
      case 'bigint':
        this.byte(T_BIGINT);
        this.string(BigIntPrototypeToString(v, 16));
        return;
      case 'object':
        if (v === null) {
          this.byte(T_NULL);
          return;
        }
        this.object(v);
        return;
      default:
        throw dataCloneError(v);
    }
  }

  properties(obj, keys, from) {
    for (let i = from; i < keys.length; i++) {
      const key = keys[i];
      if (!ObjectPrototypeHasOwnProperty(obj, key)) continue;
      this.string(key);
      this.value(obj[key]);
    }
    this.byte(T_END);
  }

  object(obj) {
    if (this.seen(obj)) return;
    if (ArrayBufferIsView(obj)) return this.view(obj);
    if (ArrayIsArray(obj)) return this.array(obj);
    if (isAnyArrayBuffer(obj)) {
      if (isSharedArrayBuffer(obj)) throw dataCloneError(obj);
      this.byte(T_ARRAY_BUFFER);
      this.bytes(new Uint8Array(obj));
      return;
    }
    if (isDate(obj)) {
      this.byte(T_DATE);
      this.f64(DatePrototypeGetTime(obj));
      return;
    }
    if (isRegExp(obj)) {
      this.byte(T_REGEXP);
      this.string(obj.source);
      this.string(obj.flags);
      return;
    }
    if (isMap(obj)) {
      this.byte(T_MAP);
      for (const { 0: k, 1: v } of new SafeMap(obj)) {
        this.value(k);
        this.value(v);
      }
      this.byte(T_END);
      return;
    }
    if (isSet(obj)) {
      this.byte(T_SET);
      for (const v of [...obj]) this.value(v);
      this.byte(T_END);
      return;
    }
    if (isNumberObject(obj)) {
      this.byte(T_NUMBER_OBJECT);
      this.f64(NumberPrototypeValueOf(obj));
      return;
    }
    if (isStringObject(obj)) {
      this.byte(T_STRING_OBJECT);
      this.string(StringPrototypeValueOf(obj));
      return;
    }
    if (isBooleanObject(obj)) {
      this.byte(T_BOOLEAN_OBJECT);
      this.byte(BooleanPrototypeValueOf(obj) ? 1 : 0);
      return;
    }
    if (isBigIntObject(obj)) {
      this.byte(T_BIGINT_OBJECT);
      this.string(BigIntPrototypeToString(BigIntPrototypeValueOf(obj), 16));
      return;
    }
    if (isNativeError(obj)) return this.error(obj);
    if (typeof obj === 'function') throw dataCloneError(obj);
    this.byte(T_OBJECT);
    this.properties(obj, ObjectKeys(obj), 0);
  }

  array(arr) {
    const len = arr.length;
    this.byte(T_ARRAY);
    this.u32(len);
    for (let i = 0; i < len; i++) {
      if (i in arr) {
        this.value(arr[i]);
      } else {
        this.byte(T_HOLE);
      }
    }
    // Non-index properties follow the elements.
    const keys = ObjectKeys(arr);
    let from = 0;
    while (from < keys.length && isIndex(keys[from], len)) from++;
    this.properties(arr, keys, from);
  }

  view(v) {
    let kind;
    if (v instanceof Buffer) {
      kind = 'Buffer';
    } else {
      kind = TypedArrayPrototypeGetSymbolToStringTag(v) || 'DataView';
    }
    this.byte(T_VIEW);
    this.byte(MapPrototypeGet(viewIndex, kind));
    this.bytes(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }

  error(err) {
    this.byte(T_ERROR);
    let proto = ObjectGetPrototypeOf(err);
    let index = 0;
    for (let i = 0; i < errorTypes.length; i++) {
      if (proto === errorTypes[i].prototype) index = i;
    }
    if (index === 0) {
      // A subclass counts as the nearest standard error it extends.
      while (proto !== null) {
        const found = errorTypes.indexOf(proto.constructor);
        if (found !== -1 && proto === errorTypes[found].prototype) {
          index = found;
          break;
        }
        proto = ObjectGetPrototypeOf(proto);
      }
    }
    this.byte(index);
    const message = ObjectPrototypeHasOwnProperty(err, 'message') ?
      err.message : undefined;
    this.value(message === undefined ? undefined : String(message));
    const stack = err.stack;
    this.value(typeof stack === 'string' ? stack : undefined);
  }
}

function isIndex(key, length) {
  const n = +key;
  return `${n >>> 0}` === key && n < length;
}

class Reader {
  constructor(buf) {
    this.buf = buf;
    this.pos = 0;
    this.objects = [];
  }

  u32() {
    const n = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return n;
  }

  f64() {
    const n = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return n;
  }

  rawString(tag) {
    const len = this.u32();
    const start = this.pos;
    this.pos += len;
    return tag === T_UTF8 ? this.buf.utf8Slice(start, this.pos) :
      this.buf.ucs2Slice(start, this.pos);
  }

  string() {
    return this.rawString(this.buf[this.pos++]);
  }

  bytes() {
    const len = this.u32();
    const copy = new ArrayBuffer(len);
    new Uint8Array(copy).set(this.buf.subarray(this.pos, this.pos + len));
    this.pos += len;
    return copy;
  }

  keep(obj) {
    this.objects.push(obj);
    return obj;
  }

  properties(obj) {
    while (this.buf[this.pos] !== T_END) {
      const key = this.string();
      const value = this.value();
      if (key === '__proto__') {
        ObjectDefineProperty(obj, key, {
          __proto__: null, value, writable: true, enumerable: true,
          configurable: true,
        });
      } else {
        obj[key] = value;
      }
    }
    this.pos++;
    return obj;
  }

  value() {
    const tag = this.buf[this.pos++];
    switch (tag) {
      case T_UNDEFINED: return undefined;
      case T_NULL: return null;
      case T_TRUE: return true;
      case T_FALSE: return false;
      case T_INT32: {
        const n = this.buf.readInt32LE(this.pos);
        this.pos += 4;
        return n;
      }
      case T_DOUBLE: return this.f64();
      case T_UTF8:
      case T_UTF16: return this.rawString(tag);
      case T_BIGINT: return parseBigInt(this.string());
      case T_REF: return this.objects[this.u32()];
      case T_OBJECT: return this.properties(this.keep({}));
      case T_ARRAY: {
        const len = this.u32();
        const arr = this.keep(new Array(len));
        for (let i = 0; i < len; i++) {
          if (this.buf[this.pos] === T_HOLE) {
            this.pos++;
          } else {
            arr[i] = this.value();
          }
        }
        return this.properties(arr);
      }
      case T_DATE: return this.keep(new Date(this.f64()));
      case T_REGEXP: {
        const slot = this.objects.length;
        this.objects.push(null);
        const source = this.string();
        const flags = this.string();
        return (this.objects[slot] = new RegExp(source, flags));
      }
      case T_MAP: {
        const map = this.keep(new Map());
        while (this.buf[this.pos] !== T_END) {
          const k = this.value();
          map.set(k, this.value());
        }
        this.pos++;
        return map;
      }
      case T_SET: {
        const set = this.keep(new Set());
        while (this.buf[this.pos] !== T_END) set.add(this.value());
        this.pos++;
        return set;
      }
      case T_ARRAY_BUFFER: return this.keep(this.bytes());
      case T_VIEW: return this.view();
      case T_NUMBER_OBJECT:
        // eslint-disable-next-line no-new-wrappers
        return this.keep(new Number(this.f64()));
      case T_STRING_OBJECT: {
        const slot = this.objects.length;
        this.objects.push(null);
        // eslint-disable-next-line no-new-wrappers
        return (this.objects[slot] = new String(this.string()));
      }
      case T_BOOLEAN_OBJECT:
        // eslint-disable-next-line no-new-wrappers
        return this.keep(new Boolean(this.buf[this.pos++] === 1));
      case T_BIGINT_OBJECT: {
        const slot = this.objects.length;
        this.objects.push(null);
        return (this.objects[slot] = Object(parseBigInt(this.string())));
      }
      case T_ERROR: return this.error();
      default:
        throw new Error('Unable to deserialize cloned data.');
    }
  }

  view() {
    const kind = viewTypes[this.buf[this.pos++]];
    const slot = this.objects.length;
    this.objects.push(null);
    const ab = this.bytes();
    let v;
    switch (kind) {
      case 'Buffer': v = Buffer.from(ab); break;
      case 'DataView': v = new DataView(ab); break;
      default: v = new globalThis[kind](ab);
    }
    this.objects[slot] = v;
    return v;
  }

  error() {
    const index = this.buf[this.pos++];
    const slot = this.objects.length;
    this.objects.push(null);
    const message = this.value();
    const stack = this.value();
    const Ctor = errorTypes[index] || Error;
    const err = message === undefined ? new Ctor() : new Ctor(message);
    if (stack === undefined) {
      delete err.stack;
    } else {
      err.stack = stack;
    }
    this.objects[slot] = err;
    return err;
  }
}

function parseBigInt(hex) {
  return hex[0] === '-' ? -BigInt(`0x${hex.slice(1)}`) : BigInt(`0x${hex}`);
}

/* serialize(value, reserve = 0) -> Buffer: `reserve` leading bytes are
 * left for the caller (the IPC length prefix). Throws
 * for functions, symbols and SharedArrayBuffers (an Error
 * '<value> could not be cloned.'). */
function serialize(value, reserve = 0) {
  const w = new Writer(reserve);
  w.value(value);
  return w.buf.subarray(0, w.pos);
}

/* deserialize(buf) -> the value serialize() wrote into buf. */
function deserialize(buf) {
  return new Reader(buf).value();
}

module.exports = { serialize, deserialize };
