/* openssl.c - the process's OpenSSL setup: Node's configuration section
 * ("nodejs_conf", or "openssl_conf" with --openssl-shared-config), the
 * legacy provider and FIPS mode on request. */
#include "openssl.h"

#include <stdio.h>
#include <stdlib.h>

#include <openssl/conf.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/provider.h>
#include <openssl/rand.h>
#include <uv.h>

static uv_once_t setup_lock_once = UV_ONCE_INIT;
static uv_mutex_t setup_lock;
static int setup_done;

static void init_setup_lock(void) { uv_mutex_init(&setup_lock); }

/* Loads the configuration file (--openssl-config, else OPENSSL_CONF, else
 * OpenSSL's default) through Node's section. Returns false with the
 * OpenSSL errors queued when it is invalid. */
static int load_config(const nd_options_t *o) {
  OPENSSL_INIT_SETTINGS *settings = OPENSSL_INIT_new();
  const char *file = nd_opt_string(o, ND_OPTION_OPENSSL_CONFIG);
  if (file == NULL || file[0] == '\0') file = getenv("OPENSSL_CONF");
  if (file != NULL && file[0] != '\0')
    OPENSSL_INIT_set_config_filename(settings, file);
  OPENSSL_INIT_set_config_appname(
      settings, nd_opt_bool(o, ND_OPTION_OPENSSL_SHARED_CONFIG)
                    ? "openssl_conf"
                    : "nodejs_conf");
  OPENSSL_INIT_set_config_file_flags(settings, CONF_MFLAGS_IGNORE_MISSING_FILE);
  OPENSSL_init_crypto(OPENSSL_INIT_LOAD_CONFIG, settings);
  OPENSSL_INIT_free(settings);
  return ERR_peek_error() == 0;
}

/* --enable-fips / --force-fips: the fips provider must load and become
 * the default. Returns false with the OpenSSL errors queued otherwise. */
static int enable_fips(const nd_options_t *o) {
  if (!nd_opt_bool(o, ND_OPTION_ENABLE_FIPS) &&
      !nd_opt_bool(o, ND_OPTION_FORCE_FIPS))
    return 1;
  OSSL_PROVIDER *fips = OSSL_PROVIDER_load(NULL, "fips");
  if (fips == NULL) return 0;
  OSSL_PROVIDER_unload(fips);
  return EVP_default_properties_enable_fips(NULL, 1) == 1 &&
         EVP_default_properties_is_fips_enabled(NULL) == 1;
}

/* Sets OpenSSL up; returns 0 or an exit code (Node uses the reason of the
 * first OpenSSL error), having printed why. */
static int setup(const nd_options_t *o) {
  const char *argv0 = o->argv != NULL ? o->argv[0] : "nodus";
  if (!load_config(o)) {
    int code = ERR_GET_REASON(ERR_peek_error());
    fprintf(stderr, "%s: OpenSSL configuration error:\n", argv0);
    ERR_print_errors_fp(stderr);
    return code != 0 ? code : 1;
  }
  if (nd_opt_bool(o, ND_OPTION_OPENSSL_LEGACY_PROVIDER)) {
    if (OSSL_PROVIDER_load(NULL, "legacy") == NULL)
      fprintf(stderr, "Unable to load legacy provider.\n");
    OSSL_PROVIDER_load(NULL, "default");
  }
  if (!enable_fips(o)) {
    int code = ERR_GET_REASON(ERR_peek_error());
    fprintf(stderr, "%s: OpenSSL error when trying to enable FIPS:\n", argv0);
    ERR_print_errors_fp(stderr);
    fprintf(stderr, "\n");
    return code != 0 ? code : 1;
  }
  ERR_clear_error();
  return 0;
}

/* Whether the command line or environment changes OpenSSL's setup. */
static int setup_requested(const nd_options_t *o) {
  const char *conf = getenv("OPENSSL_CONF");
  return o->values[ND_OPTION_OPENSSL_CONFIG].set ||
         nd_opt_bool(o, ND_OPTION_OPENSSL_SHARED_CONFIG) ||
         nd_opt_bool(o, ND_OPTION_OPENSSL_LEGACY_PROVIDER) ||
         nd_opt_bool(o, ND_OPTION_ENABLE_FIPS) ||
         nd_opt_bool(o, ND_OPTION_FORCE_FIPS) ||
         (conf != NULL && conf[0] != '\0');
}

/* Whether OpenSSL can make random bytes (reseeding a few times). */
static int random_works(void) {
  unsigned char byte;
  for (int tries = 0; tries < 3; tries++) {
    if (RAND_status() == 1 && RAND_bytes(&byte, 1) == 1) return 1;
    if (RAND_poll() != 1) break;
  }
  ERR_clear_error();
  return 0;
}

int nd_openssl_startup(const nd_options_t *options) {
  if (!setup_requested(options)) return 0;
  uv_once(&setup_lock_once, init_setup_lock);
  uv_mutex_lock(&setup_lock);
  int code = setup_done ? 0 : setup(options);
  setup_done = 1;
  uv_mutex_unlock(&setup_lock);
  if (code != 0) return code;
  /* As Node: the random generator must work once OpenSSL is set up. */
  if (!random_works()) {
    fprintf(stderr, "%s: OpenSSL has no working random generator\n",
            options->argv != NULL ? options->argv[0] : "nodus");
    abort();
  }
  return 0;
}

void nd_openssl_ensure(const nd_options_t *options) {
  uv_once(&setup_lock_once, init_setup_lock);
  uv_mutex_lock(&setup_lock);
  if (!setup_done) setup(options);
  setup_done = 1;
  uv_mutex_unlock(&setup_lock);
}
