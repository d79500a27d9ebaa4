/* fs_nowait.c - asynchronous reads served from the page cache: tried at
 * once with preadv2(RWF_NOWAIT), delivered on the next loop turn. */
#include <errno.h>
#include <stdlib.h>
#include <sys/uio.h>

#include "fs_internal.h"
#include "realm.h"

/* Requests whose result is ready, delivered in FIFO order from an idle
 * handle (which also keeps the next poll from blocking). One per realm. */
struct nd_fs_ready_s {
  uv_idle_t idle;
  nd_fs_req_t *head;
  nd_fs_req_t *tail;
};

static void deliver_ready(uv_idle_t *idle) {
  nd_fs_ready_t *q = idle->data;
  /* Only what is queued now: callbacks may queue more for the next turn. */
  nd_fs_req_t *r = q->head, *last = q->tail;
  q->head = q->tail = NULL;
  uv_idle_stop(&q->idle);
  while (r != NULL) {
    nd_fs_req_t *next = r == last ? NULL : r->next_ready;
    nd_fs_complete(r);
    r = next;
  }
}

static void close_ready(uv_handle_t *h) { free(h->data); }

static void dispose_ready(void *arg) {
  nd_fs_ready_t *q = arg;
  uv_close((uv_handle_t *)&q->idle, close_ready);
}

static nd_fs_ready_t *ready_queue(napi_env env) {
  nd_realm_t *realm = nd_realm_of(env);
  if (realm->fs_ready == NULL) {
    nd_fs_ready_t *q = calloc(1, sizeof(*q));
    if (q == NULL) return NULL;
    uv_idle_init(realm->loop, &q->idle);
    q->idle.data = q;
    realm->fs_ready = q;
    napi_add_env_cleanup_hook(env, dispose_ready, q);
  }
  return realm->fs_ready;
}

bool nd_fs_read_nowait(nd_fs_req_t *r, int fd, const uv_buf_t *bufs,
                       unsigned nbufs, int64_t pos, nd_fs_result_fn result,
                       napi_value *out) {
  if (r->mode == ND_FS_SYNC || fd < 0) return false;
  nd_fs_ready_t *q = ready_queue(r->env);
  if (q == NULL) return false;
  /* uv_buf_t has the layout of struct iovec on Unix. */
  const struct iovec *iov = (const struct iovec *)bufs;
  ssize_t n;
  do {
    n = preadv2(fd, iov, (int)nbufs, pos < 0 ? -1 : pos, RWF_NOWAIT);
  } while (n < 0 && errno == EINTR);
  /* EAGAIN: not cached (or a pipe without data); EOPNOTSUPP & co: the file
   * cannot do it. Either way the thread pool does the blocking read. */
  if (n < 0) return false;
  r->uv.result = n;
  *out = nd_fs_dispatch(r, 0, "read", result);
  if (q->tail == NULL)
    q->head = r;
  else
    q->tail->next_ready = r;
  q->tail = r;
  r->next_ready = NULL;
  uv_idle_start(&q->idle, deliver_ready);
  return true;
}
