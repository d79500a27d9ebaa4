/* napi_values.cc - Node-API over V8: primitives, strings, numbers, bigints,
 * dates, symbols, typeof and coercion. */
#include <v8.h>

#include <limits.h>
#include <math.h>

#include "shim.h"

v8::MaybeLocal<v8::String> nd_string_utf8(v8::Isolate *isolate,
                                          const char *s, size_t length) {
  if (length == NAPI_AUTO_LENGTH) length = strlen(s);
  if (length > INT_MAX) return v8::MaybeLocal<v8::String>();
  return v8::String::NewFromUtf8(isolate, s, v8::NewStringType::kNormal,
                                 (int)length);
}

extern "C" napi_status napi_get_undefined(napi_env env, napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, result);
  *result = nd_value(v8::Undefined(env->isolate));
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_null(napi_env env, napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, result);
  *result = nd_value(v8::Null(env->isolate));
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_global(napi_env env, napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, result);
  *result = nd_value(nd_context(env)->Global());
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_boolean(napi_env env, bool value,
                                        napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, result);
  *result = nd_value(v8::Boolean::New(env->isolate, value));
  return nd_clear_error(env);
}

extern "C" napi_status napi_create_object(napi_env env, napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, result);
  *result = nd_value(v8::Object::New(env->isolate));
  return nd_clear_error(env);
}

extern "C" napi_status napi_create_array(napi_env env, napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, result);
  *result = nd_value(v8::Array::New(env->isolate));
  return nd_clear_error(env);
}

extern "C" napi_status napi_create_array_with_length(napi_env env,
                                                     size_t length,
                                                     napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, result);
  *result = nd_value(v8::Array::New(env->isolate, (int)length));
  return nd_clear_error(env);
}

extern "C" napi_status napi_create_double(napi_env env, double value,
                                          napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, result);
  *result = nd_value(v8::Number::New(env->isolate, value));
  return nd_clear_error(env);
}

extern "C" napi_status napi_create_int32(napi_env env, int32_t value,
                                         napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, result);
  *result = nd_value(v8::Integer::New(env->isolate, value));
  return nd_clear_error(env);
}

extern "C" napi_status napi_create_uint32(napi_env env, uint32_t value,
                                          napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, result);
  *result = nd_value(v8::Integer::NewFromUnsigned(env->isolate, value));
  return nd_clear_error(env);
}

extern "C" napi_status napi_create_int64(napi_env env, int64_t value,
                                         napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, result);
  *result = nd_value(v8::Number::New(env->isolate, (double)value));
  return nd_clear_error(env);
}

extern "C" napi_status napi_create_bigint_int64(napi_env env, int64_t value,
                                                napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, result);
  *result = nd_value(v8::BigInt::New(env->isolate, value));
  return nd_clear_error(env);
}

extern "C" napi_status napi_create_bigint_uint64(napi_env env, uint64_t value,
                                                 napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, result);
  *result = nd_value(v8::BigInt::NewFromUnsigned(env->isolate, value));
  return nd_clear_error(env);
}

extern "C" napi_status napi_create_bigint_words(napi_env env, int sign_bit,
                                                size_t word_count,
                                                const uint64_t *words,
                                                napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, words);
  ND_CHECK_ARG(env, result);
  if (word_count > INT_MAX) return nd_set_error(env, napi_invalid_arg);
  v8::MaybeLocal<v8::BigInt> b = v8::BigInt::NewFromWords(
      nd_context(env), sign_bit, (int)word_count, words);
  v8::Local<v8::BigInt> out;
  if (!b.ToLocal(&out)) return nd_finish(env, tc, napi_generic_failure);
  *result = nd_value(out);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_create_string_latin1(napi_env env,
                                                 const char *str,
                                                 size_t length,
                                                 napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  if (length > 0) ND_CHECK_ARG(env, str);
  ND_CHECK_ARG(env, result);
  ND_RETURN_STATUS_IF_FALSE(
      env, length == NAPI_AUTO_LENGTH || length <= INT_MAX, napi_invalid_arg);
  if (str == NULL) str = "";
  v8::Local<v8::String> s;
  if (!v8::String::NewFromOneByte(
           env->isolate, reinterpret_cast<const uint8_t *>(str),
           v8::NewStringType::kNormal,
           length == NAPI_AUTO_LENGTH ? -1 : (int)length)
           .ToLocal(&s))
    return nd_set_error(env, napi_generic_failure);
  *result = nd_value(s);
  return nd_clear_error(env);
}

