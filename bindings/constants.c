/* constants.c - internalBinding('constants'): the OS's numbers behind
 * os.constants and fs.constants (signals, errno, priorities, dlopen flags,
 * open flags, file modes), zlib.constants and OpenSSL's behind
 * crypto.constants. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/dh.h>
#include <openssl/ec.h>
#include <openssl/engine.h>
#include <openssl/opensslv.h>
#include <openssl/rsa.h>
#include <openssl/ssl.h>
#include <openssl/tls1.h>
#include <uv.h>

#include "bindings.h"
#include "napi_util.h"
#include "zlib_stream.h"

#define ND_SIGNALS(V)                                                          \
  V(SIGHUP) V(SIGINT) V(SIGQUIT) V(SIGILL) V(SIGTRAP) V(SIGABRT) V(SIGIOT)    \
  V(SIGBUS) V(SIGFPE) V(SIGKILL) V(SIGUSR1) V(SIGSEGV) V(SIGUSR2) V(SIGPIPE)  \
  V(SIGALRM) V(SIGTERM) V(SIGCHLD) V(SIGSTKFLT) V(SIGCONT) V(SIGSTOP)         \
  V(SIGTSTP) V(SIGTTIN) V(SIGTTOU) V(SIGURG) V(SIGXCPU) V(SIGXFSZ)            \
  V(SIGVTALRM) V(SIGPROF) V(SIGWINCH) V(SIGIO) V(SIGPOLL) V(SIGPWR) V(SIGSYS)

#define ND_ERRNOS(V)                                                           \
  V(E2BIG) V(EACCES) V(EADDRINUSE) V(EADDRNOTAVAIL) V(EAFNOSUPPORT)           \
  V(EAGAIN) V(EALREADY) V(EBADF) V(EBADMSG) V(EBUSY) V(ECANCELED) V(ECHILD)   \
  V(ECONNABORTED) V(ECONNREFUSED) V(ECONNRESET) V(EDEADLK) V(EDESTADDRREQ)    \
  V(EDOM) V(EDQUOT) V(EEXIST) V(EFAULT) V(EFBIG) V(EHOSTUNREACH) V(EIDRM)     \
  V(EILSEQ) V(EINPROGRESS) V(EINTR) V(EINVAL) V(EIO) V(EISCONN) V(EISDIR)     \
  V(ELOOP) V(EMFILE) V(EMLINK) V(EMSGSIZE) V(EMULTIHOP) V(ENAMETOOLONG)       \
  V(ENETDOWN) V(ENETRESET) V(ENETUNREACH) V(ENFILE) V(ENOBUFS) V(ENODATA)     \
  V(ENODEV) V(ENOENT) V(ENOEXEC) V(ENOLCK) V(ENOLINK) V(ENOMEM) V(ENOMSG)     \
  V(ENOPROTOOPT) V(ENOSPC) V(ENOSR) V(ENOSTR) V(ENOSYS) V(ENOTCONN)           \
  V(ENOTDIR) V(ENOTEMPTY) V(ENOTSOCK) V(ENOTSUP) V(ENOTTY) V(ENXIO)           \
  V(EOPNOTSUPP) V(EOVERFLOW) V(EPERM) V(EPIPE) V(EPROTO)                      \
  V(EPROTONOSUPPORT) V(EPROTOTYPE) V(ERANGE) V(EROFS) V(ESPIPE) V(ESRCH)      \
  V(ESTALE) V(ETIME) V(ETIMEDOUT) V(ETXTBSY) V(EWOULDBLOCK) V(EXDEV)

#define ND_FS_CONSTANTS(V)                                                     \
  V(O_RDONLY) V(O_WRONLY) V(O_RDWR) V(S_IFMT) V(S_IFREG) V(S_IFDIR)           \
  V(S_IFCHR) V(S_IFBLK) V(S_IFIFO) V(S_IFLNK) V(S_IFSOCK) V(O_CREAT)          \
  V(O_EXCL) V(O_NOCTTY) V(O_TRUNC) V(O_APPEND) V(O_DIRECTORY) V(O_NOATIME)    \
  V(O_NOFOLLOW) V(O_SYNC) V(O_DSYNC) V(O_DIRECT) V(O_NONBLOCK) V(S_IRWXU)     \
  V(S_IRUSR) V(S_IWUSR) V(S_IXUSR) V(S_IRWXG) V(S_IRGRP) V(S_IWGRP)           \
  V(S_IXGRP) V(S_IRWXO) V(S_IROTH) V(S_IWOTH) V(S_IXOTH) V(F_OK) V(R_OK)      \
  V(W_OK) V(X_OK)

/* crypto.constants, in Node's order (defaultCoreCipherList and the TLS
 * versions follow, then the point conversions). */
