'use strict';
// WebAssembly.compileStreaming/instantiateStreaming take a Response (or a
// promise of one), check its MIME type and status, and compile its body as
// it streams in (here in single-byte chunks).
const common = require('../common');
const assert = require('assert');

// (module (func (export "add") (param i32 i32) (result i32)
//   local.get 0 local.get 1 i32.add))
const bytes = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f,
  0x03, 0x02, 0x01, 0x00,
  0x07, 0x07, 0x01, 0x03, 0x61, 0x64, 0x64, 0x00, 0x00,
  0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b,
]);
const wasm = { 'content-type': 'application/wasm' };

function byteStream(data) {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < data.length) controller.enqueue(data.slice(i, ++i));
      else controller.close();
    },
  });
}

(async () => {
  const module = await WebAssembly.compileStreaming(
    new Response(byteStream(bytes), { headers: wasm }));
  assert.ok(module instanceof WebAssembly.Module);
  const { instance } = await WebAssembly.instantiateStreaming(
    Promise.resolve(new Response(bytes, { headers: wasm })));
  assert.strictEqual(instance.exports.add(2, 40), 42);

  await assert.rejects(WebAssembly.compileStreaming(
    new Response(bytes, { headers: { 'content-type': 'text/plain' } })), {
    code: 'ERR_WEBASSEMBLY_RESPONSE',
    message: "WebAssembly response has unsupported MIME type 'text/plain'",
  });
  await assert.rejects(WebAssembly.compileStreaming(
    new Response(bytes, { status: 404, headers: wasm })), {
    code: 'ERR_WEBASSEMBLY_RESPONSE',
    message: 'WebAssembly response has status code 404',
  });
  const used = new Response(bytes, { headers: wasm });
  await used.arrayBuffer();
  await assert.rejects(WebAssembly.compileStreaming(used), {
    code: 'ERR_WEBASSEMBLY_RESPONSE',
    message: 'WebAssembly response body has already been used',
  });
  await assert.rejects(WebAssembly.compileStreaming(42), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
  // A truncated module is a CompileError from V8's streaming compiler.
  await assert.rejects(WebAssembly.compileStreaming(
    new Response(bytes.slice(0, -3), { headers: wasm })), {
    name: 'CompileError',
    message: /^WebAssembly\.compileStreaming\(\): /,
  });
})().then(common.mustCall());
