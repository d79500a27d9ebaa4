/* options.h - nodus's command line: Node's options, one table of them, and
 * the parsed result every other part of the runtime reads. */
#ifndef NODUS_OPTIONS_H
#define NODUS_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
  ND_OPT_BOOL,        /* --x / --no-x */
  ND_OPT_STRING,      /* --x=v or --x v */
  ND_OPT_LIST,        /* repeatable string: --require a --require b */
  ND_OPT_INT,         /* --x=N */
  ND_OPT_UNSUPPORTED, /* known to Node, not implemented: a clear error */
} nd_option_type;

/* V(id, type, "--name", "-alias" or NULL, default for bool). The option
 * values reach JS through require('internal/options').getOptionValue(). */
#define ND_OPTIONS(V)                                                          \
  V(ABORT_ON_UNCAUGHT, ND_OPT_BOOL, "--abort-on-uncaught-exception", NULL, 0)  \
  V(CHECK, ND_OPT_BOOL, "--check", "-c", 0)                                   \
  V(CONDITIONS, ND_OPT_LIST, "--conditions", "-C", 0)                         \
  V(DISABLE_PROTO, ND_OPT_STRING, "--disable-proto", NULL, 0)                 \
  V(DNS_RESULT_ORDER, ND_OPT_STRING, "--dns-result-order", NULL, 0)           \
  V(DEPRECATION, ND_OPT_BOOL, "--deprecation", NULL, 1)                       \
  V(ENABLE_FIPS, ND_OPT_BOOL, "--enable-fips", NULL, 0)                       \
  V(ENABLE_SOURCE_MAPS, ND_OPT_BOOL, "--enable-source-maps", NULL, 0)         \
  V(ENABLE_NETWORK_FAMILY_AUTOSELECTION, ND_OPT_BOOL,                         \
    "--enable-network-family-autoselection", NULL, 0)                         \
  V(EVAL, ND_OPT_STRING, "--eval", "-e", 0)                                   \
  V(EXPERIMENTAL_DEFAULT_TYPE, ND_OPT_STRING, "--experimental-default-type",  \
    NULL, 0)                                                                   \
  V(EXPERIMENTAL_FETCH, ND_OPT_BOOL, "--experimental-fetch", NULL, 1)         \
  V(EXPERIMENTAL_GLOBAL_CUSTOMEVENT, ND_OPT_BOOL,                             \
    "--experimental-global-customevent", NULL, 0)                             \
  V(EXPERIMENTAL_GLOBAL_WEBCRYPTO, ND_OPT_BOOL,                               \
    "--experimental-global-webcrypto", NULL, 0)                               \
  V(EXPERIMENTAL_IMPORT_META_RESOLVE, ND_OPT_BOOL,                            \
    "--experimental-import-meta-resolve", NULL, 0)                            \
  V(EXPERIMENTAL_LOADER, ND_OPT_LIST, "--experimental-loader", "--loader", 0) \
  V(EXPERIMENTAL_REPL_AWAIT, ND_OPT_BOOL, "--experimental-repl-await", NULL,  \
    1)                                                                         \
  V(EXPERIMENTAL_VM_MODULES, ND_OPT_BOOL, "--experimental-vm-modules", NULL,  \
    0)                                                                         \
  V(EXPERIMENTAL_WASM_MODULES, ND_OPT_BOOL, "--experimental-wasm-modules",    \
    NULL, 0)                                                                   \
  V(EXPERIMENTAL_NETWORK_IMPORTS, ND_OPT_BOOL,                                \
    "--experimental-network-imports", NULL, 0)                                \
  V(NAPI_MODULES, ND_OPT_BOOL, "--napi-modules", NULL, 0)                     \
  V(EXPERIMENTAL_GLOBAL_NAVIGATOR, ND_OPT_BOOL,                               \
    "--experimental-global-navigator", NULL, 0)                               \
  V(EXPERIMENTAL_SHADOW_REALM, ND_OPT_BOOL, "--experimental-shadow-realm",    \
    NULL, 0)                                                                   \
  V(EXPERIMENTAL_WORKER, ND_OPT_BOOL, "--experimental-worker", NULL, 1)       \
  V(EXPERIMENTAL_REPORT, ND_OPT_BOOL, "--experimental-report", NULL, 1)       \
  V(EXPERIMENTAL_MODULES, ND_OPT_BOOL, "--experimental-modules", NULL, 1)     \
  V(EXPERIMENTAL_ABORTCONTROLLER, ND_OPT_BOOL,                                \
    "--experimental-abortcontroller", NULL, 1)                                \
  V(EXPERIMENTAL_TOP_LEVEL_AWAIT, ND_OPT_BOOL,                                \
    "--experimental-top-level-await", NULL, 1)                                \
  V(EXPERIMENTAL_JSON_MODULES, ND_OPT_BOOL, "--experimental-json-modules",    \
    NULL, 1)                                                                   \
  V(EXPERIMENTAL_SPECIFIER_RESOLUTION, ND_OPT_STRING,                         \
    "--experimental-specifier-resolution", "--es-module-specifier-resolution", \
    0)                                                                         \
  V(EXPOSE_INTERNALS, ND_OPT_BOOL, "--expose-internals", NULL, 0)             \
  V(FORCE_CONTEXT_AWARE, ND_OPT_BOOL, "--force-context-aware", NULL, 0)       \
  V(FORCE_NODE_API_UNCAUGHT, ND_OPT_BOOL,                                     \
    "--force-node-api-uncaught-exceptions-policy", NULL, 0)                   \
  V(FROZEN_INTRINSICS, ND_OPT_BOOL, "--frozen-intrinsics", NULL, 0)           \
  V(GLOBAL_SEARCH_PATHS, ND_OPT_BOOL, "--global-search-paths", NULL, 1)       \
  V(HELP, ND_OPT_BOOL, "--help", "-h", 0)                                     \
  V(ICU_DATA_DIR, ND_OPT_STRING, "--icu-data-dir", NULL, 0)                   \
  V(IMPORT, ND_OPT_LIST, "--import", NULL, 0)                                 \
  V(INPUT_TYPE, ND_OPT_STRING, "--input-type", NULL, 0)                       \
  V(INSECURE_HTTP_PARSER, ND_OPT_BOOL, "--insecure-http-parser", NULL, 0)     \
  V(INTERACTIVE, ND_OPT_BOOL, "--interactive", "-i", 0)                       \
  V(MAX_HTTP_HEADER_SIZE, ND_OPT_INT, "--max-http-header-size", NULL, 16384)  \
  V(ADDONS, ND_OPT_BOOL, "--addons", NULL, 1)                                 \
  V(EXTRA_INFO_ON_FATAL, ND_OPT_BOOL, "--extra-info-on-fatal-exception",      \
    NULL, 1)                                                                   \
  V(FORCE_ASYNC_HOOKS_CHECKS, ND_OPT_BOOL, "--force-async-hooks-checks",      \
    NULL, 1)                                                                   \
  V(WARNINGS, ND_OPT_BOOL, "--warnings", NULL, 1)                             \
  V(FORCE_FIPS, ND_OPT_BOOL, "--force-fips", NULL, 0)                         \
  V(OPENSSL_CONFIG, ND_OPT_STRING, "--openssl-config", NULL, 0)               \
  V(OPENSSL_LEGACY_PROVIDER, ND_OPT_BOOL, "--openssl-legacy-provider", NULL,  \
    0)                                                                         \
  V(OPENSSL_SHARED_CONFIG, ND_OPT_BOOL, "--openssl-shared-config", NULL, 0)   \
  V(PENDING_DEPRECATION, ND_OPT_BOOL, "--pending-deprecation", NULL, 0)       \
  V(PRESERVE_SYMLINKS, ND_OPT_BOOL, "--preserve-symlinks", NULL, 0)           \
  V(PRESERVE_SYMLINKS_MAIN, ND_OPT_BOOL, "--preserve-symlinks-main", NULL, 0) \
  V(PRINT, ND_OPT_BOOL, "--print", "-p", 0)                                   \
  V(REDIRECT_WARNINGS, ND_OPT_STRING, "--redirect-warnings", NULL, 0)         \
  V(REQUIRE, ND_OPT_LIST, "--require", "-r", 0)                               \
  V(SECURE_HEAP, ND_OPT_INT, "--secure-heap", NULL, 0)                        \
  V(SECURITY_REVERT, ND_OPT_LIST, "--security-revert", NULL, 0)               \
  V(SECURE_HEAP_MIN, ND_OPT_INT, "--secure-heap-min", NULL, 2)                \
  V(TEST_UDP_NO_TRY_SEND, ND_OPT_BOOL, "--test-udp-no-try-send", NULL, 0)    \
  V(THROW_DEPRECATION, ND_OPT_BOOL, "--throw-deprecation", NULL, 0)           \
  V(TITLE, ND_OPT_STRING, "--title", NULL, 0)                                 \
  V(TLS_CIPHER_LIST, ND_OPT_STRING, "--tls-cipher-list", NULL, 0)             \
  V(TLS_KEYLOG, ND_OPT_STRING, "--tls-keylog", NULL, 0)                       \
  V(TLS_MAX_V1_2, ND_OPT_BOOL, "--tls-max-v1.2", NULL, 0)                     \
  V(TLS_MAX_V1_3, ND_OPT_BOOL, "--tls-max-v1.3", NULL, 0)                     \
  V(TLS_MIN_V1_0, ND_OPT_BOOL, "--tls-min-v1.0", NULL, 0)                     \
  V(TLS_MIN_V1_1, ND_OPT_BOOL, "--tls-min-v1.1", NULL, 0)                     \
  V(TLS_MIN_V1_2, ND_OPT_BOOL, "--tls-min-v1.2", NULL, 0)                     \
  V(TLS_MIN_V1_3, ND_OPT_BOOL, "--tls-min-v1.3", NULL, 0)                     \
  V(TRACE_DEPRECATION, ND_OPT_BOOL, "--trace-deprecation", NULL, 0)           \
  V(TRACE_EVENT_CATEGORIES, ND_OPT_STRING, "--trace-event-categories", NULL,  \
    0)                                                                         \
  V(TRACE_EVENT_FILE_PATTERN, ND_OPT_STRING, "--trace-event-file-pattern",    \
    NULL, 0)                                                                   \
  V(TRACE_EVENTS_ENABLED, ND_OPT_BOOL, "--trace-events-enabled", NULL, 0)     \
  V(TRACE_EXIT, ND_OPT_BOOL, "--trace-exit", NULL, 0)                         \
  V(TRACE_SIGINT, ND_OPT_BOOL, "--trace-sigint", NULL, 0)                     \
  V(TRACE_SYNC_IO, ND_OPT_BOOL, "--trace-sync-io", NULL, 0)                   \
  V(TRACE_TLS, ND_OPT_BOOL, "--trace-tls", NULL, 0)                           \
  V(TRACE_UNCAUGHT, ND_OPT_BOOL, "--trace-uncaught", NULL, 0)                 \
  V(TRACE_WARNINGS, ND_OPT_BOOL, "--trace-warnings", NULL, 0)                 \
  V(TRACK_HEAP_OBJECTS, ND_OPT_BOOL, "--track-heap-objects", NULL, 0)         \
  V(UNHANDLED_REJECTIONS, ND_OPT_STRING, "--unhandled-rejections", NULL, 0)   \
  V(USE_BUNDLED_CA, ND_OPT_BOOL, "--use-bundled-ca", NULL, 0)                 \
  V(USE_OPENSSL_CA, ND_OPT_BOOL, "--use-openssl-ca", NULL, 0)                 \
  V(V8_OPTIONS, ND_OPT_BOOL, "--v8-options", NULL, 0)                         \
  V(V8_POOL_SIZE, ND_OPT_INT, "--v8-pool-size", NULL, 4)                      \
  V(VERSION, ND_OPT_BOOL, "--version", "-v", 0)                               \
  V(ZERO_FILL_BUFFERS, ND_OPT_BOOL, "--zero-fill-buffers", NULL, 0)           \
  V(BUILD_SNAPSHOT, ND_OPT_UNSUPPORTED, "--build-snapshot", NULL, 0)          \
  V(CPU_PROF, ND_OPT_UNSUPPORTED, "--cpu-prof", NULL, 0)                      \
  V(HEAP_PROF, ND_OPT_UNSUPPORTED, "--heap-prof", NULL, 0)                    \
  V(INSPECT, ND_OPT_UNSUPPORTED, "--inspect", NULL, 0)                        \
  V(INSPECT_BRK, ND_OPT_UNSUPPORTED, "--inspect-brk", NULL, 0)                \
  V(PROF, ND_OPT_UNSUPPORTED, "--prof", NULL, 0)                              \
  V(SNAPSHOT_BLOB, ND_OPT_UNSUPPORTED, "--snapshot-blob", NULL, 0)            \
  V(TEST, ND_OPT_BOOL, "--test", NULL, 0)                                     \
  V(TEST_CONCURRENCY, ND_OPT_INT, "--test-concurrency", NULL, 0)              \
  V(TEST_NAME_PATTERN, ND_OPT_LIST, "--test-name-pattern", NULL, 0)           \
  V(TEST_ONLY, ND_OPT_BOOL, "--test-only", NULL, 0)                           \
  V(TEST_REPORTER, ND_OPT_LIST, "--test-reporter", NULL, 0)                   \
  V(TEST_REPORTER_DESTINATION, ND_OPT_LIST, "--test-reporter-destination",    \
    NULL, 0)                                                                   \
  V(TEST_SHARD, ND_OPT_STRING, "--test-shard", NULL, 0)                       \
  V(EXPERIMENTAL_TEST_COVERAGE, ND_OPT_BOOL, "--experimental-test-coverage",  \
    NULL, 0)                                                                   \
  V(WATCH, ND_OPT_UNSUPPORTED, "--watch", NULL, 0)                            \
  V(EXPERIMENTAL_POLICY, ND_OPT_UNSUPPORTED, "--experimental-policy", NULL, 0)