#define ND_CRYPTO_CONSTANTS(V)                                                 \
  V(OPENSSL_VERSION_NUMBER) V(SSL_OP_ALL) V(SSL_OP_ALLOW_NO_DHE_KEX)           \
  V(SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION)                                  \
  V(SSL_OP_CIPHER_SERVER_PREFERENCE) V(SSL_OP_CISCO_ANYCONNECT)                \
  V(SSL_OP_COOKIE_EXCHANGE) V(SSL_OP_CRYPTOPRO_TLSEXT_BUG)                     \
  V(SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS) V(SSL_OP_EPHEMERAL_RSA)                \
  V(SSL_OP_LEGACY_SERVER_CONNECT) V(SSL_OP_MICROSOFT_BIG_SSLV3_BUFFER)         \
  V(SSL_OP_MICROSOFT_SESS_ID_BUG) V(SSL_OP_MSIE_SSLV2_RSA_PADDING)             \
  V(SSL_OP_NETSCAPE_CA_DN_BUG) V(SSL_OP_NETSCAPE_CHALLENGE_BUG)                \
  V(SSL_OP_NETSCAPE_DEMO_CIPHER_CHANGE_BUG)                                    \
  V(SSL_OP_NETSCAPE_REUSE_CIPHER_CHANGE_BUG) V(SSL_OP_NO_COMPRESSION)          \
  V(SSL_OP_NO_ENCRYPT_THEN_MAC) V(SSL_OP_NO_QUERY_MTU)                         \
  V(SSL_OP_NO_RENEGOTIATION) V(SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION)  \
  V(SSL_OP_NO_SSLv2) V(SSL_OP_NO_SSLv3) V(SSL_OP_NO_TICKET) V(SSL_OP_NO_TLSv1) \
  V(SSL_OP_NO_TLSv1_1) V(SSL_OP_NO_TLSv1_2) V(SSL_OP_NO_TLSv1_3)               \
  V(SSL_OP_PKCS1_CHECK_1) V(SSL_OP_PKCS1_CHECK_2) V(SSL_OP_PRIORITIZE_CHACHA)  \
  V(SSL_OP_SINGLE_DH_USE) V(SSL_OP_SINGLE_ECDH_USE)                            \
  V(SSL_OP_SSLEAY_080_CLIENT_DH_BUG) V(SSL_OP_SSLREF2_REUSE_CERT_TYPE_BUG)     \
  V(SSL_OP_TLS_BLOCK_PADDING_BUG) V(SSL_OP_TLS_D5_BUG)                         \
  V(SSL_OP_TLS_ROLLBACK_BUG) V(ENGINE_METHOD_RSA) V(ENGINE_METHOD_DSA)         \
  V(ENGINE_METHOD_DH) V(ENGINE_METHOD_RAND) V(ENGINE_METHOD_EC)                \
  V(ENGINE_METHOD_CIPHERS) V(ENGINE_METHOD_DIGESTS)                            \
  V(ENGINE_METHOD_PKEY_METHS) V(ENGINE_METHOD_PKEY_ASN1_METHS)                 \
  V(ENGINE_METHOD_ALL) V(ENGINE_METHOD_NONE) V(DH_CHECK_P_NOT_SAFE_PRIME)      \
  V(DH_CHECK_P_NOT_PRIME) V(DH_UNABLE_TO_CHECK_GENERATOR)                      \
  V(DH_NOT_SUITABLE_GENERATOR)

/* ...then ALPN_ENABLED, then these. */
#define ND_CRYPTO_RSA_CONSTANTS(V)                                             \
  V(RSA_PKCS1_PADDING) V(RSA_NO_PADDING) V(RSA_PKCS1_OAEP_PADDING)             \
  V(RSA_X931_PADDING) V(RSA_PKCS1_PSS_PADDING)                                 \
  V(RSA_PSS_SALTLEN_DIGEST) V(RSA_PSS_SALTLEN_MAX_SIGN) V(RSA_PSS_SALTLEN_AUTO)

/* Node's default TLS cipher list (its DEFAULT_CIPHER_LIST_CORE). */
static const char default_core_cipher_list[] =
    "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:"
    "TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:"
    "DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:"
    "HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA";

static napi_value object_with(napi_env env) {
  napi_value o;
  napi_create_object(env, &o);
  return o;
}

/* The crypto object: OpenSSL's numbers (from its headers) and the TLS
 * defaults Node exposes next to them. */
static napi_value crypto_constants(napi_env env) {
  napi_value c = object_with(env);
#define ND_CRYPTO(name) nd_set_number(env, c, #name, (double)(name));
  ND_CRYPTO_CONSTANTS(ND_CRYPTO)
  nd_set_number(env, c, "ALPN_ENABLED", 1);
  ND_CRYPTO_RSA_CONSTANTS(ND_CRYPTO)
#undef ND_CRYPTO
  nd_set_string(env, c, "defaultCoreCipherList", default_core_cipher_list);
  nd_set_number(env, c, "TLS1_VERSION", TLS1_VERSION);
  nd_set_number(env, c, "TLS1_1_VERSION", TLS1_1_VERSION);
  nd_set_number(env, c, "TLS1_2_VERSION", TLS1_2_VERSION);
  nd_set_number(env, c, "TLS1_3_VERSION", TLS1_3_VERSION);
  nd_set_number(env, c, "POINT_CONVERSION_COMPRESSED",
                POINT_CONVERSION_COMPRESSED);
  nd_set_number(env, c, "POINT_CONVERSION_UNCOMPRESSED",
                POINT_CONVERSION_UNCOMPRESSED);
  nd_set_number(env, c, "POINT_CONVERSION_HYBRID", POINT_CONVERSION_HYBRID);
  return c;
}

