/* os.c - internalBinding('os'): host facts for lib/os.js through libuv
 * (names, memory, CPUs, interfaces, users, priorities). Failing calls fill
 * a `ctx` object { errno, code, message, syscall } and return undefined. */
#include <stdio.h>
#include <string.h>

#include <uv.h>

#include "bindings.h"
#include "napi_util.h"

/* Records libuv error `err` of `syscall` on ctx; returns NULL (undefined). */
static napi_value os_fail(napi_env env, napi_value ctx, int err,
                          const char *syscall) {
  napi_valuetype t = napi_undefined;
  if (ctx != NULL) napi_typeof(env, ctx, &t);
  if (t != napi_object) return nd_throw_uv(env, err, syscall, NULL, NULL);
  nd_set_number(env, ctx, "errno", err);
  nd_set_string(env, ctx, "code", uv_err_name(err));
  nd_set_string(env, ctx, "message", uv_strerror(err));
  nd_set_string(env, ctx, "syscall", syscall);
  return NULL;
}

static napi_value os_string(napi_env env, const char *s) {
  napi_value v;
  napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &v);
  return v;
}

static napi_value os_number(napi_env env, double d) {
  napi_value v;
  napi_create_double(env, d, &v);
  return v;
}

/* getHostname(ctx) -> string */
static napi_value os_get_hostname(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  char buf[UV_MAXHOSTNAMESIZE];
  size_t len = sizeof(buf);
  int r = uv_os_gethostname(buf, &len);
  if (r != 0) return os_fail(env, argv[0], r, "uv_os_gethostname");
  return os_string(env, buf);
}

/* getLoadAvg(float64Array[3]) fills the 1, 5 and 15 minute averages. */
static napi_value os_get_load_avg(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  double *p;
  size_t n;
  if (napi_get_typedarray_info(env, argv[0], NULL, &n, (void **)&p, NULL,
                               NULL) != napi_ok || n < 3)
    return NULL;
  uv_loadavg(p);
  return NULL;
}

/* getUptime(ctx) -> seconds since boot */
static napi_value os_get_uptime(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  double up;
  int r = uv_uptime(&up);
  if (r != 0) return os_fail(env, argv[0], r, "uv_uptime");
  return os_number(env, up);
}

static napi_value os_get_total_mem(napi_env env, napi_callback_info info) {
  return os_number(env, (double)uv_get_total_memory());
}

static napi_value os_get_free_mem(napi_env env, napi_callback_info info) {
  return os_number(env, (double)uv_get_free_memory());
}

static napi_value os_get_available_parallelism(napi_env env,
                                               napi_callback_info info) {
  return os_number(env, (double)uv_available_parallelism());
}

/* getCPUs() -> flat array of [model, speed, user, nice, sys, idle, irq] per
 * CPU (times in milliseconds), or undefined when libuv cannot tell. */
static napi_value os_get_cpus(napi_env env, napi_callback_info info) {
  uv_cpu_info_t *cpus;
  int count;
  if (uv_cpu_info(&cpus, &count) != 0) return NULL;
  napi_value arr;
  napi_create_array_with_length(env, (size_t)count * 7, &arr);
  uint32_t k = 0;
  for (int i = 0; i < count; i++) {
    uv_cpu_info_t *c = &cpus[i];
    napi_set_element(env, arr, k++, os_string(env, c->model ? c->model : ""));
    napi_set_element(env, arr, k++, os_number(env, c->speed));
    napi_set_element(env, arr, k++, os_number(env, (double)c->cpu_times.user));
    napi_set_element(env, arr, k++, os_number(env, (double)c->cpu_times.nice));
    napi_set_element(env, arr, k++, os_number(env, (double)c->cpu_times.sys));
    napi_set_element(env, arr, k++, os_number(env, (double)c->cpu_times.idle));
    napi_set_element(env, arr, k++, os_number(env, (double)c->cpu_times.irq));
  }
  uv_free_cpu_info(cpus, count);
  return arr;
}

/* getInterfaceAddresses(ctx) -> flat array of [name, address, netmask,
 * family, mac, internal, scopeid] per address (scopeid -1 for IPv4). */
static napi_value os_get_interface_addresses(napi_env env,
                                             napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  uv_interface_address_t *ifs;
  int count;
  int r = uv_interface_addresses(&ifs, &count);
  if (r == UV_ENOSYS) count = 0, ifs = NULL;
  else if (r != 0) return os_fail(env, argv[0], r, "uv_interface_addresses");
  napi_value arr;
  napi_create_array_with_length(env, (size_t)count * 7, &arr);
  uint32_t k = 0;
  for (int i = 0; i < count; i++) {
    uv_interface_address_t *a = &ifs[i];
    char ip[INET6_ADDRSTRLEN] = "", mask[INET6_ADDRSTRLEN] = "", mac[18];
    const char *family;
    double scope = -1;
    if (a->address.address4.sin_family == AF_INET) {
      uv_ip4_name(&a->address.address4, ip, sizeof(ip));
      uv_ip4_name(&a->netmask.netmask4, mask, sizeof(mask));
      family = "IPv4";
    } else if (a->address.address4.sin_family == AF_INET6) {
      uv_ip6_name(&a->address.address6, ip, sizeof(ip));
      uv_ip6_name(&a->netmask.netmask6, mask, sizeof(mask));
      family = "IPv6";
      scope = a->address.address6.sin6_scope_id;
    } else {
      strcpy(ip, "<unknown sa family>");
      family = "unknown";
    }
    const unsigned char *m = (const unsigned char *)a->phys_addr;
    snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1],
             m[2], m[3], m[4], m[5]);
    napi_value internal;
    napi_get_boolean(env, a->is_internal, &internal);
    napi_set_element(env, arr, k++, os_string(env, a->name));
    napi_set_element(env, arr, k++, os_string(env, ip));
    napi_set_element(env, arr, k++, os_string(env, mask));
    napi_set_element(env, arr, k++, os_string(env, family));
    napi_set_element(env, arr, k++, os_string(env, mac));
    napi_set_element(env, arr, k++, internal);
    napi_set_element(env, arr, k++, os_number(env, scope));
  }
  if (ifs != NULL) uv_free_interface_addresses(ifs, count);
  return arr;
}

