/* handle_wrap.h - the common base of every binding object that owns a libuv
 * handle (signals, fs watchers, and later tcp/pipe/tty/udp/process): ties
 * the uv handle's lifetime to its JS object and provides ref/unref/hasRef/
 * close. Each wrapper struct embeds nd_handle_wrap_t first and the uv handle
 * by value. Open handles and in-flight requests are kept in per-realm lists
 * for process._getActiveHandles() & co. */
#ifndef NODUS_HANDLE_WRAP_H
#define NODUS_HANDLE_WRAP_H

#include <stdbool.h>

#include <node_api.h>
#include <uv.h>

typedef struct nd_handle_wrap_s nd_handle_wrap_t;

/* Called once the uv handle is closed, before the wrap is freed. */
typedef void (*nd_handle_wrap_free_cb)(nd_handle_wrap_t *wrap);

struct nd_handle_wrap_s {
  napi_env env;
  napi_ref object;    /* strong while the handle is open */
  uv_handle_t *handle;
  bool closing;
  nd_handle_wrap_free_cb free_cb;
  nd_handle_wrap_t *prev, *next; /* the realm's list of open handles */
};

/* An in-flight request (fs, connect, write, DNS...) that
 * process._getActiveRequests() and getActiveResourcesInfo() report while
 * it is linked into its realm's list. Embed one in the request record. */
typedef struct nd_active_req_s nd_active_req_t;
struct nd_active_req_s {
  nd_active_req_t *prev, *next;
  const char *type; /* Node's name: "FSReqCallback", "ConnectWrap", ... */
  napi_ref object;  /* the JS request object, or NULL (not owned) */
};

/* Binds `wrap` (whose uv handle is already initialised) to the JS object
 * `self` with napi_wrap and a strong reference. Returns napi_ok or the
 * failing status. */
napi_status nd_handle_wrap_init(nd_handle_wrap_t *wrap, napi_env env,
                                napi_value self, uv_handle_t *handle,
                                nd_handle_wrap_free_cb free_cb);

/* Returns the wrap behind `this` of a method call, or NULL after throwing
 * a TypeError when `this` is not an open handle object. */
nd_handle_wrap_t *nd_handle_wrap_unwrap(napi_env env, napi_callback_info info);

/* JS methods shared by every handle class: close([callback]), ref(),
 * unref(), hasRef(). close() calls this.onclose / the callback through the
 * entry path once libuv has closed the handle. */
napi_value nd_handle_wrap_close(napi_env env, napi_callback_info info);
napi_value nd_handle_wrap_ref(napi_env env, napi_callback_info info);
napi_value nd_handle_wrap_unref(napi_env env, napi_callback_info info);
napi_value nd_handle_wrap_has_ref(napi_env env, napi_callback_info info);

/* The uv_close callback every wrap uses: emits onclose, drops the JS
 * object's reference and frees the wrap. For handles closed by other
 * means (uv_tcp_close_reset). */
void nd_handle_wrap_on_closed(uv_handle_t *handle);

/* Calls this.<name>(args...) on the wrap's JS object through the entry
 * path (nextTicks and microtasks drain afterwards). `name` is a string
 * constant (its JS string is cached per realm by address). Returns 0, or
 * -1 when the method is missing or threw. */
int nd_handle_wrap_emit(nd_handle_wrap_t *wrap, const char *name, size_t argc,
                        napi_value *argv);

/* Adds a wrap whose handle is open to its realm's list of handles (done
 * by nd_handle_wrap_init(); for wraps set up by other means). The wrap
 * leaves the list when its handle is closed (nd_handle_wrap_on_closed). */
void nd_handle_wrap_link(nd_handle_wrap_t *wrap);

/* Links `req` (type and object as documented above; `object` must stay
 * valid until untracked) into env's list of active requests. */
void nd_req_track(napi_env env, nd_active_req_t *req, const char *type,
                  napi_ref object);

/* Unlinks a request given to nd_req_track(); a no-op for one that is not
 * linked (a zeroed record). */
void nd_req_untrack(napi_env env, nd_active_req_t *req);

/* The realm's referenced, not yet closed handles, oldest first, as a flat
 * array [type, object, type, object, ...] where type is Node's name of
 * the handle class ("TCPSocketWrap", "PipeWrap", "TTYWrap", ...). */
napi_value nd_handle_wrap_list_active(napi_env env);

/* The realm's in-flight requests in the same shape (object undefined when
 * the request has none). */
napi_value nd_req_list_active(napi_env env);

/* Writable and configurable, as Node's prototype methods (cluster
 * replaces handle.close). */
#define ND_HANDLE_WRAP_METHODS                                                 \
  {"close", NULL, nd_handle_wrap_close, NULL, NULL, NULL,                      \
   napi_default_method, NULL},                                                 \
  {"ref", NULL, nd_handle_wrap_ref, NULL, NULL, NULL, napi_default_method,     \
   NULL},                                                                      \
  {"unref", NULL, nd_handle_wrap_unref, NULL, NULL, NULL, napi_default_method, \
   NULL},                                                                      \
  {"hasRef", NULL, nd_handle_wrap_has_ref, NULL, NULL, NULL,                   \
   napi_default_method, NULL}

#endif /* NODUS_HANDLE_WRAP_H */
