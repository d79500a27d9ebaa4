/* engine.h - the engine-extension API: what the runtime needs from V8 that
 * Node-API does not offer (lifecycle, script compilation with filenames,
 * microtasks, promise hooks, introspection). Pure C; no V8 type leaks out. */
#ifndef NODUS_ENGINE_H
#define NODUS_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <node_api.h>
#include <uv.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Kinds of value that nd_engine_value_is() can recognise. */
typedef enum {
  ND_IS_EXTERNAL,
  ND_IS_DATE,
  ND_IS_ARGUMENTS_OBJECT,
  ND_IS_BIGINT_OBJECT,
  ND_IS_BOOLEAN_OBJECT,
  ND_IS_NUMBER_OBJECT,
  ND_IS_STRING_OBJECT,
  ND_IS_SYMBOL_OBJECT,
  ND_IS_BOXED_PRIMITIVE,
  ND_IS_NATIVE_ERROR,
  ND_IS_REGEXP,
  ND_IS_ASYNC_FUNCTION,
  ND_IS_GENERATOR_FUNCTION,
  ND_IS_GENERATOR_OBJECT,
  ND_IS_PROMISE,
  ND_IS_MAP,
  ND_IS_SET,
  ND_IS_MAP_ITERATOR,
  ND_IS_SET_ITERATOR,
  ND_IS_WEAK_MAP,
  ND_IS_WEAK_SET,
  ND_IS_ARRAY_BUFFER,
  ND_IS_DATA_VIEW,
  ND_IS_SHARED_ARRAY_BUFFER,
  ND_IS_ANY_ARRAY_BUFFER,
  ND_IS_PROXY,
  ND_IS_MODULE_NAMESPACE_OBJECT,
  ND_IS_ARRAY_BUFFER_VIEW,
  ND_IS_TYPED_ARRAY,
  ND_IS_UINT8_ARRAY,
} nd_value_kind;

/* Hidden (private-symbol) properties the runtime keeps on objects. */
typedef enum {
  ND_PRIVATE_ARROW_MESSAGE,  /* "file:line\nsource\n   ^" of a thrown error */
  ND_PRIVATE_DECORATED,      /* the arrow was already printed into .stack */
  ND_PRIVATE_NAPI_WRAPPER,   /* napi_wrap() record */
  ND_PRIVATE_NAPI_TYPE_TAG,  /* napi_type_tag_object() tag */
  ND_PRIVATE_VM_CONTEXT,     /* the vm context of a contextified object */
  ND_PRIVATE_COUNT
} nd_private_key;

/* Property filters for nd_engine_own_non_index_properties(); the values are
 * the ones util's binding exposes to JS. */
enum { ND_ALL_PROPERTIES = 0, ND_ONLY_ENUMERABLE = 2 };

/* Process-wide: initialises ICU, the V8 platform (with `threads` worker
 * threads) and V8 itself. Call once, before any env exists. `flags` are V8
 * flags (may be NULL). Returns 0, or -1 when V8 could not be initialised. */
int nd_engine_platform_init(int threads, const char *flags);

/* Passes more V8 flags (e.g. from the command line). */
void nd_engine_set_flags(const char *flags, size_t length);

/* Lets V8 take the flags it knows from argv (removing them); what is left
 * in argv[1..*argc) is unknown to V8. */
void nd_engine_filter_v8_flags(int *argc, char **argv);

/* Prints V8's own --help text to stdout. */
void nd_engine_print_v8_help(void);

/* Tears V8 down at process exit. */
void nd_engine_platform_dispose(void);

/* Creates an isolate with one context and returns the runtime's core
 * napi_env for it, with `realm` as its owner and `loop` as its event loop.
 * The isolate, a handle scope and the context stay entered until
 * nd_engine_env_destroy(). Returns NULL on failure. */
napi_env nd_engine_env_create(void *realm, uv_loop_t *loop);

/* Runs env cleanup hooks, finalizers and disposes of the isolate. */
void nd_engine_env_destroy(napi_env env);

/* Returns the realm pointer given to nd_engine_env_create() for the isolate
 * that `env` (core or addon) belongs to. */
void *nd_engine_env_realm(napi_env env);

/* Returns the event loop of env's isolate. */
uv_loop_t *nd_engine_env_loop(napi_env env);

