/* process_methods.c - internalBinding('process_methods'): the native half of
 * the process object (ids, cwd, env, clocks, resource usage, exit, kill). */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <uv.h>

#include "addons.h"
#include "bindings.h"
#include "engine.h"
#include "handle_wrap.h"
#include "napi_util.h"
#include "realm.h"
#include "stdio_setup.h"
#include "version.h"

extern char **environ;

/* setupCallbacks(tick, uncaught, emit) -> Int32Array tickInfo. Registers
 * the JS functions the C entry path calls. */
static napi_value pm_setup_callbacks(napi_env env, napi_callback_info info) {
  napi_value argv[3], ab, arr;
  nd_args(env, info, 3, argv);
  nd_realm_t *realm = nd_realm_of(env);
  napi_create_reference(env, argv[0], 1, &realm->tick_callback);
  napi_create_reference(env, argv[1], 1, &realm->uncaught_callback);
  napi_create_reference(env, argv[2], 1, &realm->emit_callback);
  void *data;
  napi_create_arraybuffer(env, ND_TICK_FIELDS * sizeof(int32_t), &data, &ab);
  napi_create_typedarray(env, napi_int32_array, ND_TICK_FIELDS, ab, 0, &arr);
  realm->tick_info = data;
  napi_ref keep;
  napi_create_reference(env, ab, 1, &keep);
  return arr;
}

static napi_value pm_really_exit(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  nd_realm_t *realm = nd_realm_of(env);
  realm->exiting = true;
  nd_realm_exit(realm, (int)nd_to_int64(env, argv[0], 0));
  return NULL; /* a worker's thread: its JS is being terminated */
}

static napi_value pm_abort(napi_env env, napi_callback_info info) {
  fflush(stdout);
  fflush(stderr);
  abort();
}

static napi_value pm_cwd(napi_env env, napi_callback_info info) {
  char buf[4096];
  size_t len = sizeof(buf);
  int r = uv_cwd(buf, &len);
  if (r != 0) return nd_throw_uv(env, r, "uv_cwd", NULL, NULL);
  napi_value s;
  napi_create_string_utf8(env, buf, len, &s);
  return s;
}

static napi_value pm_chdir(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  char *dir = nd_strdup_utf8(env, argv[0]);
  if (dir == NULL) return NULL;
  int r = uv_chdir(dir);
  if (r != 0) {
    /* Node: "ENOENT: no such file or directory, chdir <cwd> -> 'dir'" */
    char cwd[4096];
    size_t len = sizeof(cwd);
    uv_cwd(cwd, &len);
    size_t cap = strlen(cwd) + 16;
    char *sys = malloc(cap);
    snprintf(sys, cap, "chdir %s", cwd);
    napi_value e = nd_uv_error(env, r, sys, NULL, dir);
    /* Node keeps syscall 'chdir' and path = the current directory. */
    nd_set_string(env, e, "syscall", "chdir");
    nd_set_string(env, e, "path", cwd);
    napi_throw(env, e);
    free(sys);
  }
  free(dir);
  return NULL;
}

static napi_value pm_umask(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  size_t argc = nd_args(env, info, 1, argv);
  napi_valuetype t = napi_undefined;
  if (argc > 0) napi_typeof(env, argv[0], &t);
  mode_t old;
  if (t == napi_undefined) {
    old = umask(0);
    umask(old);
  } else {
    old = umask((mode_t)nd_to_int64(env, argv[0], 0));
  }
  napi_create_uint32(env, (uint32_t)old, &r);
  return r;
}

/* hrtime(u32array[3]): fills [seconds high, seconds low, nanoseconds]. */
static napi_value pm_hrtime(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  uint32_t *p;
  size_t n;
  if (napi_get_typedarray_info(env, argv[0], NULL, &n, (void **)&p, NULL,
                               NULL) != napi_ok || n < 3)
    return NULL;
  uint64_t t = uv_hrtime();
  uint64_t sec = t / 1000000000;
  p[0] = (uint32_t)(sec >> 32);
  p[1] = (uint32_t)sec;
  p[2] = (uint32_t)(t % 1000000000);
  return NULL;
}

static napi_value pm_hrtime_bigint(napi_env env, napi_callback_info info) {
  napi_value r;
  napi_create_bigint_uint64(env, uv_hrtime(), &r);
  return r;
}

