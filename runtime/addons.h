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

#endif /* NODUS_ADDONS_H */
