'use strict';
/* child_protocol.js (test_runner) - how a test file run by `node --test`
 * (or run()) sends its test events to the parent: one line per event on
 * stdout, `\u0000\u0001nodus-test:` then JSON, where values JSON lacks
 * (errors, undefined, bigints, cycles...) are tagged objects. The parent
 * splits a child's stdout back into events and plain output. */

const {
  ArrayIsArray,
  ArrayPrototypePush,
  Error,
  JSONParse,
  JSONStringify,
  NumberIsNaN,
  ObjectDefineProperty,
  ObjectAssign,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  SafeMap,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  Symbol,
} = primordials;

const { isError } = require('internal/util');

const kMarker = '\u0000\u0001nodus-test:';

function encode(value, ids) {
  switch (typeof value) {
    case 'undefined': return { $u: 1 };
    case 'bigint': return { $b: `${value}` };
    case 'symbol': return { $s: value.description ?? '' };
    case 'function': return { $f: value.name };
    case 'number':
      if (NumberIsNaN(value) || value === Infinity || value === -Infinity) {
        return { $n: `${value}` };
      }
      return value;
    case 'string':
    case 'boolean':
      return value;
  }
  if (value === null) return null;
  const seen = ids.get(value);
  if (seen !== undefined) return { $r: seen };
  const id = ids.size;
  ids.set(value, id);
  if (isError(value)) {
    const props = {};
    const keys = ObjectKeys(value);
    for (let i = 0; i < keys.length; i++) {
      props[keys[i]] = encode(value[keys[i]], ids);
    }
    const cause = value.cause;
    if (cause !== null && typeof cause === 'object' && !isError(cause) &&
        props.cause?.$o !== undefined) {
      /* How the child shows a thrown non-error (its custom inspect too). */
      const { inspect } = require('internal/util/inspect');
      try {
        props.cause.$o.shown = inspect(cause);
      } catch {
        // Shown as the plain object it is.
      }
    }
    let stack;
    let message;
    let name;
    try {
      stack = value.stack;
      message = value.message;
      name = value.name;
    } catch {
      // Leave them out.
    }
    return { $e: { id, name: typeof name === 'string' ? name : undefined,
                   message: typeof message === 'string' ? message : undefined,
                   stack: typeof stack === 'string' ? stack : undefined,
                   props } };
  }
  if (ArrayIsArray(value)) {
    const items = [];
    for (let i = 0; i < value.length; i++) {
      ArrayPrototypePush(items, encode(value[i], ids));
    }
    return { $a: { id, items } };
  }
  const props = {};
  let keys;
  try {
    keys = ObjectKeys(value);
  } catch {
    keys = [];
  }
  for (let i = 0; i < keys.length; i++) {
    props[keys[i]] = encode(value[keys[i]], ids);
  }
  return { $o: { id, props } };
}

function decode(value, refs) {
  if (value === null || typeof value !== 'object') return value;
  if (ObjectPrototypeHasOwnProperty(value, '$u')) return undefined;
  if (ObjectPrototypeHasOwnProperty(value, '$b')) return BigInt(value.$b);
  if (ObjectPrototypeHasOwnProperty(value, '$s')) return Symbol(value.$s);
  if (ObjectPrototypeHasOwnProperty(value, '$n')) return +value.$n;
  if (ObjectPrototypeHasOwnProperty(value, '$f')) {
    const name = value.$f;
    const fn = function() {};
    ObjectDefineProperty(fn, 'name', { __proto__: null, value: name });
    return fn;
  }
  if (ObjectPrototypeHasOwnProperty(value, '$r')) return refs.get(value.$r);
  if (ObjectPrototypeHasOwnProperty(value, '$e')) {
    const e = value.$e;
    const err = new Error(e.message ?? '');
    refs.set(e.id, err);
    if (e.name !== undefined && e.name !== 'Error') {
      ObjectDefineProperty(err, 'name', { __proto__: null, value: e.name,
                                          writable: true,
                                          configurable: true });
    }
    ObjectDefineProperty(err, 'stack', { __proto__: null, value: e.stack,
                                         writable: true,
                                         configurable: true });
    const keys = ObjectKeys(e.props);
    for (let i = 0; i < keys.length; i++) {
      err[keys[i]] = decode(e.props[keys[i]], refs);
    }
    return err;
  }
  if (ObjectPrototypeHasOwnProperty(value, '$a')) {
    const items = [];
    refs.set(value.$a.id, items);
    for (let i = 0; i < value.$a.items.length; i++) {
      ArrayPrototypePush(items, decode(value.$a.items[i], refs));
    }
    return items;
  }
  if (ObjectPrototypeHasOwnProperty(value, '$o')) {
    const object = {};
    refs.set(value.$o.id, object);
    const keys = ObjectKeys(value.$o.props);
    for (let i = 0; i < keys.length; i++) {
      object[keys[i]] = decode(value.$o.props[keys[i]], refs);
    }
    if (typeof value.$o.shown === 'string') {
      const shown = value.$o.shown;
      const { inspect } = require('internal/util/inspect');
      ObjectDefineProperty(object, inspect.custom, {
        __proto__: null, value: () => shown, enumerable: false,
      });
    }
    return object;
  }
  return value;
}

