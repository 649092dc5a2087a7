// produceBatch: the send loop. Walks batch[start..count) — slices of one pool buffer — stamps each
// value (trailer in place, or a `kload` header) and hands it to librdkafka with
// RD_KAFKA_MSG_F_COPY, reading the monotonic clock just before each produce. Stops at a full
// queue (back-pressure, not an error) and returns how many went.
#include "producer.h"
#include "stamp.h"

namespace kload {

// The batch's typed arrays, read once per call.
struct BatchView {
  double count = 0, stampMode = 0, runId = 0, phaseIndex = 0, producerId = 0, clockDomainId = 0;
  uint8_t *values = nullptr, *keys = nullptr;
  size_t valuesLen = 0, keysLen = 0, n = 0;
  uint32_t *valueOffsets = nullptr, *valueLengths = nullptr, *keyOffsets = nullptr;
  int32_t* keyLengths = nullptr;
  double *opaques = nullptr, *seqs = nullptr, *mono = nullptr, *wall = nullptr, *sent = nullptr;
};

static bool readBatch(napi_env env, napi_value b, BatchView* v) {
  size_t c[10];
  if (!numberProp(env, b, "count", &v->count) || !numberProp(env, b, "stampMode", &v->stampMode) ||
      !bufferProp(env, b, "values", &v->values, &v->valuesLen, false) ||
      !bufferProp(env, b, "keys", &v->keys, &v->keysLen, true) ||
      !typedProp(env, b, "valueOffsets", &v->valueOffsets, &c[0]) ||
      !typedProp(env, b, "valueLengths", &v->valueLengths, &c[1]) ||
      !typedProp(env, b, "keyOffsets", &v->keyOffsets, &c[2]) ||
      !typedProp(env, b, "keyLengths", &v->keyLengths, &c[3]) ||
      !typedProp(env, b, "opaques", &v->opaques, &c[4]) || !typedProp(env, b, "sentMonoUs", &v->sent, &c[5]))
    return false;
  if (!(v->count >= 0 && v->count <= 4294967295.0)) {
    throwError(env, "batch.count must be a non-negative integer");
    return false;
  }
  size_t need = size_t(v->count);
  bool short_ = c[0] < need || c[1] < need || c[4] < need || c[5] < need || (v->keys && (c[2] < need || c[3] < need));
  if (v->stampMode != 0) {
    if (!typedProp(env, b, "seqs", &v->seqs, &c[6]) || !typedProp(env, b, "intendedMonoUs", &v->mono, &c[7]) ||
        !typedProp(env, b, "intendedWallUs", &v->wall, &c[8]) || !numberProp(env, b, "runId", &v->runId) ||
        !numberProp(env, b, "phaseIndex", &v->phaseIndex) || !numberProp(env, b, "producerId", &v->producerId) ||
        !numberProp(env, b, "clockDomainId", &v->clockDomainId))
      return false;
    short_ = short_ || c[6] < need || c[7] < need || c[8] < need;
  }
  if (short_) { throwError(env, "batch.count exceeds the length of one of its arrays"); return false; }
  v->n = need;
  return true;
}

napi_value produceBatch(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  Producer* p = liveProducer(env, info, 4, argv);
  std::string topic;
  int32_t partition = 0;
  double startD = 0;
  BatchView b;
  if (!p || !toString(env, argv[0], &topic) || !toInt32(env, argv[1], &partition) || !readBatch(env, argv[2], &b) ||
      !toDouble(env, argv[3], &startD))
    return nullptr;
  rd_kafka_topic_t*& rkt = p->topics[topic];
  if (!rkt && !(rkt = rd_kafka_topic_new(p->rk, topic.c_str(), nullptr))) {
    p->topics.erase(topic);
    return throwKafkaError(env, rd_kafka_last_error(), "rd_kafka_topic_new(" + topic + ") failed");
  }
  StampFields s;
  s.runId = uint32_t(b.runId);
  s.phaseIndex = uint32_t(b.phaseIndex);
  s.producerId = uint32_t(b.producerId);
  s.clockDomainId = uint32_t(b.clockDomainId);
  const int mode = int(b.stampMode);
  char header[kHeaderMax];
  size_t i = startD > 0 ? size_t(startD) : 0;
  size_t produced = 0;
  // One clock reading serves up to kSentClockReuse sends (~0.3 µs each): a send time is at most
  // ~2 µs early, and clock_gettime (~100 ns here) stops being a tenth of the send path.
  constexpr size_t kSentClockReuse = 8;
  double sentClock = 0;
  for (; i < b.n; i++) {
    uint32_t off = b.valueOffsets[i], len = b.valueLengths[i];
    if (size_t(off) + len > b.valuesLen)
      return throwError(env, "batch value " + std::to_string(i) + " lies outside batch.values");
    uint8_t* value = b.values + off;
    const void* key = nullptr;
    size_t keyLen = 0;
    if (b.keys && b.keyLengths[i] >= 0) {
      if (size_t(b.keyOffsets[i]) + size_t(b.keyLengths[i]) > b.keysLen)
        return throwError(env, "batch key lies outside batch.keys");
      key = b.keys + b.keyOffsets[i];
      keyLen = size_t(b.keyLengths[i]);
    }
    rd_kafka_headers_t* hdrs = nullptr;
    if (mode != 0) {
      s.seq = b.seqs[i];
      s.intendedMonoUs = b.mono[i];
      s.intendedWallUs = b.wall[i];
      // A value too short for the trailer carries the header instead, as the JS side does.
      if (mode == 1 && len >= kTrailerBytes) {
        writeTrailer(value, len, s);
      } else {
        hdrs = rd_kafka_headers_new(1);
        rd_kafka_header_add(hdrs, kStampHeader, -1, header, ssize_t(formatHeader(header, s)));
      }
    }
    void* opaque = reinterpret_cast<void*>(intptr_t(b.opaques[i]));
    if (produced % kSentClockReuse == 0) sentClock = monoUs();
    b.sent[i] = sentClock;
    rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR_NO_ERROR;
    if (!hdrs) {
      if (rd_kafka_produce(rkt, partition, RD_KAFKA_MSG_F_COPY, value, len, key, keyLen, opaque) != 0)
        err = rd_kafka_last_error();
    } else {
      err = rd_kafka_producev(p->rk, RD_KAFKA_V_RKT(rkt), RD_KAFKA_V_PARTITION(partition),
                              RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_VALUE(value, len),
                              RD_KAFKA_V_KEY(key, keyLen), RD_KAFKA_V_OPAQUE(opaque),
                              RD_KAFKA_V_HEADERS(hdrs), RD_KAFKA_V_END);
      if (err) rd_kafka_headers_destroy(hdrs);  // ownership passes only on success
    }
    if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) break;
    if (err) {
      throwKafkaError(env, err, "produce to " + topic + " failed: " + rd_kafka_err2str(err));
      // How many went before the failure, so the caller's accounting stays right.
      napi_value exc, n;
      if (napi_get_and_clear_last_exception(env, &exc) == napi_ok) {
        napi_create_double(env, double(produced), &n);
        napi_set_named_property(env, exc, "produced", n);
        napi_throw(env, exc);
      }
      return nullptr;
    }
    produced++;
  }
  napi_value r;
  KL_CHECK(env, napi_create_double(env, double(produced), &r));
  return r;
}

}  // namespace kload
