'use strict';
// internal/child_process/serialization.js - how IPC messages become bytes
// on the channel and back: 'json' (one JSON text per line) and 'advanced'
// (a 4-byte big-endian length, then the structured-clone encoding).

const {
  JSONParse,
  JSONStringify,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  Symbol,
} = primordials;

const { Buffer } = require('buffer');
const { StringDecoder } = require('string_decoder');
const { setWriteResult } = require('internal/stream_base_commons');

const kJSONBuffer = Symbol('kJSONBuffer');
const kStringDecoder = Symbol('kStringDecoder');
const kMessageBuffer = Symbol('kMessageBuffer');
const kMessageBufferSize = Symbol('kMessageBufferSize');

let structured;

/* Each mode: initMessageChannel(channel); parseChannelMessages(channel,
 * chunk) -> array of the messages completed by `chunk` (sets
 * channel.buffering while a message is partly read);
 * writeChannelMessage(channel, req, message, handle) -> 0 or a UV error. */
const json = {
  initMessageChannel(channel) {
    channel[kJSONBuffer] = '';
    channel[kStringDecoder] = undefined;
    channel.buffering = false;
  },

  parseChannelMessages(channel, chunk) {
    const messages = [];
    if (chunk.length === 0) return messages;
    channel[kStringDecoder] ??= new StringDecoder('utf8');
    const text = channel[kStringDecoder].write(chunk);
    let start = 0;
    let nl = StringPrototypeIndexOf(text, '\n');
    if (nl !== -1) {
      let line = channel[kJSONBuffer] + StringPrototypeSlice(text, 0, nl);
      channel[kJSONBuffer] = '';
      for (;;) {
        messages.push(JSONParse(line));
        start = nl + 1;
        nl = StringPrototypeIndexOf(text, '\n', start);
        if (nl === -1) break;
        line = StringPrototypeSlice(text, start, nl);
      }
    }
    if (start < text.length) {
      channel[kJSONBuffer] += start === 0 ? text :
        StringPrototypeSlice(text, start);
    }
    channel.buffering = channel[kJSONBuffer].length !== 0;
    return messages;
  },

  writeChannelMessage(channel, req, message, handle) {
    const string = JSONStringify(message) + '\n';
    const err = channel.writeUtf8String(req, string, handle);
    setWriteResult(req);
    return err;
  },
};

const advanced = {
  initMessageChannel(channel) {
    channel[kMessageBuffer] = [];
    channel[kMessageBufferSize] = 0;
    channel.buffering = false;
  },

  parseChannelMessages(channel, chunk) {
    const messages = [];
    if (chunk.length === 0) return messages;
    structured ??= require('internal/child_process/structured');
    channel[kMessageBuffer].push(chunk);
    channel[kMessageBufferSize] += chunk.length;
    let head = channel[kMessageBuffer][0];
    while (channel[kMessageBufferSize] >= 4) {
      if (head.length < 4) {
        head = Buffer.concat(channel[kMessageBuffer],
                             channel[kMessageBufferSize]);
        channel[kMessageBuffer] = [head];
      }
      const size = ((head[0] << 24) | (head[1] << 16) | (head[2] << 8) |
                    head[3]) >>> 0;
      const full = size + 4;
      if (channel[kMessageBufferSize] < full) break;
      const all = channel[kMessageBuffer].length === 1 ? head :
        Buffer.concat(channel[kMessageBuffer], channel[kMessageBufferSize]);
      const body = all.subarray(4, full);
      head = all.subarray(full);
      channel[kMessageBufferSize] = head.length;
      channel[kMessageBuffer] = head.length !== 0 ? [head] : [];
      messages.push(structured.deserialize(body));
    }
    channel.buffering = channel[kMessageBufferSize] > 0;
    return messages;
  },

  writeChannelMessage(channel, req, message, handle) {
    structured ??= require('internal/child_process/structured');
    const buf = structured.serialize(message, 4);
    const size = buf.length - 4;
    buf[0] = size >>> 24;
    buf[1] = (size >>> 16) & 0xff;
    buf[2] = (size >>> 8) & 0xff;
    buf[3] = size & 0xff;
    const err = channel.writeBuffer(req, buf, handle);
    setWriteResult(req);
    if (req.async) req.buffer = buf;
    return err;
  },
};

module.exports = { json, advanced };
