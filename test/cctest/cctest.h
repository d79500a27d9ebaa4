/* cctest.h - the tiny harness of nodus's C tests: TAP output, one X-macro
 * list of test functions. */
#ifndef NODUS_CCTEST_H
#define NODUS_CCTEST_H

#include <stdio.h>

#include <node_api.h>

/* Every C test: V(name) defines `int test_<name>(napi_env env)` returning 0
 * on success; CHECK() failures print the file:line and return 1. */
#define CCTESTS(V)                                                             \
  V(values)                                                                    \
  V(strings)                                                                   \
  V(objects)                                                                   \
  V(functions)                                                                 \
  V(exceptions)                                                                \
  V(references)                                                                \
  V(typedarrays)                                                               \
  V(compile_with_filename)                                                     \
  V(microtasks)

#define CCTEST_DECLARE(name) int test_##name(napi_env env);
CCTESTS(CCTEST_DECLARE)
#undef CCTEST_DECLARE

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      printf("# %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond);      \
      return 1;                                                                \
    }                                                                          \
  } while (0)

#define CHECK_OK(call) CHECK((call) == napi_ok)

#endif /* NODUS_CCTEST_H */
