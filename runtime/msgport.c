/* msgport.c - channels of two entangled message queues shared between
 * threads: one mutex per channel, a reference per open end. */
#include "msgport.h"

#include <stdlib.h>

#include <uv.h>

typedef struct nd_channel_s nd_channel_t;

struct nd_port_end_s {
  nd_channel_t *channel;
  nd_port_msg_t *head, *tail;
  size_t size;
  bool closed;
  nd_port_notify_cb notify;
  void *notify_data;
};

struct nd_channel_s {
  uv_mutex_t mutex;
  nd_port_end_t ends[2];
  int open_ends;
};

static nd_port_end_t *peer_of(nd_port_end_t *end) {
  nd_channel_t *ch = end->channel;
  return end == &ch->ends[0] ? &ch->ends[1] : &ch->ends[0];
}

int nd_port_channel(nd_port_end_t **a, nd_port_end_t **b) {
  nd_channel_t *ch = calloc(1, sizeof(*ch));
  if (ch == NULL) return UV_ENOMEM;
  if (uv_mutex_init(&ch->mutex) != 0) {
    free(ch);
    return UV_ENOMEM;
  }
  ch->ends[0].channel = ch;
  ch->ends[1].channel = ch;
  ch->open_ends = 2;
  *a = &ch->ends[0];
  *b = &ch->ends[1];
  return 0;
}

int nd_port_post(nd_port_end_t *from, nd_port_msg_t *msg) {
  nd_channel_t *ch = from->channel;
  nd_port_end_t *to = peer_of(from);
  msg->next = NULL;
  uv_mutex_lock(&ch->mutex);
  if (from->closed || to->closed) {
    uv_mutex_unlock(&ch->mutex);
    nd_port_msg_free(msg);
    return UV_EPIPE;
  }
  if (to->tail != NULL)
    to->tail->next = msg;
  else
    to->head = msg;
  to->tail = msg;
  to->size++;
  if (to->notify != NULL) to->notify(to->notify_data);
  uv_mutex_unlock(&ch->mutex);
  return 0;
}

nd_port_msg_t *nd_port_shift(nd_port_end_t *end) {
  uv_mutex_lock(&end->channel->mutex);
  nd_port_msg_t *msg = end->head;
  if (msg != NULL) {
    end->head = msg->next;
    if (end->head == NULL) end->tail = NULL;
    end->size--;
    msg->next = NULL;
  }
  uv_mutex_unlock(&end->channel->mutex);
  return msg;
}

void nd_port_unshift(nd_port_end_t *end, nd_port_msg_t *msg) {
  uv_mutex_lock(&end->channel->mutex);
  msg->next = end->head;
  end->head = msg;
  if (end->tail == NULL) end->tail = msg;
  end->size++;
  uv_mutex_unlock(&end->channel->mutex);
}

size_t nd_port_size(nd_port_end_t *end) {
  uv_mutex_lock(&end->channel->mutex);
  size_t n = end->size;
  uv_mutex_unlock(&end->channel->mutex);
  return n;
}

bool nd_port_peer_closed(nd_port_end_t *end) {
  uv_mutex_lock(&end->channel->mutex);
  bool closed = peer_of(end)->closed;
  uv_mutex_unlock(&end->channel->mutex);
  return closed;
}

bool nd_port_entangled(nd_port_end_t *a, nd_port_end_t *b) {
  return a != NULL && b != NULL && a != b && a->channel == b->channel;
}

void nd_port_attach(nd_port_end_t *end, nd_port_notify_cb notify,
                    void *data) {
  uv_mutex_lock(&end->channel->mutex);
  end->notify = notify;
  end->notify_data = data;
  if (notify != NULL && (end->size > 0 || peer_of(end)->closed))
    notify(data);
  uv_mutex_unlock(&end->channel->mutex);
}

void nd_port_close(nd_port_end_t *end) {
  nd_channel_t *ch = end->channel;
  uv_mutex_lock(&ch->mutex);
  end->closed = true;
  end->notify = NULL;
  nd_port_msg_t *queue = end->head;
  end->head = end->tail = NULL;
  end->size = 0;
  nd_port_end_t *peer = peer_of(end);
  if (peer->notify != NULL) peer->notify(peer->notify_data);
  bool last = --ch->open_ends == 0;
  uv_mutex_unlock(&ch->mutex);
  /* Outside the lock: freeing may close ports of other channels. */
  while (queue != NULL) {
    nd_port_msg_t *next = queue->next;
    nd_port_msg_free(queue);
    queue = next;
  }
  if (last) {
    uv_mutex_destroy(&ch->mutex);
    free(ch);
  }
}

void nd_port_msg_free(nd_port_msg_t *msg) {
  if (msg == NULL) return;
  for (size_t i = 0; i < msg->nports; i++)
    if (msg->ports[i] != NULL) nd_port_close(msg->ports[i]);
  free(msg->ports);
  nd_engine_message_free(msg->data);
  free(msg);
}