/* Creates a napi_env for a native addon loaded from `filename`, sharing the
 * isolate and context of `core`. Returns NULL on failure. */
napi_env nd_engine_addon_env_create(napi_env core, const char *filename,
                                    int32_t module_api_version);

/* Compiles `source` as the body of a function with the given parameter
 * names; stack traces name `filename` with exact line/column numbers.
 * Returns napi_pending_exception on a SyntaxError (left pending). */
napi_status nd_engine_compile_function(napi_env env, napi_value source,
                                       napi_value filename, size_t nparams,
                                       const char *const *params,
                                       napi_value *result);

/* Compiles and runs `source` as a classic script named `filename`. */
napi_status nd_engine_run_script(napi_env env, napi_value source,
                                 napi_value filename, napi_value *result);

/* Makes a string over `data`, which must outlive the isolate (static data):
 * Latin-1 bytes when two_byte is false, UTF-16 code units otherwise. */
napi_status nd_engine_static_string(napi_env env, const void *data,
                                    size_t length, bool two_byte,
                                    napi_value *result);

/* Runs the microtask queue to completion (a microtask checkpoint). */
void nd_engine_run_microtasks(napi_env env);

/* Runs the V8 foreground tasks that are due (FinalizationRegistry
 * cleanups, GC follow-ups, Atomics.waitAsync). Returns whether any ran. */
bool nd_engine_pump_tasks(napi_env env);

/* While V8 has background work that will post a task for env's isolate
 * (async WebAssembly compilation, ...), blocks for those tasks and runs
 * them. True when it ran any (the loop may have work again). */
bool nd_engine_wait_background_tasks(napi_env env);

/* Makes V8 uv_async_send(waker) whenever it posts a task for env's
 * isolate, so a sleeping loop runs it (NULL: no more). */
void nd_engine_set_task_waker(napi_env env, uv_async_t *waker);

/* Tells V8 the time zone may have changed (process.env.TZ was set), so
 * Date recomputes local time. */
void nd_engine_timezone_changed(napi_env env);

/* Queues `fn` as a microtask. */
napi_status nd_engine_enqueue_microtask(napi_env env, napi_value fn);

/* Installs `fn(type, promise, reason)` as the promise-rejection tracker:
 * type 0 = rejected without handler, 1 = handler added after rejection,
 * 2 = rejected after resolved, 3 = resolved after resolved. */
napi_status nd_engine_set_promise_reject_callback(napi_env env,
                                                  napi_value fn);

/* Takes the pending exception (clearing it) together with its "arrow":
 * "file:line\nsource line\n    ^^^\n" or undefined when unknown.
 * Returns napi_generic_failure when no exception is pending. */
napi_status nd_engine_take_exception(napi_env env, napi_value *exception,
                                     napi_value *arrow);

/* Reads/writes a hidden property of an object. A missing one reads as
 * undefined. */
napi_status nd_engine_private_get(napi_env env, napi_value object,
                                  nd_private_key key, napi_value *result);
napi_status nd_engine_private_set(napi_env env, napi_value object,
                                  nd_private_key key, napi_value value);

/* Sets *result to whether `value` is of the given kind. */
napi_status nd_engine_value_is(napi_env env, napi_value value,
                               nd_value_kind kind, bool *result);

/* Promise state (0 pending, 1 fulfilled, 2 rejected) and result. */
napi_status nd_engine_promise_details(napi_env env, napi_value promise,
                                      int *state, napi_value *result);

/* Target and handler of a proxy; both NULL when `value` is not one. */
napi_status nd_engine_proxy_details(napi_env env, napi_value value,
                                    napi_value *target, napi_value *handler);

/* Entries of a Map/Set/WeakMap/WeakSet or of their iterators, as an array;
 * *is_key_value tells whether it alternates keys and values. */
napi_status nd_engine_preview_entries(napi_env env, napi_value value,
                                      napi_value *entries,
                                      bool *is_key_value);

/* Own property keys of `object` that are not array indices. */
napi_status nd_engine_own_non_index_properties(napi_env env,
                                               napi_value object, int filter,
                                               napi_value *result);

/* Name of the constructor V8 records for `object`. */
napi_status nd_engine_constructor_name(napi_env env, napi_value object,
                                       napi_value *result);

