// NativeConsumer: a high-level (group) consumer whose messages never become JS objects.
// consumeBatch() pulls what is ready with rd_kafka_consumer_poll (timeout 0, in a loop), parses
// each value's stamp in C and writes numbers into typed arrays; kload only needs sizes, partitions,
// offsets and stamps to measure, never the payload. Rebalances are handled in C so both the
// EAGER and COOPERATIVE protocols work without a JS callback on librdkafka's schedule.
#include "common.h"
#include "stamp.h"

#include <cstring>
#include <unistd.h>

namespace kload {

struct Consumer : Client {
  rd_kafka_queue_t* queue = nullptr;  // the consumer queue (main queue forwarded into it)
  double rebalances = 0;

  ~Consumer() override { closeNow(); }

  void closeNow() override {
    if (rk) {
      // Leaves the group (runs the revoke through rebalanceCb) and stops fetching; blocking.
      rd_kafka_consumer_close(rk);
      if (queue) rd_kafka_queue_destroy(queue);  // handles must go before rd_kafka_destroy
      queue = nullptr;
      rd_kafka_destroy(rk);
      rk = nullptr;
    }
    if (ioFd >= 0) ::close(ioFd);
    ioFd = -1;
  }
};

static void pushError(Client* c, rd_kafka_error_t* e) {
  if (!e) return;
  c->errors.push(rd_kafka_error_code(e), rd_kafka_error_string(e));
  rd_kafka_error_destroy(e);
}

// Runs inside consume_batch_queue / consumer_close on the JS thread.
static void rebalanceCb(rd_kafka_t* rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* parts, void* opaque) {
  Consumer* c = static_cast<Consumer*>(static_cast<Client*>(opaque));
  const bool cooperative = std::strcmp(rd_kafka_rebalance_protocol(rk), "COOPERATIVE") == 0;
  if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
    if (cooperative) pushError(c, rd_kafka_incremental_assign(rk, parts));
    else if (rd_kafka_resp_err_t e = rd_kafka_assign(rk, parts)) c->errors.push(e, rd_kafka_err2str(e));
  } else {
    if (err != RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS) c->errors.push(err, rd_kafka_err2str(err));
    if (cooperative) pushError(c, rd_kafka_incremental_unassign(rk, parts));
    else rd_kafka_assign(rk, nullptr);
  }
  c->rebalances++;
}

static Consumer* self(napi_env env, napi_callback_info info, size_t n, napi_value* argv) {
  napi_value thisV;
  if (!getArgs(env, info, n, argv, &thisV)) return nullptr;
  return static_cast<Consumer*>(unwrapClient(env, thisV, &kConsumerTag));
}

static Consumer* live(napi_env env, napi_callback_info info, size_t n, napi_value* argv) {
  Consumer* c = self(env, info, n, argv);
  if (c && !c->rk) { throwError(env, "the NativeConsumer is closed"); return nullptr; }
  return c;
}

static napi_value construct(napi_env env, napi_callback_info info) {
  napi_value argv[2], thisV;
  if (!getArgs(env, info, 2, argv, &thisV)) return nullptr;
  Consumer* c = new Consumer();
  if (!wrapClient(env, thisV, c, &kConsumerTag)) return nullptr;  // from here the finalizer owns c
  rd_kafka_conf_t* conf = buildConf(env, argv[0], static_cast<Client*>(c));
  if (!conf) return nullptr;
  char buf[512];
  size_t len = sizeof buf;
  if (rd_kafka_conf_get(conf, "bootstrap.servers", buf, &len) == RD_KAFKA_CONF_OK) c->bootstrap = buf;
  rd_kafka_conf_set_rebalance_cb(conf, rebalanceCb);
  if (!waiterFd(env, argv[1], &c->ioFd)) { rd_kafka_conf_destroy(conf); return nullptr; }
  c->rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, buf, sizeof buf);
  if (!c->rk) {
    rd_kafka_conf_destroy(conf);
    return throwKafkaError(env, RD_KAFKA_RESP_ERR__INVALID_ARG, std::string("rd_kafka_new: ") + buf);
  }
  // One queue to serve: errors and rebalances arrive where the messages do.
  rd_kafka_poll_set_consumer(c->rk);
  c->queue = rd_kafka_queue_get_consumer(c->rk);
  if (c->ioFd >= 0) {
    static const uint64_t one = 1;
    rd_kafka_queue_io_event_enable(c->queue, c->ioFd, &one, sizeof one);
  }
  c->registerHook(env);
  return thisV;
}

