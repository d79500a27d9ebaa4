'use strict';
// internal/child_process/stdio.js - the stdio option of the spawn family:
// expands 'pipe'/'inherit'/'ignore'/'overlapped'/'ipc', fds, streams and
// handles into the descriptions process_wrap and spawn_sync take.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_SYNC_FORK_INPUT,
    ERR_IPC_ONE_PIPE,
    ERR_IPC_SYNC_FORK,
  },
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');

let pipeWrap;
function lazyPipeWrap() {
  pipeWrap ??= internalBinding('pipe_wrap');
  return pipeWrap;
}

/* 'pipe' | 'tty' | 'tcp' | 'udp' for a native handle object, else false. */
function getHandleWrapType(stream) {
  if (stream === null || typeof stream !== 'object') return false;
  if (stream instanceof lazyPipeWrap().Pipe) return 'pipe';
  if (stream instanceof internalBinding('tty_wrap').TTY) return 'tty';
  if (stream instanceof internalBinding('tcp_wrap').TCP) return 'tcp';
  if (stream instanceof internalBinding('udp_wrap').UDP) return 'udp';
  return false;
}

/* Closes the pipe handles a getValidStdio() result created. */
function closeStdioHandles(stdio) {
  for (let i = 0; i < stdio.length; i++) {
    const item = stdio[i];
    if ((item.type === 'pipe' || item.type === 'overlapped') && item.handle &&
        typeof item.handle.close === 'function') {
      item.handle.close();
    }
  }
}

/* stdioStringToArray('pipe'|'ignore'|'overlapped'|'inherit'[, channel])
 * -> the three-entry array (plus `channel`, e.g. 'ipc'). */
function stdioStringToArray(stdio, channel) {
  const options = [];
  switch (stdio) {
    case 'ignore':
    case 'overlapped':
    case 'pipe':
      ArrayPrototypePush(options, stdio, stdio, stdio);
      break;
    case 'inherit':
      ArrayPrototypePush(options, 0, 1, 2);
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  if (channel) ArrayPrototypePush(options, channel);
  return options;
}

/* getValidStdio(stdio, sync) -> { stdio: [description...], ipc, ipcFd }.
 * Descriptions: { type: 'ignore' } | { type: 'pipe' | 'overlapped',
 * readable, writable, handle (async only: a new Pipe) } | { type: 'pipe',
 * handle: Pipe(IPC), ipc: true } | { type: 'inherit' | 'fd', fd } |
 * { type: 'wrap', wrapType, handle, _stdio } | (sync only) { type: 'pipe',
 * readable, writable, input }. `ipc` is the IPC Pipe and `ipcFd` its
 * index. Invalid entries throw after closing what was created. */
function getValidStdio(stdio, sync) {
  let ipc;
  let ipcFd;

  if (typeof stdio === 'string') {
    stdio = stdioStringToArray(stdio);
  } else if (!ArrayIsArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  } else {
    stdio = ArrayPrototypeSlice(stdio);
  }
  // At least three entries; the missing ones are pipes.
  while (stdio.length < 3) ArrayPrototypePush(stdio, undefined);

  const result = [];
  function fail(err) {
    closeStdioHandles(result);
    if (ipc) ipc.close();
    throw err;
  }

  for (let i = 0; i < stdio.length; i++) {
    let item = stdio[i];
    if (item == null) item = i < 3 ? 'pipe' : 'ignore';

    if (item === 'ignore') {
      ArrayPrototypePush(result, { type: 'ignore' });
    } else if (item === 'pipe' || item === 'overlapped' ||
               (typeof item === 'number' && item < 0)) {
      const type = item === 'overlapped' ? 'overlapped' : 'pipe';
      const desc = { type, readable: i === 0, writable: i !== 0 };
      if (!sync) {
        const { Pipe, constants } = lazyPipeWrap();
        desc.handle = new Pipe(constants.SOCKET);
      }
      ArrayPrototypePush(result, desc);
    } else if (item === 'ipc') {
      if (sync || ipc !== undefined) {
        fail(sync ? new ERR_IPC_SYNC_FORK() : new ERR_IPC_ONE_PIPE());
      }
      const { Pipe, constants } = lazyPipeWrap();
      ipc = new Pipe(constants.IPC);
      ipcFd = i;
      ArrayPrototypePush(result, { type: 'pipe', handle: ipc, ipc: true });
    } else if (item === 'inherit') {
      ArrayPrototypePush(result, { type: 'inherit', fd: i });
    } else if (typeof item === 'number' || typeof item.fd === 'number') {
      ArrayPrototypePush(result, {
        type: 'fd',
        fd: typeof item === 'number' ? item : item.fd,
      });
    } else if (getHandleWrapType(item) || getHandleWrapType(item.handle) ||
               getHandleWrapType(item._handle)) {
      const handle = getHandleWrapType(item) ? item :
        getHandleWrapType(item.handle) ? item.handle : item._handle;
      ArrayPrototypePush(result, {
        type: 'wrap',
        wrapType: getHandleWrapType(handle),
        handle,
        _stdio: item,
      });
    } else if (isArrayBufferView(item) || typeof item === 'string') {
      if (!sync) {
        fail(new ERR_INVALID_SYNC_FORK_INPUT(
          require('internal/util/inspect').inspect(item)));
      }
      ArrayPrototypePush(result, {
        type: 'pipe',
        readable: i === 0,
        writable: i !== 0,
        input: item,
      });
    } else {
      fail(new ERR_INVALID_ARG_VALUE('stdio', item));
    }
  }
  return { stdio: result, ipc, ipcFd };
}

module.exports = {
  closeStdioHandles,
  getHandleWrapType,
  getValidStdio,
  stdioStringToArray,
};
