/* version.h - the versions nodus reports: its own, and Node's it mirrors. */
#ifndef NODUS_VERSION_H
#define NODUS_VERSION_H

#define NODUS_VERSION "0.1.0"
#define NODUS_NODE_VERSION "18.20.4"
#define NODUS_NODE_MODULES_VERSION "108"
#define NODUS_NAPI_VERSION "8"

#endif /* NODUS_VERSION_H */
