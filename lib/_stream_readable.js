'use strict';
// _stream_readable.js - legacy alias of stream.Readable.

module.exports = require('stream').Readable;
