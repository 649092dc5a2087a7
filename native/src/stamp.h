// The kload stamp, byte-identical to src/workers/stamp.ts (text header) and
// src/workers/stamp-trailer.ts (binary trailer). Consumers try the trailer first (it costs a
// 4-byte compare) and fall back to the `kload` header; anything else is foreign.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kload {

constexpr size_t kTrailerBytes = 44;
constexpr uint32_t kStampMagic = 0x32444c4b;  // "KLD2" read as a little-endian u32
constexpr const char* kStampHeader = "kload";
// "2|" + 3 u32 + 2 int64-ish + seq + u32, with separators: comfortably under this.
constexpr size_t kHeaderMax = 128;

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "the trailer is written with memcpy: little-endian hosts only");

struct StampFields {
  double seq = 0, intendedMonoUs = 0, intendedWallUs = 0;
  uint32_t runId = 0, phaseIndex = 0, producerId = 0, clockDomainId = 0;
};

// Writes the trailer over the last kTrailerBytes of a value of `len` >= kTrailerBytes bytes.
void writeTrailer(uint8_t* value, size_t len, const StampFields& s);
// Formats the text header value into buf (kHeaderMax bytes); returns its length.
size_t formatHeader(char* buf, const StampFields& s);

bool readTrailer(const uint8_t* value, size_t len, StampFields* out);
bool parseHeader(const char* text, size_t len, StampFields* out);

}  // namespace kload
