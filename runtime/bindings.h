/* bindings.h - the registry of native bindings reachable from lib/ through
 * internalBinding(name): one X-macro list, one init function per binding. */
#ifndef NODUS_BINDINGS_H
#define NODUS_BINDINGS_H

#include <node_api.h>

/* Each entry V(name) is a file bindings/<name>.c that defines
 *   napi_value nd_binding_<name>_init(napi_env env, napi_value exports);
 * which fills `exports` (normally from one static napi_property_descriptor
 * table) and returns it, or returns NULL with a pending exception. */
#define NODUS_BINDINGS(V)                                                      \
  V(buffer)                                                                    \
  V(builtins)                                                                  \
  V(cares_wrap)                                                                \
  V(constants)                                                                 \
  V(contextify)                                                                \
  V(crypto)                                                                    \
  V(encoding)                                                                  \
  V(errors)                                                                    \
  V(fs)                                                                        \
  V(fs_event_wrap)                                                             \
  V(http_parser)                                                               \
  V(messaging)                                                                 \
  V(module_wrap)                                                               \
  V(options)                                                                   \
  V(os)                                                                        \
  V(pipe_wrap)                                                                 \
  V(process_methods)                                                           \
  V(process_wrap)                                                              \
  V(serdes)                                                                    \
  V(signal_wrap)                                                               \
  V(spawn_sync)                                                                \
  V(stream_wrap)                                                               \
  V(tcp_wrap)                                                                  \
  V(tls_wrap)                                                                  \
  V(timers)                                                                    \
  V(tty_wrap)                                                                  \
  V(types)                                                                     \
  V(udp_wrap)                                                                  \
  V(util)                                                                      \
  V(uv)                                                                        \
  V(v8)                                                                        \
  V(wasm_web_api)                                                              \
  V(worker)                                                                    \
  V(zlib)

/* The binding's init, found by name; NULL when there is none. */
typedef napi_value (*nd_binding_init)(napi_env env, napi_value exports);
nd_binding_init nd_binding_find(const char *name);

#define NODUS_DECLARE_BINDING(name)                                            \
  napi_value nd_binding_##name##_init(napi_env env, napi_value exports);
NODUS_BINDINGS(NODUS_DECLARE_BINDING)
#undef NODUS_DECLARE_BINDING

#endif /* NODUS_BINDINGS_H */
