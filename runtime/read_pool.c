/* read_pool.c - stream read blocks with a small per-thread free list (see
 * read_pool.h). */
#include "read_pool.h"

#include <stdbool.h>
#include <stdlib.h>

/* Enough for the blocks in flight between a read and its echo; more would
 * only hold memory that has gone cold anyway. */
#define ND_READ_POOL_MAX 4

static __thread void *pool[ND_READ_POOL_MAX];
static __thread int pool_count;
/* Only threads that read keep blocks (a V8 helper thread that happens to
 * free a Buffer would never use them). */
static __thread bool reads_here;

void *nd_read_block_get(void) {
  reads_here = true;
  if (pool_count > 0) return pool[--pool_count];
  return malloc(ND_READ_BLOCK_SIZE);
}

void nd_read_block_put(void *block) {
  if (block == NULL) return;
  if (reads_here && pool_count < ND_READ_POOL_MAX)
    pool[pool_count++] = block;
  else
    free(block);
}

void nd_read_pool_drain(void) {
  while (pool_count > 0) free(pool[--pool_count]);
}