/* getHomeDirectory(ctx) -> string ($HOME, else the passwd entry) */
static napi_value os_get_home_directory(napi_env env,
                                        napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  char buf[4096];
  size_t len = sizeof(buf);
  int r = uv_os_homedir(buf, &len);
  if (r != 0) return os_fail(env, argv[0], r, "uv_os_homedir");
  return os_string(env, buf);
}

static napi_value os_bytes(napi_env env, const char *s) {
  napi_value v;
  void *unused;
  if (s == NULL) {
    napi_get_null(env, &v);
    return v;
  }
  size_t n = strlen(s);
  napi_create_buffer_copy(env, n, n ? s : "", &unused, &v);
  return v;
}

/* getUserInfo(ctx) -> { uid, gid, username, homedir, shell } with the three
 * strings as Buffers (lib/os.js decodes them). */
static napi_value os_get_user_info(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  uv_passwd_t pw;
  int r = uv_os_get_passwd(&pw);
  if (r != 0) return os_fail(env, argv[0], r, "uv_os_get_passwd");
  napi_value o;
  napi_create_object(env, &o);
  nd_set_number(env, o, "uid", (double)(long)pw.uid);
  nd_set_number(env, o, "gid", (double)(long)pw.gid);
  napi_set_named_property(env, o, "username", os_bytes(env, pw.username));
  napi_set_named_property(env, o, "homedir", os_bytes(env, pw.homedir));
  napi_set_named_property(env, o, "shell", os_bytes(env, pw.shell));
  uv_os_free_passwd(&pw);
  return o;
}

/* getOSInformation(ctx) -> [sysname, version, release, machine] */
static napi_value os_get_os_information(napi_env env,
                                        napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  uv_utsname_t u;
  int r = uv_os_uname(&u);
  if (r != 0) return os_fail(env, argv[0], r, "uv_os_uname");
  napi_value arr;
  napi_create_array_with_length(env, 4, &arr);
  napi_set_element(env, arr, 0, os_string(env, u.sysname));
  napi_set_element(env, arr, 1, os_string(env, u.version));
  napi_set_element(env, arr, 2, os_string(env, u.release));
  napi_set_element(env, arr, 3, os_string(env, u.machine));
  return arr;
}

/* setPriority(pid, priority, ctx) -> 0, or undefined on failure */
static napi_value os_set_priority(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  nd_args(env, info, 3, argv);
  int pid = (int)nd_to_int64(env, argv[0], 0);
  int prio = (int)nd_to_int64(env, argv[1], 0);
  int r = uv_os_setpriority(pid, prio);
  if (r != 0) return os_fail(env, argv[2], r, "uv_os_setpriority");
  return os_number(env, 0);
}

/* getPriority(pid, ctx) -> the nice value */
static napi_value os_get_priority(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  nd_args(env, info, 2, argv);
  int prio;
  int r = uv_os_getpriority((int)nd_to_int64(env, argv[0], 0), &prio);
  if (r != 0) return os_fail(env, argv[1], r, "uv_os_getpriority");
  return os_number(env, prio);
}

static const napi_property_descriptor os_methods[] = {
  ND_METHOD("getHostname", os_get_hostname),
  ND_METHOD("getLoadAvg", os_get_load_avg),
  ND_METHOD("getUptime", os_get_uptime),
  ND_METHOD("getTotalMem", os_get_total_mem),
  ND_METHOD("getFreeMem", os_get_free_mem),
  ND_METHOD("getAvailableParallelism", os_get_available_parallelism),
  ND_METHOD("getCPUs", os_get_cpus),
  ND_METHOD("getInterfaceAddresses", os_get_interface_addresses),
  ND_METHOD("getHomeDirectory", os_get_home_directory),
  ND_METHOD("getUserInfo", os_get_user_info),
  ND_METHOD("getOSInformation", os_get_os_information),
  ND_METHOD("setPriority", os_set_priority),
  ND_METHOD("getPriority", os_get_priority),
};

napi_value nd_binding_os_init(napi_env env, napi_value exports) {
  if (napi_define_properties(env, exports, ND_COUNT(os_methods), os_methods) !=
      napi_ok)
    return NULL;
  return exports;
}