/* Address stored in a v8::External, as a number. */
napi_status nd_engine_external_address(napi_env env, napi_value external,
                                       uint64_t *address);

/* Structured clone of `value` through V8's ValueSerializer. `transfer`
 * (an array or NULL) lists ArrayBuffers whose memory moves to the clone:
 * the originals end up detached. */
napi_status nd_engine_structured_clone(napi_env env, napi_value value,
                                       napi_value transfer,
                                       napi_value *result);

/* Moves the memory of ArrayBuffer `ab` into a new ArrayBuffer and leaves
 * `ab` detached (the transfer step of web streams). *result is NULL when
 * `ab` cannot be detached. */
napi_status nd_engine_transfer_arraybuffer(napi_env env, napi_value ab,
                                           napi_value *result);

/* Heap numbers for process.memoryUsage(). */
typedef struct {
  size_t total_heap_size;
  size_t used_heap_size;
  size_t external_memory;
  size_t array_buffers;
  size_t heap_size_limit;
  size_t total_physical_size;
  size_t malloced_memory;
} nd_heap_stats_t;
void nd_engine_heap_stats(napi_env env, nd_heap_stats_t *stats);

/* Sets Error.stackTraceLimit-independent capture of stacks for uncaught
 * exceptions (used by --stack-trace-limit style options). */
void nd_engine_set_capture_stack_on_uncaught(napi_env env, bool on);

/* The V8 version string, e.g. "10.2.154.26-node.37". */
const char *nd_engine_v8_version(void);

/* Asks V8 to stop running JS on env's isolate as soon as possible. */
void nd_engine_terminate(napi_env env);

/* Defines object[name] as a lazy data property: reading it the first time
 * calls getter() and stores the result as an ordinary (writable,
 * configurable) data property; property descriptors show a data property
 * throughout. */
napi_status nd_engine_define_lazy_data_property(napi_env env,
                                                napi_value object,
                                                napi_value name,
                                                napi_value getter,
                                                bool enumerable);

/* The isolate's ArrayBuffer zero-fill flag (1 = zero new memory). The
 * buffer module clears it around unsafe allocations. */
uint32_t *nd_engine_zero_fill_field(napi_env env);

/* Installs JS promise hooks on the main context and every vm context (V8
 * calls them directly):
 * init(promise, parent), before(promise), after(promise),
 * resolve(promise). Pass undefined for a hook to remove it; all undefined
 * turns them off (they cost time on every promise while installed). */
napi_status nd_engine_set_promise_hooks(napi_env env, napi_value init,
                                        napi_value before, napi_value after,
                                        napi_value resolve);

/* Registers Buffer.prototype: napi_create_buffer() & co. give their
 * Uint8Arrays this prototype. */
napi_status nd_engine_set_buffer_prototype(napi_env env, napi_value proto);

/* A Buffer over `length` bytes at `data`, memory that the Buffer takes
 * over: once the Buffer is collected or its ArrayBuffer detached, V8 calls
 * release(data) (free() when `release` is NULL) on the thread that drops
 * it (no Node-API finalizer, no weak handle). `data` is taken in every
 * case, also when this fails. */
napi_status nd_engine_adopt_buffer(napi_env env, void *data, size_t length,
                                   void (*release)(void *data),
                                   napi_value *result);

/* Runs the C cleanup hooks registered through napi_add_env_cleanup_hook on
 * every env of the isolate (in reverse order). */
void nd_engine_run_cleanup_hooks(napi_env env);

/* --- vm: scripts and contexts ------------------------------------------ */

/* A script compiled once, runnable in any context. */
typedef struct nd_script_s nd_script_t;

/* Compiles `source` named `filename` (line/column offsets shift reported
 * positions). Returns napi_pending_exception on a SyntaxError. */
napi_status nd_engine_script_compile(napi_env env, napi_value source,
                                     napi_value filename, int line_offset,
                                     int column_offset, nd_script_t **result);

/* Runs a script in the main context (sandbox NULL) or in the context of a
 * contextified sandbox. timeout_ms > 0 stops it after that long
 * (*timed_out set, napi_generic_failure returned); break_on_sigint stops
 * it on SIGINT (*interrupted set, napi_generic_failure returned). */
napi_status nd_engine_script_run(napi_env env, nd_script_t *script,
                                 napi_value sandbox, int64_t timeout_ms,
                                 bool break_on_sigint, bool *timed_out,
                                 bool *interrupted, napi_value *result);

