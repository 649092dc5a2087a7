// The producer's state, shared by producer.cc (lifecycle, reports) and produce_batch.cc (the
// send loop).
#pragma once

#include "common.h"

#include <unistd.h>
#include <unordered_map>

namespace kload {

struct Report {
  double opaque;
  int32_t err;
  int32_t partition;
  double offset;
  uint32_t size;
  double ackMonoUs;
};

struct Producer : Client {
  std::vector<Report> reports;  // filled by dr_msg_cb, consumed from `head` by drainReports
  size_t head = 0;
  std::unordered_map<std::string, rd_kafka_topic_t*> topics;  // produce() wants a handle
  // The ack clock, shared by up to kAckClockReuse reports within one drainReports() poll;
  // reports served anywhere else (flush) each read the clock.
  bool draining = false;
  int ackClockLeft = 0;
  double ackClock = 0;

  ~Producer() override { closeNow(); }

  void serveEvents() override {
    if (rk) rd_kafka_poll(rk, 0);
  }

  void closeNow() override {
    if (rk) {
      for (auto& t : topics) rd_kafka_topic_destroy(t.second);
      topics.clear();
      // Flushing is the caller's job; whatever is left is abandoned now rather than letting
      // rd_kafka_destroy wait on it.
      rd_kafka_purge(rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
      rd_kafka_destroy(rk);
      rk = nullptr;
    }
    if (ioFd >= 0) ::close(ioFd);  // after destroy: librdkafka may write to it until then
    ioFd = -1;
  }
};

napi_value produceBatch(napi_env env, napi_callback_info info);
Producer* liveProducer(napi_env env, napi_callback_info info, size_t n, napi_value* argv);

}  // namespace kload
