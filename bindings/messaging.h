/* messaging.h - C side of internalBinding('messaging') other bindings use:
 * wrapping a channel end into a JS port handle of this thread. */
#ifndef NODUS_BINDINGS_MESSAGING_H
#define NODUS_BINDINGS_MESSAGING_H

#include <node_api.h>

#include "msgport.h"

/* Makes a port handle object for `end` on env's thread (taking ownership
 * of `end`; it is closed when the handle is). Returns NULL with an
 * exception pending on failure (`end` is then closed). */
napi_value nd_messaging_wrap_end(napi_env env, nd_port_end_t *end);

#endif /* NODUS_BINDINGS_MESSAGING_H */