static napi_value pm_uptime(napi_env env, napi_callback_info info) {
  napi_value r;
  napi_create_double(env, (uv_hrtime() - nd_process_start_hrtime) / 1e9, &r);
  return r;
}

static napi_value pm_rss(napi_env env, napi_callback_info info) {
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  napi_value r;
  napi_create_double(env, (double)rss, &r);
  return r;
}

/* memoryUsage(f64array[5]): rss, heapTotal, heapUsed, external,
 * arrayBuffers. */
static napi_value pm_memory_usage(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  double *p;
  size_t n;
  if (napi_get_typedarray_info(env, argv[0], NULL, &n, (void **)&p, NULL,
                               NULL) != napi_ok || n < 5)
    return NULL;
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  nd_heap_stats_t h;
  nd_engine_heap_stats(env, &h);
  p[0] = (double)rss;
  p[1] = (double)h.total_heap_size;
  p[2] = (double)h.used_heap_size;
  p[3] = (double)h.external_memory;
  p[4] = (double)h.array_buffers;
  return NULL;
}

/* cpuUsage(f64array[2]): user and system CPU time in microseconds. */
static napi_value pm_cpu_usage(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  double *p;
  size_t n;
  if (napi_get_typedarray_info(env, argv[0], NULL, &n, (void **)&p, NULL,
                               NULL) != napi_ok || n < 2)
    return NULL;
  uv_rusage_t ru;
  int r = uv_getrusage(&ru);
  if (r != 0) return nd_throw_uv(env, r, "uv_getrusage", NULL, NULL);
  p[0] = ru.ru_utime.tv_sec * 1e6 + ru.ru_utime.tv_usec;
  p[1] = ru.ru_stime.tv_sec * 1e6 + ru.ru_stime.tv_usec;
  return NULL;
}

/* resourceUsage(f64array[16]) in Node's field order. */
static napi_value pm_resource_usage(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  double *p;
  size_t n;
  if (napi_get_typedarray_info(env, argv[0], NULL, &n, (void **)&p, NULL,
                               NULL) != napi_ok || n < 16)
    return NULL;
  uv_rusage_t ru;
  int r = uv_getrusage(&ru);
  if (r != 0) return nd_throw_uv(env, r, "uv_getrusage", NULL, NULL);
  p[0] = ru.ru_utime.tv_sec * 1e6 + ru.ru_utime.tv_usec;
  p[1] = ru.ru_stime.tv_sec * 1e6 + ru.ru_stime.tv_usec;
  p[2] = (double)ru.ru_maxrss;
  p[3] = (double)ru.ru_ixrss;
  p[4] = (double)ru.ru_idrss;
  p[5] = (double)ru.ru_isrss;
  p[6] = (double)ru.ru_minflt;
  p[7] = (double)ru.ru_majflt;
  p[8] = (double)ru.ru_nswap;
  p[9] = (double)ru.ru_inblock;
  p[10] = (double)ru.ru_oublock;
  p[11] = (double)ru.ru_msgsnd;
  p[12] = (double)ru.ru_msgrcv;
  p[13] = (double)ru.ru_nsignals;
  p[14] = (double)ru.ru_nvcsw;
  p[15] = (double)ru.ru_nivcsw;
  return NULL;
}

/* _kill(pid, signal) -> 0 or a negative errno (process._kill). */
static napi_value pm_kill(napi_env env, napi_callback_info info) {
  napi_value argv[2], r;
  nd_args(env, info, 2, argv);
  /* Coerced as Node's Int32Value: process.kill('123') signals pid 123. */
  napi_value pid, sig;
  if (napi_coerce_to_number(env, argv[0], &pid) != napi_ok ||
      napi_coerce_to_number(env, argv[1], &sig) != napi_ok)
    return NULL;
  int err = uv_kill((int)nd_to_int64(env, pid, 0), (int)nd_to_int64(env, sig, 0));
  napi_create_int32(env, err, &r);
  return r;
}

/* process.env: an object whose named properties are the environment
 * variables (engine interceptors over getenv/setenv/unsetenv/environ).
 * Values are stored as strings; index keys ("5") stay ordinary
 * properties of the object, as in Node. */
typedef struct {
  napi_ref on_non_string; /* JS function called before a value that is not
                             a string, number or boolean is stored */
} env_state_t;

