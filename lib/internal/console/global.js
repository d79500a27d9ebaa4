// global.js - the global `console`: a Console bound lazily to process stdio.
'use strict';

const {
  FunctionPrototypeBind,
  ObjectCreate,
  ObjectGetOwnPropertyDescriptor,
  ReflectDefineProperty,
  ReflectGetOwnPropertyDescriptor,
  ReflectOwnKeys,
} = primordials;

const {
  Console,
  kBindStreamsLazy,
  kBindProperties,
} = require('internal/console/constructor');

// The console V8 installs on the global, if still there: its methods that
// Node's Console lacks (profile, profileEnd, timeStamp, context) are kept.
// Only a data property is read: a lazy accessor may be loading this file.
const vmConsoleDesc = ObjectGetOwnPropertyDescriptor(globalThis, 'console');
const vmConsole = vmConsoleDesc !== undefined ? vmConsoleDesc.value : undefined;

// Not created by `new Console`, so that process.stdout and process.stderr
// are only touched on first use; `instanceof Console` still holds.
const globalConsole = ObjectCreate({});

for (const key of ReflectOwnKeys(Console.prototype)) {
  if (key === 'constructor') continue;
  const desc = ReflectGetOwnPropertyDescriptor(Console.prototype, key);
  if (typeof desc.value === 'function') {
    desc.value = FunctionPrototypeBind(desc.value, globalConsole);
    ReflectDefineProperty(desc.value, 'name', { __proto__: null, value: key });
  }
  ReflectDefineProperty(globalConsole, key, desc);
}

globalConsole[kBindStreamsLazy](process);
globalConsole[kBindProperties](true, 'auto');

// Legacy: the constructor is reachable from the global console.
globalConsole.Console = Console;

function noop() {}

for (const key of ['profile', 'profileEnd', 'timeStamp', 'context']) {
  let value;
  if (vmConsole !== null && typeof vmConsole === 'object' &&
      typeof vmConsole[key] === 'function') {
    value = vmConsole[key];
  } else if (key !== 'context') {
    value = noop;
  } else {
    continue;
  }
  ReflectDefineProperty(globalConsole, key, {
    __proto__: null, value, writable: true, enumerable: true,
    configurable: true,
  });
}

module.exports = globalConsole;
