/* tls_error.c - OpenSSL's error queue and certificate verification codes
 * as Node shows them to JS. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/x509_vfy.h>

#include "napi_util.h"
#include "tls_wrap.h"

typedef struct {
  long code;
  const char *name;
} verify_name_t;

#define VERIFY_NAME(n) { X509_V_ERR_##n, #n }
static const verify_name_t verify_names[] = {
  VERIFY_NAME(UNABLE_TO_GET_ISSUER_CERT),
  VERIFY_NAME(UNABLE_TO_GET_CRL),
  VERIFY_NAME(UNABLE_TO_DECRYPT_CERT_SIGNATURE),
  VERIFY_NAME(UNABLE_TO_DECRYPT_CRL_SIGNATURE),
  VERIFY_NAME(UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY),
  VERIFY_NAME(CERT_SIGNATURE_FAILURE),
  VERIFY_NAME(CRL_SIGNATURE_FAILURE),
  VERIFY_NAME(CERT_NOT_YET_VALID),
  VERIFY_NAME(CERT_HAS_EXPIRED),
  VERIFY_NAME(CRL_NOT_YET_VALID),
  VERIFY_NAME(CRL_HAS_EXPIRED),
  VERIFY_NAME(ERROR_IN_CERT_NOT_BEFORE_FIELD),
  VERIFY_NAME(ERROR_IN_CERT_NOT_AFTER_FIELD),
  VERIFY_NAME(ERROR_IN_CRL_LAST_UPDATE_FIELD),
  VERIFY_NAME(ERROR_IN_CRL_NEXT_UPDATE_FIELD),
  VERIFY_NAME(OUT_OF_MEM),
  VERIFY_NAME(DEPTH_ZERO_SELF_SIGNED_CERT),
  VERIFY_NAME(SELF_SIGNED_CERT_IN_CHAIN),
  VERIFY_NAME(UNABLE_TO_GET_ISSUER_CERT_LOCALLY),
  VERIFY_NAME(UNABLE_TO_VERIFY_LEAF_SIGNATURE),
  VERIFY_NAME(CERT_CHAIN_TOO_LONG),
  VERIFY_NAME(CERT_REVOKED),
  VERIFY_NAME(INVALID_CA),
  VERIFY_NAME(PATH_LENGTH_EXCEEDED),
  VERIFY_NAME(INVALID_PURPOSE),
  VERIFY_NAME(CERT_UNTRUSTED),
  VERIFY_NAME(CERT_REJECTED),
  VERIFY_NAME(HOSTNAME_MISMATCH),
};
#undef VERIFY_NAME

/* The library part of Node's codes for non-SSL errors ("EVP_"), "" for
 * libraries Node has no name for (ERR_OSSL_UNSUPPORTED). */
static const char *lib_prefix(int lib) {
  switch (lib) {
    case ERR_LIB_SYS: return "SYS_";
    case ERR_LIB_BN: return "BN_";
    case ERR_LIB_RSA: return "RSA_";
    case ERR_LIB_DH: return "DH_";
    case ERR_LIB_EVP: return "EVP_";
    case ERR_LIB_BUF: return "BUF_";
    case ERR_LIB_OBJ: return "OBJ_";
    case ERR_LIB_PEM: return "PEM_";
    case ERR_LIB_DSA: return "DSA_";
    case ERR_LIB_X509: return "X509_";
    case ERR_LIB_ASN1: return "ASN1_";
    case ERR_LIB_CONF: return "CONF_";
    case ERR_LIB_CRYPTO: return "CRYPTO_";
    case ERR_LIB_EC: return "EC_";
    case ERR_LIB_BIO: return "BIO_";
    case ERR_LIB_PKCS7: return "PKCS7_";
    case ERR_LIB_X509V3: return "X509V3_";
    case ERR_LIB_PKCS12: return "PKCS12_";
    case ERR_LIB_RAND: return "RAND_";
    case ERR_LIB_DSO: return "DSO_";
    case ERR_LIB_ENGINE: return "ENGINE_";
    case ERR_LIB_OCSP: return "OCSP_";
    case ERR_LIB_UI: return "UI_";
    case ERR_LIB_COMP: return "COMP_";
    case ERR_LIB_ECDSA: return "ECDSA_";
    case ERR_LIB_ECDH: return "ECDH_";
    case ERR_LIB_OSSL_STORE: return "OSSL_STORE_";
    case ERR_LIB_CMS: return "CMS_";
    case ERR_LIB_TS: return "TS_";
    case ERR_LIB_HMAC: return "HMAC_";
    case ERR_LIB_CT: return "CT_";
    case ERR_LIB_ASYNC: return "ASYNC_";
    case ERR_LIB_KDF: return "KDF_";
    case ERR_LIB_SM2: return "SM2_";
    case ERR_LIB_USER: return "USER_";
    default: return "";
  }
}

const char *nd_tls_verify_code(long err) {
  for (size_t i = 0; i < ND_COUNT(verify_names); i++) {
    if (verify_names[i].code == err) return verify_names[i].name;
  }
  return NULL;
}

napi_value nd_tls_buffer(napi_env env, const void *data, size_t len) {
  napi_value buf;
  void *out;
  if (napi_create_buffer_copy(env, len, data, &out, &buf) != napi_ok)
    return NULL;
  return buf;
}

/* code = ERR_SSL_<REASON> for libssl, ERR_OSSL_<LIB>_<REASON> otherwise,
 * the reason upper-cased with spaces turned into underscores. */
static void make_code(char *out, size_t size, unsigned long e,
                      const char *reason) {
  int lib = ERR_GET_LIB(e);
  int n = lib == ERR_LIB_SSL ? snprintf(out, size, "ERR_SSL_")
                             : snprintf(out, size, "ERR_OSSL_%s",
                                        lib_prefix(lib));
  for (const char *p = reason; *p && (size_t)n + 1 < size; p++, n++) {
    out[n] = *p == ' ' ? '_' : (char)toupper((unsigned char)*p);
  }
  out[n] = '\0';
}

napi_value nd_tls_error(napi_env env, const char *fallback) {
  unsigned long e = ERR_get_error();
  napi_value msg, err;
  char text[512];
  if (e == 0) {
    snprintf(text, sizeof(text), "%s", fallback);
  } else {
    ERR_error_string_n(e, text, sizeof(text));
  }
  ERR_clear_error();
  if (napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &msg) != napi_ok ||
      napi_create_error(env, NULL, msg, &err) != napi_ok)
    return NULL;
  if (e == 0) return err;
  const char *lib = ERR_lib_error_string(e);
  const char *reason = ERR_reason_error_string(e);
  if (lib != NULL) nd_set_string(env, err, "library", lib);
  if (reason != NULL) {
    char code[160];
    nd_set_string(env, err, "reason", reason);
    make_code(code, sizeof(code), e, reason);
    nd_set_string(env, err, "code", code);
  }
  return err;
}

napi_value nd_tls_throw(napi_env env, const char *fallback) {
  napi_value err = nd_tls_error(env, fallback);
  if (err != NULL) napi_throw(env, err);
  return NULL;
}