/* A malloc'd UTF-8 copy of a string key, or NULL for a symbol. */
static char *env_key(napi_env env, napi_value name) {
  napi_valuetype t;
  if (napi_typeof(env, name, &t) != napi_ok || t != napi_string) return NULL;
  return nd_strdup_utf8(env, name);
}

static void env_changed(napi_env env, const char *key) {
  if (strcmp(key, "TZ") == 0) nd_engine_timezone_changed(env);
}

static bool env_get(napi_env env, napi_value name, void *data,
                    napi_value *result) {
  char *key = env_key(env, name);
  if (key == NULL) return false;
  const char *v = getenv(key);
  free(key);
  if (v == NULL) return false;
  return napi_create_string_utf8(env, v, NAPI_AUTO_LENGTH, result) ==
         napi_ok;
}

static bool env_set(napi_env env, napi_value name, napi_value value,
                    void *data) {
  env_state_t *state = data;
  napi_valuetype t;
  napi_value key_str, value_str, fn, recv;
  napi_typeof(env, value, &t);
  if (t != napi_string && t != napi_number && t != napi_boolean &&
      napi_get_reference_value(env, state->on_non_string, &fn) == napi_ok &&
      fn != NULL) {
    napi_get_undefined(env, &recv);
    if (napi_call_function(env, recv, fn, 0, NULL, NULL) != napi_ok)
      return false;
  }
  /* Symbols throw V8's "Cannot convert a Symbol value to a string". */
  if (napi_coerce_to_string(env, name, &key_str) != napi_ok ||
      napi_coerce_to_string(env, value, &value_str) != napi_ok)
    return false;
  char *key = nd_strdup_utf8(env, key_str);
  char *val = nd_strdup_utf8(env, value_str);
  /* Names libc refuses ("", "A=B") are ignored, as Node does. */
  if (key != NULL && val != NULL && setenv(key, val, 1) == 0)
    env_changed(env, key);
  free(key);
  free(val);
  return true;
}

static bool env_query(napi_env env, napi_value name, void *data) {
  char *key = env_key(env, name);
  if (key == NULL) return false;
  bool found = getenv(key) != NULL;
  free(key);
  return found;
}

/* delete process.env.X is always true. */
static bool env_remove(napi_env env, napi_value name, void *data) {
  char *key = env_key(env, name);
  if (key != NULL && unsetenv(key) == 0) env_changed(env, key);
  free(key);
  return true;
}

static napi_value env_keys(napi_env env, void *data) {
  napi_value arr, s;
  if (napi_create_array(env, &arr) != napi_ok) return NULL;
  uint32_t i = 0;
  for (char **e = environ; e && *e; e++) {
    const char *eq = strchr(*e, '=');
    if (eq == NULL || eq == *e) continue;
    napi_create_string_utf8(env, *e, (size_t)(eq - *e), &s);
    napi_set_element(env, arr, i++, s);
  }
  return arr;
}

/* A TypeError with Node's code, thrown the way Node's C++ throws it. */
static void throw_define_error(napi_env env, const char *message) {
  napi_throw_type_error(env, "ERR_INVALID_OBJECT_DEFINE_PROPERTY", message);
}

static bool desc_flag(napi_env env, napi_value desc, const char *key,
                      bool *present) {
  bool has = false, flag = false;
  napi_value v;
  napi_has_named_property(env, desc, key, &has);
  *present = has;
  if (has && napi_get_named_property(env, desc, key, &v) == napi_ok)
    napi_get_value_bool(env, v, &flag);
  return flag;
}

/* Object.defineProperty(process.env, name, desc): only a writable,
 * enumerable and configurable data descriptor, which sets the variable. */
static bool env_define(napi_env env, napi_value name, napi_value desc,
                       void *data) {
  bool has_value = false, has_get = false, has_set = false;
  napi_has_named_property(env, desc, "value", &has_value);
  napi_has_named_property(env, desc, "get", &has_get);
  napi_has_named_property(env, desc, "set", &has_set);
  if (!has_value && (has_get || has_set)) {
    throw_define_error(env, "'process.env' does not accept an "
                            "accessor(getter/setter) descriptor");
    return false;
  }
  bool hw, he, hc;
  bool w = desc_flag(env, desc, "writable", &hw);
  bool e = desc_flag(env, desc, "enumerable", &he);
  bool c = desc_flag(env, desc, "configurable", &hc);
  if (!has_value || !hw || !he || !hc || !w || !e || !c) {
    throw_define_error(env, "'process.env' only accepts a configurable, "
                            "writable, and enumerable data descriptor");
    return false;
  }
  napi_value value;
  if (napi_get_named_property(env, desc, "value", &value) != napi_ok)
    return false;
  return env_set(env, name, value, data);
}

