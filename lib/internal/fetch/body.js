'use strict';
// internal/fetch/body.js - the Body of Request and Response: turning a
// BodyInit into bytes or a stream, and text()/json()/arrayBuffer()/blob()/
// formData()/body/bodyUsed.

/* A body is { source, stream }: `source` is the bytes (a Uint8Array or a
 * Blob) when they are known, `stream` the ReadableStream once one exists
 * (given by the user, made by the network, or made from `source` on first
 * access of `.body`). `used` records a read of `source` that needed no
 * stream; otherwise the stream's own disturbed/locked state decides. */

const {
  ArrayBufferPrototypeSlice,
  ArrayPrototypePush,
  JSONParse,
  ObjectDefineProperties,
  PromisePrototypeThen,
  PromiseReject,
  SymbolAsyncIterator,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeSet,
  Uint8Array,
} = primordials;

const { Blob, isBlob } = require('internal/blob');
const { isAnyArrayBuffer } = internalBinding('types');
const { isArrayBufferView } = require('internal/util/types');
const { encodeUtf8String } = internalBinding('encoding');
const {
  ReadableStream,
  isReadableStream,
  isReadableStreamLocked,
  readableStreamTee,
} = require('internal/webstreams/readablestream');
const { kIsDisturbed } = require('internal/streams/utils');

let formdata;
function lazyFormData() {
  formdata ??= require('internal/fetch/formdata');
  return formdata;
}

let URLSearchParams;
function isURLSearchParams(value) {
  URLSearchParams ??= require('internal/url').URLSearchParams;
  return value instanceof URLSearchParams;
}

function viewBytes(view) {
  return new Uint8Array(TypedArrayPrototypeGetBuffer(view),
                        TypedArrayPrototypeGetByteOffset(view),
                        TypedArrayPrototypeGetByteLength(view));
}

/* { body, type } for a BodyInit: body is { source, stream, used } (or null
 * for null/undefined), type the Content-Type it implies (or null). The
 * bytes of buffers are copied, as the spec says. */