typedef enum {
#define ND_OPTION_ENUM(id, type, name, alias, def) ND_OPTION_##id,
  ND_OPTIONS(ND_OPTION_ENUM)
#undef ND_OPTION_ENUM
  ND_OPTION_COUNT
} nd_option_id;

typedef struct {
  bool set;          /* given on the command line or in NODE_OPTIONS */
  bool b;
  int64_t i;
  const char *s;
  const char **list; /* NULL-terminated */
  int list_len;
} nd_option_value;

typedef struct {
  int argc;
  char **argv;           /* as given to main() */
  char **exec_argv;      /* options before the script (process.execArgv) */
  int exec_argc;
  const char *script;    /* entry file, or NULL */
  char **script_argv;    /* arguments after the script */
  int script_argc;
  bool use_stdin;        /* "-" or no script and stdin is not a TTY */
  char *v8_flags;        /* V8 flags to pass on, space-separated */
  char **v8_argv;        /* the same flags one by one */
  int v8_argc;
  nd_option_value values[ND_OPTION_COUNT];
} nd_options_t;

/* Static description of one option (from the table above). */
typedef struct {
  const char *name;
  const char *alias;
  nd_option_type type;
  int bool_default;
} nd_option_info;

/* The static table of options, indexed by nd_option_id. */
extern const nd_option_info nd_option_table[ND_OPTION_COUNT];

/* Parses argv (and NODE_OPTIONS) into *opts. Unknown options that V8 knows
 * are collected into opts->v8_flags. On a bad option prints Node's message
 * ("<argv0>: bad option: --x", "... is not allowed in NODE_OPTIONS", ...)
 * and returns the exit code (9, or 12 for a bad value); returns 0
 * otherwise. */
int nd_options_parse(int argc, char **argv, nd_options_t *opts);

/* Convenience accessors. */
static inline bool nd_opt_bool(const nd_options_t *o, nd_option_id id) {
  return o->values[id].b;
}
static inline const char *nd_opt_string(const nd_options_t *o,
                                        nd_option_id id) {
  return o->values[id].s;
}

#endif /* NODUS_OPTIONS_H */
