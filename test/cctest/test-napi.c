/* test-napi.c - C tests of the Node-API implementation over V8. */
#include <string.h>

#include "cctest.h"
#include "engine.h"

int test_values(napi_env env) {
  napi_value v;
  napi_valuetype t;
  int32_t i;
  double d;
  bool b;
  CHECK_OK(napi_create_int32(env, -42, &v));
  CHECK_OK(napi_typeof(env, v, &t));
  CHECK(t == napi_number);
  CHECK_OK(napi_get_value_int32(env, v, &i));
  CHECK(i == -42);
  CHECK_OK(napi_create_double(env, 1.5, &v));
  CHECK_OK(napi_get_value_double(env, v, &d));
  CHECK(d == 1.5);
  CHECK(napi_get_value_bool(env, v, &b) == napi_boolean_expected);
  CHECK_OK(napi_get_boolean(env, true, &v));
  CHECK_OK(napi_get_value_bool(env, v, &b));
  CHECK(b);
  CHECK_OK(napi_get_null(env, &v));
  CHECK_OK(napi_typeof(env, v, &t));
  CHECK(t == napi_null);
  int64_t big;
  bool lossless;
  CHECK_OK(napi_create_bigint_int64(env, -5, &v));
  CHECK_OK(napi_get_value_bigint_int64(env, v, &big, &lossless));
  CHECK(big == -5 && lossless);
  return 0;
}

int test_strings(napi_env env) {
  napi_value s;
  char buf[16];
  size_t len;
  CHECK_OK(napi_create_string_utf8(env, "h\xc3\xa9llo", NAPI_AUTO_LENGTH, &s));
  CHECK_OK(napi_get_value_string_utf8(env, s, NULL, 0, &len));
  CHECK(len == 6);
  CHECK_OK(napi_get_value_string_utf16(env, s, NULL, 0, &len));
  CHECK(len == 5);
  /* Truncation keeps the terminator and reports what was copied. */
  CHECK_OK(napi_get_value_string_utf8(env, s, buf, 4, &len));
  CHECK(len == 3 && strcmp(buf, "h\xc3\xa9") == 0);
  CHECK_OK(napi_get_value_string_latin1(env, s, buf, sizeof(buf), &len));
  CHECK(len == 5 && (unsigned char)buf[1] == 0xe9);
  return 0;
}

int test_objects(napi_env env) {
  napi_value o, v, keys;
  bool has;
  uint32_t n;
  CHECK_OK(napi_create_object(env, &o));
  CHECK_OK(napi_create_int32(env, 7, &v));
  CHECK_OK(napi_set_named_property(env, o, "seven", v));
  CHECK_OK(napi_has_named_property(env, o, "seven", &has));
  CHECK(has);
  CHECK_OK(napi_get_property_names(env, o, &keys));
  CHECK_OK(napi_get_array_length(env, keys, &n));
  CHECK(n == 1);
  CHECK_OK(napi_set_element(env, o, 3, v));
  CHECK_OK(napi_has_element(env, o, 3, &has));
  CHECK(has);
  CHECK_OK(napi_delete_element(env, o, 3, &has));
  CHECK(has);
  CHECK_OK(napi_has_element(env, o, 3, &has));
  CHECK(!has);
  /* Not an object: an error status, no crash. */
  CHECK(napi_set_named_property(env, NULL, "x", v) != napi_ok);
  return 0;
}

static napi_value add(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], r;
  double a, b;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_get_value_double(env, argv[0], &a);
  napi_get_value_double(env, argv[1], &b);
  napi_create_double(env, a + b, &r);
  return r;
}

int test_functions(napi_env env) {
  napi_value fn, args[2], r, global;
  double d;
  CHECK_OK(napi_create_function(env, "add", NAPI_AUTO_LENGTH, add, NULL, &fn));
  CHECK_OK(napi_create_double(env, 2, &args[0]));
  CHECK_OK(napi_create_double(env, 3, &args[1]));
  CHECK_OK(napi_get_global(env, &global));
  CHECK_OK(napi_call_function(env, global, fn, 2, args, &r));
  CHECK_OK(napi_get_value_double(env, r, &d));
  CHECK(d == 5);
  return 0;
}

int test_exceptions(napi_env env) {
  napi_value src, name, fn, global, exc, msg;
  bool pending;
  char buf[64];
  size_t len;
  CHECK_OK(napi_create_string_utf8(env, "throw new TypeError('boom')",
                                   NAPI_AUTO_LENGTH, &src));
  CHECK_OK(napi_create_string_utf8(env, "t.js", NAPI_AUTO_LENGTH, &name));
  CHECK_OK(nd_engine_compile_function(env, src, name, 0, NULL, &fn));
  CHECK_OK(napi_get_global(env, &global));
  CHECK(napi_call_function(env, global, fn, 0, NULL, NULL) ==
        napi_pending_exception);
  CHECK_OK(napi_is_exception_pending(env, &pending));
  CHECK(pending);
  /* Further JS-running calls refuse while an exception is pending. */
  CHECK(napi_call_function(env, global, fn, 0, NULL, NULL) ==
        napi_pending_exception);
  CHECK_OK(napi_get_and_clear_last_exception(env, &exc));
  CHECK_OK(napi_get_named_property(env, exc, "message", &msg));
  CHECK_OK(napi_get_value_string_utf8(env, msg, buf, sizeof(buf), &len));
  CHECK(strcmp(buf, "boom") == 0);
  CHECK_OK(napi_is_exception_pending(env, &pending));
  CHECK(!pending);
  CHECK_OK(napi_throw_range_error(env, "ERR_X", "bad"));
  CHECK_OK(napi_get_and_clear_last_exception(env, &exc));
  CHECK_OK(napi_get_named_property(env, exc, "code", &msg));
  CHECK_OK(napi_get_value_string_utf8(env, msg, buf, sizeof(buf), &len));
  CHECK(strcmp(buf, "ERR_X") == 0);
  return 0;
}

