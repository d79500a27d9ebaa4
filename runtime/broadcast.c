/* broadcast.c - named feeds of BroadcastChannel, shared by the threads of
 * the process under one mutex. */
#include "broadcast.h"

#include <stdlib.h>
#include <string.h>

#include <uv.h>

typedef struct feed_s {
  char *name;
  nd_port_end_t *end;
  struct feed_s *next;
} feed_t;

struct nd_broadcast_s {
  uv_mutex_t mutex;
  feed_t *feeds;
};

nd_broadcast_t *nd_broadcast_new(void) {
  nd_broadcast_t *reg = calloc(1, sizeof(*reg));
  if (reg == NULL) return NULL;
  if (uv_mutex_init(&reg->mutex) != 0) {
    free(reg);
    return NULL;
  }
  return reg;
}

int nd_broadcast_join(nd_broadcast_t *reg, const char *name,
                      nd_port_end_t *feed) {
  feed_t *f = calloc(1, sizeof(*f));
  if (f == NULL || (f->name = strdup(name)) == NULL) {
    free(f);
    nd_port_close(feed);
    return UV_ENOMEM;
  }
  f->end = feed;
  uv_mutex_lock(&reg->mutex);
  f->next = reg->feeds;
  reg->feeds = f;
  uv_mutex_unlock(&reg->mutex);
  return 0;
}

int nd_broadcast_post(nd_broadcast_t *reg, const char *name,
                      nd_port_end_t *self, nd_broadcast_make_cb make,
                      void *data) {
  int rc = 0;
  uv_mutex_lock(&reg->mutex);
  /* Oldest first: receivers see messages in the order they joined. */
  feed_t *order[64], **list = order;
  size_t n = 0, cap = 64;
  for (feed_t *f = reg->feeds; f != NULL; f = f->next) {
    if (n == cap) {
      feed_t **bigger = malloc(2 * cap * sizeof(*bigger));
      if (bigger == NULL) break;
      memcpy(bigger, list, n * sizeof(*bigger));
      if (list != order) free(list);
      list = bigger;
      cap *= 2;
    }
    list[n++] = f;
  }
  for (size_t i = n; i-- > 0;) {
    feed_t *f = list[i];
    if (f->end == NULL || strcmp(f->name, name) != 0 ||
        nd_port_entangled(f->end, self))
      continue;
    if (nd_port_peer_closed(f->end)) continue;
    nd_port_msg_t *msg = make(data);
    if (msg == NULL) {
      rc = -1;
      break;
    }
    if (nd_port_post(f->end, msg) != 0) {
      nd_port_close(f->end);
      f->end = NULL;
    }
  }
  if (list != order) free(list);
  /* Feeds whose receiver is gone are dropped. */
  for (feed_t **p = &reg->feeds; *p != NULL;) {
    feed_t *f = *p;
    if (f->end == NULL || nd_port_peer_closed(f->end)) {
      *p = f->next;
      if (f->end != NULL) nd_port_close(f->end);
      free(f->name);
      free(f);
    } else {
      p = &f->next;
    }
  }
  uv_mutex_unlock(&reg->mutex);
  return rc;
}
