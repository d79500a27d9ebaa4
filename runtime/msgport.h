/* msgport.h - the thread-safe core of MessageChannel: two entangled ends,
 * each with a queue of messages posted from the other end, usable from
 * any thread; a receiving end is attached to one thread at a time and is
 * woken through a callback (a uv_async_send). */
#ifndef NODUS_MSGPORT_H
#define NODUS_MSGPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"

typedef struct nd_port_end_s nd_port_end_t;

/* One message: the serialized value and the port ends it transfers. */
typedef struct nd_port_msg_s {
  nd_message_t *data;
  nd_port_end_t **ports;
  size_t nports;
  struct nd_port_msg_s *next;
} nd_port_msg_t;

/* Called (under the channel's lock, from any thread) when a message
 * arrives at an attached end or its peer closes. Must only wake its
 * thread (uv_async_send). */
typedef void (*nd_port_notify_cb)(void *data);

/* Creates a channel; *a and *b are its two ends, each owned by the
 * caller until closed. Returns 0, or UV_ENOMEM. */
int nd_port_channel(nd_port_end_t **a, nd_port_end_t **b);

/* Queues `msg` at the peer of `from` and wakes it. Takes ownership of
 * msg. Returns 0, or UV_EPIPE when either end is closed (msg is freed). */
int nd_port_post(nd_port_end_t *from, nd_port_msg_t *msg);

/* Takes the oldest message queued at `end`, or NULL. */
nd_port_msg_t *nd_port_shift(nd_port_end_t *end);

/* Puts `msg` back at the head of the queue of `end`. */
void nd_port_unshift(nd_port_end_t *end, nd_port_msg_t *msg);

/* Number of messages queued at `end`. */
size_t nd_port_size(nd_port_end_t *end);

/* Whether the peer of `end` was closed. */
bool nd_port_peer_closed(nd_port_end_t *end);

/* Whether a and b are the two ends of one channel. */
bool nd_port_entangled(nd_port_end_t *a, nd_port_end_t *b);

/* Attaches `end` to a receiver (notify may be NULL to detach). If
 * messages are already queued, notify is called at once. */
void nd_port_attach(nd_port_end_t *end, nd_port_notify_cb notify,
                    void *data);

/* Closes `end` (its queue is dropped, the peer is notified) and gives up
 * the caller's ownership: `end` must not be used afterwards. */
void nd_port_close(nd_port_end_t *end);

/* Frees a message, closing the port ends it still carries. */
void nd_port_msg_free(nd_port_msg_t *msg);

#endif /* NODUS_MSGPORT_H */
