/* fs_req.c - the request machinery of internalBinding('fs'): each call
 * runs synchronously, on the thread pool with a callback, or as a promise,
 * and completes through the loop's entry path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fs_internal.h"
#include "handle_wrap.h"
#include "loop.h"
#include "napi_util.h"
#include "realm.h"

/* An asynchronous request: listed in the realm's active requests (as
 * Node's FSReqCallback / FSReqPromise) from its start until it is freed. */
typedef struct {
  nd_fs_req_t req;
  nd_active_req_t active;
} async_req_t;

static async_req_t *async_of(nd_fs_req_t *r) {
  return ND_CONTAINER_OF(r, async_req_t, req);
}

nd_fs_req_t *nd_fs_req_begin(napi_env env, napi_value req,
                             nd_fs_req_t *stack) {
  napi_valuetype t = napi_undefined;
  if (req != NULL) napi_typeof(env, req, &t);
  nd_fs_req_t *r;
  if (t == napi_undefined) {
    r = stack;
    memset(r, 0, sizeof(*r));
    r->mode = ND_FS_SYNC;
  } else if (t == napi_function || t == napi_null) {
    async_req_t *a = calloc(1, sizeof(*a));
    r = &a->req;
    if (t == napi_function) {
      r->mode = ND_FS_CALLBACK;
      napi_create_reference(env, req, 1, &r->cb);
      nd_req_track(env, &a->active, "FSReqCallback", r->cb);
    } else {
      r->mode = ND_FS_PROMISE;
      nd_req_track(env, &a->active, "FSReqPromise", NULL);
    }
  } else {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "The \"callback\" argument must be of type function");
    return NULL;
  }
  r->env = env;
  r->error_path = true;
  r->bufs = r->small;
  return r;
}

static void after_uv(uv_fs_t *req);

uv_fs_cb nd_fs_cb(nd_fs_req_t *r) {
  return r->mode == ND_FS_SYNC ? NULL : after_uv;
}

void nd_fs_keep(nd_fs_req_t *r, napi_value v) {
  if (r->mode == ND_FS_SYNC || r->keep != NULL) return;
  napi_create_reference(r->env, v, 1, &r->keep);
}

/* Releases everything the request owns (not the request itself). */
static void req_cleanup(nd_fs_req_t *r) {
  uv_fs_req_cleanup(&r->uv);
  if (r->cb != NULL) napi_delete_reference(r->env, r->cb);
  if (r->keep != NULL) napi_delete_reference(r->env, r->keep);
  r->cb = r->keep = NULL;
  free(r->path);
  free(r->dest);
  free(r->data);
  if (r->bufs != r->small) free(r->bufs);
  r->path = r->dest = NULL;
  r->data = NULL;
  r->bufs = r->small;
}

static void req_free(nd_fs_req_t *r) {
  if (r->mode != ND_FS_SYNC) nd_req_untrack(r->env, &async_of(r)->active);
  req_cleanup(r);
  if (r->mode != ND_FS_SYNC) free(async_of(r));
}

napi_value nd_fs_abort(nd_fs_req_t *r) {
  req_free(r);
  return NULL;
}

napi_value nd_fs_dispatch(nd_fs_req_t *r, int err, const char *syscall,
                          nd_fs_result_fn result) {
  napi_env env = r->env;
  if (r->syscall == NULL) r->syscall = syscall;
  r->result = result;
  if (r->mode == ND_FS_SYNC) {
    ssize_t res = err < 0 ? err : r->uv.result;
    napi_value v = NULL;
    if (res < 0) {
      napi_throw(env, nd_fs_error(env, (int)res, r->syscall,
                                  r->error_path ? r->path : NULL, r->dest,
                                  true));
    } else if (result != NULL) {
      v = result(r);
    }
    req_free(r);
    return v;
  }
  if (err < 0) {
    napi_throw(env, nd_fs_error(env, err, r->syscall,
                                r->error_path ? r->path : NULL, r->dest,
                                true));
    req_free(r);
    return NULL;
  }
  if (r->mode == ND_FS_PROMISE) {
    napi_value promise;
    napi_create_promise(env, &r->deferred, &promise);
    return promise;
  }
  return NULL;
}

