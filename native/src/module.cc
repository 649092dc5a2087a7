// Module init. NAPI_MODULE_INIT makes the addon context-aware: Node calls this once per env
// (main thread and every worker thread that loads it), and everything it creates — classes,
// constructor references — lives in that env's instance data, never in process globals.
#include "common.h"

namespace kload {
napi_value defineWaiter(napi_env env);
napi_value defineProducer(napi_env env);
napi_value defineConsumer(napi_env env);
}  // namespace kload

using namespace kload;

static void freeEnvData(napi_env env, void* data, void*) {
  EnvData* d = static_cast<EnvData*>(data);
  if (d->waiterCtor) napi_delete_reference(env, d->waiterCtor);
  if (d->producerCtor) napi_delete_reference(env, d->producerCtor);
  if (d->consumerCtor) napi_delete_reference(env, d->consumerCtor);
  delete d;
}

static napi_value librdkafkaVersion(napi_env env, napi_callback_info) {
  napi_value v;
  KL_CHECK(env, napi_create_string_utf8(env, rd_kafka_version_str(), NAPI_AUTO_LENGTH, &v));
  return v;
}

static bool exportClass(napi_env env, napi_value exports, const char* name, napi_value ctor, napi_ref* ref) {
  return ctor && ok(env, napi_create_reference(env, ctor, 1, ref)) &&
         ok(env, napi_set_named_property(env, exports, name, ctor));
}

NAPI_MODULE_INIT() {
  EnvData* d = new EnvData();
  if (napi_set_instance_data(env, d, freeEnvData, nullptr) != napi_ok) {
    delete d;
    return nullptr;
  }
  napi_value fn, trailer;
  if (!exportClass(env, exports, "Waiter", defineWaiter(env), &d->waiterCtor) ||
      !exportClass(env, exports, "NativeProducer", defineProducer(env), &d->producerCtor) ||
      !exportClass(env, exports, "NativeConsumer", defineConsumer(env), &d->consumerCtor))
    return nullptr;
  KL_CHECK(env, napi_create_function(env, "librdkafkaVersion", NAPI_AUTO_LENGTH, librdkafkaVersion, nullptr, &fn));
  KL_CHECK(env, napi_set_named_property(env, exports, "librdkafkaVersion", fn));
  KL_CHECK(env, napi_create_uint32(env, 44, &trailer));
  KL_CHECK(env, napi_set_named_property(env, exports, "STAMP_TRAILER_BYTES", trailer));
  return exports;
}