static const nd_named_interceptors_t env_interceptors = {
  env_get, env_set, env_query, env_remove, env_keys, env_define,
};

static void env_state_free(napi_env env, void *data, void *hint) {
  env_state_t *state = data;
  napi_delete_reference(env, state->on_non_string);
  free(state);
}

/* createEnv(onNonString) -> the process.env object. onNonString() runs
 * before a value other than a string, number or boolean is stored (the
 * DEP0104 warning). */
static napi_value pm_create_env(napi_env env, napi_callback_info info) {
  napi_value argv[1], obj;
  nd_args(env, info, 1, argv);
  env_state_t *state = calloc(1, sizeof(*state));
  if (state == NULL) return NULL;
  napi_create_reference(env, argv[0], 1, &state->on_non_string);
  if (nd_engine_intercepted_object(env, &env_interceptors, state, &obj) !=
      napi_ok) {
    env_state_free(env, state, NULL);
    return NULL;
  }
  napi_add_finalizer(env, obj, state, env_state_free, NULL, NULL);
  return obj;
}

/* getActiveHandles() / getActiveRequests() -> [type, object, ...] of the
 * realm's referenced handles / in-flight requests (handle_wrap.h). */
static napi_value pm_get_active_handles(napi_env env,
                                        napi_callback_info info) {
  return nd_handle_wrap_list_active(env);
}

static napi_value pm_get_active_requests(napi_env env,
                                         napi_callback_info info) {
  return nd_req_list_active(env);
}

static napi_value string_array(napi_env env, char **items, int count) {
  napi_value arr, s;
  napi_create_array_with_length(env, count, &arr);
  for (int i = 0; i < count; i++) {
    napi_create_string_utf8(env, items[i], NAPI_AUTO_LENGTH, &s);
    napi_set_element(env, arr, i, s);
  }
  return arr;
}

/* getProcessInfo() -> { argv, execArgv, execPath, pid, ppid, title,
 * nodusVersion, v8Version, uvVersion, opensslVersion, scriptPath, mode }.
 * opensslVersion is the linked OpenSSL's, e.g. "3.0.19". */
static napi_value pm_get_process_info(napi_env env, napi_callback_info info) {
  nd_realm_t *realm = nd_realm_of(env);
  const nd_options_t *o = realm->options;
  napi_value obj;
  napi_create_object(env, &obj);
  char exe[4096];
  size_t len = sizeof(exe);
  if (uv_exepath(exe, &len) != 0) snprintf(exe, sizeof(exe), "%s", o->argv[0]);
  nd_set_string(env, obj, "execPath", exe);
  napi_set_named_property(env, obj, "execArgv",
                          string_array(env, o->exec_argv, o->exec_argc));
  napi_set_named_property(env, obj, "scriptArgv",
                          string_array(env, o->script_argv, o->script_argc));
  if (o->script) nd_set_string(env, obj, "script", o->script);
  nd_set_string(env, obj, "argv0", o->argv[0]);
  nd_set_bool(env, obj, "useStdin", o->use_stdin);
  nd_set_number(env, obj, "pid", uv_os_getpid());
  nd_set_number(env, obj, "ppid", uv_os_getppid());
  nd_set_string(env, obj, "nodusVersion", NODUS_VERSION);
  nd_set_string(env, obj, "v8Version", nd_engine_v8_version());
  nd_set_string(env, obj, "uvVersion", uv_version_string());
  nd_set_string(env, obj, "opensslVersion",
                OpenSSL_version(OPENSSL_VERSION_STRING));
  return obj;
}

static napi_value pm_get_title(napi_env env, napi_callback_info info) {
  char buf[512];
  if (uv_get_process_title(buf, sizeof(buf)) != 0) buf[0] = '\0';
  napi_value s;
  napi_create_string_utf8(env, buf, NAPI_AUTO_LENGTH, &s);
  return s;
}