/* Delivers the outcome of an async request to JS and frees it. */
static void complete(nd_fs_req_t *r) {
  napi_env env = r->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value err = NULL, val = NULL;
  if (r->uv.result < 0) {
    err = nd_fs_error(env, (int)r->uv.result, r->syscall,
                      r->error_path ? r->path : NULL,
                      r->dest, false);
  } else if (r->result != NULL) {
    val = r->result(r);
    bool pending = false;
    napi_is_exception_pending(env, &pending);
    if (pending) {
      napi_get_and_clear_last_exception(env, &err);
      val = NULL;
    }
  }
  if (r->mode == ND_FS_CALLBACK) {
    napi_value fn, recv, argv[2];
    napi_get_reference_value(env, r->cb, &fn);
    napi_get_undefined(env, &recv);
    size_t argc = 1;
    if (err != NULL) {
      argv[0] = err;
    } else {
      napi_get_null(env, &argv[0]);
      if (val != NULL) {
        argv[1] = val;
        argc = 2;
      }
    }
    /* The uv request is released before the callback (which may start
     * the next operation on the same dir or fd), but the request stays
     * listed as active until the callback returns, as in Node. */
    napi_ref cb = r->cb;
    r->cb = NULL;
    req_cleanup(r);
    nd_loop_make_callback(env, recv, fn, argc, argv, NULL);
    nd_req_untrack(env, &async_of(r)->active);
    napi_delete_reference(env, cb);
    free(async_of(r));
  } else {
    napi_deferred d = r->deferred;
    if (val == NULL) napi_get_undefined(env, &val);
    req_free(r);
    nd_loop_scope_enter(env);
    if (err != NULL)
      napi_reject_deferred(env, d, err);
    else
      napi_resolve_deferred(env, d, val);
    nd_loop_scope_exit(env);
  }
  napi_close_handle_scope(env, scope);
}

static void after_uv(uv_fs_t *req) {
  complete(ND_CONTAINER_OF(req, nd_fs_req_t, uv));
}

static void work_cb(uv_work_t *w) {
  nd_fs_req_t *r = ND_CONTAINER_OF(w, nd_fs_req_t, work);
  r->work_fn(r);
}

static void after_work_cb(uv_work_t *w, int status) {
  nd_fs_req_t *r = ND_CONTAINER_OF(w, nd_fs_req_t, work);
  if (status < 0) r->uv.result = status;
  complete(r);
}

napi_value nd_fs_run(nd_fs_req_t *r, nd_fs_work_fn fn, const char *syscall,
                     nd_fs_result_fn result) {
  r->work_fn = fn;
  if (r->syscall == NULL) r->syscall = syscall;
  if (r->mode == ND_FS_SYNC) {
    fn(r);
    return nd_fs_dispatch(r, 0, syscall, result);
  }
  int err = uv_queue_work(nd_realm_of(r->env)->loop, &r->work, work_cb,
                          after_work_cb);
  return nd_fs_dispatch(r, err, syscall, result);
}

char *nd_fs_path_arg(napi_env env, napi_value v) {
  napi_valuetype t;
  napi_typeof(env, v, &t);
  if (t == napi_string) return nd_strdup_utf8(env, v);
  char *data;
  size_t len;
  bool is_view = false;
  napi_is_typedarray(env, v, &is_view);
  if (is_view &&
      napi_get_buffer_info(env, v, (void **)&data, &len) == napi_ok) {
    char *s = malloc(len + 1);
    if (len > 0) memcpy(s, data, len);
    s[len] = '\0';
    return s;
  }
  napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                        "The \"path\" argument must be of type string or an "
                        "instance of Buffer or URL");
  return NULL;
}

int64_t nd_fs_int_arg(napi_env env, napi_value v, int64_t fallback) {
  napi_valuetype t;
  if (v == NULL || napi_typeof(env, v, &t) != napi_ok) return fallback;
  if (t == napi_number) {
    double d;
    napi_get_value_double(env, v, &d);
    return (int64_t)d;
  }
  if (t == napi_bigint) {
    int64_t i;
    bool lossless;
    napi_get_value_bigint_int64(env, v, &i, &lossless);
    return i;
  }
  return fallback;
}

bool nd_fs_view(napi_env env, napi_value v, char **data, size_t *len) {
  if (napi_get_buffer_info(env, v, (void **)data, len) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "The \"buffer\" argument must be an instance of "
                          "Buffer, TypedArray, or DataView.");
    return false;
  }
  if (*data == NULL) *data = "";
  return true;
}