int test_references(napi_env env) {
  napi_value o, back;
  napi_ref ref;
  uint32_t count;
  CHECK_OK(napi_create_object(env, &o));
  CHECK_OK(napi_create_reference(env, o, 1, &ref));
  CHECK_OK(napi_reference_ref(env, ref, &count));
  CHECK(count == 2);
  CHECK_OK(napi_reference_unref(env, ref, &count));
  CHECK_OK(napi_reference_unref(env, ref, &count));
  CHECK(count == 0);
  CHECK(napi_reference_unref(env, ref, &count) != napi_ok);
  CHECK_OK(napi_get_reference_value(env, ref, &back));
  bool same;
  CHECK_OK(napi_strict_equals(env, o, back, &same));
  CHECK(same);
  CHECK_OK(napi_delete_reference(env, ref));
  return 0;
}

int test_typedarrays(napi_env env) {
  napi_value ab, ta, ab2;
  void *data, *data2;
  size_t len, off;
  napi_typedarray_type type;
  CHECK_OK(napi_create_arraybuffer(env, 16, &data, &ab));
  ((unsigned char *)data)[4] = 9;
  CHECK_OK(napi_create_typedarray(env, napi_uint8_array, 8, ab, 4, &ta));
  CHECK_OK(napi_get_typedarray_info(env, ta, &type, &len, &data2, &ab2, &off));
  CHECK(type == napi_uint8_array && len == 8 && off == 4);
  CHECK(((unsigned char *)data2)[0] == 9);
  /* Misaligned Int32Array: a RangeError, not a crash. */
  CHECK(napi_create_typedarray(env, napi_int32_array, 1, ab, 1, &ta) !=
        napi_ok);
  napi_value exc;
  CHECK_OK(napi_get_and_clear_last_exception(env, &exc));
  return 0;
}

int test_compile_with_filename(napi_env env) {
  napi_value src, name, fn, global, exc, stack;
  char buf[512];
  size_t len;
  CHECK_OK(napi_create_string_utf8(env, "\n\n  throw new Error('here')",
                                   NAPI_AUTO_LENGTH, &src));
  CHECK_OK(napi_create_string_utf8(env, "/x/file.js", NAPI_AUTO_LENGTH,
                                   &name));
  CHECK_OK(nd_engine_compile_function(env, src, name, 0, NULL, &fn));
  CHECK_OK(napi_get_global(env, &global));
  CHECK(napi_call_function(env, global, fn, 0, NULL, NULL) ==
        napi_pending_exception);
  napi_value arrow;
  CHECK_OK(nd_engine_take_exception(env, &exc, &arrow));
  CHECK_OK(napi_get_named_property(env, exc, "stack", &stack));
  CHECK_OK(napi_get_value_string_utf8(env, stack, buf, sizeof(buf), &len));
  /* Line 3, column 9: no wrapper offset. */
  CHECK(strstr(buf, "/x/file.js:3:9") != NULL);
  CHECK_OK(napi_get_value_string_utf8(env, arrow, buf, sizeof(buf), &len));
  CHECK(strcmp(buf, "/x/file.js:3\n  throw new Error('here')\n  ^\n") == 0);
  return 0;
}

int test_microtasks(napi_env env) {
  napi_value src, name, fn, global, r;
  int32_t v;
  CHECK_OK(napi_create_string_utf8(
      env,
      "globalThis.order = 0; Promise.resolve().then(() => order = 1);"
      "return order;",
      NAPI_AUTO_LENGTH, &src));
  CHECK_OK(napi_create_string_utf8(env, "m.js", NAPI_AUTO_LENGTH, &name));
  CHECK_OK(nd_engine_compile_function(env, src, name, 0, NULL, &fn));
  CHECK_OK(napi_get_global(env, &global));
  CHECK_OK(napi_call_function(env, global, fn, 0, NULL, &r));
  CHECK_OK(napi_get_value_int32(env, r, &v));
  CHECK(v == 0); /* explicit policy: nothing ran yet */
  nd_engine_run_microtasks(env);
  CHECK_OK(napi_get_named_property(env, global, "order", &r));
  CHECK_OK(napi_get_value_int32(env, r, &v));
  CHECK(v == 1);
  return 0;
}
