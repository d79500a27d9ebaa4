/* engine_heap.cc - heap and code statistics of an isolate, for the v8
 * module (getHeapStatistics & co.). */
#include <v8.h>

#include "shim.h"

extern "C" void nd_engine_heap_statistics(napi_env env, double *out) {
  v8::HeapStatistics h;
  env->isolate->GetHeapStatistics(&h);
  out[ND_HEAP_TOTAL_HEAP_SIZE] = (double)h.total_heap_size();
  out[ND_HEAP_TOTAL_HEAP_SIZE_EXECUTABLE] =
      (double)h.total_heap_size_executable();
  out[ND_HEAP_TOTAL_PHYSICAL_SIZE] = (double)h.total_physical_size();
  out[ND_HEAP_TOTAL_AVAILABLE_SIZE] = (double)h.total_available_size();
  out[ND_HEAP_USED_HEAP_SIZE] = (double)h.used_heap_size();
  out[ND_HEAP_HEAP_SIZE_LIMIT] = (double)h.heap_size_limit();
  out[ND_HEAP_MALLOCED_MEMORY] = (double)h.malloced_memory();
  out[ND_HEAP_PEAK_MALLOCED_MEMORY] = (double)h.peak_malloced_memory();
  out[ND_HEAP_DOES_ZAP_GARBAGE] = (double)h.does_zap_garbage();
  out[ND_HEAP_NUMBER_OF_NATIVE_CONTEXTS] =
      (double)h.number_of_native_contexts();
  out[ND_HEAP_NUMBER_OF_DETACHED_CONTEXTS] =
      (double)h.number_of_detached_contexts();
  out[ND_HEAP_TOTAL_GLOBAL_HANDLES_SIZE] =
      (double)h.total_global_handles_size();
  out[ND_HEAP_USED_GLOBAL_HANDLES_SIZE] = (double)h.used_global_handles_size();
  out[ND_HEAP_EXTERNAL_MEMORY] = (double)h.external_memory();
}

extern "C" size_t nd_engine_heap_space_count(napi_env env) {
  return env->isolate->NumberOfHeapSpaces();
}

extern "C" const char *nd_engine_heap_space_statistics(napi_env env,
                                                       size_t index,
                                                       double *out) {
  v8::HeapSpaceStatistics s;
  if (index >= env->isolate->NumberOfHeapSpaces() ||
      !env->isolate->GetHeapSpaceStatistics(&s, index))
    return NULL;
  out[ND_HEAP_SPACE_SIZE] = (double)s.space_size();
  out[ND_HEAP_SPACE_USED_SIZE] = (double)s.space_used_size();
  out[ND_HEAP_SPACE_AVAILABLE_SIZE] = (double)s.space_available_size();
  out[ND_HEAP_SPACE_PHYSICAL_SIZE] = (double)s.physical_space_size();
  return s.space_name();
}

extern "C" void nd_engine_heap_code_statistics(napi_env env, double *out) {
  v8::HeapCodeStatistics c;
  env->isolate->GetHeapCodeAndMetadataStatistics(&c);
  out[ND_HEAP_CODE_AND_METADATA_SIZE] = (double)c.code_and_metadata_size();
  out[ND_HEAP_BYTECODE_AND_METADATA_SIZE] =
      (double)c.bytecode_and_metadata_size();
  out[ND_HEAP_EXTERNAL_SCRIPT_SOURCE_SIZE] =
      (double)c.external_script_source_size();
  out[ND_HEAP_CPU_PROFILER_METADATA_SIZE] =
      (double)c.cpu_profiler_metadata_size();
}

extern "C" uint32_t nd_engine_cached_data_version_tag(void) {
  return v8::ScriptCompiler::CachedDataVersionTag();
}

/* V8 asks before aborting for --abort-on-uncaught-exception: never. */
static bool never_abort(v8::Isolate *isolate) {
  (void)isolate;
  return false;
}

extern "C" void nd_engine_set_runtime_flags(napi_env env, const char *flags,
                                            size_t length) {
  env->isolate->SetAbortOnUncaughtExceptionCallback(never_abort);
  v8::V8::SetFlagsFromString(flags, length);
}
