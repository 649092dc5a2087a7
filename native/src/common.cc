// Plumbing shared by the producer and the consumer; see common.h for the why of the lifecycle.
#include "common.h"

#include <fcntl.h>
#include <unistd.h>

namespace kload {

// Arbitrary 128-bit constants, one per class: what napi_check_object_type_tag compares.
const napi_type_tag kWaiterTag = {0x6b6c6f6164574149ULL, 0x5445523031000001ULL};
const napi_type_tag kProducerTag = {0x6b6c6f616450524fULL, 0x4455434552000002ULL};
const napi_type_tag kConsumerTag = {0x6b6c6f6164434f4eULL, 0x53554d4552000003ULL};

bool ok(napi_env env, napi_status status) {
  if (status == napi_ok) return true;
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) {
    const napi_extended_error_info* info = nullptr;
    napi_get_last_error_info(env, &info);
    napi_throw_error(env, nullptr, info && info->error_message ? info->error_message : "N-API call failed");
  }
  return false;
}

napi_value throwError(napi_env env, const std::string& message) {
  napi_throw_error(env, nullptr, message.c_str());
  return nullptr;
}

napi_value throwKafkaError(napi_env env, rd_kafka_resp_err_t code, const std::string& message) {
  napi_value msg, err, codeV, nameV;
  if (napi_create_string_utf8(env, message.c_str(), message.size(), &msg) != napi_ok ||
      napi_create_error(env, nullptr, msg, &err) != napi_ok) return throwError(env, message);
  napi_create_int32(env, code, &codeV);
  napi_create_string_utf8(env, rd_kafka_err2name(code), NAPI_AUTO_LENGTH, &nameV);
  napi_set_named_property(env, err, "code", codeV);
  napi_set_named_property(env, err, "errName", nameV);
  napi_throw(env, err);
  return nullptr;
}

bool getArgs(napi_env env, napi_callback_info info, size_t n, napi_value* argv, napi_value* self) {
  size_t argc = n;
  return ok(env, napi_get_cb_info(env, info, &argc, argv, self, nullptr));
}

bool toDouble(napi_env env, napi_value v, double* out) {
  if (napi_get_value_double(env, v, out) == napi_ok) return true;
  napi_throw_type_error(env, nullptr, "expected a number");
  return false;
}

bool toInt32(napi_env env, napi_value v, int32_t* out) {
  if (napi_get_value_int32(env, v, out) == napi_ok) return true;
  napi_throw_type_error(env, nullptr, "expected an integer");
  return false;
}

bool toString(napi_env env, napi_value v, std::string* out) {
  napi_value s;
  size_t len = 0;
  if (!ok(env, napi_coerce_to_string(env, v, &s))) return false;
  if (!ok(env, napi_get_value_string_utf8(env, s, nullptr, 0, &len))) return false;
  out->resize(len);
  return ok(env, napi_get_value_string_utf8(env, s, out->data(), len + 1, &len));
}

bool isNullish(napi_env env, napi_value v) {
  napi_valuetype t = napi_undefined;
  napi_typeof(env, v, &t);
  return t == napi_undefined || t == napi_null;
}

bool typedPropRaw(napi_env env, napi_value obj, const char* name, napi_typedarray_type type, void** data,
                  size_t* count) {
  napi_value v;
  bool isTyped = false;
  if (!ok(env, napi_get_named_property(env, obj, name, &v))) return false;
  napi_is_typedarray(env, v, &isTyped);
  napi_typedarray_type actual;
  if (isTyped && napi_get_typedarray_info(env, v, &actual, count, data, nullptr, nullptr) == napi_ok && actual == type)
    return true;
  napi_throw_type_error(env, nullptr, (std::string("batch.") + name + " has the wrong type").c_str());
  return false;
}

bool bufferProp(napi_env env, napi_value obj, const char* name, uint8_t** data, size_t* len, bool allowNull) {
  napi_value v;
  if (!ok(env, napi_get_named_property(env, obj, name, &v))) return false;
  if (allowNull && isNullish(env, v)) { *data = nullptr; *len = 0; return true; }
  bool isTyped = false;
  napi_is_typedarray(env, v, &isTyped);
  napi_typedarray_type t;
  void* p = nullptr;
  if (isTyped && napi_get_typedarray_info(env, v, &t, len, &p, nullptr, nullptr) == napi_ok && t == napi_uint8_array) {
    *data = static_cast<uint8_t*>(p);
    return true;
  }
  napi_throw_type_error(env, nullptr, (std::string("batch.") + name + " must be a Buffer").c_str());
  return false;
}

bool numberProp(napi_env env, napi_value obj, const char* name, double* out) {
  napi_value v;
  if (!ok(env, napi_get_named_property(env, obj, name, &v))) return false;
  return toDouble(env, v, out);
}

static void errorCb(rd_kafka_t*, int err, const char* reason, void* opaque) {
  static_cast<Client*>(opaque)->errors.push(err, reason);
}

rd_kafka_conf_t* buildConf(napi_env env, napi_value record, void* opaque) {
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  char errstr[512];
  if (!isNullish(env, record)) {
    napi_value keys;
    uint32_t n = 0;
    if (!ok(env, napi_get_all_property_names(env, record, napi_key_own_only,
                                             napi_key_filter(napi_key_enumerable | napi_key_skip_symbols),
                                             napi_key_numbers_to_strings, &keys)) ||
        !ok(env, napi_get_array_length(env, keys, &n))) {
      rd_kafka_conf_destroy(conf);
      return nullptr;
    }
    for (uint32_t i = 0; i < n; i++) {
      napi_value k, v;
      std::string key, val;
      if (!ok(env, napi_get_element(env, keys, i, &k)) || !toString(env, k, &key) ||
          !ok(env, napi_get_property(env, record, k, &v)) || !toString(env, v, &val)) {
        rd_kafka_conf_destroy(conf);
        return nullptr;
      }
      if (rd_kafka_conf_set(conf, key.c_str(), val.c_str(), errstr, sizeof errstr) != RD_KAFKA_CONF_OK) {
        rd_kafka_conf_destroy(conf);
        throwKafkaError(env, RD_KAFKA_RESP_ERR__INVALID_ARG, std::string("librdkafka config: ") + errstr);
        return nullptr;
      }
    }
  }
  rd_kafka_conf_set_opaque(conf, opaque);
  rd_kafka_conf_set_error_cb(conf, errorCb);
  return conf;
}

bool waiterFd(napi_env env, napi_value v, int* fd) {
  *fd = -1;
  if (isNullish(env, v)) return true;
  bool isWaiter = false;
  void* p = nullptr;
  if (napi_check_object_type_tag(env, v, &kWaiterTag, &isWaiter) != napi_ok || !isWaiter ||
      napi_unwrap(env, v, &p) != napi_ok) {
    napi_throw_type_error(env, nullptr, "the second argument must be a Waiter");
    return false;
  }
  int src = static_cast<Waiter*>(p)->fd;
  if (src < 0) { throwError(env, "the Waiter is closed"); return false; }
  *fd = fcntl(src, F_DUPFD_CLOEXEC, 0);
  if (*fd < 0) { throwError(env, "dup(waiter eventfd) failed"); return false; }
  return true;
}

}  // namespace kload
