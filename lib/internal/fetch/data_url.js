'use strict';
// internal/fetch/data_url.js - the Fetch standard's data: URL processor:
// MIME type and bytes of a data: URL.

const {
  NumberParseInt,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  StringPrototypeCharCodeAt,
  StringPrototypeEndsWith,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
  TypedArrayPrototypeSubarray,
  Uint8Array,
} = primordials;

const { Buffer } = require('buffer');

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const asciiWhitespaceRe = /[\t\n\f\r ]+/g;
const outerWhitespaceRe = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;
const base64SuffixRe = /; *base64$/i;
const base64CharsRe = /^[A-Za-z0-9+/]*$/;

/* The bytes of `input` with %XX escapes decoded. */
function percentDecode(input) {
  const bytes = new Uint8Array(input.length);
  let length = 0;
  for (let i = 0; i < input.length; i++) {
    const code = StringPrototypeCharCodeAt(input, i);
    if (code === 0x25 && i + 2 < input.length &&
        RegExpPrototypeExec(/^[0-9A-Fa-f]{2}$/,
                            StringPrototypeSlice(input, i + 1, i + 3)) !== null) {
      bytes[length++] = NumberParseInt(StringPrototypeSlice(input, i + 1, i + 3), 16);
      i += 2;
    } else {
      bytes[length++] = code & 0xff;
    }
  }
  return TypedArrayPrototypeSubarray(bytes, 0, length);
}

/* Forgiving base64: the decoded bytes, or null when `text` is not base64. */
function forgivingBase64(text) {
  text = RegExpPrototypeSymbolReplace(asciiWhitespaceRe, text, '');
  if (text.length % 4 === 0) {
    if (StringPrototypeEndsWith(text, '==')) text = StringPrototypeSlice(text, 0, -2);
    else if (StringPrototypeEndsWith(text, '=')) text = StringPrototypeSlice(text, 0, -1);
  }
  if (text.length % 4 === 1 || RegExpPrototypeExec(base64CharsRe, text) === null) {
    return null;
  }
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/* The serialized MIME type of `text` ('type/subtype;param=value'), or
 * null when it is not a valid MIME type. */
function serializeMimeType(text) {
  text = RegExpPrototypeSymbolReplace(outerWhitespaceRe, text, '');
  const slash = StringPrototypeIndexOf(text, '/');
  if (slash === -1) return null;
  const type = StringPrototypeSlice(text, 0, slash);
  let semicolon = StringPrototypeIndexOf(text, ';', slash);
  if (semicolon === -1) semicolon = text.length;
  const subtype = RegExpPrototypeSymbolReplace(
    /[\t\n\f\r ]+$/, StringPrototypeSlice(text, slash + 1, semicolon), '');
  if (RegExpPrototypeExec(tokenRe, type) === null ||
      RegExpPrototypeExec(tokenRe, subtype) === null) {
    return null;
  }
  let out = `${StringPrototypeToLowerCase(type)}/` +
    `${StringPrototypeToLowerCase(subtype)}`;
  for (const param of StringPrototypeSplit(StringPrototypeSlice(text, semicolon + 1), ';')) {
    const eq = StringPrototypeIndexOf(param, '=');
    if (eq === -1) continue;
    const name = StringPrototypeToLowerCase(RegExpPrototypeSymbolReplace(
      outerWhitespaceRe, StringPrototypeSlice(param, 0, eq), ''));
    let value = RegExpPrototypeSymbolReplace(
      /[\t\n\f\r ]+$/, StringPrototypeSlice(param, eq + 1), '');
    if (value.length >= 2 && value[0] === '"' && value[value.length - 1] === '"') {
      value = StringPrototypeSlice(value, 1, -1);
    }
    if (name === '' || RegExpPrototypeExec(tokenRe, name) === null) continue;
    out += `;${name}=` +
      (value !== '' && RegExpPrototypeExec(tokenRe, value) !== null ?
        value : `"${RegExpPrototypeSymbolReplace(/["\\]/g, value, '\\$&')}"`);
  }
  return out;
}

/* { type, body } of a data: URL (`href`, already parsed), or null when its
 * body is not valid base64. */
function parseDataURL(href) {
  let rest = StringPrototypeSlice(href, 5); // after 'data:'
  const hash = StringPrototypeIndexOf(rest, '#');
  if (hash !== -1) rest = StringPrototypeSlice(rest, 0, hash);
  const comma = StringPrototypeIndexOf(rest, ',');
  if (comma === -1) return null;
  let mime = RegExpPrototypeSymbolReplace(
    outerWhitespaceRe, StringPrototypeSlice(rest, 0, comma), '');
  let body = percentDecode(StringPrototypeSlice(rest, comma + 1));
  if (RegExpPrototypeExec(base64SuffixRe, mime) !== null) {
    mime = RegExpPrototypeSymbolReplace(base64SuffixRe, mime, '');
    body = forgivingBase64(Buffer.from(body).toString('latin1'));
    if (body === null) return null;
  }
  if (mime[0] === ';') mime = `text/plain${mime}`;
  const type = serializeMimeType(mime) ?? 'text/plain;charset=US-ASCII';
  return { type, body };
}

module.exports = { parseDataURL };
