'use strict';
// internal/child_process/exec.js - the buffering behind execFile()/exec():
// collects stdout/stderr up to maxBuffer, kills on timeout or overflow,
// and builds the callback's error (code, killed, signal, cmd).

const {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  Promise,
  StringPrototypeSlice,
} = primordials;

const { Buffer } = require('buffer');
const {
  genericNodeError,
  getSystemErrorName,
  codes: { ERR_CHILD_PROCESS_STDIO_MAXBUFFER },
} = require('internal/errors');

/* collectOutput(child, file, args, options, callback): wires `child` (just
 * spawned by execFile) so that callback(err, stdout, stderr) runs once it
 * closed, errored, overflowed maxBuffer or timed out. options are
 * execFile's, normalized: encoding, timeout, maxBuffer, killSignal. */
function collectOutput(child, file, args, options, callback) {
  const encoding = options.encoding !== 'buffer' &&
    Buffer.isEncoding(options.encoding) ? options.encoding : null;
  const stdoutChunks = [];
  const stderrChunks = [];
  let stdoutLen = 0;
  let stderrLen = 0;
  let killed = false;
  let exited = false;
  let timeoutId;
  let ex = null;
  let cmd = file;

  function joined(stream, chunks) {
    if (encoding || (stream && stream.readableEncoding)) {
      return ArrayPrototypeJoin(chunks, '');
    }
    return Buffer.concat(chunks);
  }

  function exithandler(code, signal) {
    if (exited) return;
    exited = true;
    if (timeoutId) {
      clearTimeout(timeoutId);
      timeoutId = null;
    }
    if (!callback) return;

    const stdout = joined(child.stdout, stdoutChunks);
    const stderr = joined(child.stderr, stderrChunks);
    if (!ex && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    if (args && args.length) cmd += ` ${ArrayPrototypeJoin(args, ' ')}`;
    if (!ex) {
      ex = genericNodeError(`Command failed: ${cmd}\n${stderr}`, {
        code: code < 0 ? getSystemErrorName(code) : code,
        killed: child.killed || killed,
        signal,
      });
    }
    ex.cmd = cmd;
    callback(ex, stdout, stderr);
  }

  function errorhandler(e) {
    ex = e;
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    exithandler();
  }

  function kill() {
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    killed = true;
    try {
      child.kill(options.killSignal);
    } catch (e) {
      ex = e;
      exithandler();
    }
  }

  if (options.timeout > 0) {
    timeoutId = setTimeout(function delayedKill() {
      kill();
      timeoutId = null;
    }, options.timeout);
  }

  function collect(stream, chunks, name) {
    if (encoding) stream.setEncoding(encoding);
    stream.on('data', function onChildData(chunk) {
      if (options.maxBuffer === Infinity) {
        ArrayPrototypePush(chunks, chunk);
        return;
      }
      const enc = stream.readableEncoding;
      const length = enc ? Buffer.byteLength(chunk, enc) : chunk.length;
      let total = name === 'stdout' ? (stdoutLen += length) :
        (stderrLen += length);
      if (total > options.maxBuffer) {
        const keep = options.maxBuffer - (total - length);
        ArrayPrototypePush(chunks, enc ? StringPrototypeSlice(chunk, 0, keep) :
          chunk.slice(0, keep));
        ex = new ERR_CHILD_PROCESS_STDIO_MAXBUFFER(name);
        total = 0;
        kill();
      } else {
        ArrayPrototypePush(chunks, chunk);
      }
    });
  }

  if (child.stdout) collect(child.stdout, stdoutChunks, 'stdout');
  if (child.stderr) collect(child.stderr, stderrChunks, 'stderr');

  child.addListener('close', exithandler);
  child.addListener('error', errorhandler);
}

/* The util.promisify.custom of exec/execFile: a promise of { stdout,
 * stderr } (or rejection with the error, carrying them), with .child. */
function customPromiseExecFunction(orig) {
  return (...args) => {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.child = orig(...args, (err, stdout, stderr) => {
      if (err !== null) {
        err.stdout = stdout;
        err.stderr = stderr;
        reject(err);
      } else {
        resolve({ stdout, stderr });
      }
    });
    return promise;
  };
}

module.exports = {
  collectOutput,
  customPromiseExecFunction,
};
