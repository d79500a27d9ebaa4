'use strict';
// _stream_writable.js - legacy alias of stream.Writable.

module.exports = require('stream').Writable;
