/* constants.c - internalBinding('constants'): the OS's numbers behind
 * os.constants and fs.constants (signals, errno, priorities, dlopen flags,
 * open flags, file modes) and zlib.constants. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

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

static napi_value object_with(napi_env env) {
  napi_value o;
  napi_create_object(env, &o);
  return o;
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
  napi_set_named_property(env, exports, "crypto", object_with(env));
  napi_value zlib = object_with(env);
  nd_zlib_set_constants(env, zlib);
  napi_set_named_property(env, exports, "zlib", zlib);
  napi_set_named_property(env, exports, "trace", object_with(env));
  return exports;
}
