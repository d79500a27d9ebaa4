/* types.c - internalBinding('types'): the util.types checks that need V8's
 * view of a value (JS cannot tell a Proxy or a boxed primitive apart). */
#include "bindings.h"
#include "engine.h"
#include "napi_util.h"

#define ND_TYPES(V)                                                            \
  V(isExternal, ND_IS_EXTERNAL)                                                \
  V(isDate, ND_IS_DATE)                                                        \
  V(isArgumentsObject, ND_IS_ARGUMENTS_OBJECT)                                 \
  V(isBigIntObject, ND_IS_BIGINT_OBJECT)                                       \
  V(isBooleanObject, ND_IS_BOOLEAN_OBJECT)                                     \
  V(isNumberObject, ND_IS_NUMBER_OBJECT)                                       \
  V(isStringObject, ND_IS_STRING_OBJECT)                                       \
  V(isSymbolObject, ND_IS_SYMBOL_OBJECT)                                       \
  V(isBoxedPrimitive, ND_IS_BOXED_PRIMITIVE)                                   \
  V(isNativeError, ND_IS_NATIVE_ERROR)                                         \
  V(isRegExp, ND_IS_REGEXP)                                                    \
  V(isAsyncFunction, ND_IS_ASYNC_FUNCTION)                                     \
  V(isGeneratorFunction, ND_IS_GENERATOR_FUNCTION)                             \
  V(isGeneratorObject, ND_IS_GENERATOR_OBJECT)                                 \
  V(isPromise, ND_IS_PROMISE)                                                  \
  V(isMap, ND_IS_MAP)                                                          \
  V(isSet, ND_IS_SET)                                                          \
  V(isMapIterator, ND_IS_MAP_ITERATOR)                                         \
  V(isSetIterator, ND_IS_SET_ITERATOR)                                         \
  V(isWeakMap, ND_IS_WEAK_MAP)                                                 \
  V(isWeakSet, ND_IS_WEAK_SET)                                                 \
  V(isArrayBuffer, ND_IS_ARRAY_BUFFER)                                         \
  V(isDataView, ND_IS_DATA_VIEW)                                               \
  V(isSharedArrayBuffer, ND_IS_SHARED_ARRAY_BUFFER)                            \
  V(isAnyArrayBuffer, ND_IS_ANY_ARRAY_BUFFER)                                  \
  V(isProxy, ND_IS_PROXY)                                                      \
  V(isModuleNamespaceObject, ND_IS_MODULE_NAMESPACE_OBJECT)                    \
  V(isArrayBufferView, ND_IS_ARRAY_BUFFER_VIEW)                                \
  V(isTypedArray, ND_IS_TYPED_ARRAY)                                           \
  V(isUint8Array, ND_IS_UINT8_ARRAY)

#define ND_TYPE_FN(name, kind)                                                 \
  static napi_value types_##name(napi_env env, napi_callback_info info) {      \
    napi_value argv[1], r;                                                     \
    nd_args(env, info, 1, argv);                                               \
    bool is = false;                                                           \
    nd_engine_value_is(env, argv[0], kind, &is);                               \
    napi_get_boolean(env, is, &r);                                             \
    return r;                                                                  \
  }
ND_TYPES(ND_TYPE_FN)
#undef ND_TYPE_FN

static const napi_property_descriptor types_methods[] = {
#define ND_TYPE_ENTRY(name, kind) ND_METHOD(#name, types_##name),
  ND_TYPES(ND_TYPE_ENTRY)
#undef ND_TYPE_ENTRY
};

napi_value nd_binding_types_init(napi_env env, napi_value exports) {
  if (napi_define_properties(env, exports, ND_COUNT(types_methods),
                             types_methods) != napi_ok)
    return NULL;
  return exports;
}
