/* engine_env.h - private to runtime/v8: what ValueSerializer delegates need
 * to clone objects made by nd_engine_intercepted_object() (process.env):
 * such an object travels as a plain-object copy of its properties, as in
 * Node, where structuredClone(process.env) gives a plain object. */
#ifndef NODUS_V8_ENGINE_ENV_H
#define NODUS_V8_ENGINE_ENV_H

#include <v8.h>

/* The first uint32 of a host object written by nd_intercepted_write(). */
enum { ND_HOST_TAG_PLAIN_COPY = 0x706c6e63 };

/* For Delegate::WriteHostObject: when `object` was made by
 * nd_engine_intercepted_object(), writes ND_HOST_TAG_PLAIN_COPY and then a
 * plain object with its enumerable own properties into `ser`; returns
 * Just(true). Returns Just(false) for any other object (the delegate goes
 * on), Nothing with an exception pending when reading a property threw. */
v8::Maybe<bool> nd_intercepted_write(v8::Isolate *isolate,
                                     v8::ValueSerializer *ser,
                                     v8::Local<v8::Object> object);

/* For Delegate::ReadHostObject, after it read ND_HOST_TAG_PLAIN_COPY:
 * reads the plain copy. Empty with an exception pending on bad data. */
v8::MaybeLocal<v8::Object> nd_intercepted_read(v8::Isolate *isolate,
                                               v8::ValueDeserializer *des);

#endif /* NODUS_V8_ENGINE_ENV_H */
