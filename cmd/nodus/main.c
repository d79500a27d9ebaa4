/* main.c - the nodus executable: argv -> options -> runtime. Nothing else. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>

#include "engine.h"
#include "openssl.h"
#include "options.h"
#include "realm.h"
#include "stdio_setup.h"
#include "version.h"
#include "worker.h"

/* glibc's malloc returns freed memory at the top of the heap to the
 * system (and serves blocks over 128 KiB with mmap) by default, so every
 * socket read of 256 KiB faulted fresh pages in. Keep up to 16 MiB and
 * take blocks up to 512 KiB from the heap. */
static void tune_malloc(void) {
  mallopt(M_MMAP_THRESHOLD, 512 * 1024);
  mallopt(M_TRIM_THRESHOLD, 16 * 1024 * 1024);
}

/* The kernel may wake a sleeping thread up to its "timer slack" late (50 us
 * by default, to batch wakeups): every timer the loop sleeps for then fires
 * that much after its time (a setTimeout(fn, 0) chain ran ~4% slower for
 * it). Timers land when due with 1 us of slack; threads started later
 * inherit it. A slack the parent chose (not the default) is kept. */
#define ND_DEFAULT_TIMER_SLACK_NS 50000
#define ND_TIMER_SLACK_NS 1000
static void tighten_timer_slack(void) {
  if (prctl(PR_GET_TIMERSLACK, 0, 0, 0, 0) == ND_DEFAULT_TIMER_SLACK_NS)
    prctl(PR_SET_TIMERSLACK, (unsigned long)ND_TIMER_SLACK_NS, 0, 0, 0);
}

int main(int argc, char **argv) {
  static nd_options_t options;
  tune_malloc();
  tighten_timer_slack();
  argv = uv_setup_args(argc, argv);
  int rc = nd_options_parse(argc, argv, &options);
  if (rc != 0) return rc;
  if (nd_opt_bool(&options, ND_OPTION_VERSION)) {
    /* As node prints it: tools parse this (nodus's own version is
     * process.versions.nodus). */
    printf("v%s\n", NODUS_NODE_VERSION);
    return 0;
  }
  if (nd_opt_bool(&options, ND_OPTION_V8_OPTIONS)) {
    nd_engine_print_v8_help();
    return 0;
  }
  rc = nd_openssl_startup(&options);
  if (rc != 0) return rc;
  nd_stdio_setup();
  int pool = (int)options.values[ND_OPTION_V8_POOL_SIZE].i;
  if (nd_engine_platform_init(pool > 0 ? pool : 4, options.v8_flags) != 0) {
    fprintf(stderr, "nodus: V8 failed to initialise\n");
    return 1;
  }
  nd_realm_t *realm = nd_realm_create(uv_default_loop(), &options, NULL);
  if (realm == NULL) return 1;
  int code = nd_realm_run(realm);
  nd_worker_stop_all(realm);
  nd_realm_run_cleanup(realm);
  nd_realm_exit(realm, code);
  return code;
}
