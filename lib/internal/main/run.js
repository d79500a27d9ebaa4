'use strict';
/* run.js (main) - runs what the command line asked for: a file, -e/-p code,
 * a script on stdin, --check, or --help. */

const {
  ObjectDefineProperty,
} = primordials;

const { getOptionValue } = require('internal/options');
const { readFdUtf8, isatty } = internalBinding('fs');
const { runInThisContext } = internalBinding('contextify');
const info = internalBinding('process_methods').getProcessInfo();
const path = require('path');
const { Module } = require('internal/modules/cjs/loader');

/* -r/--require preloads, relative to the current directory. */
function preload() {
  const requires = getOptionValue('--require');
  if (requires.length > 0) Module._preloadModules(requires);
}

/* -e/-p code (CommonJS or ES module) sees core modules as globals. */
function addBuiltinLibs() {
  require('internal/builtin_globals').addBuiltinLibsToObject(globalThis);
}

/* Evaluates `source` as the [eval] (or [stdin]) script in the global scope,
 * with module/require/__filename/__dirname as globals; -p prints the
 * result. */
function evalScript(name, source, print) {
  const cwd = (() => {
    try {
      return process.cwd();
    } catch {
      return '/';
    }
  })();
  const module = require('internal/modules/cjs/loader')
    .setEvalGlobals(name, cwd);
  /* import() in the code resolves against the directory it started in,
   * even after a process.chdir(). */
  const { registerReferrerImporter, importDynamically } =
    require('internal/modules/esm/loader');
  registerReferrerImporter(name, (specifier, attributes) =>
    importDynamically(specifier, module.filename, attributes));
  const result = runInThisContext(source, name);
  if (print) {
    const { log } = require('internal/console/global');
    log(result);
  }
}

/* --check: compiles `source` as CommonJS, or as an ES module when the
 * file (or string input) would run as one. */
function checkSyntax(source, filename, asModule) {
  if (asModule) {
    const { ModuleWrap } = internalBinding('module_wrap');
    const { pathToFileURL } = require('internal/url');
    new ModuleWrap(filename[0] === '/' ? pathToFileURL(filename).href :
      filename, source);
    return;
  }
  /* A "#!" line is no JavaScript: blank it, keeping the line numbers. */
  if (source.startsWith('#!')) {
    const eol = source.indexOf('\n');
    source = eol === -1 ? '' : source.slice(eol);
  }
  /* Through the loader's wrapper, which a -r preload may have patched. */
  require('internal/modules/cjs/loader').wrapSafe(filename, source);
}

/* Whether the file `filename` would run as an ES module. */
function isModuleFile(filename) {
  try {
    const { pathToFileURL } = require('internal/url');
    const { defaultGetFormatWithoutErrors } =
      require('internal/modules/esm/get_format');
    return defaultGetFormatWithoutErrors(pathToFileURL(filename)) ===
      'module';
  } catch {
    return false;
  }
}

/* Whether -e / stdin code runs as an ES module: --input-type, else
 * --experimental-default-type. */
function stringInputIsModule() {
  const inputType = getOptionValue('--input-type');
  if (inputType) return inputType === 'module';
  return getOptionValue('--experimental-default-type') === 'module';
}

function printHelp() {
  const { writeString } = internalBinding('fs');
  writeString(1,
              'Usage: nodus [options] [ script.js ] [arguments]\n' +
              '       nodus -e "script" [arguments]\n' +
              '       nodus - [arguments]      (script read from stdin)\n\n' +
              'Options:\n' +
              '  -                          script read from stdin\n' +
              '  --                         indicate the end of node ' +
              'options\n' +
              '  -c, --check                syntax check script without ' +
              'executing\n' +
              '  -e, --eval script          evaluate script\n' +
              '  -h, --help                 print this help\n' +
              '  -p, --print [...]          evaluate script and print ' +
              'result\n' +
              '  -r, --require module       module to preload\n' +
              '  --no-deprecation           silence deprecation warnings\n' +
              '  --no-warnings              silence all process warnings\n' +
              '  --throw-deprecation        throw an exception on ' +
              'deprecations\n' +
              '  --trace-deprecation        show stack traces on ' +
              'deprecations\n' +
              '  --trace-warnings           show stack traces on process ' +
              'warnings\n' +
              '  --unhandled-rejections=... define unhandled rejections ' +
              'behavior\n' +
              '  --v8-options               print V8 command line options\n' +
              '  -v, --version              print nodus version\n\n' +
              'Environment variables:\n' +
              'NODE_OPTIONS                 set CLI options in the ' +
              'environment\n' +
              'NODE_PATH                    \':\'-separated list of ' +
              'directories prefixed to the module search path\n' +
              'NODE_DEBUG                   \',\'-separated list of core ' +
              'modules that should print debug information\n\n' +
              'V8 flags (--expose-gc, --max-old-space-size, --harmony-*, ' +
              '...) are passed on to V8.\n');
}