void nd_engine_script_free(nd_script_t *script);

/* Creates a new context whose global object forwards to `sandbox`
 * (vm.createContext). */
napi_status nd_engine_context_make(napi_env env, napi_value sandbox,
                                   napi_value name);

/* Whether `sandbox` was contextified; and the context's global object. */
napi_status nd_engine_context_is(napi_env env, napi_value sandbox,
                                 bool *result);
napi_status nd_engine_context_global(napi_env env, napi_value sandbox,
                                     napi_value *result);

/* --- ES modules -------------------------------------------------------- */

/* A compiled module (source text or synthetic), owned by the caller. */
typedef struct nd_module_s nd_module_t;

/* Evaluation steps of a synthetic module: set its exports with
 * nd_engine_module_set_export(). Return napi_ok, or leave an exception
 * pending and return napi_pending_exception. */
typedef napi_status (*nd_module_synthetic_cb)(napi_env env,
                                              nd_module_t *module,
                                              void *data);

/* Compiles `source` as a module named `url`. Returns napi_pending_exception
 * (SyntaxError pending, with its arrow) on failure. */
napi_status nd_engine_module_compile(napi_env env, napi_value source,
                                     napi_value url, nd_module_t **result);

/* Creates a synthetic module exporting `export_names` (an array of
 * strings); `steps(env, module, data)` runs when it is evaluated. */
napi_status nd_engine_module_synthetic(napi_env env, napi_value url,
                                       napi_value export_names,
                                       nd_module_synthetic_cb steps,
                                       void *data, nd_module_t **result);

/* Sets an export of a synthetic module. */
napi_status nd_engine_module_set_export(napi_env env, nd_module_t *module,
                                        napi_value name, napi_value value);

/* The import requests of a source module: an array of
 * { specifier, assertions: { key: value } }. */
napi_status nd_engine_module_requests(napi_env env, nd_module_t *module,
                                      napi_value *result);

/* Records that `specifier` in `module` resolves to `dependency`. Every
 * request must be linked before instantiation. */
void nd_engine_module_link(nd_module_t *module, const char *specifier,
                           nd_module_t *dependency);

/* Instantiates the module graph (using the links). */
napi_status nd_engine_module_instantiate(napi_env env, nd_module_t *module);

/* Evaluates; *result is the evaluation promise (top-level await). */
napi_status nd_engine_module_evaluate(napi_env env, nd_module_t *module,
                                      napi_value *result);

/* Same, stopping the synchronous part after timeout_ms (> 0): then
 * *timed_out is set and napi_generic_failure returned. */
napi_status nd_engine_module_evaluate_timeout(napi_env env,
                                              nd_module_t *module,
                                              int64_t timeout_ms,
                                              bool *timed_out,
                                              napi_value *result);

/* The module namespace object (after instantiation). */
napi_status nd_engine_module_namespace(napi_env env, nd_module_t *module,
                                       napi_value *result);

/* V8's module status: 0 uninstantiated, 1 instantiating, 2 instantiated,
 * 3 evaluating, 4 evaluated, 5 errored. */
int nd_engine_module_status(nd_module_t *module);

/* The exception of an errored module. */
napi_status nd_engine_module_error(napi_env env, nd_module_t *module,
                                   napi_value *result);

/* Opaque data attached to a module (the binding's wrapper). */
void nd_engine_module_set_data(nd_module_t *module, void *data);
void *nd_engine_module_get_data(nd_module_t *module);

/* Frees a module handle (the V8 module lives on while referenced). */
void nd_engine_module_free(nd_module_t *module);

/* Host hooks: import(specifier) calls
 *   importDynamically(specifier, referrerName, assertions) -> Promise
 * and the first import.meta access calls
 *   initializeImportMeta(meta, moduleData)
 * where moduleData is the data set with nd_engine_module_set_data() (a
 * napi_ref to the wrapper object, dereferenced for JS). */
napi_status nd_engine_set_module_hooks(napi_env env,
                                       napi_value import_dynamically,
                                       napi_value initialize_import_meta);

/* --- v8.Serializer / v8.Deserializer (engine_serdes.cc) ---------------- */