function extractBody(init) {
  if (init === null || init === undefined) return { body: null, type: null };
  if (typeof init === 'string') {
    return { body: sourceBody(encodeUtf8String(init)),
             type: 'text/plain;charset=UTF-8' };
  }
  if (isURLSearchParams(init)) {
    return { body: sourceBody(encodeUtf8String(`${init}`)),
             type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  if (isAnyArrayBuffer(init)) {
    return { body: sourceBody(new Uint8Array(ArrayBufferPrototypeSlice(init))),
             type: null };
  }
  if (isArrayBufferView(init)) {
    return { body: sourceBody(new Uint8Array(viewBytes(init))), type: null };
  }
  if (isBlob(init)) {
    return { body: sourceBody(init), type: init.type || null };
  }
  const { FormData, serializeFormData } = lazyFormData();
  if (init instanceof FormData) {
    const { blob, type } = serializeFormData(init);
    return { body: sourceBody(blob), type };
  }
  if (isReadableStream(init)) {
    if (init[kIsDisturbed] || isReadableStreamLocked(init)) {
      throw new TypeError('Response body object should not be disturbed or ' +
                          'locked');
    }
    return { body: { source: null, stream: init, used: false }, type: null };
  }
  if (typeof init === 'object' && typeof init[SymbolAsyncIterator] === 'function') {
    return { body: { source: null, stream: streamFromIterable(init),
                     used: false },
             type: null };
  }
  return extractBody(`${init}`);
}

function sourceBody(source) {
  return { source, stream: null, used: false };
}

/* A body whose bytes arrive through `stream` (the network's). */
function streamBody(stream) {
  return { source: null, stream, used: false };
}

function streamFromIterable(iterable) {
  const iterator = iterable[SymbolAsyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) {
        controller.close();
      } else {
        controller.enqueue(typeof value === 'string' ?
          encodeUtf8String(value) : new Uint8Array(viewBytes(value)));
      }
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

/* The body's ReadableStream, made from its bytes on first use. */
function bodyStream(body) {
  if (body === null) return null;
  if (body.stream === null) {
    const { source } = body;
    if (isBlob(source)) {
      body.stream = source.stream();
    } else {
      let pending = source;
      body.stream = new ReadableStream({
        type: 'bytes',
        pull(controller) {
          if (pending.length > 0) controller.enqueue(new Uint8Array(pending));
          pending = null;
          controller.close();
        },
      });
    }
  }
  return body.stream;
}

/* True once the body was read (or its stream disturbed). */
function isBodyUsed(body) {
  if (body === null) return false;
  return body.used || (body.stream !== null && body.stream[kIsDisturbed]);
}

function isBodyUnusable(body) {
  return isBodyUsed(body) ||
    (body !== null && body.stream !== null && isReadableStreamLocked(body.stream));
}

/* All the bytes of `body` as a Uint8Array the caller owns. */
async function readAllBytes(body) {
  if (body === null) return new Uint8Array(0);
  if (body.stream === null) {
    body.used = true;
    const { source } = body;
    if (isBlob(source)) return new Uint8Array(await source.arrayBuffer());
    return new Uint8Array(source);
  }
  const reader = body.stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!isArrayBufferView(value)) {
      throw new TypeError('Received non-Uint8Array chunk');
    }
    ArrayPrototypePush(chunks, value);
    total += TypedArrayPrototypeGetByteLength(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    TypedArrayPrototypeSet(bytes, viewBytes(chunk), offset);
    offset += TypedArrayPrototypeGetByteLength(chunk);
  }
  return bytes;
}

/* Splits `body` for clone(): returns the clone's body and leaves `owner`
 * with the other half (a stream body is teed). */
function cloneBody(owner, key) {
  const body = owner[key];
  if (body === null) return null;
  if (body.stream === null) return sourceBody(body.source);
  const { 0: mine, 1: theirs } = readableStreamTee(body.stream, true);
  owner[key] = { source: body.source, stream: mine, used: false };
  return { source: body.source, stream: theirs, used: false };
}

let decoder;
function decodeUtf8(bytes) {
  decoder ??= new (require('internal/encoding').TextDecoder)();
  return decoder.decode(bytes);
}

/* Defines body, bodyUsed, arrayBuffer(), blob(), formData(), json() and
 * text() on `proto`; instances keep their body under `key` and
 * `contentType(instance)` gives their Content-Type header. */
function installBodyMixin(proto, key, brandCheck, contentType) {
  function consume(self, convert) {
    if (!brandCheck(self)) return PromiseReject(new TypeError('Illegal invocation'));
    const body = self[key];
    if (isBodyUnusable(body)) {
      return PromiseReject(new TypeError('Body is unusable'));
    }
    try {
      return PromisePrototypeThen(readAllBytes(body),
                                  (bytes) => convert(bytes, self));
    } catch (err) {
      return PromiseReject(err);
    }
  }
  const methods = {
    arrayBuffer() {
      return consume(this, (bytes) =>
        (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ?
          bytes.buffer : ArrayBufferPrototypeSlice(bytes.buffer, bytes.byteOffset,
                                                   bytes.byteOffset + bytes.byteLength)));
    },
    blob() {
      return consume(this, (bytes, self) =>
        new Blob([bytes], { type: contentType(self) ?? '' }));
    },
    formData() {
      return consume(this, (bytes, self) =>
        lazyFormData().parseFormData(bytes, contentType(self) ?? ''));
    },
    json() {
      return consume(this, (bytes) => JSONParse(decodeUtf8(bytes)));
    },
    text() {
      return consume(this, (bytes) => decodeUtf8(bytes));
    },
  };
  for (const name of ['arrayBuffer', 'blob', 'formData', 'json', 'text']) {
    ObjectDefineProperties(proto, {
      [name]: { __proto__: null, value: methods[name], writable: true,
                enumerable: true, configurable: true },
    });
  }
  ObjectDefineProperties(proto, {
    body: {
      __proto__: null, enumerable: true, configurable: true,
      get() {
        if (!brandCheck(this)) throw new TypeError('Illegal invocation');
        return bodyStream(this[key]);
      },
    },
    bodyUsed: {
      __proto__: null, enumerable: true, configurable: true,
      get() {
        if (!brandCheck(this)) throw new TypeError('Illegal invocation');
        return isBodyUsed(this[key]);
      },
    },
  });
}

module.exports = {
  cloneBody,
  extractBody,
  installBodyMixin,
  isBodyUnusable,
  readAllBytes,
  streamBody,
};