static napi_value pm_set_title(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  char *t = nd_strdup_utf8(env, argv[0]);
  if (t == NULL) return NULL;
  uv_set_process_title(t);
  free(t);
  return NULL;
}

static napi_value pm_run_microtasks(napi_env env, napi_callback_info info) {
  nd_engine_run_microtasks(env);
  return NULL;
}

static napi_value pm_enqueue_microtask(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  nd_engine_enqueue_microtask(env, argv[0]);
  return NULL;
}

static napi_value pm_set_promise_reject_callback(napi_env env,
                                                 napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  nd_engine_set_promise_reject_callback(env, argv[0]);
  return NULL;
}

/* rawDebug(string): writes straight to fd 2 with a newline. */
static napi_value pm_raw_debug(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  char *s = nd_strdup_utf8(env, argv[0]);
  if (s == NULL) return NULL;
  fprintf(stderr, "%s\n", s);
  fflush(stderr);
  free(s);
  return NULL;
}

#define ND_ID_GETTER(fn, call)                                                 \
  static napi_value fn(napi_env env, napi_callback_info info) {                \
    napi_value r;                                                              \
    napi_create_uint32(env, (uint32_t)call(), &r);                             \
    return r;                                                                  \
  }
ND_ID_GETTER(pm_getuid, getuid)
ND_ID_GETTER(pm_geteuid, geteuid)
ND_ID_GETTER(pm_getgid, getgid)
ND_ID_GETTER(pm_getegid, getegid)

static napi_value pm_getgroups(napi_env env, napi_callback_info info) {
  gid_t groups[257];
  int n = getgroups(256, groups);
  if (n < 0) n = 0;
  /* The effective gid is part of the list, as Node reports it. */
  gid_t egid = getegid();
  bool has = false;
  for (int i = 0; i < n; i++)
    if (groups[i] == egid) has = true;
  if (!has) groups[n++] = egid;
  napi_value arr, v;
  napi_create_array(env, &arr);
  for (int i = 0; i < n; i++) {
    napi_create_uint32(env, groups[i], &v);
    napi_set_element(env, arr, i, v);
  }
  return arr;
}

/* Resolves a user (or group) given as a number or a name; returns 0 and
 * sets *id, or -1 when the name is unknown. */
static int resolve_id(napi_env env, napi_value v, bool group, unsigned *id) {
  napi_valuetype t;
  napi_typeof(env, v, &t);
  if (t == napi_number) {
    *id = (unsigned)nd_to_int64(env, v, 0);
    return 0;
  }
  char *name = nd_strdup_utf8(env, v);
  if (name == NULL) return -1;
  char buf[8192];
  int rc = -1;
  if (group) {
    struct group gr, *res = NULL;
    if (getgrnam_r(name, &gr, buf, sizeof(buf), &res) == 0 && res != NULL) {
      *id = res->gr_gid;
      rc = 0;
    }
  } else {
    struct passwd pw, *res = NULL;
    if (getpwnam_r(name, &pw, buf, sizeof(buf), &res) == 0 && res != NULL) {
      *id = res->pw_uid;
      rc = 0;
    }
  }
  free(name);
  return rc;
}

/* setCredential(which, id): which is setuid/setgid/seteuid/setegid.
 * -> 0, -2 for an unknown name, or a negative errno. */
static napi_value pm_set_credential(napi_env env, napi_callback_info info) {
  napi_value argv[2], r;
  nd_args(env, info, 2, argv);
  char which[16] = "";
  size_t len;
  napi_get_value_string_utf8(env, argv[0], which, sizeof(which), &len);
  bool group = strstr(which, "gid") != NULL;
  unsigned id;
  int rc;
  if (resolve_id(env, argv[1], group, &id) != 0) {
    rc = -2;
  } else {
    int e;
    if (strcmp(which, "setuid") == 0) e = setuid(id);
    else if (strcmp(which, "setgid") == 0) e = setgid(id);
    else if (strcmp(which, "seteuid") == 0) e = seteuid(id);
    else e = setegid(id);
    rc = e == 0 ? 0 : -errno;
  }
  napi_create_int32(env, rc, &r);
  return r;
}

/* setGroups(list) -> 0, i + 1 when list[i] is an unknown group, or a
 * negative errno. */
