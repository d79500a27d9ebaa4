'use strict';
// constants.js - the deprecated `constants` module: one frozen object with
// the OS (dlopen, errno, priority, signals), fs and crypto constants.

const { ObjectAssign, ObjectFreeze } = primordials;

const { os, crypto } = internalBinding('constants');
// fs.constants in Node's key order.
const { constants: fs } = require('internal/fs/utils');

ObjectAssign(exports, os.dlopen, os.errno, os.priority, os.signals, fs,
             crypto);
ObjectFreeze(exports);
