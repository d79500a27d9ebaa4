/* addons.c - loads Node-API addons: dlopen, find the module's init (the
 * napi_register_module_v1 symbol or a legacy napi_module_register call),
 * and run it in an env of its own. */
#include "addons.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "loop.h"

typedef napi_value (*register_fn)(napi_env env, napi_value exports);
typedef int32_t (*api_version_fn)(void);

static void throw_dlopen(napi_env env, const char *msg) {
  napi_value m, e;
  napi_create_string_utf8(env, msg, NAPI_AUTO_LENGTH, &m);
  napi_create_error(env, NULL, m, &e);
  napi_value code;
  napi_create_string_utf8(env, "ERR_DLOPEN_FAILED", NAPI_AUTO_LENGTH, &code);
  napi_set_named_property(env, e, "code", code);
  napi_throw(env, e);
}

/* The file: URL of an absolute path, percent-encoded as url.pathToFileURL()
 * encodes it. */
static char *file_url_of(const char *path) {
  static const char hex[] = "0123456789ABCDEF";
  size_t n = strlen(path);
  char *url = malloc(n * 3 + 8);
  if (url == NULL) return NULL;
  char *o = url;
  memcpy(o, "file://", 7);
  o += 7;
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    unsigned char c = *p;
    if (c <= 0x20 || c >= 0x7f || strchr("%\\\"#<>?`{}", c) != NULL) {
      *o++ = '%';
      *o++ = hex[c >> 4];
      *o++ = hex[c & 15];
    } else {
      *o++ = (char)c;
    }
  }
  *o = '\0';
  return url;
}

void nd_addon_load(napi_env env, napi_value module, const char *filename,
                   int flags) {
  if (flags == -1) flags = RTLD_LAZY;
  (void)nd_addon_take_legacy();
  void *handle = dlopen(filename, flags);
  if (handle == NULL) {
    throw_dlopen(env, dlerror());
    return;
  }
  register_fn init = (register_fn)dlsym(handle, "napi_register_module_v1");
  int32_t version = 8;
  api_version_fn get_version =
      (api_version_fn)dlsym(handle, "node_api_module_get_api_version_v1");
  if (get_version != NULL) version = get_version();
  napi_module *legacy = nd_addon_take_legacy();
  if (init == NULL && legacy != NULL) {
    init = legacy->nm_register_func;
    if (init == NULL) {
      /* Registered, but without an init function. */
      napi_throw_error(env, NULL, "Module has no declared entry point.");
      return;
    }
  }
  if (init == NULL) {
    char msg[4200];
    snprintf(msg, sizeof(msg), "Module did not self-register: '%s'.",
             filename);
    dlclose(handle);
    throw_dlopen(env, msg);
    return;
  }
  char *url = file_url_of(filename);
  napi_env addon = nd_engine_addon_env_create(env, url, version);
  free(url);
  /* The env's first cleanup hook (so the last to run): remaining
   * finalizers and the instance data finalizer at exit. */
  napi_add_env_cleanup_hook(addon, nd_napi_env_teardown, addon);

  napi_value exports, result;
  if (napi_get_named_property(env, module, "exports", &exports) != napi_ok)
    return;
  result = init(addon, exports);
  bool pending = false;
  napi_is_exception_pending(addon, &pending);
  if (pending) {
    napi_value exc;
    napi_get_and_clear_last_exception(addon, &exc);
    napi_throw(env, exc);
    return;
  }
  if (result != NULL) {
    bool same = false;
    napi_strict_equals(env, result, exports, &same);
    if (!same) napi_set_named_property(env, module, "exports", result);
  }
}
