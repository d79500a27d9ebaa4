'use strict';
// _stream_transform.js - legacy alias of stream.Transform.

module.exports = require('stream').Transform;