/* V8's ValueSerializer and ValueDeserializer. Their delegates call methods
 * of `owner`, the JS object passed to the calls that can need them:
 * owner._writeHostObject(object), owner._getDataCloneError(message) (the
 * result is thrown), owner._getSharedArrayBufferId(sab) and
 * owner._readHostObject() (must return an object); V8's default when the
 * method is missing. */
typedef struct nd_serializer_s nd_serializer_t;
typedef struct nd_deserializer_s nd_deserializer_t;

nd_serializer_t *nd_engine_serializer_new(napi_env env);
void nd_engine_serializer_free(nd_serializer_t *s);
void nd_engine_serializer_write_header(nd_serializer_t *s);
/* Writes `value`: napi_ok, or an error status with an exception pending. */
napi_status nd_engine_serializer_write_value(napi_env env, nd_serializer_t *s,
                                             napi_value owner,
                                             napi_value value);
/* Hands over what was written (malloc'd: the caller frees it) and starts
 * an empty buffer. */
void nd_engine_serializer_release(nd_serializer_t *s, void **data,
                                  size_t *length);
/* Marks ArrayBuffer `array_buffer` as transferred under `id`
 * (napi_arraybuffer_expected for anything else). */
napi_status nd_engine_serializer_transfer_array_buffer(napi_env env,
                                                       nd_serializer_t *s,
                                                       uint32_t id,
                                                       napi_value array_buffer);
void nd_engine_serializer_write_uint32(nd_serializer_t *s, uint32_t value);
void nd_engine_serializer_write_uint64(nd_serializer_t *s, uint64_t value);
void nd_engine_serializer_write_double(nd_serializer_t *s, double value);
void nd_engine_serializer_write_raw(nd_serializer_t *s, const void *data,
                                    size_t length);
void nd_engine_serializer_treat_views_as_host_objects(nd_serializer_t *s,
                                                      bool on);

/* A deserializer over a copy of [data, data+length) (NULL when out of
 * memory). */
nd_deserializer_t *nd_engine_deserializer_new(napi_env env, const void *data,
                                              size_t length);
void nd_engine_deserializer_free(nd_deserializer_t *d);
/* Reads the header: *result is whether it was valid; an error status with
 * an exception pending when V8 threw. */
napi_status nd_engine_deserializer_read_header(napi_env env,
                                               nd_deserializer_t *d,
                                               bool *result);
napi_status nd_engine_deserializer_read_value(napi_env env,
                                              nd_deserializer_t *d,
                                              napi_value owner,
                                              napi_value *result);
/* Supplies the ArrayBuffer or SharedArrayBuffer transferred under `id`
 * (napi_arraybuffer_expected for anything else). */
napi_status nd_engine_deserializer_transfer_array_buffer(napi_env env,
                                                         nd_deserializer_t *d,
                                                         uint32_t id,
                                                         napi_value buffer);
uint32_t nd_engine_deserializer_wire_version(nd_deserializer_t *d);
bool nd_engine_deserializer_read_uint32(nd_deserializer_t *d,
                                        uint32_t *value);
bool nd_engine_deserializer_read_uint64(nd_deserializer_t *d,
                                        uint64_t *value);
bool nd_engine_deserializer_read_double(nd_deserializer_t *d, double *value);
/* Skips `length` raw bytes: their offset in the data, or -1 when there
 * are not that many. */
int64_t nd_engine_deserializer_read_raw(nd_deserializer_t *d, size_t length);

/* --- messages between isolates (worker_threads) ------------------------ */

/* A value serialized for another isolate of the process (or this one). */
typedef struct nd_message_s nd_message_t;

/* Serializes `value` with V8's ValueSerializer. `transfer` (an array or
 * NULL) lists ArrayBuffers whose memory moves into the message (they are
 * detached on success); SharedArrayBuffers share their memory. Returns
 * napi_pending_exception (a DataCloneError) when `value` cannot be
 * cloned; *result is then untouched. */
napi_status nd_engine_message_serialize(napi_env env, napi_value value,
                                        napi_value transfer,
                                        nd_message_t **result);

/* Reads a message back as a value of env's isolate. Transferred memory is
 * handed over: a message can be deserialized once. Returns
 * napi_pending_exception when the bytes cannot be read. */
napi_status nd_engine_message_deserialize(napi_env env, nd_message_t *msg,
                                          napi_value *result);

