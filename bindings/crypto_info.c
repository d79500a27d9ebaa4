/* crypto_info.c - what internalBinding('crypto') tells about OpenSSL: the
 * digest, cipher and curve names it offers and a cipher's parameters. */
#include <stdlib.h>
#include <string.h>

#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/objects.h>

#include "crypto_internal.h"
#include "napi_util.h"

/* Collects names into a JS array while OpenSSL walks its tables. */
typedef struct {
  napi_env env;
  napi_value array;
  uint32_t count;
} name_list_t;

static void list_push(name_list_t *list, const char *name) {
  napi_value s;
  napi_create_string_utf8(list->env, name, NAPI_AUTO_LENGTH, &s);
  napi_set_element(list->env, list->array, list->count++, s);
}

/* Keeps digest name `from` when some provider really implements it:
 * OpenSSL's name table also lists algorithms only its internals (or the
 * unloaded legacy provider) have. */
static void add_digest(const EVP_MD *m, const char *from, const char *to,
                       void *arg) {
  const EVP_MD *md;
  if (from == NULL || (md = EVP_get_digestbyname(from)) == NULL) return;
  ERR_set_mark();
  EVP_MD *fetched = EVP_MD_fetch(NULL, EVP_MD_get0_name(md), NULL);
  ERR_pop_to_mark();
  if (fetched == NULL) return;
  EVP_MD_free(fetched);
  list_push(arg, from);
}

/* The same filter for cipher names. */
static void add_cipher(const EVP_CIPHER *c, const char *from, const char *to,
                       void *arg) {
  const EVP_CIPHER *cipher;
  if (from == NULL || (cipher = EVP_get_cipherbyname(from)) == NULL) return;
  ERR_set_mark();
  EVP_CIPHER *fetched =
      EVP_CIPHER_fetch(NULL, EVP_CIPHER_get0_name(cipher), NULL);
  ERR_pop_to_mark();
  if (fetched == NULL) return;
  EVP_CIPHER_free(fetched);
  list_push(arg, from);
}

static name_list_t list_new(napi_env env) {
  name_list_t list = { env, NULL, 0 };
  napi_create_array(env, &list.array);
  return list;
}

/* getHashes() -> digest names (with aliases, unsorted duplicates in
 * case; lib dedupes and sorts). */
static napi_value info_get_hashes(napi_env env, napi_callback_info info) {
  name_list_t list = list_new(env);
  EVP_MD_do_all_sorted(add_digest, &list);
  return list.array;
}

/* getCiphers() -> cipher names, as getHashes(). */
static napi_value info_get_ciphers(napi_env env, napi_callback_info info) {
  name_list_t list = list_new(env);
  EVP_CIPHER_do_all_sorted(add_cipher, &list);
  return list.array;
}

/* getCurves() -> the short names of OpenSSL's built-in elliptic curves. */
static napi_value info_get_curves(napi_env env, napi_callback_info info) {
  name_list_t list = list_new(env);
  size_t n = EC_get_builtin_curves(NULL, 0);
  EC_builtin_curve *curves = calloc(n > 0 ? n : 1, sizeof(*curves));
  n = EC_get_builtin_curves(curves, n);
  for (size_t i = 0; i < n; i++) list_push(&list, OBJ_nid2sn(curves[i].nid));
  free(curves);
  return list.array;
}

static const char *cipher_mode_name(const EVP_CIPHER *cipher) {
  switch (EVP_CIPHER_get_mode(cipher)) {
  case EVP_CIPH_CCM_MODE: return "ccm";
  case EVP_CIPH_CFB_MODE: return "cfb";
  case EVP_CIPH_CBC_MODE: return "cbc";
  case EVP_CIPH_CTR_MODE: return "ctr";
  case EVP_CIPH_ECB_MODE: return "ecb";
  case EVP_CIPH_GCM_MODE: return "gcm";
  case EVP_CIPH_OCB_MODE: return "ocb";
  case EVP_CIPH_OFB_MODE: return "ofb";
  case EVP_CIPH_STREAM_CIPHER: return "stream";
  case EVP_CIPH_WRAP_MODE: return "wrap";
  case EVP_CIPH_XTS_MODE: return "xts";
  default: return NULL;
  }
}