/* Runs the main script file through Module.runMain (which picks the
 * CommonJS or ES module loader). */
function runMainFile(main) {
  if (getOptionValue('--input-type')) {
    const { codes: { ERR_INPUT_TYPE_NOT_ALLOWED } } =
      require('internal/errors');
    throw new ERR_INPUT_TYPE_NOT_ALLOWED();
  }
  /* import() and import.meta already reach the ES loader through the
   * bootstrap's lazy hooks: a CommonJS program never loads it. */
  Module.runMain(main);
}

/* Runs fn now, or after the --import / --experimental-loader preloads when
 * there are any (only then is the ES module loader needed at start-up). */
function runAfterPreloads(fn) {
  if (getOptionValue('--import').length === 0 &&
      getOptionValue('--experimental-loader').length === 0) {
    return fn();
  }
  return require('internal/modules/esm/loader').runAfterPreloads(fn);
}

function main() {
  if (getOptionValue('--help')) {
    printHelp();
    return;
  }
  if (getOptionValue('--test')) {
    /* node --test [paths...]: the file operands are test paths. */
    const paths = info.script ? [info.script, ...process.argv.slice(1)] : [];
    preload();
    require('internal/main/test_runner').main(paths);
    return;
  }
  const evalSource = getOptionValue('--eval');
  const hasEval = evalSource !== '' ||
    process.execArgv.some((a) => a === '-e' || a === '--eval' ||
                          a.startsWith('--eval='));
  const print = getOptionValue('--print');

  if (getOptionValue('--check') && info.script) {
    process.argv.splice(1, 0, path.resolve(info.script));
    const { readFileUtf8 } = internalBinding('fs');
    preload();
    /* The file is found as require() finds it (extension optional). */
    const file = Module._resolveFilename(path.resolve(info.script), null,
                                         true);
    runAfterPreloads(
      () => checkSyntax(readFileUtf8(file), file, isModuleFile(file)));
    return;
  }

  const interactive = getOptionValue('--interactive');
  if ((hasEval || print) && interactive && !print) {
    /* -i -e CODE: the REPL starts, then the code runs in its (global)
     * context. */
    addBuiltinLibs();
    /* The REPL's module and require stay the globals. */
    startRepl(() => runInThisContext(evalSource, '[eval]'));
    return;
  }

  if (hasEval || print) {
    /* process._eval holds the code (child_process.fork leaves it out of
     * the execArgv it passes on). */
    ObjectDefineProperty(process, '_eval', {
      __proto__: null, value: evalSource, writable: false, enumerable: true,
      configurable: true,
    });
    /* -e/-p code (CommonJS or ES module) sees builtins as globals. */
    addBuiltinLibs();
    preload();
    if (stringInputIsModule()) {
      require('internal/modules/esm/loader').evalModule(evalSource, print);
      return;
    }
    runAfterPreloads(() => evalScript('[eval]', evalSource, print));
    return;
  }

  if (info.script) {
    process.argv.splice(1, 0, path.resolve(info.script));
    preload();
    runMainFile(process.argv[1]);
    return;
  }

  if (info.useStdin || (!isatty(0) && !interactive)) {
    if (info.useStdin) process.argv.splice(1, 0, '-');
    preload();
    const source = readFdUtf8(0);
    process._eval = source;
    if (getOptionValue('--check')) {
      checkSyntax(source, '[stdin]', stringInputIsModule());
      return;
    }
    if (stringInputIsModule()) {
      require('internal/modules/esm/loader').evalModule(source, print);
      return;
    }
    runAfterPreloads(() => evalScript('[stdin]', source, print));
    return;
  }

  startRepl();
}

/* The interactive REPL (no script, or -i), then `afterStart` if given;
 * --input-type makes no sense there. */
function startRepl(afterStart) {
  if (getOptionValue('--input-type')) {
    const { writeString } = internalBinding('fs');
    writeString(2, 'Cannot specify --input-type for REPL\n');
    process.exitCode = 1;
    return;
  }
  preload();
  runAfterPreloads(() => {
    require('internal/repl/interactive').startInteractiveRepl();
    if (afterStart) afterStart();
  });
}

main();
