/* fs_dir.c - directory streams for fs.Dir/opendir: opendir() returns a
 * handle (an External) that dirRead() and dirClose() use, in the same
 * sync/callback/promise modes as the other fs calls. */
#include <stdlib.h>
#include <string.h>

#include "fs_internal.h"
#include "napi_util.h"
#include "realm.h"

typedef struct {
  uv_dir_t *dir;
  uv_loop_t *loop;
  bool closed;
} nd_fs_dir_t;

#define BEGIN(n)                                                               \
  napi_value argv[n];                                                          \
  nd_args(env, info, n, argv);                                                 \
  nd_fs_req_t stack_req;                                                       \
  nd_fs_req_t *r = nd_fs_req_begin(env, argv[(n) - 1], &stack_req);            \
  if (r == NULL) return NULL;                                                  \
  uv_loop_t *loop = nd_realm_of(env)->loop

/* Closes a directory nobody closed before it was collected. */
static void dir_finalize(napi_env env, void *data, void *hint) {
  nd_fs_dir_t *d = data;
  if (!d->closed) {
    uv_fs_t req;
    uv_fs_closedir(d->loop, &req, d->dir, NULL);
    uv_fs_req_cleanup(&req);
  }
  free(d);
}

static napi_value result_opendir(nd_fs_req_t *r) {
  nd_fs_dir_t *d = calloc(1, sizeof(*d));
  d->dir = r->uv.ptr;
  d->loop = nd_realm_of(r->env)->loop;
  napi_value ext;
  napi_create_external(r->env, d, dir_finalize, NULL, &ext);
  return ext;
}

/* opendir(path, req) -> handle */
static napi_value fs_opendir(napi_env env, napi_callback_info info) {
  BEGIN(2);
  if ((r->path = nd_fs_path_arg(env, argv[0])) == NULL) return nd_fs_abort(r);
  int err = uv_fs_opendir(loop, &r->uv, r->path, nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "opendir", result_opendir);
}

static nd_fs_dir_t *dir_arg(napi_env env, napi_value v) {
  void *data = NULL;
  if (napi_get_value_external(env, v, &data) != napi_ok || data == NULL) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "not a dir handle");
    return NULL;
  }
  return data;
}

/* [name, type, name, type, ...] of the entries just read, or null at the
 * end of the directory. */
static napi_value result_dir_read(nd_fs_req_t *r) {
  napi_env env = r->env;
  napi_value arr, v;
  if (r->uv.result == 0) {
    napi_get_null(env, &arr);
    return arr;
  }
  uv_dirent_t *ents = r->data;
  napi_create_array_with_length(env, (size_t)r->uv.result * 2, &arr);
  for (ssize_t i = 0; i < r->uv.result; i++) {
    napi_set_element(env, arr, (uint32_t)i * 2,
                     nd_fs_name(env, ents[i].name, strlen(ents[i].name),
                                r->enc));
    napi_create_int32(env, ents[i].type, &v);
    napi_set_element(env, arr, (uint32_t)i * 2 + 1, v);
  }
  return arr;
}

/* dirRead(handle, encoding, bufferSize, req) -> entries or null */
static napi_value fs_dir_read(napi_env env, napi_callback_info info) {
  BEGIN(4);
  nd_fs_dir_t *d = dir_arg(env, argv[0]);
  if (d == NULL) return nd_fs_abort(r);
  r->enc = (int)nd_fs_int_arg(env, argv[1], 0);
  int64_t n = nd_fs_int_arg(env, argv[2], 32);
  if (n < 1) n = 1;
  r->data = calloc((size_t)n, sizeof(uv_dirent_t));
  d->dir->dirents = r->data;
  d->dir->nentries = (size_t)n;
  nd_fs_keep(r, argv[0]);
  int err = uv_fs_readdir(loop, &r->uv, d->dir, nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "scandir", result_dir_read);
}

/* dirClose(handle, req) */
static napi_value fs_dir_close(napi_env env, napi_callback_info info) {
  BEGIN(2);
  nd_fs_dir_t *d = dir_arg(env, argv[0]);
  if (d == NULL) return nd_fs_abort(r);
  d->closed = true;
  nd_fs_keep(r, argv[0]);
  int err = uv_fs_closedir(loop, &r->uv, d->dir, nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "closedir", NULL);
}

static const napi_property_descriptor dir_methods[] = {
  ND_METHOD("opendir", fs_opendir),
  ND_METHOD("dirRead", fs_dir_read),
  ND_METHOD("dirClose", fs_dir_close),
};

void nd_fs_define_dir(napi_env env, napi_value exports) {
  napi_define_properties(env, exports, ND_COUNT(dir_methods), dir_methods);
}
