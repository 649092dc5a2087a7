// Shared plumbing of kload's native core: clocks, N-API argument helpers, error objects, the
// librdkafka config builder and the lifecycle every client (producer, consumer) follows.
//
// Why a lifecycle base: a client must be closed exactly once, on the JS thread that owns it, and
// never from a GC finalizer while librdkafka may still hold messages (rd_kafka_destroy from a
// finalizer can block or abort). So a live client is closed either by close() or by the env
// cleanup hook at thread/env teardown; the finalizer only frees memory of a closed client, or
// marks a still-open one as orphaned for the cleanup hook to close and free.
#pragma once

#include <node_api.h>
#include <librdkafka/rdkafka.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <time.h>
#include <vector>

namespace kload {

// CLOCK_MONOTONIC is what process.hrtime.bigint() reads, so JS and C times compare directly.
inline double monoUs() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return double(ts.tv_sec) * 1e6 + double(ts.tv_nsec) / 1e3;
}

inline double wallUs() {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return double(ts.tv_sec) * 1e6 + double(ts.tv_nsec) / 1e3;
}

// Per-env state (napi_set_instance_data): constructors live here, never in globals, so each
// worker thread that loads the addon gets its own.
struct EnvData {
  napi_ref waiterCtor = nullptr;
  napi_ref producerCtor = nullptr;
  napi_ref consumerCtor = nullptr;
};

// Type tags let unwrap() refuse a NativeProducer passed where a Waiter is expected, instead of
// reinterpreting its pointer. Constant data, not mutable state.
extern const napi_type_tag kWaiterTag;
extern const napi_type_tag kProducerTag;
extern const napi_type_tag kConsumerTag;

// Returns false with a pending JS exception when status is not ok; callers return nullptr.
bool ok(napi_env env, napi_status status);
#define KL_CHECK(env, call) \
  do { if (!::kload::ok((env), (call))) return nullptr; } while (0)

napi_value throwError(napi_env env, const std::string& message);
// An Error with .code (the librdkafka code, a number) and .errName (rd_kafka_err2name).
napi_value throwKafkaError(napi_env env, rd_kafka_resp_err_t code, const std::string& message);

// Reads `this` and up to `n` arguments; missing ones are undefined.
bool getArgs(napi_env env, napi_callback_info info, size_t n, napi_value* argv, napi_value* self);
bool toDouble(napi_env env, napi_value v, double* out);
bool toInt32(napi_env env, napi_value v, int32_t* out);
bool toString(napi_env env, napi_value v, std::string* out);
bool isNullish(napi_env env, napi_value v);

// A typed array property of a plain object, as a raw pointer and element count; throws a
// TypeError naming the property when it is missing or of another element type.
bool typedPropRaw(napi_env env, napi_value obj, const char* name, napi_typedarray_type type, void** data,
                  size_t* count);
template <typename T> struct ArrayType;
template <> struct ArrayType<double> { static constexpr napi_typedarray_type v = napi_float64_array; };
template <> struct ArrayType<uint32_t> { static constexpr napi_typedarray_type v = napi_uint32_array; };
template <> struct ArrayType<int32_t> { static constexpr napi_typedarray_type v = napi_int32_array; };
template <> struct ArrayType<uint8_t> { static constexpr napi_typedarray_type v = napi_uint8_array; };
template <typename T>
bool typedProp(napi_env env, napi_value obj, const char* name, T** data, size_t* count) {
  void* p = nullptr;
  if (!typedPropRaw(env, obj, name, ArrayType<T>::v, &p, count)) return false;
  *data = static_cast<T*>(p);
  return true;
}
bool bufferProp(napi_env env, napi_value obj, const char* name, uint8_t** data, size_t* len, bool allowNull);
bool numberProp(napi_env env, napi_value obj, const char* name, double* out);

// Builds a config from a Record<string,string> (values coerced to strings), with the client as
// opaque. Null with a pending exception when librdkafka rejects a property.
rd_kafka_conf_t* buildConf(napi_env env, napi_value record, void* opaque);

// A Waiter's state: just its eventfd (-1 once closed). See waiter.cc.
struct Waiter { int fd = -1; };

// Waiter argument → a dup()ed eventfd the client owns (-1 for none). Dup'ing means closing the
// Waiter first never leaves librdkafka writing to a recycled fd number.
bool waiterFd(napi_env env, napi_value v, int* fd);

// errors(): drained from error_cb (librdkafka threads may call it, hence the mutex).
struct ErrorLog {
  struct Entry { int code; std::string message; };
  std::mutex mu;
  std::vector<Entry> entries;
  void push(int code, const char* message);
  napi_value drain(napi_env env);
  std::string last();
};

// The lifecycle described at the top; subclasses implement closeNow().
struct Client {
  napi_env env = nullptr;
  rd_kafka_t* rk = nullptr;
  int ioFd = -1;
  std::string bootstrap;  // for error messages
  bool hookRegistered = false;
  bool orphaned = false;
  ErrorLog errors;

  virtual ~Client() = default;
  virtual void closeNow() = 0;  // destroys rk and closes ioFd; idempotent; may block
  virtual void serveEvents() {}  // lets error_cb run (after a failed connect) without losing messages

  void registerHook(napi_env e);
  void close();  // from JS: closeNow() and drop the cleanup hook
  static void cleanupHook(void* arg);
  static void finalize(napi_env env, void* data, void* hint);
};

// Wraps a new client into `self` with its type tag and finalizer; deletes it on failure.
bool wrapClient(napi_env env, napi_value self, Client* c, const napi_type_tag* tag);
// `this` → client, throwing on a wrong receiver. Null if it failed (exception pending).
Client* unwrapClient(napi_env env, napi_value self, const napi_type_tag* tag);

// Shared methods of both clients.
napi_value connectClient(napi_env env, Client* c, double timeoutMs);
napi_value errorsOf(napi_env env, Client* c);

}  // namespace kload
