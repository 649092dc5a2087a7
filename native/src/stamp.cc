// Stamp encode/decode; the layout is documented in stamp.h and src/workers/stamp-trailer.ts.
#include "stamp.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace kload {

void writeTrailer(uint8_t* value, size_t len, const StampFields& s) {
  uint8_t* t = value + len - kTrailerBytes;
  std::memcpy(t + 0, &s.seq, 8);
  std::memcpy(t + 8, &s.intendedMonoUs, 8);
  std::memcpy(t + 16, &s.intendedWallUs, 8);
  std::memcpy(t + 24, &s.runId, 4);
  std::memcpy(t + 28, &s.producerId, 4);
  std::memcpy(t + 32, &s.clockDomainId, 4);
  std::memcpy(t + 36, &s.phaseIndex, 4);
  std::memcpy(t + 40, &kStampMagic, 4);
}

bool readTrailer(const uint8_t* value, size_t len, StampFields* out) {
  if (!value || len < kTrailerBytes) return false;
  const uint8_t* t = value + len - kTrailerBytes;
  uint32_t magic;
  std::memcpy(&magic, t + 40, 4);
  if (magic != kStampMagic) return false;
  std::memcpy(&out->seq, t + 0, 8);
  std::memcpy(&out->intendedMonoUs, t + 8, 8);
  std::memcpy(&out->intendedWallUs, t + 16, 8);
  std::memcpy(&out->runId, t + 24, 4);
  std::memcpy(&out->producerId, t + 28, 4);
  std::memcpy(&out->clockDomainId, t + 32, 4);
  std::memcpy(&out->phaseIndex, t + 36, 4);
  return true;
}

// JS Math.round rounds halves toward +Infinity; llround would round -2.5 to -3.
static long long jsRound(double x) { return (long long)std::floor(x + 0.5); }

size_t formatHeader(char* buf, const StampFields& s) {
  int n = std::snprintf(buf, kHeaderMax, "2|%u|%u|%u|%lld|%lld|%lld|%u", s.runId, s.phaseIndex, s.producerId,
                        (long long)s.seq, jsRound(s.intendedMonoUs), jsRound(s.intendedWallUs), s.clockDomainId);
  return n < 0 ? 0 : size_t(n) < kHeaderMax ? size_t(n) : kHeaderMax - 1;
}

// One field of /^-?\d+$/, as JS Number() would read it.
static bool parseInt(const char*& p, const char* end, double* out) {
  bool neg = false;
  if (p < end && *p == '-') { neg = true; p++; }
  const char* start = p;
  double v = 0;
  while (p < end && *p >= '0' && *p <= '9') v = v * 10 + (*p++ - '0');
  if (p == start) return false;
  if (p < end && *p != '|') return false;
  *out = neg ? -v : v;
  return true;
}

// ToUint32, as a Uint32Array store of the JS-decoded number would do.
static uint32_t toU32(double d) { return uint32_t(int64_t(d)); }

bool parseHeader(const char* text, size_t len, StampFields* out) {
  const char* p = text;
  const char* end = text + len;
  if (len < 2 || p[0] != '2' || p[1] != '|') return false;
  p += 2;
  double f[7];
  for (int i = 0; i < 7; i++) {
    if (!parseInt(p, end, &f[i])) return false;
    if (i < 6) {
      if (p == end) return false;
      p++;  // the '|'
    }
  }
  if (p != end) return false;  // a ninth field
  out->runId = toU32(f[0]);
  out->phaseIndex = toU32(f[1]);
  out->producerId = toU32(f[2]);
  out->seq = f[3];
  out->intendedMonoUs = f[4];
  out->intendedWallUs = f[5];
  out->clockDomainId = toU32(f[6]);
  return true;
}

}  // namespace kload