static napi_value pm_set_groups(napi_env env, napi_callback_info info) {
  napi_value argv[1], r, v;
  nd_args(env, info, 1, argv);
  uint32_t n = 0;
  napi_get_array_length(env, argv[0], &n);
  gid_t *groups = calloc(n ? n : 1, sizeof(gid_t));
  int rc = 0;
  for (uint32_t i = 0; i < n && rc == 0; i++) {
    unsigned id;
    napi_get_element(env, argv[0], i, &v);
    if (resolve_id(env, v, true, &id) != 0) rc = (int)i + 1;
    groups[i] = id;
  }
  if (rc == 0 && setgroups(n, groups) != 0) rc = -errno;
  free(groups);
  napi_create_int32(env, rc, &r);
  return r;
}

/* initGroups(user, extraGroup) -> 0, -2 unknown user, -3 unknown group,
 * or a negative errno. */
static napi_value pm_init_groups(napi_env env, napi_callback_info info) {
  napi_value argv[2], r;
  nd_args(env, info, 2, argv);
  unsigned uid, gid;
  int rc = 0;
  /* The group is checked first, as Node does. */
  if (resolve_id(env, argv[1], true, &gid) != 0) rc = -3;
  else if (resolve_id(env, argv[0], false, &uid) != 0) rc = -2;
  if (rc == 0) {
    char buf[8192];
    struct passwd pw, *res = NULL;
    if (getpwuid_r(uid, &pw, buf, sizeof(buf), &res) != 0 || res == NULL)
      rc = -2;
    else if (initgroups(res->pw_name, gid) != 0)
      rc = -errno;
  }
  napi_create_int32(env, rc, &r);
  return r;
}

/* dlopen(module, filename, flags): loads a Node-API addon into
 * module.exports. */
static napi_value pm_dlopen(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  nd_args(env, info, 3, argv);
  char *file = nd_strdup_utf8(env, argv[1]);
  if (file == NULL) return NULL;
  int flags = (int)nd_to_int64(env, argv[2], -1);
  nd_addon_load(env, argv[0], file, flags);
  free(file);
  return NULL;
}

static const napi_property_descriptor pm_methods[] = {
  ND_METHOD("setupCallbacks", pm_setup_callbacks),
  ND_METHOD("reallyExit", pm_really_exit),
  ND_METHOD("abort", pm_abort),
  ND_METHOD("cwd", pm_cwd),
  ND_METHOD("chdir", pm_chdir),
  ND_METHOD("umask", pm_umask),
  ND_METHOD("hrtime", pm_hrtime),
  ND_METHOD("hrtimeBigInt", pm_hrtime_bigint),
  ND_METHOD("uptime", pm_uptime),
  ND_METHOD("rss", pm_rss),
  ND_METHOD("memoryUsage", pm_memory_usage),
  ND_METHOD("cpuUsage", pm_cpu_usage),
  ND_METHOD("resourceUsage", pm_resource_usage),
  ND_METHOD("_kill", pm_kill),
  ND_METHOD("createEnv", pm_create_env),
  ND_METHOD("getActiveHandles", pm_get_active_handles),
  ND_METHOD("getActiveRequests", pm_get_active_requests),
  ND_METHOD("getProcessInfo", pm_get_process_info),
  ND_METHOD("getTitle", pm_get_title),
  ND_METHOD("setTitle", pm_set_title),
  ND_METHOD("runMicrotasks", pm_run_microtasks),
  ND_METHOD("enqueueMicrotask", pm_enqueue_microtask),
  ND_METHOD("setPromiseRejectCallback", pm_set_promise_reject_callback),
  ND_METHOD("rawDebug", pm_raw_debug),
  ND_METHOD("getuid", pm_getuid),
  ND_METHOD("geteuid", pm_geteuid),
  ND_METHOD("getgid", pm_getgid),
  ND_METHOD("getegid", pm_getegid),
  ND_METHOD("getgroups", pm_getgroups),
  ND_METHOD("dlopen", pm_dlopen),
  ND_METHOD("setCredential", pm_set_credential),
  ND_METHOD("setGroups", pm_set_groups),
  ND_METHOD("initGroups", pm_init_groups),
};

napi_value nd_binding_process_methods_init(napi_env env, napi_value exports) {
  if (napi_define_properties(env, exports, ND_COUNT(pm_methods), pm_methods) !=
      napi_ok)
    return NULL;
  return exports;
}
