/* addons.h - loading Node-API native addons (.node files). */
#ifndef NODUS_ADDONS_H
#define NODUS_ADDONS_H

#include <node_api.h>

/* Loads the addon at `filename` with dlopen(flags; -1 = RTLD_LAZY) and runs
 * its Node-API init with module.exports, storing the result back into
 * module.exports. On failure a JS exception is left pending on env (e.g.
 * ERR_DLOPEN_FAILED with dlerror()'s text). */
void nd_addon_load(napi_env env, napi_value module, const char *filename,
                   int flags);

/* Tears an addon env down at exit: runs the finalizers of objects still
 * alive and of collected ones not yet run, then the instance data
 * finalizer (implemented with Node-API, runtime/v8/napi_lifecycle.cc). */
#ifdef __cplusplus
extern "C"
#endif
void nd_napi_env_teardown(void *env);

/* Installs the JS functions { init, before, after, destroy } that give
 * Node-API async resources their async_hooks events (per isolate). */
#ifdef __cplusplus
extern "C"
#endif
void nd_napi_set_async_hooks(napi_env env, napi_value hooks);

#endif /* NODUS_ADDONS_H */