static napi_value connect(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  Consumer* c = live(env, info, 1, argv);
  double timeoutMs = 0;
  if (!c || !toDouble(env, argv[0], &timeoutMs)) return nullptr;
  return connectClient(env, c, timeoutMs);
}

static napi_value subscribe(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  Consumer* c = live(env, info, 1, argv);
  uint32_t n = 0;
  if (!c || !ok(env, napi_get_array_length(env, argv[0], &n))) return nullptr;
  rd_kafka_topic_partition_list_t* list = rd_kafka_topic_partition_list_new(int(n));
  for (uint32_t i = 0; i < n; i++) {
    napi_value t;
    std::string name;
    if (!ok(env, napi_get_element(env, argv[0], i, &t)) || !toString(env, t, &name)) {
      rd_kafka_topic_partition_list_destroy(list);
      return nullptr;
    }
    rd_kafka_topic_partition_list_add(list, name.c_str(), RD_KAFKA_PARTITION_UA);
  }
  rd_kafka_resp_err_t err = rd_kafka_subscribe(c->rk, list);
  rd_kafka_topic_partition_list_destroy(list);
  if (err) return throwKafkaError(env, err, std::string("subscribe failed: ") + rd_kafka_err2str(err));
  return nullptr;
}

struct OutView {
  int32_t* partitions; double* offsets; uint32_t* sizes; uint8_t* stamped;
  uint32_t *runIds, *phaseIndexes, *producerIds, *clockDomainIds;
  double *seqs, *mono, *wall, *consumeMono, *consumeWall;
  size_t cap;
};

static bool readOut(napi_env env, napi_value o, OutView* v) {
  size_t c[13];
  if (!typedProp(env, o, "partitions", &v->partitions, &c[0]) || !typedProp(env, o, "offsets", &v->offsets, &c[1]) ||
      !typedProp(env, o, "sizes", &v->sizes, &c[2]) || !typedProp(env, o, "stamped", &v->stamped, &c[3]) ||
      !typedProp(env, o, "runIds", &v->runIds, &c[4]) || !typedProp(env, o, "phaseIndexes", &v->phaseIndexes, &c[5]) ||
      !typedProp(env, o, "producerIds", &v->producerIds, &c[6]) || !typedProp(env, o, "seqs", &v->seqs, &c[7]) ||
      !typedProp(env, o, "intendedMonoUs", &v->mono, &c[8]) || !typedProp(env, o, "intendedWallUs", &v->wall, &c[9]) ||
      !typedProp(env, o, "clockDomainIds", &v->clockDomainIds, &c[10]) ||
      !typedProp(env, o, "consumeMonoUs", &v->consumeMono, &c[11]) ||
      !typedProp(env, o, "consumeWallUs", &v->consumeWall, &c[12]))
    return false;
  v->cap = c[0];
  for (size_t k = 1; k < 13; k++) v->cap = c[k] < v->cap ? c[k] : v->cap;
  return true;
}

