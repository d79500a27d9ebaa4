/* main.c - runs every C test of the engine shim in one isolate and prints
 * TAP ("ok N name" / "not ok N name"). Arguments filter tests by name. */
#include <stdio.h>
#include <string.h>

#include <uv.h>

#include "cctest.h"
#include "engine.h"

int main(int argc, char **argv) {
  if (nd_engine_platform_init(2, NULL) != 0) return 1;
  napi_env env = nd_engine_env_create(NULL, uv_default_loop());
  if (env == NULL) return 1;
  int n = 0, failed = 0;
#define CCTEST_RUN(name)                                                       \
  {                                                                            \
    int selected = argc < 2;                                                   \
    for (int i = 1; i < argc; i++)                                             \
      if (strstr(#name, argv[i])) selected = 1;                                \
    if (selected) {                                                            \
      napi_handle_scope scope;                                                 \
      napi_open_handle_scope(env, &scope);                                     \
      int rc = test_##name(env);                                               \
      napi_close_handle_scope(env, scope);                                     \
      printf("%s %d %s\n", rc == 0 ? "ok" : "not ok", ++n, #name);            \
      if (rc != 0) failed++;                                                   \
    }                                                                          \
  }
  CCTESTS(CCTEST_RUN)
#undef CCTEST_RUN
  printf("1..%d\n", n);
  return failed ? 1 : 0;
}
