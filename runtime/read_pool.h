/* read_pool.h - stream read blocks, with a small per-thread free list so
 * that a block handed back right after its data was written on (a chunk
 * piped from one socket to another) is read into again while it is still
 * in the CPU cache. */
#ifndef NODUS_READ_POOL_H
#define NODUS_READ_POOL_H

#include <stddef.h>

/* Size of every read block. */
#define ND_READ_BLOCK_SIZE (256 * 1024)

/* A block of ND_READ_BLOCK_SIZE uninitialised bytes (the most recently
 * returned one first), or NULL when out of memory. */
void *nd_read_block_get(void);

/* Gives back a block from nd_read_block_get() (any thread: it joins that
 * thread's list, or is freed when the list is full). NULL is ignored. */
void nd_read_block_put(void *block);

/* Frees the blocks this thread keeps (at realm teardown). */
void nd_read_pool_drain(void);

#endif
