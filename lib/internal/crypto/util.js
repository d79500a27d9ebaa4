'use strict';
// internal/crypto/util.js - what the crypto modules share: the binding,
// the default encoding, byte-argument checks, encodings of digests, the
// OpenSSL name lists and the process-level switches (FIPS, engines).

const {
  StringPrototypeToLowerCase,
  Symbol,
  Uint8Array,
} = primordials;

const binding = internalBinding('crypto');
const { Buffer } = require('buffer');
const {
  codes: {
    ERR_CRYPTO_ENGINE_UNKNOWN,
    ERR_CRYPTO_FIPS_FORCED,
    ERR_INVALID_ARG_TYPE,
    ERR_WORKER_UNSUPPORTED_OPERATION,
  },
  hideStackFrames,
} = require('internal/errors');
const {
  validateInt32,
  validateNumber,
  validateObject,
  validateString,
} = require('internal/validators');
const {
  isAnyArrayBuffer,
  isArrayBufferView,
} = require('internal/util/types');
const {
  cachedResult,
  filterDuplicateStrings,
  normalizeEncoding,
} = require('internal/util');
const { getOptionValue } = require('internal/options');

const kHandle = Symbol('kHandle');
const kKeyObject = Symbol('kKeyObject');

// Digest output encodings the binding produces itself (else a Buffer).
const kEncBuffer = 0;
const kEncHex = 1;
const kEncBase64 = 2;
const kEncBase64url = 3;
const kEncLatin1 = 4;

let defaultEncoding = 'buffer';

/* The encoding crypto methods use when none is given ('buffer' unless
 * crypto.DEFAULT_ENCODING was set). */
function getDefaultEncoding() {
  return defaultEncoding;
}

function setDefaultEncoding(value) {
  defaultEncoding = value;
}

/* `value` (an ArrayBuffer, SharedArrayBuffer or view) as a view the
 * binding can read: buffers get a Uint8Array over them. */
function toView(value) {
  return isAnyArrayBuffer(value) ? new Uint8Array(value) : value;
}

/* A string (in `encoding`, 'buffer' meaning UTF-8) or buffer argument as
 * an ArrayBufferView; ERR_INVALID_ARG_TYPE naming `name` otherwise. */
const getArrayBufferOrView = hideStackFrames((value, name, encoding) => {
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  if (typeof value === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return Buffer.from(value, encoding);
  }
  if (!isArrayBufferView(value)) {
    throw new ERR_INVALID_ARG_TYPE(
      name,
      ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
      value);
  }
  return value;
});

/* For hkdf's salt and info: strings (UTF-8) and buffers as views. */
const validateByteSource = hideStackFrames((value, name) => {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  if (isArrayBufferView(value)) return value;
  throw new ERR_INVALID_ARG_TYPE(
    name, ['string', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'],
    value);
});

/* The binding's code for a digest output encoding (kEnc*), or the
 * encoding name Buffer#toString() must apply to a Buffer result. Unknown
 * names mean a Buffer, as in Node. */
function digestEncoding(encoding) {
  if (encoding === 'hex') return kEncHex;
  const enc = normalizeEncoding(encoding);
  switch (enc) {
    case 'hex': return kEncHex;
    case 'base64': return kEncBase64;
    case 'base64url': return kEncBase64url;
    case 'latin1': return kEncLatin1;
    case 'utf8':
    case 'utf16le':
    case 'ascii':
      return enc;
    default: return kEncBuffer;
  }
}

/* Encodes `bytes` (a Buffer) for a digest()-like result. */
function encodeDigest(bytes, encoding) {
  const enc = digestEncoding(encoding);
  if (typeof enc === 'string') return bytes.toString(enc);
  switch (enc) {
    case kEncHex: return bytes.toString('hex');
    case kEncBase64: return bytes.toString('base64');
    case kEncBase64url: return bytes.toString('base64url');
    case kEncLatin1: return bytes.toString('latin1');
    default: return bytes;
  }
}

const getHashes = cachedResult(
  () => filterDuplicateStrings(binding.getHashes()));
const getCiphers = cachedResult(
  () => filterDuplicateStrings(binding.getCiphers()));
const getCurves = cachedResult(
  () => filterDuplicateStrings(binding.getCurves()));

/* crypto.getCipherInfo(nameOrNid[, { keyLength, ivLength }]): a cipher's
 * name, nid, mode, block size and lengths, or undefined when OpenSSL has
 * no such cipher or it would not take the given lengths. */
function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE(
      'nameOrNid', ['string', 'number'], nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  let keyLength;
  let ivLength;
  if (options !== undefined) {
    validateObject(options, 'options');
    ({ keyLength, ivLength } = options);
    if (keyLength !== undefined) validateInt32(keyLength, 'options.keyLength');
    if (ivLength !== undefined) validateInt32(ivLength, 'options.ivLength');
  }
  const info = binding.getCipherInfo(nameOrNid, keyLength, ivLength);
  if (info !== undefined && info.name)
    info.name = StringPrototypeToLowerCase(info.name);
  return info;
}

/* Whether this thread may change process-wide state (not a worker). */
function lazyOwnsProcessState() {
  return require('worker_threads').isMainThread;
}

/* crypto.getFips(): 1 when FIPS mode is on (or forced), else 0. */
function getFips() {
  return getOptionValue('--force-fips') ? 1 : binding.getFipsCrypto();
}

/* crypto.setFips(bool): main thread only; refused when --force-fips. */
function setFips(value) {
  if (getOptionValue('--force-fips')) {
    if (value) return;
    throw new ERR_CRYPTO_FIPS_FORCED();
  }
  if (!lazyOwnsProcessState()) {
    throw new ERR_WORKER_UNSUPPORTED_OPERATION('Calling crypto.setFips()');
  }
  binding.setFipsCrypto(value);
  require('internal/crypto/hash').clearAcceptedAlgorithms();
}

const { ENGINE_METHOD_ALL } = internalBinding('constants').crypto;

/* crypto.setEngine(id[, flags]): loads OpenSSL engine `id` (a name or a
 * shared object path) for the ENGINE_METHOD_* `flags`. */
function setEngine(id, flags) {
  validateString(id, 'id');
  if (flags) validateNumber(flags, 'flags');
  flags = flags >>> 0;
  if (flags === 0) flags = ENGINE_METHOD_ALL;
  if (!binding.setEngine(id, flags)) throw new ERR_CRYPTO_ENGINE_UNKNOWN(id);
  require('internal/crypto/hash').clearAcceptedAlgorithms();
}

/* crypto.secureHeapUsed(): the secure heap's use (none by default). */
function secureHeapUsed() {
  const used = binding.secureHeapUsed();
  if (used === undefined) return { total: 0, used: 0, utilization: 0, min: 0 };
  const total = Number(getOptionValue('--secure-heap') ?? 0);
  const min = Number(getOptionValue('--secure-heap-min') ?? 0);
  return { total, used, utilization: total ? used / total : 0, min };
}

module.exports = {
  binding,
  kHandle,
  kKeyObject,
  kEncBuffer,
  kEncHex,
  kEncBase64,
  kEncBase64url,
  kEncLatin1,
  digestEncoding,
  encodeDigest,
  getArrayBufferOrView,
  getCipherInfo,
  getCiphers,
  getCurves,
  getDefaultEncoding,
  getFips,
  getHashes,
  lazyOwnsProcessState,
  secureHeapUsed,
  setDefaultEncoding,
  setEngine,
  setFips,
  toView,
  validateByteSource,
};