extern "C" napi_status napi_create_string_utf8(napi_env env, const char *str,
                                               size_t length,
                                               napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  if (length > 0) ND_CHECK_ARG(env, str);
  ND_CHECK_ARG(env, result);
  ND_RETURN_STATUS_IF_FALSE(
      env, length == NAPI_AUTO_LENGTH || length <= INT_MAX, napi_invalid_arg);
  if (str == NULL) str = "";
  v8::Local<v8::String> s;
  if (!nd_string_utf8(env->isolate, str, length).ToLocal(&s))
    return nd_set_error(env, napi_generic_failure);
  *result = nd_value(s);
  return nd_clear_error(env);
}

extern "C" napi_status napi_create_string_utf16(napi_env env,
                                                const char16_t *str,
                                                size_t length,
                                                napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  if (length > 0) ND_CHECK_ARG(env, str);
  ND_CHECK_ARG(env, result);
  ND_RETURN_STATUS_IF_FALSE(
      env, length == NAPI_AUTO_LENGTH || length <= INT_MAX, napi_invalid_arg);
  static const uint16_t empty[1] = {0};
  const uint16_t *s16 =
      str ? reinterpret_cast<const uint16_t *>(str) : empty;
  v8::Local<v8::String> s;
  if (!v8::String::NewFromTwoByte(
           env->isolate, s16, v8::NewStringType::kNormal,
           length == NAPI_AUTO_LENGTH ? -1 : (int)length)
           .ToLocal(&s))
    return nd_set_error(env, napi_generic_failure);
  *result = nd_value(s);
  return nd_clear_error(env);
}

/* External strings: V8 keeps the caller's buffer; finalize runs when the
 * string dies. */
namespace {
template <typename Base, typename Char>
class ExternalString : public Base {
 public:
  ExternalString(napi_env env, const Char *data, size_t length,
                 napi_finalize finalize, void *hint)
      : env_(env), data_(data), length_(length), finalize_(finalize),
        hint_(hint) {}
  const Char *data() const override { return data_; }
  size_t length() const override { return length_; }
  void Dispose() override {
    if (finalize_ != NULL)
      finalize_(env_, const_cast<Char *>(data_), hint_);
    delete this;
  }

 private:
  napi_env env_;
  const Char *data_;
  size_t length_;
  napi_finalize finalize_;
  void *hint_;
};
}  // namespace

extern "C" napi_status node_api_create_external_string_latin1(
    napi_env env, char *str, size_t length, napi_finalize finalize_callback,
    void *finalize_hint, napi_value *result, bool *copied) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, str);
  ND_CHECK_ARG(env, result);
  if (length == NAPI_AUTO_LENGTH) length = strlen(str);
  auto *res = new ExternalString<v8::String::ExternalOneByteStringResource,
                                 char>(env, str, length, finalize_callback,
                                       finalize_hint);
  v8::Local<v8::String> s;
  if (!v8::String::NewExternalOneByte(env->isolate, res).ToLocal(&s)) {
    delete res;
    return nd_set_error(env, napi_generic_failure);
  }
  *result = nd_value(s);
  if (copied) *copied = false;
  return nd_clear_error(env);
}

