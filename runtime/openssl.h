/* openssl.h - the process's OpenSSL setup (configuration file, providers,
 * FIPS mode), done once: at startup when the command line or OPENSSL_CONF
 * asks for it, else when crypto is first used. */
#ifndef NODUS_OPENSSL_H
#define NODUS_OPENSSL_H

#include "options.h"

/* At startup: sets OpenSSL up now if `options` (--openssl-config,
 * --openssl-shared-config, --openssl-legacy-provider, --enable-fips,
 * --force-fips) or OPENSSL_CONF call for it, as Node does. Returns 0, or
 * the exit code after printing Node's message when the configuration or
 * FIPS mode fails; aborts when no random generator works (Node's check). */
int nd_openssl_startup(const nd_options_t *options);

/* Before any crypto use: sets OpenSSL up with `options` unless that was
 * done already. Errors were reported by nd_openssl_startup() (they only
 * come from what makes setup run there). Thread-safe. */
void nd_openssl_ensure(const nd_options_t *options);

#endif /* NODUS_OPENSSL_H */