/* Frees a message (and drops its share of any memory it carries). */
void nd_engine_message_free(nd_message_t *msg);

/* Heap and stack limits of a worker's isolate, in MB (0 = V8's default). */
typedef struct {
  double max_young_mb;
  double max_old_mb;
  double code_range_mb;
  double stack_mb;
} nd_isolate_limits_t;

/* nd_engine_env_create() for a worker thread: applies `limits` (and sets
 * the stack limit from the calling thread's stack), and turns running out
 * of heap into a termination of the isolate instead of a process abort.
 * Returns NULL on failure. */
napi_env nd_engine_env_create_limited(void *realm, uv_loop_t *loop,
                                      const nd_isolate_limits_t *limits);

/* Whether env's isolate was terminated because it reached its heap limit
 * (see nd_engine_env_create_limited). */
bool nd_engine_out_of_memory(napi_env env);

/* Runs the cleanup hooks of every env of env's isolate that did not run
 * yet, leaving async ones (and the teardown of the addon envs that
 * started them) pending until they are removed. Returns whether some are
 * still pending: run the loop and call again. */
bool nd_engine_run_cleanup_hooks_async(napi_env env);

/* Clears a pending termination so JS may run again on env's isolate. */
void nd_engine_cancel_terminate(napi_env env);

/* --- objects with intercepted named properties (engine_env.cc) -------- */

/* C callbacks that serve the named (non-index) properties of an object
 * made by nd_engine_intercepted_object(), as process.env's. Each gets the
 * property key `name` (a string or a symbol) and the `data` given at
 * creation; any may be NULL. A callback may throw (napi_throw*, or a
 * napi call that ran throwing JS): the exception goes to the JS access.
 * Returning false means "not intercepted": the access then proceeds as on
 * an ordinary object. Index keys ("5") never reach the callbacks. */
typedef struct {
  /* Sets *result to the property's value and returns true when the
   * object has it. */
  bool (*get)(napi_env env, napi_value name, void *data, napi_value *result);
  /* Stores `value`; returns true when handled. */
  bool (*set)(napi_env env, napi_value name, napi_value value, void *data);
  /* Returns true when the property exists (a writable, enumerable,
   * configurable data property). */
  bool (*query)(napi_env env, napi_value name, void *data);
  /* Deletes the property; returns true when handled (delete is true). */
  bool (*remove)(napi_env env, napi_value name, void *data);
  /* Returns an array of the property names, or NULL. */
  napi_value (*keys)(napi_env env, void *data);
  /* Object.defineProperty: `descriptor` is a plain object with the fields
   * the descriptor has (value, get, set, writable, enumerable,
   * configurable). Returns true when handled. */
  bool (*define)(napi_env env, napi_value name, napi_value descriptor,
                 void *data);
} nd_named_interceptors_t;

/* Creates an object whose named properties go through `handlers` (which
 * must outlive it, e.g. static) with `data`. Its prototype is a fresh
 * object inheriting from Object.prototype, as V8's template instances. */
napi_status nd_engine_intercepted_object(
    napi_env env, const nd_named_interceptors_t *handlers, void *data,
    napi_value *result);

/* --- v8.GCProfiler (engine_gc_profile.cc) ------------------------------ */

/* A recording of the garbage collections of one isolate. */
typedef struct nd_gc_profile_s nd_gc_profile_t;

/* Starts recording every GC of env's isolate: its type, its cost and the
 * heap statistics before and after it. */
nd_gc_profile_t *nd_engine_gc_profile_start(napi_env env);

/* Stops the recording and frees it; returns the profile as the JSON text of
 * Node's GCProfiler.stop() (malloc'd, the caller frees it; NULL when out of
 * memory). Call on the isolate's thread. */
char *nd_engine_gc_profile_stop(nd_gc_profile_t *profile);

/* --- GC notifications (engine_gc_watch.cc) ------------------------------ */

typedef struct nd_gc_watch_s nd_gc_watch_t;

/* Called inside the GC (no JS, no Node-API calls) as a collection starts,
 * with V8's GCType and GCCallbackFlags. */
typedef void (*nd_gc_start_cb)(void *data, int type, int flags);

/* Called inside the GC after each collection, with its type and flags and
 * uv_hrtime() at its start and end. */
typedef void (*nd_gc_watch_cb)(void *data, int type, int flags,
                               uint64_t start_ns, uint64_t end_ns);