static bool parseStamp(const rd_kafka_message_t* m, StampFields* s) {
  if (readTrailer(static_cast<const uint8_t*>(m->payload), m->len, s)) return true;
  rd_kafka_headers_t* hdrs = nullptr;
  const void* val = nullptr;
  size_t size = 0;
  return rd_kafka_message_headers(m, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR &&
         rd_kafka_header_get_last(hdrs, kStampHeader, &val, &size) == RD_KAFKA_RESP_ERR_NO_ERROR && val &&
         parseHeader(static_cast<const char*>(val), size, s);
}

static napi_value consumeBatch(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  Consumer* c = live(env, info, 2, argv);
  OutView o;
  double maxD = 0;
  if (!c || !readOut(env, argv[0], &o) || !toDouble(env, argv[1], &maxD)) return nullptr;
  size_t max = maxD > 0 ? size_t(maxD) : 0;
  if (max > o.cap) max = o.cap;
  napi_value r;
  if (max == 0) {
    KL_CHECK(env, napi_create_double(env, 0, &r));
    return r;
  }
  // One clock read per batch: every message in it reached the application at this moment.
  const double mono = monoUs(), wall = wallUs();
  size_t w = 0;
  // Not rd_kafka_consume_batch_queue(): with two members of a group, an eager rebalance served in
  // the middle of a batch lost single messages (the next owner resumed one offset past what this
  // member had been given; measured: 2-3 of 8,000 per rebalance, never with one member).
  // consumer_poll() stores each offset as it hands the message over, as the binding does.
  for (size_t polled = 0; w < max && polled < 2 * max; polled++) {
    rd_kafka_message_t* m = rd_kafka_consumer_poll(c->rk, 0);
    if (!m) break;
    if (m->err) {
      if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) c->errors.push(m->err, rd_kafka_message_errstr(m));
      rd_kafka_message_destroy(m);
      continue;
    }
    StampFields s;
    const bool stamped = parseStamp(m, &s);
    o.partitions[w] = m->partition;
    o.offsets[w] = double(m->offset);
    o.sizes[w] = uint32_t(m->len);
    o.stamped[w] = stamped ? 1 : 0;
    o.runIds[w] = s.runId;
    o.phaseIndexes[w] = s.phaseIndex;
    o.producerIds[w] = s.producerId;
    o.seqs[w] = s.seq;
    o.mono[w] = s.intendedMonoUs;
    o.wall[w] = s.intendedWallUs;
    o.clockDomainIds[w] = s.clockDomainId;
    o.consumeMono[w] = mono;
    o.consumeWall[w] = wall;
    w++;
    rd_kafka_message_destroy(m);
  }
  KL_CHECK(env, napi_create_double(env, double(w), &r));
  return r;
}

static napi_value assignedPartitions(napi_env env, napi_callback_info info) {
  Consumer* c = live(env, info, 0, nullptr);
  if (!c) return nullptr;
  rd_kafka_topic_partition_list_t* list = nullptr;
  int count = 0;
  if (rd_kafka_assignment(c->rk, &list) == RD_KAFKA_RESP_ERR_NO_ERROR && list) count = list->cnt;
  if (list) rd_kafka_topic_partition_list_destroy(list);
  napi_value r;
  KL_CHECK(env, napi_create_int32(env, count, &r));
  return r;
}

static napi_value rebalances(napi_env env, napi_callback_info info) {
  Consumer* c = self(env, info, 0, nullptr);
  napi_value r;
  if (!c) return nullptr;
  KL_CHECK(env, napi_create_double(env, c->rebalances, &r));
  return r;
}

static napi_value errors(napi_env env, napi_callback_info info) {
  Consumer* c = self(env, info, 0, nullptr);
  return c ? errorsOf(env, c) : nullptr;
}

static napi_value closeConsumer(napi_env env, napi_callback_info info) {
  Consumer* c = self(env, info, 0, nullptr);
  if (c) c->close();
  return nullptr;
}

napi_value defineConsumer(napi_env env) {
  napi_property_descriptor m[] = {
      {"connect", nullptr, connect, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"subscribe", nullptr, subscribe, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"consumeBatch", nullptr, consumeBatch, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"assignedPartitions", nullptr, assignedPartitions, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"rebalances", nullptr, rebalances, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"errors", nullptr, errors, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"close", nullptr, closeConsumer, nullptr, nullptr, nullptr, napi_default_method, nullptr},
  };
  napi_value ctor;
  KL_CHECK(env, napi_define_class(env, "NativeConsumer", NAPI_AUTO_LENGTH, construct, nullptr, sizeof m / sizeof m[0],
                                  m, &ctor));
  return ctor;
}

}  // namespace kload