extern "C" napi_status node_api_create_external_string_utf16(
    napi_env env, char16_t *str, size_t length,
    napi_finalize finalize_callback, void *finalize_hint, napi_value *result,
    bool *copied) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, str);
  ND_CHECK_ARG(env, result);
  if (length == NAPI_AUTO_LENGTH) {
    length = 0;
    while (str[length]) length++;
  }
  auto *res = new ExternalString<v8::String::ExternalStringResource, uint16_t>(
      env, reinterpret_cast<uint16_t *>(str), length, finalize_callback,
      finalize_hint);
  v8::Local<v8::String> s;
  if (!v8::String::NewExternalTwoByte(env->isolate, res).ToLocal(&s)) {
    delete res;
    return nd_set_error(env, napi_generic_failure);
  }
  *result = nd_value(s);
  if (copied) *copied = false;
  return nd_clear_error(env);
}

extern "C" napi_status napi_create_symbol(napi_env env, napi_value description,
                                          napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Symbol> sym;
  if (description == NULL) {
    sym = v8::Symbol::New(env->isolate);
  } else {
    v8::Local<v8::Value> d = nd_local(description);
    if (!d->IsString()) return nd_set_error(env, napi_string_expected);
    sym = v8::Symbol::New(env->isolate, d.As<v8::String>());
  }
  *result = nd_value(sym);
  return nd_clear_error(env);
}

extern "C" napi_status node_api_symbol_for(napi_env env, const char *utf8,
                                           size_t length,
                                           napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  if (length > 0) ND_CHECK_ARG(env, utf8);
  ND_CHECK_ARG(env, result);
  ND_RETURN_STATUS_IF_FALSE(
      env, length == NAPI_AUTO_LENGTH || length <= INT_MAX, napi_invalid_arg);
  v8::Local<v8::String> key;
  if (!nd_string_utf8(env->isolate, utf8 ? utf8 : "", utf8 ? length : 0)
           .ToLocal(&key))
    return nd_set_error(env, napi_generic_failure);
  *result = nd_value(v8::Symbol::For(env->isolate, key));
  return nd_clear_error(env);
}

