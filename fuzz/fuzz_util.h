// fuzz/fuzz_util.h — helpers shared by the fuzz harnesses (fuzz/*_fuzzer.cc).
//
// The harnesses are built two ways: as libFuzzer targets (clang,
// -fsanitize=fuzzer) and, by the normal test suite, as corpus-replay tests
// (tests/fuzz, any compiler). Nothing here depends on libFuzzer.
//
// A harness checks invariants of the library beyond "no crash": a violated
// one is reported with DG_FUZZ_CHECK, which prints the condition and aborts,
// so libFuzzer records the input as a crash and the replay test fails.
#ifndef DUTYGRAPH_FUZZ_FUZZ_UTIL_H_
#define DUTYGRAPH_FUZZ_FUZZ_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "absl/status/status.h"

#define DG_FUZZ_CHECK(cond)                                                \
  do {                                                                     \
    if (!(cond)) {                                                         \
      std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, \
                   __LINE__, #cond);                                       \
      std::abort();                                                        \
    }                                                                      \
  } while (0)

namespace dutygraph::fuzz {

// Decodes fuzz input bytes into values. Past the end every read returns 0
// (or an empty string), so any byte string is a valid program.
class ByteReader {
 public:
  ByteReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  bool empty() const { return pos_ >= size_; }
  size_t remaining() const { return empty() ? 0 : size_ - pos_; }

  uint8_t U8() { return empty() ? 0 : data_[pos_++]; }
  uint16_t U16() { return static_cast<uint16_t>(U8() | (U8() << 8)); }
  uint32_t U32() {
    return static_cast<uint32_t>(U16()) | (static_cast<uint32_t>(U16()) << 16);
  }
  int32_t I32() { return static_cast<int32_t>(U32()); }
  bool Bool() { return (U8() & 1) != 0; }
  // A value in [0, n), n > 0.
  uint32_t Below(uint32_t n) { return n <= 256 ? U8() % n : U32() % n; }

  // A length-prefixed byte string of at most `max` bytes (one length byte,
  // two when max > 255).
  std::string_view Bytes(size_t max) {
    size_t want = max > 255 ? U16() : U8();
    if (want > max) want = want % (max + 1);
    if (want > remaining()) want = remaining();
    std::string_view out(reinterpret_cast<const char*>(data_ + pos_), want);
    pos_ += want;
    return out;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

// Whether `s` is well-formed UTF-8 (no overlongs, surrogates or code points
// past U+10FFFF): every text the library returns must be.
inline bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;  // truncated sequence
    for (size_t k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) ||
        (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

// The contents of a fixture file, or "" if it cannot be read (the harness
// then simply skips what needs it).
inline std::string ReadFixture(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::string();
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

// A status's message as a std::string_view (Debian's Abseil has its own
// string_view type): every message must be valid UTF-8 too.
inline std::string_view MessageOf(const absl::Status& status) {
  return std::string_view(status.message().data(), status.message().size());
}

}  // namespace dutygraph::fuzz

#endif  // DUTYGRAPH_FUZZ_FUZZ_UTIL_H_
