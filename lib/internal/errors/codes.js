'use strict';
// internal/errors/codes.js - the fixed-text and printf-style Node error codes.

// Each entry is E(code, template, BaseClass[, ...otherClasses]); `%s` slots
// are filled with util.format semantics. Codes whose message needs logic
// are registered in internal/errors.js itself.

/* Registers every template code through `E` (internal/errors' E). */
function registerTemplateCodes(E, SystemError) {
  E('ERR_ACCESS_DENIED',
    'Access to this API has been restricted. Permission: %s', Error);
  E('ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', TypeError);
  E('ERR_ARG_NOT_ITERABLE', '%s must be iterable', TypeError);
  E('ERR_ASSERTION', '%s', Error);
  E('ERR_ASYNC_CALLBACK', '%s must be a function', TypeError);
  E('ERR_ASYNC_TYPE', 'Invalid name for async "type": %s', TypeError);
  E('ERR_BROTLI_INVALID_PARAM',
    '%s is not a valid Brotli parameter', RangeError);
  E('ERR_BUFFER_TOO_LARGE',
    'Cannot create a Buffer larger than %s bytes', RangeError);
  E('ERR_CANNOT_WATCH_SIGINT', 'Cannot watch for SIGINT signals', Error);
  E('ERR_CHILD_CLOSED_BEFORE_REPLY',
    'Child closed before reply received', Error);
  E('ERR_CHILD_PROCESS_IPC_REQUIRED',
    'Forked processes must have an IPC channel, missing value \'ipc\' in %s',
    Error);
  E('ERR_CHILD_PROCESS_STDIO_MAXBUFFER',
    '%s maxBuffer length exceeded', RangeError);
  E('ERR_CONSOLE_WRITABLE_STREAM',
    'Console expects a writable stream instance for %s', TypeError);
  E('ERR_CONTEXT_NOT_INITIALIZED', 'context used is not initialized', Error);
  E('ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED',
    'Custom engines not supported by this OpenSSL', Error);
  E('ERR_CRYPTO_ECDH_INVALID_FORMAT', 'Invalid ECDH format: %s', TypeError);
  E('ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY',
    'Public key is not valid for specified curve', Error);
  E('ERR_CRYPTO_ENGINE_UNKNOWN', 'Engine "%s" was not found', Error);
  E('ERR_CRYPTO_FIPS_FORCED',
    'Cannot set FIPS mode, it was forced with --force-fips at startup.', Error);
  E('ERR_CRYPTO_FIPS_UNAVAILABLE',
    'Cannot set FIPS mode in a non-FIPS build.', Error);
  E('ERR_CRYPTO_HASH_FINALIZED', 'Digest already called', Error);
  E('ERR_CRYPTO_HASH_UPDATE_FAILED', 'Hash update failed', Error);
  E('ERR_CRYPTO_INCOMPATIBLE_KEY', 'Incompatible %s: %s', Error);
  E('ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
    'The selected key encoding %s %s.', Error);
  E('ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: %s', TypeError);
  E('ERR_CRYPTO_INVALID_JWK', 'Invalid JWK data', TypeError);
  E('ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
    'Invalid key object type %s, expected %s.', TypeError);
  E('ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation %s', Error);
  E('ERR_CRYPTO_PBKDF2_ERROR', 'PBKDF2 error', Error);
  E('ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter', Error);
  E('ERR_CRYPTO_SCRYPT_NOT_SUPPORTED', 'Scrypt algorithm not supported', Error);
  E('ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign', Error);
  E('ERR_DEBUGGER_ERROR', '%s', Error);
  E('ERR_DEBUGGER_STARTUP_ERROR', '%s', Error);
  E('ERR_DIR_CLOSED', 'Directory handle was closed', Error);
  E('ERR_DIR_CONCURRENT_OPERATION',
    'Cannot do synchronous work on directory handle with concurrent ' +
    'asynchronous operations', Error);
  E('ERR_DNS_SET_SERVERS_FAILED',
    'c-ares failed to set servers: "%s" [%s]', Error);
  E('ERR_DOMAIN_CALLBACK_NOT_AVAILABLE',
    'A callback was registered through ' +
    'process.setUncaughtExceptionCaptureCallback(), which is mutually ' +
    'exclusive with using the `domain` module', Error);
  E('ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE',
    'The `domain` module is in use, which is mutually exclusive with ' +
    'calling process.setUncaughtExceptionCaptureCallback()', Error);
  E('ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION',
    'Deserialize main function is already configured.', Error);
  E('ERR_ENCODING_NOT_SUPPORTED',
    'The "%s" encoding is not supported', RangeError);
  E('ERR_EVAL_ESM_CANNOT_PRINT',
    '--print cannot be used with ESM input', Error);
  E('ERR_EVENT_RECURSION', 'The event "%s" is already being dispatched', Error);
  E('ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
    'The feature %s is unavailable on the current platform, which is ' +
    'being used to run Node.js', TypeError);
  E('ERR_FS_FILE_TOO_LARGE',
    'File size (%s) is greater than 2 GiB', RangeError);
  E('ERR_FS_INVALID_SYMLINK_TYPE',
    'Symlink type must be one of "dir", "file", or "junction". Received "%s"',
    Error);
  E('ERR_HTTP2_ALTSVC_INVALID_ORIGIN',
    'HTTP/2 ALTSVC frames require a valid origin', TypeError);
  E('ERR_HTTP2_ALTSVC_LENGTH',
    'HTTP/2 ALTSVC frames are limited to 16382 bytes', TypeError);
  E('ERR_HTTP2_CONNECT_AUTHORITY',
    ':authority header is required for CONNECT requests', Error);
  E('ERR_HTTP2_CONNECT_PATH',
    'The :path header is forbidden for CONNECT requests', Error);
  E('ERR_HTTP2_CONNECT_SCHEME',
    'The :scheme header is forbidden for CONNECT requests', Error);
  E('ERR_HTTP2_GOAWAY_SESSION',
    'New streams cannot be created after receiving a GOAWAY', Error);
  E('ERR_HTTP2_HEADERS_AFTER_RESPOND',
    'Cannot specify additional headers after response initiated', Error);
  E('ERR_HTTP2_HEADERS_SENT', 'Response has already been initiated.', Error);
  E('ERR_HTTP2_HEADER_SINGLE_VALUE',
    'Header field "%s" must only have a single value', TypeError);
  E('ERR_HTTP2_INFO_STATUS_NOT_ALLOWED',
    'Informational status codes cannot be used', RangeError);
  E('ERR_HTTP2_INVALID_CONNECTION_HEADERS',
    'HTTP/1 Connection specific headers are forbidden: "%s"', TypeError);
  E('ERR_HTTP2_INVALID_HEADER_VALUE',
    'Invalid value "%s" for header "%s"', TypeError);
  E('ERR_HTTP2_INVALID_INFO_STATUS',
    'Invalid informational status code: %s', RangeError);
  E('ERR_HTTP2_INVALID_ORIGIN',
    'HTTP/2 ORIGIN frames require a valid origin', TypeError);
  E('ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH',
    'Packed settings length must be a multiple of six', RangeError);
  E('ERR_HTTP2_INVALID_PSEUDOHEADER',
    '"%s" is an invalid pseudoheader or is used incorrectly', TypeError);
  E('ERR_HTTP2_INVALID_SESSION', 'The session has been destroyed', Error);
  E('ERR_HTTP2_INVALID_STREAM', 'The stream has been destroyed', Error);
  E('ERR_HTTP2_MAX_PENDING_SETTINGS_ACK',
    'Maximum number of pending settings acknowledgements', Error);
  E('ERR_HTTP2_NESTED_PUSH',
    'A push stream cannot initiate another push stream.', Error);
  E('ERR_HTTP2_NO_MEM', 'Out of memory', Error);
  E('ERR_HTTP2_NO_SOCKET_MANIPULATION',
    'HTTP/2 sockets should not be directly manipulated (e.g. read and written)',
    Error);
  E('ERR_HTTP2_ORIGIN_LENGTH',
    'HTTP/2 ORIGIN frames are limited to 16382 bytes', TypeError);
  E('ERR_HTTP2_OUT_OF_STREAMS',
    'No stream ID is available because maximum stream ID has been reached',
    Error);
  E('ERR_HTTP2_PAYLOAD_FORBIDDEN',
    'Responses with %s status must not have a payload', Error);
  E('ERR_HTTP2_PING_CANCEL', 'HTTP2 ping cancelled', Error);
  E('ERR_HTTP2_PING_LENGTH', 'HTTP2 ping payload must be 8 bytes', RangeError);
  E('ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED',
    'Cannot set HTTP/2 pseudo-headers', TypeError);
  E('ERR_HTTP2_PUSH_DISABLED',
    'HTTP/2 client has disabled push streams', Error);
  E('ERR_HTTP2_SEND_FILE', 'Directories cannot be sent', Error);
  E('ERR_HTTP2_SEND_FILE_NOSEEK',
    'Offset or length can only be specified for regular files', Error);
  E('ERR_HTTP2_SESSION_ERROR', 'Session closed with error code %s', Error);
  E('ERR_HTTP2_SETTINGS_CANCEL', 'HTTP2 session settings canceled', Error);
  E('ERR_HTTP2_SOCKET_BOUND',
    'The socket is already bound to an Http2Session', Error);
  E('ERR_HTTP2_SOCKET_UNBOUND',
    'The socket has been disconnected from the Http2Session', Error);
  E('ERR_HTTP2_STATUS_101',
    'HTTP status code 101 (Switching Protocols) is forbidden in HTTP/2', Error);
  E('ERR_HTTP2_STATUS_INVALID', 'Invalid status code: %s', RangeError);
  E('ERR_HTTP2_STREAM_ERROR', 'Stream closed with error code %s', Error);
  E('ERR_HTTP2_STREAM_SELF_DEPENDENCY',
    'A stream cannot depend on itself', Error);
  E('ERR_HTTP2_TOO_MANY_INVALID_FRAMES',
    'Too many invalid HTTP/2 frames', Error);
  E('ERR_HTTP2_TOO_MANY_ORIGINS',
    'The server sent more ORIGIN frames than the allowed number of %s', Error);
  E('ERR_HTTP2_TRAILERS_ALREADY_SENT',
    'Trailing headers have already been sent', Error);
  E('ERR_HTTP2_TRAILERS_NOT_READY',
    'Trailing headers cannot be sent until after the wantTrailers event ' +
    'is emitted', Error);
  E('ERR_HTTP2_UNSUPPORTED_PROTOCOL', 'protocol "%s" is unsupported.', Error);
  E('ERR_HTTP_BODY_NOT_ALLOWED',
    'Adding content for this request method or response status is not allowed.',
    Error);
  E('ERR_HTTP_CONTENT_LENGTH_MISMATCH',
    'Response body\'s content-length of %s byte(s) does not match the ' +
    'content-length of %s byte(s) set in header', Error);
  E('ERR_HTTP_HEADERS_SENT',
    'Cannot %s headers after they are sent to the client', Error);
  E('ERR_HTTP_INVALID_HEADER_VALUE',
    'Invalid value "%s" for header "%s"', TypeError);
  E('ERR_HTTP_INVALID_STATUS_CODE', 'Invalid status code: %s', RangeError);
  E('ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout', Error);
  E('ERR_HTTP_SOCKET_ASSIGNED',
    'ServerResponse has an already assigned socket', Error);
  E('ERR_HTTP_SOCKET_ENCODING',
    'Changing the socket encoding is not allowed per RFC7230 Section 3.',
    Error);
  E('ERR_HTTP_TRAILER_INVALID',
    'Trailers are invalid with this transfer encoding', Error);
  E('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', TypeError);
  E('ERR_IMPORT_ASSERTION_TYPE_FAILED',
    'Module "%s" is not of type "%s"', TypeError);
  E('ERR_IMPORT_ASSERTION_TYPE_MISSING',
    'Module "%s" needs an import attribute of type "%s"', TypeError);
  E('ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED',
    'Import attribute type "%s" is unsupported', TypeError);
  E('ERR_IMPORT_ATTRIBUTE_UNSUPPORTED',
    'Import attribute "%s" with value "%s" is not supported', TypeError);
  E('ERR_INCOMPATIBLE_OPTION_PAIR',
    'Option "%s" cannot be used in combination with option "%s"', TypeError);
  E('ERR_INPUT_TYPE_NOT_ALLOWED',
    '--input-type can only be used with string input via --eval, --print, ' +
    'or STDIN', Error);
  E('ERR_INSPECTOR_ALREADY_ACTIVATED',
    'Inspector is already activated. Close it with inspector.close() ' +
    'before activating it again.', Error);
  E('ERR_INSPECTOR_ALREADY_CONNECTED', '%s is already connected', Error);
  E('ERR_INSPECTOR_CLOSED', 'Session was closed', Error);
  E('ERR_INSPECTOR_NOT_ACTIVE', 'Inspector is not active', Error);
  E('ERR_INSPECTOR_NOT_AVAILABLE', 'Inspector is not available', Error);
  E('ERR_INSPECTOR_NOT_CONNECTED', 'Session is not connected', Error);
  E('ERR_INSPECTOR_NOT_WORKER', 'Current thread is not a worker', Error);
  E('ERR_INVALID_ASYNC_ID', 'Invalid %s value: %s', RangeError);
  E('ERR_INVALID_BUFFER_SIZE',
    'Buffer size must be a multiple of %s', RangeError);
  E('ERR_INVALID_CURSOR_POS',
    'Cannot set cursor row without setting its column', TypeError);
  E('ERR_INVALID_FD', '"fd" must be a positive integer: %s', RangeError);
  E('ERR_INVALID_FD_TYPE', 'Unsupported fd type: %s', TypeError);
  E('ERR_INVALID_FILE_URL_HOST',
    'File URL host must be "localhost" or empty on %s', TypeError);
  E('ERR_INVALID_FILE_URL_PATH', 'File URL path %s', TypeError);
  E('ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', TypeError);
  E('ERR_INVALID_HTTP_TOKEN',
    '%s must be a valid HTTP token ["%s"]', TypeError);
  E('ERR_INVALID_IP_ADDRESS', 'Invalid IP address: %s', TypeError);
  E('ERR_INVALID_OBJECT_DEFINE_PROPERTY', '%s', TypeError);
  E('ERR_INVALID_ADDRESS', 'Invalid socket address', Error);
  E('ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket connection timeout', Error);
  E('ERR_PERFORMANCE_INVALID_TIMESTAMP',
    '%d is not a valid timestamp', TypeError);
  E('ERR_INVALID_PROTOCOL',
    'Protocol "%s" not supported. Expected "%s"', TypeError);
  E('ERR_INVALID_REPL_EVAL_CONFIG',
    'Cannot specify both "breakEvalOnSigint" and "eval" for REPL', TypeError);
  E('ERR_INVALID_REPL_INPUT', '%s', TypeError);
  E('ERR_INVALID_STATE', 'Invalid state: %s', Error, TypeError, RangeError);
  E('ERR_INVALID_SYNC_FORK_INPUT',
    'Asynchronous forks do not support Buffer, TypedArray, DataView or ' +
    'string input: %s', TypeError);
  E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
  E('ERR_INVALID_TUPLE', '%s must be an iterable %s tuple', TypeError);
  E('ERR_INVALID_URI', 'URI malformed', URIError);
  E('ERR_IPC_CHANNEL_CLOSED', 'Channel closed', Error);
  E('ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected', Error);
  E('ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe', Error);
  E('ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks', Error);
  E('ERR_LOADER_CHAIN_INCOMPLETE',
    '"%s" did not call the next hook in its chain and did not explicitly ' +
    'signal a short circuit. If this is intentional, include ' +
    '`shortCircuit: true` in the hook\'s return.', Error);
  E('ERR_MANIFEST_DEPENDENCY_MISSING',
    'Manifest resource %s does not list %s as a dependency specifier for ' +
    'conditions: %s', Error);
  E('ERR_MANIFEST_INTEGRITY_MISMATCH',
    'Manifest resource %s has multiple entries but integrity lists do not ' +
    'match', SyntaxError);
  E('ERR_MANIFEST_INVALID_RESOURCE_FIELD',
    'Manifest resource %s has invalid property value for %s', TypeError);
  E('ERR_MANIFEST_INVALID_SPECIFIER',
    'Manifest resource %s has invalid dependency mapping %s', TypeError);
  E('ERR_MANIFEST_TDZ', 'Manifest initialization has not yet run', Error);
  E('ERR_MANIFEST_UNKNOWN_ONERROR',
    'Manifest specified unknown error behavior "%s".', SyntaxError);
  E('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);
  E('ERR_MISSING_OPTION', '%s is required', TypeError);
  E('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', Error);
  E('ERR_NAPI_CONS_FUNCTION', 'Constructor must be a function', TypeError);
  E('ERR_NAPI_INVALID_DATAVIEW_ARGS',
    'byte_offset + byte_length should be less than or equal to the size ' +
    'in bytes of the array passed in', RangeError);
  E('ERR_NAPI_INVALID_TYPEDARRAY_ALIGNMENT',
    'start offset of %s should be a multiple of %s', RangeError);
  E('ERR_NAPI_INVALID_TYPEDARRAY_LENGTH',
    'Invalid typed array length', RangeError);
  E('ERR_NETWORK_IMPORT_BAD_RESPONSE',
    'import \'%s\' received a bad response: %s', Error);
  E('ERR_NETWORK_IMPORT_DISALLOWED',
    'import of \'%s\' by %s is not supported: %s', Error);
  E('ERR_NOT_BUILDING_SNAPSHOT',
    'Operation cannot be invoked when not building startup snapshot', Error);
  E('ERR_NO_CRYPTO',
    'Node.js is not compiled with OpenSSL crypto support', Error);
  E('ERR_NO_ICU',
    '%s is not supported on Node.js compiled without ICU', TypeError);
  E('ERR_OPERATION_FAILED', 'Operation failed: %s', Error, TypeError);
  E('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', '%s', TypeError);
  E('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
    'Unexpected argument \'%s\'. This command does not take positional ' +
    'arguments', TypeError);
  E('ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', '%s', TypeError);
  E('ERR_SCRIPT_EXECUTION_INTERRUPTED',
    'Script execution was interrupted by `SIGINT`', Error);
  E('ERR_SERVER_ALREADY_LISTEN',
    'Listen method has been called more than once without closing.', Error);
  E('ERR_SERVER_NOT_RUNNING', 'Server is not running.', Error);
  E('ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound', Error);
  E('ERR_SOCKET_BAD_BUFFER_SIZE',
    'Buffer size must be a positive integer', TypeError);
  E('ERR_SOCKET_BAD_TYPE',
    'Bad socket type specified. Valid types are: udp4, udp6', TypeError);
  E('ERR_SOCKET_CLOSED', 'Socket is closed', Error);
  E('ERR_SOCKET_CLOSED_BEFORE_CONNECTION',
    'Socket closed before the connection was established', Error);
  E('ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected', Error);
  E('ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected', Error);
  E('ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running', Error);
  E('ERR_STREAM_ALREADY_FINISHED',
    'Cannot call %s after a stream was finished', Error);
  E('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable', Error);
  E('ERR_STREAM_DESTROYED',
    'Cannot call %s after a stream was destroyed', Error);
  E('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
  E('ERR_STREAM_PREMATURE_CLOSE', 'Premature close', Error);
  E('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF', Error);
  E('ERR_STREAM_UNSHIFT_AFTER_END_EVENT',
    'stream.unshift() after end event', Error);
  E('ERR_STREAM_WRAP',
    'Stream has StringDecoder set or is in objectMode', Error);
  E('ERR_STREAM_WRITE_AFTER_END', 'write after end', Error);
  E('ERR_SYNTHETIC', 'JavaScript Callstack', Error);
  E('ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS',
    'The ALPNCallback and ALPNProtocols TLS options are mutually exclusive',
    TypeError);
  E('ERR_TLS_CERT_ALTNAME_FORMAT',
    'Invalid subject alternative name string', SyntaxError);
  E('ERR_TLS_DH_PARAM_SIZE', 'DH parameter size %s is less than 2048', Error);
  E('ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout', Error);
  E('ERR_TLS_INVALID_CONTEXT', '%s must be a SecureContext', TypeError);
  E('ERR_TLS_INVALID_PROTOCOL_METHOD', '%s', TypeError);
  E('ERR_TLS_INVALID_STATE',
    'TLS socket connection must be securely established', Error);
  E('ERR_TLS_RENEGOTIATION_DISABLED',
    'TLS session renegotiation disabled for this socket', Error);
  E('ERR_TLS_REQUIRED_SERVER_NAME',
    '"servername" is required parameter for Server.addContext', Error);
  E('ERR_TLS_SESSION_ATTACK',
    'TLS session renegotiation attack detected', Error);
  E('ERR_TLS_SNI_FROM_SERVER',
    'Cannot issue SNI from a TLS server-side socket', Error);
  E('ERR_TRACE_EVENTS_CATEGORY_REQUIRED',
    'At least one category is required', TypeError);
  E('ERR_TRACE_EVENTS_UNAVAILABLE', 'Trace events are unavailable', Error);
  E('ERR_UNAVAILABLE_DURING_EXIT',
    'Cannot call function in process exit handler', Error);
  E('ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
    '`process.setupUncaughtExceptionCapture()` was called while a capture ' +
    'callback was already active', Error);
  E('ERR_UNESCAPED_CHARACTERS', '%s contains unescaped characters', TypeError);
  E('ERR_UNKNOWN_BUILTIN_MODULE', 'No such built-in module: %s', Error);
  E('ERR_UNKNOWN_CREDENTIAL', '%s identifier does not exist: %s', Error);
  E('ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', TypeError);
  E('ERR_UNKNOWN_FILE_EXTENSION',
    'Unknown file extension "%s" for %s', TypeError);
  E('ERR_UNKNOWN_MODULE_FORMAT',
    'Unknown module format: %s for URL %s', RangeError);
  E('ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError);
  E('ERR_USE_AFTER_CLOSE', '%s was closed', Error);
  E('ERR_VALID_PERFORMANCE_ENTRY_TYPE',
    'At least one valid performance entry type is required', Error);
  E('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING',
    'A dynamic import callback was not specified.', TypeError);
  E('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG',
    'A dynamic import callback was invoked without --experimental-vm-modules',
    TypeError);
  E('ERR_VM_MODULE_ALREADY_LINKED', 'Module has already been linked', Error);
  E('ERR_VM_MODULE_CACHED_DATA_REJECTED',
    'cachedData buffer was rejected', Error);
  E('ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA',
    'Cached data cannot be created for a module which has been evaluated',
    Error);
  E('ERR_VM_MODULE_DIFFERENT_CONTEXT',
    'Linked modules must use the same context', Error);
  E('ERR_VM_MODULE_NOT_MODULE',
    'Provided module is not an instance of Module', Error);
  E('ERR_VM_MODULE_STATUS', 'Module status %s', Error);
  E('ERR_WASI_ALREADY_STARTED', 'WASI instance has already started', Error);
  E('ERR_WEBASSEMBLY_RESPONSE', 'WebAssembly response %s', TypeError);
  E('ERR_WORKER_INIT_FAILED', 'Worker initialization failure: %s', Error);
  E('ERR_WORKER_NOT_RUNNING', 'Worker instance not running', Error);
  E('ERR_WORKER_OUT_OF_MEMORY',
    'Worker terminated due to reaching memory limit: %s', Error);
  E('ERR_WORKER_UNSERIALIZABLE_ERROR',
    'Serializing an uncaught exception failed', Error);
  E('ERR_WORKER_UNSUPPORTED_OPERATION',
    '%s is not supported in workers', TypeError);
  E('ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed', Error);

  // System errors: the message is `${template}: ${syscall} returned ...`.
  E('ERR_FS_CP_DIR_TO_NON_DIR',
    'Cannot overwrite directory with non-directory', SystemError);
  E('ERR_FS_CP_EEXIST', 'Target already exists', SystemError);
  E('ERR_FS_CP_EINVAL', 'Invalid src or dest', SystemError);
  E('ERR_FS_CP_FIFO_PIPE', 'Cannot copy a FIFO pipe', SystemError);
  E('ERR_FS_CP_NON_DIR_TO_DIR',
    'Cannot overwrite non-directory with directory', SystemError);
  E('ERR_FS_CP_SOCKET', 'Cannot copy a socket file', SystemError);
  E('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY',
    'Cannot overwrite symlink in subdirectory of self', SystemError);
  E('ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type', SystemError);
  E('ERR_FS_EISDIR', 'Path is a directory', SystemError);
  E('ERR_SOCKET_BUFFER_SIZE', 'Could not get or set buffer size',
    SystemError);
  E('ERR_SYSTEM_ERROR', 'A system error occurred', SystemError);
  E('ERR_TTY_INIT_FAILED', 'TTY initialization failed', SystemError);

  // Codes Node raises from C++; kept here so native-backed JS can use them.
  E('ERR_BUFFER_CONTEXT_NOT_AVAILABLE',
    'Buffer is not available for the current Context', Error);
  E('ERR_CLOSED_MESSAGE_PORT', 'Cannot send data on closed MessagePort',
    Error);
  E('ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called', TypeError);
  E('ERR_CONSTRUCT_CALL_REQUIRED',
    'Class constructor %s cannot be invoked without \'new\'', TypeError);
  E('ERR_SCRIPT_EXECUTION_TIMEOUT',
    'Script execution timed out after %sms', Error);
  E('ERR_STRING_TOO_LONG',
    'Cannot create a string longer than 0x1fffffe8 characters', Error);
  E('ERR_WASI_NOT_STARTED', 'wasi.start() has not been called', Error);
}

module.exports = { registerTemplateCodes };