/* The line that carries one event to the parent. */
function serializeEvent(type, data) {
  return `${kMarker}${JSONStringify({ type, data: encode(data,
                                                         new SafeMap()) })}\n`;
}

/* The reporter a child uses: events as protocol lines. */
async function* childReporter(source) {
  for await (const { type, data } of source) {
    yield serializeEvent(type, data);
  }
}

/* Splits a child's stdout: calls onEvent(type, data) for protocol lines
 * and onOutput(text) for everything else (whole lines when possible). */
class ChildOutputParser {
  #pending = '';
  #onEvent;
  #onOutput;

  constructor(onEvent, onOutput) {
    this.#onEvent = onEvent;
    this.#onOutput = onOutput;
  }

  push(chunk) {
    this.#pending += chunk;
    for (;;) {
      const at = StringPrototypeIndexOf(this.#pending, kMarker);
      if (at === -1) {
        /* Keep what could be the start of a marker. */
        const nl = this.#pending.lastIndexOf('\n');
        const keepFrom = this.#pending.lastIndexOf('\u0000');
        let cut = nl + 1;
        if (keepFrom !== -1 && keepFrom >= cut) cut = keepFrom;
        if (cut > 0) {
          this.#emitOutput(StringPrototypeSlice(this.#pending, 0, cut));
          this.#pending = StringPrototypeSlice(this.#pending, cut);
        }
        return;
      }
      const end = StringPrototypeIndexOf(this.#pending, '\n',
                                         at + kMarker.length);
      if (end === -1) {
        if (at > 0) {
          this.#emitOutput(StringPrototypeSlice(this.#pending, 0, at));
          this.#pending = StringPrototypeSlice(this.#pending, at);
        }
        return;
      }
      if (at > 0) this.#emitOutput(StringPrototypeSlice(this.#pending, 0, at));
      const json = StringPrototypeSlice(this.#pending, at + kMarker.length,
                                        end);
      this.#pending = StringPrototypeSlice(this.#pending, end + 1);
      let message;
      try {
        message = JSONParse(json);
      } catch {
        this.#emitOutput(`${json}\n`);
        continue;
      }
      const data = ObjectAssign({ __proto__: null },
                                decode(message.data, new SafeMap()));
      if (data.details !== null && typeof data.details === 'object') {
        data.details = ObjectAssign({ __proto__: null }, data.details);
      }
      this.#onEvent(message.type, data);
    }
  }

  /* Flushes output left without a final newline. */
  end() {
    if (this.#pending.length > 0) this.#emitOutput(this.#pending);
    this.#pending = '';
  }

  #emitOutput(text) {
    let start = 0;
    for (;;) {
      const nl = StringPrototypeIndexOf(text, '\n', start);
      if (nl === -1) {
        if (start < text.length) this.#onOutput(StringPrototypeSlice(text,
                                                                     start));
        return;
      }
      this.#onOutput(StringPrototypeSlice(text, start, nl + 1));
      start = nl + 1;
    }
  }
}

module.exports = { ChildOutputParser, childReporter, serializeEvent };