/* Calls on_start (may be NULL) and on_end with `data` around every GC of
 * env's isolate until unwatched. GCs can nest (V8 runs the weak-callback
 * phase of a full GC as one of its own): each on_end closes the innermost
 * open on_start. */
nd_gc_watch_t *nd_engine_gc_watch(napi_env env, nd_gc_start_cb on_start,
                                  nd_gc_watch_cb on_end, void *data);

/* Stops a watch and frees it (on the isolate's thread). */
void nd_engine_gc_unwatch(nd_gc_watch_t *watch);

/* --- heap introspection for the v8 module (engine_heap.cc) ------------- */

/* Fields of v8.getHeapStatistics(), in Node's order. */
enum {
  ND_HEAP_TOTAL_HEAP_SIZE,
  ND_HEAP_TOTAL_HEAP_SIZE_EXECUTABLE,
  ND_HEAP_TOTAL_PHYSICAL_SIZE,
  ND_HEAP_TOTAL_AVAILABLE_SIZE,
  ND_HEAP_USED_HEAP_SIZE,
  ND_HEAP_HEAP_SIZE_LIMIT,
  ND_HEAP_MALLOCED_MEMORY,
  ND_HEAP_PEAK_MALLOCED_MEMORY,
  ND_HEAP_DOES_ZAP_GARBAGE,
  ND_HEAP_NUMBER_OF_NATIVE_CONTEXTS,
  ND_HEAP_NUMBER_OF_DETACHED_CONTEXTS,
  ND_HEAP_TOTAL_GLOBAL_HANDLES_SIZE,
  ND_HEAP_USED_GLOBAL_HANDLES_SIZE,
  ND_HEAP_EXTERNAL_MEMORY,
  ND_HEAP_STATISTICS_FIELDS
};

/* Fills out[ND_HEAP_STATISTICS_FIELDS] for env's isolate. */
void nd_engine_heap_statistics(napi_env env, double *out);

/* Fields of each entry of v8.getHeapSpaceStatistics() after space_name. */
enum {
  ND_HEAP_SPACE_SIZE,
  ND_HEAP_SPACE_USED_SIZE,
  ND_HEAP_SPACE_AVAILABLE_SIZE,
  ND_HEAP_SPACE_PHYSICAL_SIZE,
  ND_HEAP_SPACE_FIELDS
};

/* Number of heap spaces of env's isolate. */
size_t nd_engine_heap_space_count(napi_env env);

/* Name of space `index` and its out[ND_HEAP_SPACE_FIELDS]. Returns NULL
 * for an index out of range. */
const char *nd_engine_heap_space_statistics(napi_env env, size_t index,
                                            double *out);

/* Fields of v8.getHeapCodeStatistics(), in Node's order. */
enum {
  ND_HEAP_CODE_AND_METADATA_SIZE,
  ND_HEAP_BYTECODE_AND_METADATA_SIZE,
  ND_HEAP_EXTERNAL_SCRIPT_SOURCE_SIZE,
  ND_HEAP_CPU_PROFILER_METADATA_SIZE,
  ND_HEAP_CODE_FIELDS
};

/* Fills out[ND_HEAP_CODE_FIELDS] for env's isolate. */
void nd_engine_heap_code_statistics(napi_env env, double *out);

/* V8's version tag of code caches (v8.cachedDataVersionTag()). */
uint32_t nd_engine_cached_data_version_tag(void);

/* Passes V8 flags at run time (v8.setFlagsFromString). V8 is told never to
 * abort by itself on an uncaught exception (a run-time
 * --abort-on-uncaught-exception): the runtime's uncaught-exception
 * handling, which knows the capture callback, decides. */
void nd_engine_set_runtime_flags(napi_env env, const char *flags,
                                 size_t length);

/* Sets the JS function WebAssembly.compileStreaming/instantiateStreaming
 * call as handler(source, streaming): it must feed the bytes through
 * streaming.push(view), then call streaming.finish(), or
 * streaming.abort(error) (streaming.setURL(url) names the module in stack
 * traces). Until one is set, those functions reject. */
napi_status nd_engine_set_wasm_streaming_handler(napi_env env,
                                                 napi_value handler);

#ifdef __cplusplus
}
#endif

#endif /* NODUS_ENGINE_H */
