'use strict';
// _stream_duplex.js - legacy alias of stream.Duplex.

module.exports = require('stream').Duplex;