extern "C" napi_status napi_create_date(napi_env env, double time,
                                        napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> d;
  if (!v8::Date::New(nd_context(env), time).ToLocal(&d))
    return nd_finish(env, tc, napi_generic_failure);
  *result = nd_value(d);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_is_date(napi_env env, napi_value value,
                                    bool *is_date) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, is_date);
  *is_date = nd_local(value)->IsDate();
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_date_value(napi_env env, napi_value value,
                                           double *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = nd_local(value);
  if (!v->IsDate()) return nd_set_error(env, napi_date_expected);
  *result = v.As<v8::Date>()->ValueOf();
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_typeof(napi_env env, napi_value value,
                                   napi_valuetype *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = nd_local(value);
  if (v->IsNumber()) *result = napi_number;
  else if (v->IsBigInt()) *result = napi_bigint;
  else if (v->IsString()) *result = napi_string;
  else if (v->IsFunction()) *result = napi_function;
  else if (v->IsExternal()) *result = napi_external;
  else if (v->IsObject()) *result = napi_object;
  else if (v->IsBoolean()) *result = napi_boolean;
  else if (v->IsUndefined()) *result = napi_undefined;
  else if (v->IsSymbol()) *result = napi_symbol;
  else if (v->IsNull()) *result = napi_null;
  else return nd_set_error(env, napi_invalid_arg);
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_value_double(napi_env env, napi_value value,
                                             double *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = nd_local(value);
  if (!v->IsNumber()) return nd_set_error(env, napi_number_expected);
  *result = v.As<v8::Number>()->Value();
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_value_int32(napi_env env, napi_value value,
                                            int32_t *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = nd_local(value);
  if (v->IsInt32()) {
    *result = v.As<v8::Int32>()->Value();
  } else {
    if (!v->IsNumber()) return nd_set_error(env, napi_number_expected);
    *result = v->Int32Value(nd_context(env)).FromJust();
  }
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_value_uint32(napi_env env, napi_value value,
                                             uint32_t *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = nd_local(value);
  if (v->IsUint32()) {
    *result = v.As<v8::Uint32>()->Value();
  } else {
    if (!v->IsNumber()) return nd_set_error(env, napi_number_expected);
    *result = v->Uint32Value(nd_context(env)).FromJust();
  }
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_value_int64(napi_env env, napi_value value,
                                            int64_t *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = nd_local(value);
  if (v->IsInt32()) {
    *result = v.As<v8::Int32>()->Value();
    return nd_clear_error(env);
  }
  if (!v->IsNumber()) return nd_set_error(env, napi_number_expected);
  double d = v.As<v8::Number>()->Value();
  if (isfinite(d)) {
    /* Out-of-range values saturate, as in Node (IntegerValue). */
    *result = v->IntegerValue(nd_context(env)).FromJust();
  } else {
    *result = 0;
  }
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_value_bigint_int64(napi_env env,
                                                   napi_value value,
                                                   int64_t *result,
                                                   bool *lossless) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  ND_CHECK_ARG(env, lossless);
  v8::Local<v8::Value> v = nd_local(value);
  if (!v->IsBigInt()) return nd_set_error(env, napi_bigint_expected);
  *result = v.As<v8::BigInt>()->Int64Value(lossless);
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_value_bigint_uint64(napi_env env,
                                                    napi_value value,
                                                    uint64_t *result,
                                                    bool *lossless) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  ND_CHECK_ARG(env, lossless);
  v8::Local<v8::Value> v = nd_local(value);
  if (!v->IsBigInt()) return nd_set_error(env, napi_bigint_expected);
  *result = v.As<v8::BigInt>()->Uint64Value(lossless);
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_value_bigint_words(napi_env env,
                                                   napi_value value,
                                                   int *sign_bit,
                                                   size_t *word_count,
                                                   uint64_t *words) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, word_count);
  v8::Local<v8::Value> v = nd_local(value);
  if (!v->IsBigInt()) return nd_set_error(env, napi_bigint_expected);
  v8::Local<v8::BigInt> big = v.As<v8::BigInt>();
  int count = (int)*word_count;
  if (sign_bit == NULL && words == NULL) {
    *word_count = big->WordCount();
  } else {
    ND_CHECK_ARG(env, sign_bit);
    ND_CHECK_ARG(env, words);
    big->ToWordsArray(sign_bit, &count, words);
    *word_count = count;
  }
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_value_bool(napi_env env, napi_value value,
                                           bool *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = nd_local(value);
  if (!v->IsBoolean()) return nd_set_error(env, napi_boolean_expected);
  *result = v.As<v8::Boolean>()->Value();
  return nd_clear_error(env);
}

/* The three string getters share Node's contract: buf == NULL asks for the
 * length (without the terminator); otherwise copy at most bufsize-1 units,
 * NUL-terminate and report the count copied. */
extern "C" napi_status napi_get_value_string_latin1(napi_env env,
                                                    napi_value value,
                                                    char *buf, size_t bufsize,
                                                    size_t *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, value);
  v8::Local<v8::Value> v = nd_local(value);
  if (!v->IsString()) return nd_set_error(env, napi_string_expected);
  v8::Local<v8::String> s = v.As<v8::String>();
  if (buf == NULL) {
    ND_CHECK_ARG(env, result);
    *result = s->Length();
  } else if (bufsize != 0) {
    int copied = s->WriteOneByte(
        env->isolate, reinterpret_cast<uint8_t *>(buf), 0,
        (int)(bufsize - 1 > INT_MAX ? INT_MAX : bufsize - 1),
        v8::String::NO_NULL_TERMINATION);
    buf[copied] = '\0';
    if (result) *result = copied;
  } else if (result != NULL) {
    *result = 0;
  }
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_value_string_utf8(napi_env env,
                                                  napi_value value, char *buf,
                                                  size_t bufsize,
                                                  size_t *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, value);
  v8::Local<v8::Value> v = nd_local(value);
  if (!v->IsString()) return nd_set_error(env, napi_string_expected);
  v8::Local<v8::String> s = v.As<v8::String>();
  if (buf == NULL) {
    ND_CHECK_ARG(env, result);
    *result = s->Utf8Length(env->isolate);
  } else if (bufsize != 0) {
    int copied = s->WriteUtf8(
        env->isolate, buf,
        (int)(bufsize - 1 > INT_MAX ? INT_MAX : bufsize - 1), NULL,
        v8::String::REPLACE_INVALID_UTF8 | v8::String::NO_NULL_TERMINATION);
    buf[copied] = '\0';
    if (result) *result = copied;
  } else if (result != NULL) {
    *result = 0;
  }
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_value_string_utf16(napi_env env,
                                                   napi_value value,
                                                   char16_t *buf,
                                                   size_t bufsize,
                                                   size_t *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, value);
  v8::Local<v8::Value> v = nd_local(value);
  if (!v->IsString()) return nd_set_error(env, napi_string_expected);
  v8::Local<v8::String> s = v.As<v8::String>();
  if (buf == NULL) {
    ND_CHECK_ARG(env, result);
    *result = s->Length();
  } else if (bufsize != 0) {
    int copied = s->Write(
        env->isolate, reinterpret_cast<uint16_t *>(buf), 0,
        (int)(bufsize - 1 > INT_MAX ? INT_MAX : bufsize - 1),
        v8::String::NO_NULL_TERMINATION);
    buf[copied] = 0;
    if (result) *result = copied;
  } else if (result != NULL) {
    *result = 0;
  }
  return nd_clear_error(env);
}

#define ND_COERCE(name, method, type)                                          \
  extern "C" napi_status name(napi_env env, napi_value value,                  \
                              napi_value *result) {                            \
    ND_PREAMBLE(env);                                                          \
    ND_CHECK_ARG(env, value);                                                  \
    ND_CHECK_ARG(env, result);                                                 \
    v8::Local<type> out;                                                       \
    if (!nd_local(value)->method(nd_context(env)).ToLocal(&out))               \
      return nd_finish(env, tc, napi_generic_failure);                         \
    *result = nd_value(out);                                                   \
    return nd_finish(env, tc, napi_ok);                                        \
  }

ND_COERCE(napi_coerce_to_number, ToNumber, v8::Number)
ND_COERCE(napi_coerce_to_object, ToObject, v8::Object)
ND_COERCE(napi_coerce_to_string, ToString, v8::String)

extern "C" napi_status napi_coerce_to_bool(napi_env env, napi_value value,
                                           napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  *result = nd_value(
      v8::Boolean::New(env->isolate,
                       nd_local(value)->BooleanValue(env->isolate)));
  return nd_clear_error(env);
}

extern "C" napi_status napi_strict_equals(napi_env env, napi_value lhs,
                                          napi_value rhs, bool *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, lhs);
  ND_CHECK_ARG(env, rhs);
  ND_CHECK_ARG(env, result);
  *result = nd_local(lhs)->StrictEquals(nd_local(rhs));
  return nd_clear_error(env);
}

extern "C" napi_status napi_create_external(napi_env env, void *data,
                                            napi_finalize finalize_cb,
                                            void *finalize_hint,
                                            napi_value *result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> ext = v8::External::New(env->isolate, data);
  if (finalize_cb != NULL)
    nd_add_finalizer(env, ext, finalize_cb, data, finalize_hint);
  *result = nd_value(ext);
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_value_external(napi_env env, napi_value value,
                                               void **result) {
  ND_CHECK_ENV_NOT_IN_GC(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = nd_local(value);
  if (!v->IsExternal()) return nd_set_error(env, napi_invalid_arg);
  *result = v.As<v8::External>()->Value();
  return nd_clear_error(env);
}
