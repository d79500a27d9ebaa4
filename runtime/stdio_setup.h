/* stdio_setup.h - process-level setup of the standard file descriptors and
 * signal dispositions before any JS runs. */
#ifndef NODUS_STDIO_SETUP_H
#define NODUS_STDIO_SETUP_H

#include <stdint.h>

/* Makes sure fds 0-2 are open (on /dev/null when closed), ignores SIGPIPE
 * (writes to closed pipes fail with EPIPE instead) and resets inherited
 * signal handlers to their defaults. */
void nd_stdio_setup(void);

/* uv_hrtime() when the process started (for process.uptime()); set once by
 * nd_stdio_setup() before any isolate exists, read-only afterwards. */
extern uint64_t nd_process_start_hrtime;

#endif /* NODUS_STDIO_SETUP_H */
