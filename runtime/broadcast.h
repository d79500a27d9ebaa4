/* broadcast.h - the registry behind BroadcastChannel: named feeds shared
 * by every thread of the process (owned by the main thread's realm).
 * Each BroadcastChannel object receives on one end of a channel whose
 * other end (its feed) is registered here under the channel's name. */
#ifndef NODUS_BROADCAST_H
#define NODUS_BROADCAST_H

#include <stdbool.h>

#include <node_api.h>

#include "msgport.h"

typedef struct nd_broadcast_s nd_broadcast_t;

/* Makes an empty registry. Returns NULL when out of memory. */
nd_broadcast_t *nd_broadcast_new(void);

/* Registers `feed` under `name` (the registry owns feed from now on).
 * Returns 0 or UV_ENOMEM (feed is then closed). */
int nd_broadcast_join(nd_broadcast_t *reg, const char *name,
                      nd_port_end_t *feed);

/* Makes one message per call of make(data) and posts it to every feed
 * named `name` except the one entangled with `self`; feeds whose channel
 * was closed are dropped. make() returns NULL to stop (its exception
 * stays pending); returns 0, or -1 when make() failed. */
typedef nd_port_msg_t *(*nd_broadcast_make_cb)(void *data);
int nd_broadcast_post(nd_broadcast_t *reg, const char *name,
                      nd_port_end_t *self, nd_broadcast_make_cb make,
                      void *data);

#endif /* NODUS_BROADCAST_H */
