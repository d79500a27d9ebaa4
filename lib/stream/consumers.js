'use strict';
// stream/consumers.js - read a whole stream (or async iterable) into an
// ArrayBuffer, Blob, Buffer, string or parsed JSON.

const {
  JSONParse,
} = primordials;

const {
  TextDecoder,
} = require('internal/encoding');

const {
  Blob,
} = require('internal/blob');

const {
  Buffer,
} = require('buffer');

/* blob(stream) -> Promise<Blob>. */
async function blob(stream) {
  const chunks = [];
  for await (const chunk of stream)
    chunks.push(chunk);
  return new Blob(chunks);
}

/* arrayBuffer(stream) -> Promise<ArrayBuffer>. */
async function arrayBuffer(stream) {
  const ret = await blob(stream);
  return ret.arrayBuffer();
}

/* buffer(stream) -> Promise<Buffer>. */
async function buffer(stream) {
  return Buffer.from(await arrayBuffer(stream));
}

/* text(stream) -> Promise<string>, decoding bytes as UTF-8. */
async function text(stream) {
  const dec = new TextDecoder();
  let str = '';
  for await (const chunk of stream) {
    if (typeof chunk === 'string')
      str += chunk;
    else
      str += dec.decode(chunk, { stream: true });
  }
  // A truncated multi-byte sequence at the end becomes U+FFFD.
  str += dec.decode(undefined, { stream: false });
  return str;
}

/* json(stream) -> Promise of JSON.parse(text(stream)). */
async function json(stream) {
  const str = await text(stream);
  return JSONParse(str);
}

module.exports = {
  arrayBuffer,
  blob,
  buffer,
  text,
  json,
};
