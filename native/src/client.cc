// The client lifecycle (see common.h): who closes a client and who frees it, plus the methods
// both clients share (connect, errors).
#include "common.h"

namespace kload {

void ErrorLog::push(int code, const char* message) {
  std::lock_guard<std::mutex> g(mu);
  if (entries.size() < 10000) entries.push_back({code, message ? message : ""});  // bounded: a dead broker logs forever
}

std::string ErrorLog::last() {
  // The most telling one: "Connect to ... failed: Connection refused" beats "1/1 brokers are down".
  std::lock_guard<std::mutex> g(mu);
  for (auto it = entries.rbegin(); it != entries.rend(); ++it)
    if (it->code != RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN) return it->message;
  return entries.empty() ? std::string() : entries.back().message;
}

napi_value ErrorLog::drain(napi_env env) {
  std::vector<Entry> taken;
  { std::lock_guard<std::mutex> g(mu); taken.swap(entries); }
  napi_value arr;
  KL_CHECK(env, napi_create_array_with_length(env, taken.size(), &arr));
  for (size_t i = 0; i < taken.size(); i++) {
    napi_value o, code, name, msg;
    KL_CHECK(env, napi_create_object(env, &o));
    KL_CHECK(env, napi_create_int32(env, taken[i].code, &code));
    KL_CHECK(env, napi_create_string_utf8(env, rd_kafka_err2name(rd_kafka_resp_err_t(taken[i].code)), NAPI_AUTO_LENGTH,
                                          &name));
    KL_CHECK(env, napi_create_string_utf8(env, taken[i].message.c_str(), taken[i].message.size(), &msg));
    napi_set_named_property(env, o, "code", code);
    napi_set_named_property(env, o, "name", name);
    napi_set_named_property(env, o, "message", msg);
    KL_CHECK(env, napi_set_element(env, arr, uint32_t(i), o));
  }
  return arr;
}

void Client::registerHook(napi_env e) {
  env = e;
  if (napi_add_env_cleanup_hook(env, cleanupHook, this) == napi_ok) hookRegistered = true;
}

void Client::close() {
  closeNow();
  if (hookRegistered) {
    napi_remove_env_cleanup_hook(env, cleanupHook, this);
    hookRegistered = false;
  }
}

// Env teardown (worker exit, main thread exit): the one place a client nobody closed gets closed.
void Client::cleanupHook(void* arg) {
  Client* c = static_cast<Client*>(arg);
  c->hookRegistered = false;  // Node drops the hook as it runs it
  c->closeNow();
  if (c->orphaned) delete c;  // its JS object is gone already: nothing else will free it
}

// GC: frees a closed client; a live one is left to the cleanup hook (never destroyed here).
void Client::finalize(napi_env, void* data, void*) {
  Client* c = static_cast<Client*>(data);
  if (c->rk == nullptr && !c->hookRegistered) delete c;
  else c->orphaned = true;
}

bool wrapClient(napi_env env, napi_value self, Client* c, const napi_type_tag* tag) {
  c->env = env;
  if (napi_wrap(env, self, c, Client::finalize, nullptr, nullptr) != napi_ok) {
    delete c;
    return ok(env, napi_generic_failure);
  }
  return ok(env, napi_type_tag_object(env, self, tag));
}

Client* unwrapClient(napi_env env, napi_value self, const napi_type_tag* tag) {
  bool match = false;
  void* p = nullptr;
  if (napi_check_object_type_tag(env, self, tag, &match) != napi_ok || !match ||
      napi_unwrap(env, self, &p) != napi_ok) {
    napi_throw_type_error(env, nullptr, "Illegal invocation");
    return nullptr;
  }
  return static_cast<Client*>(p);
}

napi_value connectClient(napi_env env, Client* c, double timeoutMs) {
  if (!c->rk) return throwError(env, "the client is closed");
  const struct rd_kafka_metadata* md = nullptr;
  // all_topics=0, no topic: the cheapest request that proves a broker answers.
  rd_kafka_resp_err_t err = rd_kafka_metadata(c->rk, 0, nullptr, &md, int(timeoutMs));
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    c->serveEvents();
    std::string last = c->errors.last();
    return throwKafkaError(env, err,
                           "No Kafka broker at " + c->bootstrap + " answered within " +
                               std::to_string(int64_t(timeoutMs)) + " ms: " + rd_kafka_err2str(err) +
                               (last.empty() ? "" : " (" + last + ")"));
  }
  int brokers = md->broker_cnt;
  rd_kafka_metadata_destroy(md);
  napi_value r;
  KL_CHECK(env, napi_create_int32(env, brokers, &r));
  return r;
}

napi_value errorsOf(napi_env env, Client* c) {
  return c->errors.drain(env);
}

}  // namespace kload
