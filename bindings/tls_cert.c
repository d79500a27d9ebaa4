/* tls_cert.c - X.509 certificates as the plain JS objects of
 * tlsSocket.getPeerCertificate(). */
#include <stdlib.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

#include "napi_util.h"
#include "tls_wrap.h"

/* The contents of a memory BIO as a JS string (the BIO is freed). */
static napi_value bio_string(napi_env env, BIO *b) {
  char *data;
  long len = BIO_get_mem_data(b, &data);
  napi_value s;
  napi_create_string_utf8(env, data, (size_t)len, &s);
  BIO_free(b);
  return s;
}

/* An X509_NAME as a null-prototype object { C, ST, L, O, OU, CN, ... };
 * a key met twice holds an array. */
static napi_value name_object(napi_env env, const X509_NAME *name) {
  napi_value obj, global, object_ctor, create, null_value;
  napi_get_global(env, &global);
  napi_get_named_property(env, global, "Object", &object_ctor);
  napi_get_named_property(env, object_ctor, "create", &create);
  napi_get_null(env, &null_value);
  if (napi_call_function(env, object_ctor, create, 1, &null_value, &obj) !=
      napi_ok)
    return NULL;
  for (int i = 0; i < X509_NAME_entry_count(name); i++) {
    const X509_NAME_ENTRY *e = X509_NAME_get_entry(name, i);
    int nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(e));
    char key[80];
    if (nid != NID_undef) {
      snprintf(key, sizeof(key), "%s", OBJ_nid2sn(nid));
    } else {
      OBJ_obj2txt(key, sizeof(key), X509_NAME_ENTRY_get_object(e), 1);
    }
    unsigned char *utf8 = NULL;
    int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(e));
    if (len < 0) continue;
    napi_value value, old;
    napi_create_string_utf8(env, (char *)utf8, (size_t)len, &value);
    OPENSSL_free(utf8);
    bool has = false;
    napi_value key_value;
    napi_create_string_utf8(env, key, NAPI_AUTO_LENGTH, &key_value);
    napi_has_own_property(env, obj, key_value, &has);
    if (!has) {
      napi_set_property(env, obj, key_value, value);
      continue;
    }
    napi_get_property(env, obj, key_value, &old);
    bool is_array = false;
    napi_is_array(env, old, &is_array);
    if (!is_array) {
      napi_value arr;
      napi_create_array(env, &arr);
      napi_set_element(env, arr, 0, old);
      old = arr;
      napi_set_property(env, obj, key_value, arr);
    }
    uint32_t n;
    napi_get_array_length(env, old, &n);
    napi_set_element(env, old, n, value);
  }
  return obj;
}

/* Prints extension `nid` of `cert` as OpenSSL does; NULL when absent. */
static BIO *print_extension(X509 *cert, int nid) {
  int idx = X509_get_ext_by_NID(cert, nid, -1);
  if (idx < 0) return NULL;
  X509_EXTENSION *ext = X509_get_ext(cert, idx);
  BIO *b = BIO_new(BIO_s_mem());
  if (X509V3_EXT_print(b, ext, 0, 0) != 1) {
    BIO_free(b);
    return NULL;
  }
  return b;
}

/* infoAccess: the extension as OpenSSL prints it ("OCSP - URI:http://..."
 * lines); translatePeerCertificate() turns it into an object. */
static void set_info_access(napi_env env, napi_value obj, X509 *cert) {
  BIO *b = print_extension(cert, NID_info_access);
  if (b == NULL) return;
  napi_set_named_property(env, obj, "infoAccess", bio_string(env, b));
}

/* Whether a name can be shown as is in subjectaltname: no quote,
 * backslash, comma or apostrophe (they would make the list ambiguous),
 * no control character, and only printable ASCII unless `utf8`. */
static bool is_safe_name(const unsigned char *name, size_t len, bool utf8) {
  for (size_t i = 0; i < len; i++) {
    unsigned char ch = name[i];
    if (ch == '"' || ch == '\\' || ch == ',' || ch == '\'') return false;
    if (ch < ' ' || ch == 0x7f) return false;
    if (!utf8 && ch > '~') return false;
  }
  return true;
}

/* Appends `name`, quoted JSON-style with \uXXXX escapes when unsafe. */
static void print_name(BIO *out, const unsigned char *name, size_t len,
                       bool utf8) {
  if (is_safe_name(name, len, utf8)) {
    BIO_write(out, name, (int)len);
    return;
  }
  BIO_write(out, "\"", 1);
  for (size_t i = 0; i < len; i++) {
    unsigned char ch = name[i];
    if (ch == '"' || ch == '\\') {
      BIO_printf(out, "\\%c", ch);
    } else if (ch >= ' ' && ch != 0x7f && (utf8 || ch <= '~')) {
      BIO_write(out, &ch, 1);
    } else {
      BIO_printf(out, "\\u%04x", ch);
    }
  }
  BIO_write(out, "\"", 1);
}