napi_value nd_fs_error(napi_env env, int err, const char *syscall,
                       const char *path, const char *dest, bool sync) {
  const char *code = uv_err_name(err);
  const char *desc = uv_strerror(err);
  size_t cap = strlen(code) + strlen(desc) + (syscall ? strlen(syscall) : 0) +
               (path ? strlen(path) : 0) + (dest ? strlen(dest) : 0) + 32;
  char *msg = malloc(cap);
  int n = snprintf(msg, cap, "%s: %s", code, desc);
  if (syscall) n += snprintf(msg + n, cap - n, ", %s", syscall);
  if (path) n += snprintf(msg + n, cap - n, " '%s'", path);
  if (dest) snprintf(msg + n, cap - n, " -> '%s'", dest);
  napi_value m, e;
  napi_create_string_utf8(env, msg, NAPI_AUTO_LENGTH, &m);
  free(msg);
  napi_create_error(env, NULL, m, &e);
  nd_set_number(env, e, "errno", err);
  if (sync) {
    if (syscall) nd_set_string(env, e, "syscall", syscall);
    nd_set_string(env, e, "code", code);
  } else {
    nd_set_string(env, e, "code", code);
    if (syscall) nd_set_string(env, e, "syscall", syscall);
  }
  if (path) nd_set_string(env, e, "path", path);
  if (dest) nd_set_string(env, e, "dest", dest);
  return e;
}

napi_value nd_fs_name(napi_env env, const char *s, size_t len, int enc) {
  napi_value v;
  if (enc == ND_FS_ENC_BUFFER)
    napi_create_buffer_copy(env, len, s, NULL, &v);
  else
    napi_create_string_utf8(env, s, len, &v);
  return v;
}

void nd_fs_fill_stat(napi_env env, napi_value arr, size_t offset,
                     const uv_stat_t *s) {
  napi_typedarray_type type;
  size_t length;
  void *data;
  if (napi_get_typedarray_info(env, arr, &type, &length, &data, NULL,
                               NULL) != napi_ok ||
      length < offset + ND_FS_STAT_FIELDS)
    return;
  int64_t v[ND_FS_STAT_FIELDS] = {
    (int64_t)s->st_dev, (int64_t)s->st_mode, (int64_t)s->st_nlink,
    (int64_t)s->st_uid, (int64_t)s->st_gid, (int64_t)s->st_rdev,
    (int64_t)s->st_blksize, (int64_t)s->st_ino, (int64_t)s->st_size,
    (int64_t)s->st_blocks,
    s->st_atim.tv_sec, s->st_atim.tv_nsec,
    s->st_mtim.tv_sec, s->st_mtim.tv_nsec,
    s->st_ctim.tv_sec, s->st_ctim.tv_nsec,
    s->st_birthtim.tv_sec, s->st_birthtim.tv_nsec,
  };
  if (type == napi_bigint64_array) {
    memcpy((int64_t *)data + offset, v, sizeof(v));
  } else {
    double *d = (double *)data + offset;
    for (int i = 0; i < ND_FS_STAT_FIELDS; i++) d[i] = (double)v[i];
  }
}

napi_value nd_fs_new_stat_array(napi_env env, bool bigint, size_t count) {
  napi_value ab, arr;
  size_t n = ND_FS_STAT_FIELDS * count;
  napi_create_arraybuffer(env, n * 8, NULL, &ab);
  napi_create_typedarray(env,
                         bigint ? napi_bigint64_array : napi_float64_array, n,
                         ab, 0, &arr);
  return arr;
}

napi_value nd_fs_result_int(nd_fs_req_t *r) {
  napi_value v;
  napi_create_double(r->env, (double)r->uv.result, &v);
  return v;
}

napi_value nd_fs_result_stat(nd_fs_req_t *r) {
  if (r->stat_target != NULL) {
    nd_fs_fill_stat(r->env, r->stat_target, 0, &r->uv.statbuf);
    return NULL;
  }
  napi_value arr = nd_fs_new_stat_array(r->env, r->bigint, 1);
  nd_fs_fill_stat(r->env, arr, 0, &r->uv.statbuf);
  return arr;
}

void nd_fs_complete(nd_fs_req_t *r) { complete(r); }
