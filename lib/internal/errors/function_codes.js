'use strict';
// internal/errors/function_codes.js - ERR_* codes whose message is computed.

// Mostly module-loader, test-runner and worker codes; the commonly used
// computed messages (ERR_INVALID_ARG_TYPE & co.) stay in internal/errors.

const {
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  JSONStringify,
  ObjectDefineProperty,
  StringPrototypeEndsWith,
  StringPrototypeStartsWith,
} = primordials;

/* Registers the computed-message codes through `E`; `helpers` carries
 * internal/errors' assert, formatList and inspectWithNoCustomRetry. */
function registerFunctionCodes(E, helpers) {
  const { assert, formatList, inspectWithNoCustomRetry } = helpers;

  E('ERR_INVALID_MIME_SYNTAX', (production, str, invalidIndex) => {
    const msg = invalidIndex !== -1 ? ` at ${invalidIndex}` : '';
    return `The MIME syntax for a ${production} in "${str}" is invalid` + msg;
  }, TypeError);

  E('ERR_INVALID_MODULE_SPECIFIER', (request, reason, base = undefined) => {
    return `Invalid module "${request}" ${reason}${base ?
      ` imported from ${base}` : ''}`;
  }, TypeError);

  E('ERR_INVALID_PACKAGE_CONFIG', (path, base, message) => {
    return `Invalid package config ${path}${base ? ` while importing ${base}` :
      ''}${message ? `. ${message}` : ''}`;
  }, Error);

  E('ERR_INVALID_PACKAGE_TARGET',
    (pkgPath, key, target, isImport = false, base = undefined) => {
      const relError = typeof target === 'string' && !isImport &&
        target.length && !StringPrototypeStartsWith(target, './');
      const from = base ? ` imported from ${base}` : '';
      const rel = relError ? '; targets must start with "./"' : '';
      if (key === '.') {
        assert(isImport === false);
        return 'Invalid "exports" main target ' +
          `${JSONStringify(target)} defined in the package config ` +
          `${pkgPath}package.json${from}${rel}`;
      }
      return `Invalid "${isImport ? 'imports' : 'exports'}" target ` +
        `${JSONStringify(target)} defined for '${key}' in the package config ` +
        `${pkgPath}package.json${from}${rel}`;
    }, Error);

  E('ERR_PACKAGE_IMPORT_NOT_DEFINED', (specifier, packagePath, base) => {
    const where = packagePath ? ` in package ${packagePath}package.json` : '';
    return `Package import specifier "${specifier}" is not defined${where}` +
      ` imported from ${base}`;
  }, TypeError);

  E('ERR_PACKAGE_PATH_NOT_EXPORTED', (pkgPath, subpath, base = undefined) => {
    const from = base ? ` imported from ${base}` : '';
    if (subpath === '.') {
      return `No "exports" main defined in ${pkgPath}package.json${from}`;
    }
    return `Package subpath '${subpath}' is not defined by "exports" in ` +
      `${pkgPath}package.json${from}`;
  }, Error);

  E('ERR_MODULE_NOT_FOUND', function(path, base, exactUrl) {
    if (exactUrl) {
      ObjectDefineProperty(this, 'url', {
        __proto__: null, value: `${exactUrl}`, writable: true,
        enumerable: true, configurable: true,
      });
      return `Cannot find module '${path}' imported from ${base}`;
    }
    return `Cannot find package '${path}' imported from ${base}`;
  }, Error);

  E('ERR_UNSUPPORTED_DIR_IMPORT', function(path, base, exactUrl) {
    ObjectDefineProperty(this, 'url', {
      __proto__: null, value: exactUrl, writable: true, enumerable: true,
      configurable: true,
    });
    return `Directory import '${path}' is not supported ` +
      `resolving ES modules imported from ${base}`;
  }, Error);

  E('ERR_UNSUPPORTED_ESM_URL_SCHEME', (url, supported) => {
    return `Only URLs with a scheme in: ${formatList(supported)} are ` +
      'supported by the default ESM loader. ' +
      `Received protocol '${url.protocol}'`;
  }, Error);

  E('ERR_REQUIRE_ESM',
    (filename, hasEsmSyntax, parentPath = null, packageJsonPath = null) => {
      let msg = `require() of ES Module ${filename}${parentPath ?
        ` from ${parentPath}` : ''} not supported.`;
      if (!packageJsonPath) {
        if (StringPrototypeEndsWith(filename, '.mjs')) {
          msg += `\nInstead change the require of ${filename} to a dynamic ` +
            'import() which is available in all CommonJS modules.';
        }
        return msg;
      }
      const base = (p) => {
        const i = p.lastIndexOf('/');
        return i === -1 ? p : p.slice(i + 1);
      };
      const basename = parentPath && base(filename) === base(parentPath) ?
        filename : base(filename);
      if (hasEsmSyntax) {
        msg += `\nInstead change the require of ${basename} in ${parentPath}` +
          ' to a dynamic import() which is available in all CommonJS ' +
          'modules.';
        return msg;
      }
      msg += `\n${basename} is treated as an ES module file as it is a .js ` +
        'file whose nearest parent package.json contains "type": "module" ' +
        'which declares all .js files in that package scope as ES modules.' +
        `\nInstead either rename ${basename} to end in .cjs, change the ` +
        'requiring code to use dynamic import() which is available in all ' +
        'CommonJS modules, or change "type": "module" to "type": ' +
        `"commonjs" in ${packageJsonPath} to treat all .js files as ` +
        'CommonJS (using .mjs for all ES modules instead).\n';
      return msg;
    }, Error);

  E('ERR_MANIFEST_ASSERT_INTEGRITY', (moduleURL, realIntegrities) => {
    let msg = `The content of "${moduleURL}" does not match the expected ` +
      'integrity.';
    if (realIntegrities.size) {
      const sri = ArrayPrototypeJoin(
        ArrayPrototypeMap([...realIntegrities],
                          ({ 0: alg, 1: dgs }) => `${alg}-${dgs}`),
        ' ');
      msg += ` Integrities found are: ${sri}`;
    } else {
      msg += ' The resource was not found in the policy.';
    }
    return msg;
  }, Error);

  E('ERR_PARSE_ARGS_UNKNOWN_OPTION', (option, allowPositionals) => {
    const suggestDashDash = allowPositionals ?
      '. To specify a positional argument starting with a \'-\', place it at ' +
      `the end of the command after '--', as in '-- ${JSONStringify(option)}` :
      '';
    return `Unknown option '${option}'${suggestDashDash}`;
  }, TypeError);

  E('ERR_TAP_LEXER_ERROR', (errorMsg) => `${errorMsg}`, Error);
  E('ERR_TAP_VALIDATION_ERROR', (errorMsg) => `${errorMsg}`, Error);
  E('ERR_TAP_PARSER_ERROR',
    function(errorMsg, details, tokenCausedError, source) {
      this.cause = tokenCausedError;
      const { column, line, start, end } = tokenCausedError.location;
      return `${errorMsg}${details} at line ${line}, column ${column} ` +
        `(start ${start}, end ${end})`;
    }, Error);

  E('ERR_TEST_FAILURE', function(error, failureType) {
    assert(typeof failureType === 'string',
           "The 'failureType' argument must be of type string.");
    let msg = error?.message ?? error;
    if (typeof msg !== 'string') msg = inspectWithNoCustomRetry(msg);
    this.failureType = failureType;
    this.cause = error;
    return msg;
  }, Error);

  E('ERR_TLS_ALPN_CALLBACK_INVALID_RESULT', (value, protocols) => {
    return `ALPN callback returned a value (${value}) that did not match any ` +
      `of the client's offered protocols (${ArrayPrototypeJoin(protocols,
                                                               ', ')})`;
  }, TypeError);

  E('ERR_TLS_CERT_ALTNAME_INVALID', function(reason, host, cert) {
    this.reason = reason;
    this.host = host;
    this.cert = cert;
    return `Hostname/IP does not match certificate's altnames: ${reason}`;
  }, Error);

  E('ERR_VM_MODULE_LINK_FAILURE', function(message, cause) {
    this.cause = cause;
    return message;
  }, Error);

  E('ERR_WORKER_INVALID_EXEC_ARGV',
    (errors, msg = 'invalid execArgv flags') =>
      `Initiated Worker with ${msg}: ${ArrayPrototypeJoin(errors, ', ')}`,
    Error);

  E('ERR_WORKER_PATH', (filename) =>
    'The worker script or module filename must be an absolute path or a ' +
    'relative path starting with \'./\' or \'../\'.' +
    (StringPrototypeStartsWith(filename, 'file://') ?
      ' Wrap file:// URLs with `new URL`.' : '') +
    (StringPrototypeStartsWith(filename, 'data:text/javascript') ?
      ' Wrap data: URLs with `new URL`.' : '') +
    ` Received "${filename}"`,
  TypeError);
}

module.exports = { registerFunctionCodes };