/* subjectaltname as Node prints it: "DNS:a, IP Address:1.2.3.4, URI:u,
 * email:e, DirName:/C=..", names with unsafe characters quoted. NULL
 * when the certificate has none. */
static BIO *print_alt_names(X509 *cert) {
  GENERAL_NAMES *names = X509_get_ext_d2i(cert, NID_subject_alt_name, NULL,
                                          NULL);
  if (names == NULL) return NULL;
  BIO *out = BIO_new(BIO_s_mem());
  for (int i = 0; i < sk_GENERAL_NAME_num(names); i++) {
    const GENERAL_NAME *gen = sk_GENERAL_NAME_value(names, i);
    if (i > 0) BIO_write(out, ", ", 2);
    const ASN1_STRING *str = NULL;
    switch (gen->type) {
      case GEN_DNS:
        BIO_printf(out, "DNS:");
        str = gen->d.dNSName;
        break;
      case GEN_URI:
        BIO_printf(out, "URI:");
        str = gen->d.uniformResourceIdentifier;
        break;
      case GEN_EMAIL:
        BIO_printf(out, "email:");
        str = gen->d.rfc822Name;
        break;
      case GEN_IPADD: {
        const unsigned char *ip = gen->d.iPAddress->data;
        int len = gen->d.iPAddress->length;
        BIO_printf(out, "IP Address:");
        if (len == 4) {
          BIO_printf(out, "%d.%d.%d.%d", ip[0], ip[1], ip[2], ip[3]);
        } else if (len == 16) {
          for (int j = 0; j < 16; j += 2) {
            BIO_printf(out, "%s%X", j ? ":" : "", (ip[j] << 8) | ip[j + 1]);
          }
        } else {
          BIO_printf(out, "<invalid>");
        }
        break;
      }
      case GEN_DIRNAME:
        BIO_printf(out, "DirName:");
        X509_NAME_print_ex(out, gen->d.directoryName, 0, XN_FLAG_ONELINE);
        break;
      case GEN_RID: {
        char oid[128];
        OBJ_obj2txt(oid, sizeof(oid), gen->d.registeredID, 1);
        BIO_printf(out, "Registered ID:%s", oid);
        break;
      }
      default:
        BIO_printf(out, "othername:<unsupported>");
        break;
    }
    if (str != NULL) {
      print_name(out, ASN1_STRING_get0_data(str),
                 (size_t)ASN1_STRING_length(str), false);
    }
  }
  GENERAL_NAMES_free(names);
  return out;
}

/* Upper-case hex with a colon between bytes. */
static void hex_colon(char *out, const unsigned char *md, unsigned int len) {
  static const char digits[] = "0123456789ABCDEF";
  for (unsigned int i = 0; i < len; i++) {
    out[i * 3] = digits[md[i] >> 4];
    out[i * 3 + 1] = digits[md[i] & 15];
    out[i * 3 + 2] = i + 1 < len ? ':' : '\0';
  }
  if (len == 0) out[0] = '\0';
}

static void set_fingerprint(napi_env env, napi_value obj, X509 *cert,
                            const char *name, const EVP_MD *md) {
  unsigned char buf[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  char text[EVP_MAX_MD_SIZE * 3 + 1];
  if (X509_digest(cert, md, buf, &len) != 1) return;
  hex_colon(text, buf, len);
  nd_set_string(env, obj, name, text);
}

static void set_time(napi_env env, napi_value obj, const char *name,
                     const ASN1_TIME *t) {
  BIO *b = BIO_new(BIO_s_mem());
  ASN1_TIME_print(b, t);
  napi_set_named_property(env, obj, name, bio_string(env, b));
}

static void set_bignum_hex(napi_env env, napi_value obj, const char *name,
                           const BIGNUM *bn, bool prefix) {
  char *hex = BN_bn2hex(bn);
  if (hex == NULL) return;
  const char *p = hex;
  if (prefix) {
    while (*p == '0' && p[1] != '\0') p++;
    char *lower = malloc(strlen(p) + 3);
    sprintf(lower, "0x%s", p);
    for (char *q = lower + 2; *q; q++) {
      if (*q >= 'A' && *q <= 'F') *q = (char)(*q - 'A' + 'a');
    }
    nd_set_string(env, obj, name, lower);
    free(lower);
  } else {
    nd_set_string(env, obj, name, p);
  }
  OPENSSL_free(hex);
}

/* bits, exponent, modulus (RSA) or asn1Curve/nistCurve (EC), and pubkey. */
static void set_key_details(napi_env env, napi_value obj, X509 *cert) {
  EVP_PKEY *key = X509_get0_pubkey(cert);
  if (key == NULL) return;
  int type = EVP_PKEY_get_base_id(key);
  if (type == EVP_PKEY_RSA) {
    BIGNUM *n = NULL, *e = NULL;
    EVP_PKEY_get_bn_param(key, "n", &n);
    EVP_PKEY_get_bn_param(key, "e", &e);
    nd_set_number(env, obj, "bits", EVP_PKEY_get_bits(key));
    if (e) set_bignum_hex(env, obj, "exponent", e, true);
    if (n) set_bignum_hex(env, obj, "modulus", n, false);
    BN_free(n);
    BN_free(e);
  } else if (type == EVP_PKEY_EC) {
    char group[80];
    size_t glen = 0;
    nd_set_number(env, obj, "bits", EVP_PKEY_get_bits(key));
    if (EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof(group),
                                       &glen) == 1) {
      int nid = OBJ_txt2nid(group);
      nd_set_string(env, obj, "asn1Curve", group);
      const char *nist = nid != NID_undef ? EC_curve_nid2nist(nid) : NULL;
      if (nist) nd_set_string(env, obj, "nistCurve", nist);
    }
  } else {
    return;
  }
  unsigned char *der = NULL;
  int len = i2d_PUBKEY(key, &der);
  if (len > 0) {
    napi_value buf = nd_tls_buffer(env, der, (size_t)len);
    if (buf) napi_set_named_property(env, obj, "pubkey", buf);
  }
  OPENSSL_free(der);
}