/* Whether an IV of iv_len bytes suits the cipher: 7..13 for CCM, what the
 * context accepts for GCM and OCB, the natural length otherwise. */
static bool cipher_iv_fits(const EVP_CIPHER *cipher, EVP_CIPHER_CTX *ctx,
                           int iv_len) {
  switch (EVP_CIPHER_get_mode(cipher)) {
  case EVP_CIPH_CCM_MODE:
    return iv_len >= 7 && iv_len <= 13;
  case EVP_CIPH_GCM_MODE:
  case EVP_CIPH_OCB_MODE:
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, iv_len, NULL) ==
           1;
  default:
    return iv_len == EVP_CIPHER_get_iv_length(cipher);
  }
}

/* Checks the asked key and IV lengths (has_key/has_iv) against what the
 * cipher accepts; on success the lengths in use are the asked ones. */
static bool cipher_lengths_fit(const EVP_CIPHER *cipher, bool has_key,
                               int *key_len, bool has_iv, int *iv_len) {
  if (!has_key && !has_iv) return true;
  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
  bool ok = ctx != NULL &&
            EVP_CipherInit_ex(ctx, cipher, NULL, NULL, NULL, 1) == 1 &&
            (!has_key || EVP_CIPHER_CTX_set_key_length(ctx, *key_len) == 1) &&
            (!has_iv || cipher_iv_fits(cipher, ctx, *iv_len));
  EVP_CIPHER_CTX_free(ctx);
  return ok;
}

static bool arg_int32(napi_env env, napi_value v, int *out) {
  napi_valuetype t = napi_undefined;
  if (v != NULL) napi_typeof(env, v, &t);
  return t == napi_number && napi_get_value_int32(env, v, out) == napi_ok;
}

/* getCipherInfo(nameOrNid, keyLength?, ivLength?) -> { mode, name, nid,
 * blockSize, ivLength, keyLength } (name as OpenSSL's short name), or
 * undefined for an unknown cipher or lengths it does not accept. */
static napi_value info_cipher(napi_env env, napi_callback_info info) {
  napi_value argv[3], o;
  nd_args(env, info, 3, argv);
  const EVP_CIPHER *cipher = NULL;
  int nid;
  char name[128];
  if (nd_crypto_name(env, argv[0], name, sizeof(name)))
    cipher = EVP_get_cipherbyname(name);
  else if (arg_int32(env, argv[0], &nid))
    cipher = EVP_get_cipherbynid(nid);
  if (cipher == NULL) return NULL;
  int key_len = EVP_CIPHER_get_key_length(cipher);
  int iv_len = EVP_CIPHER_get_iv_length(cipher);
  bool has_key = arg_int32(env, argv[1], &key_len);
  bool has_iv = arg_int32(env, argv[2], &iv_len);
  ERR_set_mark();
  bool fits = cipher_lengths_fit(cipher, has_key, &key_len, has_iv, &iv_len);
  ERR_pop_to_mark();
  if (!fits) return NULL;
  const char *mode = cipher_mode_name(cipher);
  napi_create_object(env, &o);
  if (mode != NULL) nd_set_string(env, o, "mode", mode);
  nd_set_string(env, o, "name", OBJ_nid2sn(EVP_CIPHER_get_nid(cipher)));
  nd_set_number(env, o, "nid", EVP_CIPHER_get_nid(cipher));
  if (mode != NULL && strcmp(mode, "stream") != 0)
    nd_set_number(env, o, "blockSize", EVP_CIPHER_get_block_size(cipher));
  if (iv_len != 0) nd_set_number(env, o, "ivLength", iv_len);
  nd_set_number(env, o, "keyLength", key_len);
  return o;
}

static const napi_property_descriptor info_methods[] = {
  ND_METHOD("getHashes", info_get_hashes),
  ND_METHOD("getCiphers", info_get_ciphers),
  ND_METHOD("getCurves", info_get_curves),
  ND_METHOD("getCipherInfo", info_cipher),
};

bool nd_crypto_info_init(napi_env env, napi_value exports) {
  return napi_define_properties(env, exports, ND_COUNT(info_methods),
                                info_methods) == napi_ok;
}
