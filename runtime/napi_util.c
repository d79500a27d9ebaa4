/* napi_util.c - helpers the bindings share on top of Node-API. */
#include "napi_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uv.h>

size_t nd_args(napi_env env, napi_callback_info info, size_t n,
               napi_value *argv) {
  size_t argc = n;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  return argc;
}

void *nd_this_native(napi_env env, napi_callback_info info, size_t n,
                     napi_value *argv, napi_value *self_out,
                     const char *code, const char *message) {
  napi_value self;
  size_t argc = n;
  void *data = NULL;
  if (napi_get_cb_info(env, info, &argc, argv, &self, NULL) != napi_ok)
    return NULL;
  if (napi_unwrap(env, self, &data) != napi_ok || data == NULL) {
    napi_throw_type_error(env, code, message);
    return NULL;
  }
  if (self_out != NULL) *self_out = self;
  return data;
}

char *nd_strdup_utf8(napi_env env, napi_value v) {
  size_t len;
  if (napi_get_value_string_utf8(env, v, NULL, 0, &len) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "expected a string");
    return NULL;
  }
  char *buf = malloc(len + 1);
  napi_get_value_string_utf8(env, v, buf, len + 1, &len);
  return buf;
}

int64_t nd_to_int64(napi_env env, napi_value v, int64_t fallback) {
  int64_t r;
  if (v == NULL || napi_get_value_int64(env, v, &r) != napi_ok) return fallback;
  return r;
}

double nd_to_double(napi_env env, napi_value v, double fallback) {
  double r;
  if (v == NULL || napi_get_value_double(env, v, &r) != napi_ok) return fallback;
  return r;
}

bool nd_to_bool(napi_env env, napi_value v) {
  bool r = false;
  if (v != NULL && napi_get_value_bool(env, v, &r) != napi_ok) {
    napi_value b;
    if (napi_coerce_to_bool(env, v, &b) == napi_ok) napi_get_value_bool(env, b, &r);
  }
  return r;
}

void nd_set_number(napi_env env, napi_value obj, const char *name, double v) {
  napi_value n;
  if (napi_create_double(env, v, &n) == napi_ok)
    napi_set_named_property(env, obj, name, n);
}

void nd_set_string(napi_env env, napi_value obj, const char *name,
                   const char *v) {
  napi_value s;
  if (napi_create_string_utf8(env, v, NAPI_AUTO_LENGTH, &s) == napi_ok)
    napi_set_named_property(env, obj, name, s);
}

void nd_set_bool(napi_env env, napi_value obj, const char *name, bool v) {
  napi_value b;
  if (napi_get_boolean(env, v, &b) == napi_ok)
    napi_set_named_property(env, obj, name, b);
}

napi_value nd_uv_error(napi_env env, int err, const char *syscall,
                       const char *path, const char *dest) {
  const char *code = uv_err_name(err);
  const char *desc = uv_strerror(err);
  size_t cap = strlen(code) + strlen(desc) + (syscall ? strlen(syscall) : 0) +
               (path ? strlen(path) : 0) + (dest ? strlen(dest) : 0) + 32;
  char *msg = malloc(cap);
  int n = snprintf(msg, cap, "%s: %s", code, desc);
  if (syscall) n += snprintf(msg + n, cap - n, ", %s", syscall);
  if (path) n += snprintf(msg + n, cap - n, " '%s'", path);
  if (dest) n += snprintf(msg + n, cap - n, " -> '%s'", dest);
  napi_value m, e;
  napi_create_string_utf8(env, msg, NAPI_AUTO_LENGTH, &m);
  free(msg);
  napi_create_error(env, NULL, m, &e);
  nd_set_number(env, e, "errno", err);
  nd_set_string(env, e, "code", code);
  if (syscall) nd_set_string(env, e, "syscall", syscall);
  if (path) nd_set_string(env, e, "path", path);
  if (dest) nd_set_string(env, e, "dest", dest);
  return e;
}

napi_value nd_throw_uv(napi_env env, int err, const char *syscall,
                       const char *path, const char *dest) {
  napi_throw(env, nd_uv_error(env, err, syscall, path, dest));
  return NULL;
}