napi_value nd_binding_constants_init(napi_env env, napi_value exports) {
  napi_value os = object_with(env);
  napi_value signals = object_with(env);
  napi_value errnos = object_with(env);
  napi_value priority = object_with(env);
  napi_value dl = object_with(env);
  napi_value fs = object_with(env);
#define ND_SET(obj, name) nd_set_number(env, obj, #name, name);
/* Stringify at this level: the names are macros themselves. */
#define ND_SIG(name) nd_set_number(env, signals, #name, name);
#define ND_ERR(name) nd_set_number(env, errnos, #name, name);
#define ND_FS(name) nd_set_number(env, fs, #name, name);
  ND_SIGNALS(ND_SIG)
  ND_ERRNOS(ND_ERR)
  ND_FS_CONSTANTS(ND_FS)
#undef ND_SIG
#undef ND_ERR
#undef ND_FS
  nd_set_number(env, fs, "UV_FS_SYMLINK_DIR", UV_FS_SYMLINK_DIR);
  nd_set_number(env, fs, "UV_FS_SYMLINK_JUNCTION", UV_FS_SYMLINK_JUNCTION);
  nd_set_number(env, fs, "UV_FS_O_FILEMAP", 0);
  nd_set_number(env, fs, "UV_DIRENT_UNKNOWN", UV_DIRENT_UNKNOWN);
  nd_set_number(env, fs, "UV_DIRENT_FILE", UV_DIRENT_FILE);
  nd_set_number(env, fs, "UV_DIRENT_DIR", UV_DIRENT_DIR);
  nd_set_number(env, fs, "UV_DIRENT_LINK", UV_DIRENT_LINK);
  nd_set_number(env, fs, "UV_DIRENT_FIFO", UV_DIRENT_FIFO);
  nd_set_number(env, fs, "UV_DIRENT_SOCKET", UV_DIRENT_SOCKET);
  nd_set_number(env, fs, "UV_DIRENT_CHAR", UV_DIRENT_CHAR);
  nd_set_number(env, fs, "UV_DIRENT_BLOCK", UV_DIRENT_BLOCK);
  nd_set_number(env, fs, "COPYFILE_EXCL", UV_FS_COPYFILE_EXCL);
  nd_set_number(env, fs, "UV_FS_COPYFILE_EXCL", UV_FS_COPYFILE_EXCL);
  nd_set_number(env, fs, "COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE);
  nd_set_number(env, fs, "UV_FS_COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE);
  nd_set_number(env, fs, "COPYFILE_FICLONE_FORCE",
                UV_FS_COPYFILE_FICLONE_FORCE);
  nd_set_number(env, fs, "UV_FS_COPYFILE_FICLONE_FORCE",
                UV_FS_COPYFILE_FICLONE_FORCE);

  nd_set_number(env, priority, "PRIORITY_LOW", UV_PRIORITY_LOW);
  nd_set_number(env, priority, "PRIORITY_BELOW_NORMAL",
                UV_PRIORITY_BELOW_NORMAL);
  nd_set_number(env, priority, "PRIORITY_NORMAL", UV_PRIORITY_NORMAL);
  nd_set_number(env, priority, "PRIORITY_ABOVE_NORMAL",
                UV_PRIORITY_ABOVE_NORMAL);
  nd_set_number(env, priority, "PRIORITY_HIGH", UV_PRIORITY_HIGH);
  nd_set_number(env, priority, "PRIORITY_HIGHEST", UV_PRIORITY_HIGHEST);

  nd_set_number(env, dl, "RTLD_LAZY", RTLD_LAZY);
  nd_set_number(env, dl, "RTLD_NOW", RTLD_NOW);
  nd_set_number(env, dl, "RTLD_GLOBAL", RTLD_GLOBAL);
  nd_set_number(env, dl, "RTLD_LOCAL", RTLD_LOCAL);
  nd_set_number(env, dl, "RTLD_DEEPBIND", RTLD_DEEPBIND);
#undef ND_SET

  nd_set_number(env, os, "UV_UDP_REUSEADDR", UV_UDP_REUSEADDR);
  napi_set_named_property(env, os, "dlopen", dl);
  napi_set_named_property(env, os, "errno", errnos);
  napi_set_named_property(env, os, "signals", signals);
  napi_set_named_property(env, os, "priority", priority);
  napi_set_named_property(env, exports, "os", os);
  napi_set_named_property(env, exports, "fs", fs);
  napi_set_named_property(env, exports, "crypto", crypto_constants(env));
  napi_value zlib = object_with(env);
  nd_zlib_set_constants(env, zlib);
  napi_set_named_property(env, exports, "zlib", zlib);
  napi_set_named_property(env, exports, "trace", object_with(env));
  return exports;
}
