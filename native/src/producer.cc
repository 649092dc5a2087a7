// NativeProducer: the boundary @platformatic/rdkafka crosses once per message (a JS object in,
// a JS object back in the delivery report) crossed once per batch instead. produceBatch() walks
// typed arrays describing slices of one pool buffer, stamps and produces them with
// RD_KAFKA_MSG_F_COPY (so JS may reuse the pool at once); dr_msg_cb appends plain structs that
// drainReports() copies into typed arrays. JS touches numbers, never objects, per message.
#include "producer.h"

namespace kload {

// Runs inside rd_kafka_poll/flush on the JS thread: no lock needed for `reports`.
// A poll serves one produce response's reports back to back, ~0.1 µs apart; clock_gettime cost
// ~100 ns here (perf: 11% of a 100 B max run's samples), so up to this many share one reading.
static constexpr int kAckClockReuse = 32;

static void drMsgCb(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque) {
  Producer* p = static_cast<Producer*>(static_cast<Client*>(opaque));
  if (!p->draining || p->ackClockLeft-- <= 0) {
    p->ackClock = monoUs();
    p->ackClockLeft = kAckClockReuse - 1;
  }
  p->reports.push_back(
      {double(intptr_t(m->_private)), int32_t(m->err), m->partition, double(m->offset), uint32_t(m->len), p->ackClock});
}

static Producer* self(napi_env env, napi_callback_info info, size_t n, napi_value* argv) {
  napi_value thisV;
  if (!getArgs(env, info, n, argv, &thisV)) return nullptr;
  return static_cast<Producer*>(unwrapClient(env, thisV, &kProducerTag));
}

Producer* liveProducer(napi_env env, napi_callback_info info, size_t n, napi_value* argv) {
  Producer* p = self(env, info, n, argv);
  if (p && !p->rk) { throwError(env, "the NativeProducer is closed"); return nullptr; }
  return p;
}

static napi_value construct(napi_env env, napi_callback_info info) {
  napi_value argv[2], thisV;
  if (!getArgs(env, info, 2, argv, &thisV)) return nullptr;
  Producer* p = new Producer();
  if (!wrapClient(env, thisV, p, &kProducerTag)) return nullptr;  // from here the finalizer owns p
  rd_kafka_conf_t* conf = buildConf(env, argv[0], static_cast<Client*>(p));
  if (!conf) return nullptr;
  char buf[512];
  size_t len = sizeof buf;
  if (rd_kafka_conf_get(conf, "bootstrap.servers", buf, &len) == RD_KAFKA_CONF_OK) p->bootstrap = buf;
  rd_kafka_conf_set_dr_msg_cb(conf, drMsgCb);
  if (!waiterFd(env, argv[1], &p->ioFd)) { rd_kafka_conf_destroy(conf); return nullptr; }
  p->rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, buf, sizeof buf);
  if (!p->rk) {
    rd_kafka_conf_destroy(conf);  // only freed by rd_kafka_new on success
    return throwKafkaError(env, RD_KAFKA_RESP_ERR__INVALID_ARG, std::string("rd_kafka_new: ") + buf);
  }
  if (p->ioFd >= 0) {
    // Delivery reports land on the main queue: its first enqueue after a poll writes 1 to the
    // eventfd, which is exactly an eventfd increment.
    static const uint64_t one = 1;
    rd_kafka_queue_t* q = rd_kafka_queue_get_main(p->rk);
    rd_kafka_queue_io_event_enable(q, p->ioFd, &one, sizeof one);
    rd_kafka_queue_destroy(q);
  }
  p->registerHook(env);
  return thisV;
}

static napi_value connect(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  Producer* p = liveProducer(env, info, 1, argv);
  double timeoutMs = 0;
  if (!p || !toDouble(env, argv[0], &timeoutMs)) return nullptr;
  return connectClient(env, p, timeoutMs);
}

static napi_value drainReports(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  Producer* p = self(env, info, 1, argv);
  if (!p) return nullptr;
  double *opaques, *offsets, *acks;
  int32_t *errors, *partitions;
  uint32_t* sizes;
  size_t c[6];
  if (!typedProp(env, argv[0], "opaques", &opaques, &c[0]) || !typedProp(env, argv[0], "errors", &errors, &c[1]) ||
      !typedProp(env, argv[0], "partitions", &partitions, &c[2]) ||
      !typedProp(env, argv[0], "offsets", &offsets, &c[3]) ||
      !typedProp(env, argv[0], "sizes", &sizes, &c[4]) || !typedProp(env, argv[0], "ackMonoUs", &acks, &c[5]))
    return nullptr;
  size_t cap = c[0];
  for (size_t k = 1; k < 6; k++) cap = c[k] < cap ? c[k] : cap;
  if (p->rk) {
    p->draining = true;
    p->ackClockLeft = 0;  // the first report of this poll reads the clock
    rd_kafka_poll(p->rk, 0);
    p->draining = false;
  }
  size_t n = p->reports.size() - p->head;
  if (n > cap) n = cap;
  const Report* r = p->reports.data() + p->head;
  for (size_t k = 0; k < n; k++) {
    opaques[k] = r[k].opaque;
    errors[k] = r[k].err;
    partitions[k] = r[k].partition;
    offsets[k] = r[k].offset;
    sizes[k] = r[k].size;
    acks[k] = r[k].ackMonoUs;
  }
  p->head += n;
  if (p->head == p->reports.size()) {
    p->reports.clear();  // keeps capacity: no allocation in the steady state
    p->head = 0;
  } else if (p->head > 65536 && p->head * 2 > p->reports.size()) {
    p->reports.erase(p->reports.begin(), p->reports.begin() + ptrdiff_t(p->head));
    p->head = 0;
  }
  napi_value out;
  KL_CHECK(env, napi_create_double(env, double(n), &out));
  return out;
}

static napi_value outqLen(napi_env env, napi_callback_info info) {
  Producer* p = liveProducer(env, info, 0, nullptr);
  napi_value out;
  if (!p) return nullptr;
  KL_CHECK(env, napi_create_int32(env, rd_kafka_outq_len(p->rk), &out));
  return out;
}

static napi_value flush(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  Producer* p = liveProducer(env, info, 1, argv);
  double timeoutMs = 0;
  if (!p || !toDouble(env, argv[0], &timeoutMs)) return nullptr;
  rd_kafka_flush(p->rk, int(timeoutMs));  // serves dr_msg_cb: reports wait for drainReports
  napi_value out;
  KL_CHECK(env, napi_create_int32(env, rd_kafka_outq_len(p->rk), &out));
  return out;
}

static napi_value errors(napi_env env, napi_callback_info info) {
  Producer* p = self(env, info, 0, nullptr);
  return p ? errorsOf(env, p) : nullptr;
}

static napi_value closeProducer(napi_env env, napi_callback_info info) {
  Producer* p = self(env, info, 0, nullptr);
  if (p) p->close();
  return nullptr;
}

napi_value defineProducer(napi_env env) {
  napi_property_descriptor m[] = {
      {"connect", nullptr, connect, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"produceBatch", nullptr, produceBatch, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"drainReports", nullptr, drainReports, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"outqLen", nullptr, outqLen, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"flush", nullptr, flush, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"errors", nullptr, errors, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"close", nullptr, closeProducer, nullptr, nullptr, nullptr, napi_default_method, nullptr},
  };
  napi_value ctor;
  KL_CHECK(env, napi_define_class(env, "NativeProducer", NAPI_AUTO_LENGTH, construct, nullptr, sizeof m / sizeof m[0],
                                  m, &ctor));
  return ctor;
}

}  // namespace kload
