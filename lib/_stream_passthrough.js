'use strict';
// _stream_passthrough.js - legacy alias of stream.PassThrough.

module.exports = require('stream').PassThrough;
