/* fs_nowait.c - asynchronous reads and writes served by the page cache:
 * done at once on the loop thread, delivered on the next loop turn. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/uio.h>

#include "fs_internal.h"
#include "realm.h"

/* Requests whose result is ready, delivered in FIFO order from an idle
 * handle (which also keeps the next poll from blocking). One per realm. */
struct nd_fs_ready_s {
  uv_idle_t idle;
  nd_fs_req_t *head;
  nd_fs_req_t *tail;
  /* Inline writes: the verdict per device (local page-cache filesystem or
   * not), and the time until which they are off because one was slow. */
  struct {
    dev_t dev;
    bool local;
  } devs[8];
  unsigned ndevs;
  uint64_t inline_off_until;
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

/* Queues r (finished, result in r->uv.result) for the next loop turn. */
static void queue_ready(nd_fs_ready_t *q, nd_fs_req_t *r) {
  if (q->tail == NULL)
    q->head = r;
  else
    q->tail->next_ready = r;
  q->tail = r;
  r->next_ready = NULL;
  uv_idle_start(&q->idle, deliver_ready);
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
  queue_ready(q, r);
  return true;
}

/* Largest write done inline; a bigger one goes to the thread pool. */
#define INLINE_WRITE_MAX (1u << 20)
/* An inline write slower than this turns them off for INLINE_OFF_NS. */
#define INLINE_SLOW_NS (2u * 1000 * 1000)
#define INLINE_OFF_NS (1000u * 1000 * 1000)

/* Whether writes to files of `dev` only copy into the page cache: a local
 * disk or memory filesystem (not NFS, FUSE and such, which may block). */
static bool local_device(nd_fs_ready_t *q, int fd, dev_t dev) {
  for (unsigned i = 0; i < q->ndevs; i++)
    if (q->devs[i].dev == dev) return q->devs[i].local;
  struct statfs fs;
  bool local = false;
  if (fstatfs(fd, &fs) == 0) {
    switch ((unsigned long)fs.f_type) {
      case 0xEF53:     /* ext2/3/4 */
      case 0x58465342: /* xfs */
      case 0x9123683E: /* btrfs */
      case 0xF2F52010: /* f2fs */
      case 0x01021994: /* tmpfs */
      case 0x794C7630: /* overlayfs */
        local = true;
        break;
      default:
        break;
    }
  }
  unsigned slot = q->ndevs < 8 ? q->ndevs++ : (unsigned)(dev % 8);
  q->devs[slot].dev = dev;
  q->devs[slot].local = local;
  return local;
}

bool nd_fs_write_inline(nd_fs_req_t *r, int fd, const uv_buf_t *bufs,
                        unsigned nbufs, int64_t pos, nd_fs_result_fn result,
                        napi_value *out) {
  if (r->mode == ND_FS_SYNC || fd < 0 || nbufs > IOV_MAX) return false;
  size_t total = 0;
  for (unsigned i = 0; i < nbufs; i++) total += bufs[i].len;
  if (total > INLINE_WRITE_MAX) return false;
  nd_fs_ready_t *q = ready_queue(r->env);
  if (q == NULL) return false;
  uint64_t start = uv_hrtime();
  if (start < q->inline_off_until) return false;
  /* Only a regular file on a local filesystem, without O_SYNC/O_DIRECT
   * (those wait for the disk): its write returns once the data is copied. */
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return false;
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0 || (fl & (O_SYNC | O_DSYNC | O_DIRECT)) != 0) return false;
  if (!local_device(q, fd, st.st_dev)) return false;
  const struct iovec *iov = (const struct iovec *)bufs;
  ssize_t n;
  do {
    n = pwritev2(fd, iov, (int)nbufs, pos < 0 ? -1 : pos, 0);
  } while (n < 0 && errno == EINTR);
  /* Nothing was written: the thread pool retries and reports the error. */
  if (n < 0) return false;
  /* The kernel throttled us (dirty pages, a busy disk): let the thread
   * pool take the writes for a while so the loop stays responsive. */
  uint64_t end = uv_hrtime();
  if (end - start > INLINE_SLOW_NS) q->inline_off_until = end + INLINE_OFF_NS;
  r->uv.result = n;
  *out = nd_fs_dispatch(r, 0, "write", result);
  queue_ready(q, r);
  return true;
}
