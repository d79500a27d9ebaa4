'use strict';
// v8.serialize()/deserialize() and the Serializer classes: the bytes are
// V8's format with Node's host objects for views (so data written by
// Node 18 reads back here and the other way round), and the hooks, raw
// reads and writes and errors behave as Node's. The expected hex strings
// were written by node 18.20.4.
require('../common');
const assert = require('assert');
const v8 = require('v8');

const fromNode = [
  [{ a: 1 }, 'ff0f6f22016149027b01'],
  [Buffer.from([1, 2]), 'ff0f5c0a020102'],
  [new Uint8Array([1, 2]), 'ff0f5c01020102'],
  [new Int16Array(1), 'ff0f5c03020000'],
  [new Float64Array(1), 'ff0f5c08080000000000000000'],
  [new DataView(new ArrayBuffer(1)), 'ff0f5c090100'],
  [new BigInt64Array(1), 'ff0f5c0b080000000000000000'],
  [new BigUint64Array(1), 'ff0f5c0c080000000000000000'],
  [[1, 'x', null, undefined], 'ff0f41044902220178305f240004'],
  [new Map([[1, 2]]), 'ff0f3b490249043a02'],
];
for (const [value, hex] of fromNode) {
  assert.strictEqual(v8.serialize(value).toString('hex'), hex);
  assert.deepStrictEqual(v8.deserialize(Buffer.from(hex, 'hex')), value);
}

// A pooled Buffer carries only its own bytes.
const small = Buffer.from('hi');
assert.strictEqual(v8.serialize(small).length, 7);

// A view read from an unaligned offset is copied into aligned memory.
{
  const padded = Buffer.alloc(9 + 1);
  Buffer.from('ff0d5c0404addeefbe', 'hex').copy(padded, 1);
  const u16 = v8.deserialize(padded.subarray(1));
  assert.ok(u16 instanceof Uint16Array);
  assert.strictEqual(u16.length, 2);
  assert.strictEqual(u16.byteOffset % 2, 0);
}

// Host objects through the hooks, with raw writes and reads: a plain
// Serializer sends views to _writeHostObject when asked to.
{
  const ser = new v8.Serializer();
  ser.writeHeader();
  ser._setTreatArrayBufferViewsAsHostObjects(true);
  const view = new Uint8Array([7]);
  let wrote = null;
  ser._writeHostObject = function(object) {
    wrote = object;
    this.writeUint32(42);
    this.writeUint64(1, 2);
    this.writeDouble(-0.25);
    this.writeRawBytes(new Uint16Array([0x6968]));
  };
  assert.strictEqual(ser.writeValue({ v: view }), true);
  assert.strictEqual(wrote, view);
  const bytes = ser.releaseBuffer();
  assert.ok(Buffer.isBuffer(bytes));

  const des = new v8.Deserializer(bytes);
  assert.strictEqual(des.buffer, bytes);
  des._readHostObject = function() {
    assert.strictEqual(this.readUint32(), 42);
    assert.deepStrictEqual(this.readUint64(), [1, 2]);
    assert.strictEqual(this.readDouble(), -0.25);
    assert.strictEqual(this.readRawBytes(2).toString(), 'hi');
    return { restored: true };
  };
  assert.strictEqual(des.readHeader(), true);
  assert.strictEqual(des.getWireFormatVersion(), 15);
  assert.deepStrictEqual(des.readValue(), { v: { restored: true } });
}

// Errors: clone errors come from _getDataCloneError, reads past the end
// fail, bad arguments and calls without new are TypeErrors.
{
  const ser = new v8.DefaultSerializer();
  ser._getDataCloneError = (message) => new RangeError(`custom: ${message}`);
  ser.writeHeader();
  assert.throws(() => ser.writeValue(() => {}), {
    name: 'RangeError',
    message: /^custom: .* could not be cloned\.$/,
  });
  assert.throws(() => v8.serialize(new WeakMap()), {
    name: 'Error',
    message: '#<WeakMap> could not be cloned.',
  });
  assert.throws(() => new v8.Deserializer(Buffer.alloc(0)).readDouble(),
                { message: 'ReadDouble() failed' });
  assert.throws(() => new v8.Deserializer(Buffer.alloc(0)).readUint32(),
                { message: 'ReadUint32() failed' });
  assert.throws(() => new v8.Serializer().writeRawBytes('x'), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'source must be a TypedArray or a DataView',
  });
  assert.throws(() => v8.deserialize('x'), {
    name: 'TypeError',
    message: 'buffer must be a TypedArray or a DataView',
  });
  assert.throws(() => v8.Serializer(), {
    name: 'TypeError',
    code: 'ERR_CONSTRUCT_CALL_REQUIRED',
  });
  assert.throws(() => v8.deserialize(Buffer.from('00', 'hex')),
                /invalid or unsupported version/);
  // A number that fails to convert throws and writes nothing.
  const raw = new v8.Serializer();
  assert.throws(() => raw.writeUint32(Symbol('n')), TypeError);
  assert.throws(() => raw.writeUint64(1, { valueOf() { throw new Error('vo'); } }),
                /^Error: vo$/);
  assert.strictEqual(raw.releaseBuffer().length, 0);
}

// Transferred ArrayBuffers are written by id and supplied on reading.
{
  const ab = new ArrayBuffer(4);
  new Uint8Array(ab)[0] = 9;
  const ser = new v8.Serializer();
  ser.transferArrayBuffer(3, ab);
  ser.writeHeader();
  ser.writeValue(ab);
  const des = new v8.Deserializer(ser.releaseBuffer());
  const target = new ArrayBuffer(4);
  new Uint8Array(target)[0] = 5;
  des.transferArrayBuffer(3, target);
  des.readHeader();
  assert.strictEqual(des.readValue(), target);
  assert.throws(() => ser.transferArrayBuffer(1, {}),
                { code: 'ERR_INVALID_ARG_TYPE' });
}
