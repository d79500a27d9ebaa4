/* builtins.h - the JS sources of lib/ embedded into the binary by tools/js2c
 * (generated into out/gen/builtins.c at build time). */
#ifndef NODUS_BUILTINS_H
#define NODUS_BUILTINS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
  const char *id;   /* "fs", "internal/errors" */
  const void *data; /* Latin-1 bytes, or UTF-16 code units when two_byte */
  size_t length;    /* in characters */
  bool two_byte;
} nd_builtin_t;

extern const nd_builtin_t nd_builtins[];
extern const size_t nd_builtins_count;

/* Returns the builtin with this id, or NULL. */
const nd_builtin_t *nd_builtin_find(const char *id);

#endif /* NODUS_BUILTINS_H */