static void set_ext_key_usage(napi_env env, napi_value obj, X509 *cert) {
  EXTENDED_KEY_USAGE *eku = X509_get_ext_d2i(cert, NID_ext_key_usage, NULL,
                                             NULL);
  if (eku == NULL) return;
  napi_value list;
  napi_create_array(env, &list);
  for (int i = 0; i < sk_ASN1_OBJECT_num(eku); i++) {
    char oid[128];
    OBJ_obj2txt(oid, sizeof(oid), sk_ASN1_OBJECT_value(eku, i), 1);
    napi_value s;
    napi_create_string_utf8(env, oid, NAPI_AUTO_LENGTH, &s);
    napi_set_element(env, list, (uint32_t)i, s);
  }
  sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
  napi_set_named_property(env, obj, "ext_key_usage", list);
}

napi_value nd_tls_cert_object(napi_env env, X509 *cert) {
  napi_value obj, v;
  if (napi_create_object(env, &obj) != napi_ok) return NULL;
  v = name_object(env, X509_get_subject_name(cert));
  if (v) napi_set_named_property(env, obj, "subject", v);
  v = name_object(env, X509_get_issuer_name(cert));
  if (v) napi_set_named_property(env, obj, "issuer", v);
  BIO *san = print_alt_names(cert);
  if (san) napi_set_named_property(env, obj, "subjectaltname",
                                   bio_string(env, san));
  set_info_access(env, obj, cert);
  nd_set_bool(env, obj, "ca", X509_check_ca(cert) >= 1);
  set_key_details(env, obj, cert);
  set_time(env, obj, "valid_from", X509_get0_notBefore(cert));
  set_time(env, obj, "valid_to", X509_get0_notAfter(cert));
  set_fingerprint(env, obj, cert, "fingerprint", EVP_sha1());
  set_fingerprint(env, obj, cert, "fingerprint256", EVP_sha256());
  set_fingerprint(env, obj, cert, "fingerprint512", EVP_sha512());
  set_ext_key_usage(env, obj, cert);
  BIGNUM *serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), NULL);
  if (serial) {
    set_bignum_hex(env, obj, "serialNumber", serial, false);
    BN_free(serial);
  }
  unsigned char *der = NULL;
  int len = i2d_X509(cert, &der);
  if (len > 0) {
    v = nd_tls_buffer(env, der, (size_t)len);
    if (v) napi_set_named_property(env, obj, "raw", v);
  }
  OPENSSL_free(der);
  return obj;
}

/* The certificate of `chain` (other than `cert`) that issued `cert`. */
static X509 *find_issuer(X509 *cert, STACK_OF(X509) *chain) {
  for (int i = 0; chain && i < sk_X509_num(chain); i++) {
    X509 *c = sk_X509_value(chain, i);
    if (X509_cmp(c, cert) != 0 && X509_check_issued(c, cert) == X509_V_OK)
      return c;
  }
  return NULL;
}

napi_value nd_tls_cert_chain_object(napi_env env, X509 *leaf,
                                    STACK_OF(X509) *chain) {
  napi_value first = nd_tls_cert_object(env, leaf);
  napi_value cur = first;
  X509 *x = leaf;
  int guard = 0;
  while (cur != NULL && guard++ < 16) {
    if (X509_check_issued(x, x) == X509_V_OK) {
      napi_set_named_property(env, cur, "issuerCertificate", cur);
      break;
    }
    X509 *issuer = find_issuer(x, chain);
    if (issuer == NULL) break;
    napi_value next = nd_tls_cert_object(env, issuer);
    if (next == NULL) break;
    napi_set_named_property(env, cur, "issuerCertificate", next);
    cur = next;
    x = issuer;
  }
  return first;
}
