// Waiter: an eventfd a worker thread sleeps on between loop turns. librdkafka writes to it (via
// rd_kafka_queue_io_event_enable) when a client's report/consumer queue becomes non-empty, so a
// producer with a full in-flight window sleeps exactly until a delivery report is there, instead
// of spinning or sleeping a guessed interval. Blocking is fine: callers are worker threads.
#include "common.h"

#include <cerrno>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace kload {

static Waiter* self(napi_env env, napi_callback_info info, size_t n, napi_value* argv) {
  napi_value thisV;
  if (!getArgs(env, info, n, argv, &thisV)) return nullptr;
  bool match = false;
  void* p = nullptr;
  if (napi_check_object_type_tag(env, thisV, &kWaiterTag, &match) != napi_ok || !match ||
      napi_unwrap(env, thisV, &p) != napi_ok) {
    napi_throw_type_error(env, nullptr, "Illegal invocation");
    return nullptr;
  }
  return static_cast<Waiter*>(p);
}

// Closing an fd never blocks, so the finalizer may do it (clients hold their own dup).
static void finalizeWaiter(napi_env, void* data, void*) {
  Waiter* w = static_cast<Waiter*>(data);
  if (w->fd >= 0) ::close(w->fd);
  delete w;
}

static napi_value construct(napi_env env, napi_callback_info info) {
  napi_value thisV;
  if (!getArgs(env, info, 0, nullptr, &thisV)) return nullptr;
  Waiter* w = new Waiter();
  w->fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (w->fd < 0) {
    delete w;
    return throwError(env, "eventfd() failed");
  }
  if (napi_wrap(env, thisV, w, finalizeWaiter, nullptr, nullptr) != napi_ok) {
    finalizeWaiter(env, w, nullptr);
    return throwError(env, "napi_wrap failed");
  }
  KL_CHECK(env, napi_type_tag_object(env, thisV, &kWaiterTag));
  return thisV;
}

// wait(timeoutUs): true when an event woke us (the counter is reset, so the next wait sleeps
// again until a new event), false on timeout or signal. timeoutUs < 0 waits forever.
static napi_value wait(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  Waiter* w = self(env, info, 1, argv);
  if (!w) return nullptr;
  double timeoutUs = 0;
  if (!toDouble(env, argv[0], &timeoutUs)) return nullptr;
  if (w->fd < 0) return throwError(env, "the Waiter is closed");
  struct pollfd pfd = {w->fd, POLLIN, 0};
  struct timespec ts, *tsp = nullptr;
  if (timeoutUs >= 0) {
    int64_t ns = int64_t(timeoutUs * 1000.0);
    ts.tv_sec = ns / 1000000000;
    ts.tv_nsec = ns % 1000000000;
    tsp = &ts;
  }
  int r = ppoll(&pfd, 1, tsp, nullptr);
  bool woken = false;
  if (r > 0 && (pfd.revents & POLLIN)) {
    uint64_t counter;
    woken = ::read(w->fd, &counter, sizeof counter) == sizeof counter;
  }
  napi_value out;
  KL_CHECK(env, napi_get_boolean(env, woken, &out));
  return out;
}

static napi_value closeWaiter(napi_env env, napi_callback_info info) {
  Waiter* w = self(env, info, 0, nullptr);
  if (!w) return nullptr;
  if (w->fd >= 0) ::close(w->fd);
  w->fd = -1;
  return nullptr;
}

napi_value defineWaiter(napi_env env) {
  napi_property_descriptor methods[] = {
      {"wait", nullptr, wait, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"close", nullptr, closeWaiter, nullptr, nullptr, nullptr, napi_default_method, nullptr},
  };
  napi_value ctor;
  KL_CHECK(env, napi_define_class(env, "Waiter", NAPI_AUTO_LENGTH, construct, nullptr, 2, methods, &ctor));
  return ctor;
}

}  // namespace kload
