/* napi_util.h - small helpers the bindings share on top of Node-API:
 * argument fetching, string copies and libuv-shaped errors. */
#ifndef NODUS_NAPI_UTIL_H
#define NODUS_NAPI_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <node_api.h>

/* Fetches up to `n` arguments into argv (missing ones are undefined) and
 * returns how many the caller passed. */
size_t nd_args(napi_env env, napi_callback_info info, size_t n,
               napi_value *argv);

/* Fetches up to `n` arguments like nd_args (argv may be NULL when n is 0)
 * and returns the native object wrapped in `this`, storing `this` in
 * *self_out when that is not NULL. When `this` wraps nothing, returns NULL
 * with a TypeError `message` (with `code`, which may be NULL) pending. */
void *nd_this_native(napi_env env, napi_callback_info info, size_t n,
                     napi_value *argv, napi_value *self_out,
                     const char *code, const char *message);

/* Copies a JS string as UTF-8 into a malloc'd buffer (NUL-terminated);
 * returns NULL (with a TypeError pending) when `v` is not a string. The
 * caller frees it. */
char *nd_strdup_utf8(napi_env env, napi_value v);

/* Number argument helpers: return `fallback` when `v` is not a number. */
int64_t nd_to_int64(napi_env env, napi_value v, int64_t fallback);
double nd_to_double(napi_env env, napi_value v, double fallback);
bool nd_to_bool(napi_env env, napi_value v);

/* Throws Node's shape of a libuv error: message
 * "ENOENT: no such file or directory, open 'path' -> 'dest'", with errno,
 * code, syscall, path and dest properties. `err` is a negative UV_E* code;
 * path/dest may be NULL. Always returns NULL (for `return nd_throw_uv(..)`). */
napi_value nd_throw_uv(napi_env env, int err, const char *syscall,
                       const char *path, const char *dest);

/* Makes that same error object without throwing it. */
napi_value nd_uv_error(napi_env env, int err, const char *syscall,
                       const char *path, const char *dest);

/* Sets obj[name] = number / string / bool. Errors are ignored. */
void nd_set_number(napi_env env, napi_value obj, const char *name, double v);
void nd_set_string(napi_env env, napi_value obj, const char *name,
                   const char *v);
void nd_set_bool(napi_env env, napi_value obj, const char *name, bool v);

/* The struct of type `type` whose member `field` is at `ptr` (handles are
 * embedded by value in their wrapper structs). */
#define ND_CONTAINER_OF(ptr, type, field)                                      \
  ((type *)((char *)(ptr) - offsetof(type, field)))

/* Number of entries of a static descriptor table. */
#define ND_COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* A method entry of a static binding table. */
#define ND_METHOD(name, fn)                                                    \
  { name, NULL, fn, NULL, NULL, NULL, napi_default_jsproperty, NULL }

#endif /* NODUS_NAPI_UTIL_H */
