'use strict';
// cluster.js - the cluster module: the primary's API (fork, workers,
// settings, scheduling) in the primary, the worker's (cluster.worker,
// shared servers) in a process forked by it (NODE_UNIQUE_ID set).

const {
  ObjectPrototypeHasOwnProperty,
} = primordials;

const isWorker = ObjectPrototypeHasOwnProperty(process.env, 'NODE_UNIQUE_ID');

module.exports = isWorker ?
  require('internal/cluster/child') :
  require('internal/cluster/primary');
