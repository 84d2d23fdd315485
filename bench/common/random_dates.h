// bench/common/random_dates.h — fixed-seed input generators for benchmarks.
//
// Every benchmark times pre-generated inputs, never the generator. The
// generator is SplitMix64 with a fixed seed and our own bounded-integer
// mapping, so the inputs are the same on every platform and standard library
// (std::uniform_int_distribution is implementation-defined). Dates are days
// since 1970-01-01, the count behind dutygraph::Date and dg_date; they are
// computed here from the civil calendar, independently of the library under
// test.
//
// Thread safety: SplitMix64 is a value type; the functions are pure.
#ifndef DUTYGRAPH_BENCH_COMMON_RANDOM_DATES_H_
#define DUTYGRAPH_BENCH_COMMON_RANDOM_DATES_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace dutygraph::bench {

// The seed of every benchmark input set; change it only on purpose.
inline constexpr uint64_t kBenchSeed = 0x6475747967726170ULL;  // "dutygrap"

// DaysFromCivil()
//
// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// days_from_civil). The caller passes a valid date.
constexpr int32_t DaysFromCivil(int year, int month, int day) {
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int year_of_era = y - era * 400;
  const int day_of_year =
      (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// QuantLib's serial number (the spreadsheet count) of 1970-01-01; a QuantLib
// date is QuantLib::Date(days_since_epoch + kQuantLibSerialOfEpoch).
inline constexpr int32_t kQuantLibSerialOfEpoch = 25569;

class SplitMix64 {
 public:
  explicit constexpr SplitMix64(uint64_t seed) : state_(seed) {}

  constexpr uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Uniform in [lo, hi] (inclusive), by rejection so that there is no bias.
  constexpr int64_t UniformInt(int64_t lo, int64_t hi) {
    const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
    const uint64_t limit = UINT64_MAX - UINT64_MAX % span;
    uint64_t x = Next();
    while (x >= limit) x = Next();
    return lo + static_cast<int64_t>(x % span);
  }

 private:
  uint64_t state_;
};

// RandomInts(): `count` integers uniform in [lo, hi].
inline std::vector<int32_t> RandomInts(size_t count, int32_t lo, int32_t hi,
                                       uint64_t seed) {
  SplitMix64 rng(seed);
  std::vector<int32_t> out(count);
  for (int32_t& v : out) v = static_cast<int32_t>(rng.UniformInt(lo, hi));
  return out;
}

// RandomDays(): `count` days since the epoch, uniform in [first, last].
inline std::vector<int32_t> RandomDays(size_t count, int32_t first,
                                       int32_t last, uint64_t seed) {
  return RandomInts(count, first, last, seed);
}

// RandomDayPairs(): `count` pairs (a, b) of days uniform in [first, last],
// ordered so that a <= b.
inline std::vector<std::pair<int32_t, int32_t>> RandomDayPairs(size_t count,
                                                               int32_t first,
                                                               int32_t last,
                                                               uint64_t seed) {
  SplitMix64 rng(seed);
  std::vector<std::pair<int32_t, int32_t>> out(count);
  for (auto& [a, b] : out) {
    a = static_cast<int32_t>(rng.UniformInt(first, last));
    b = static_cast<int32_t>(rng.UniformInt(first, last));
    if (b < a) std::swap(a, b);
  }
  return out;
}

}  // namespace dutygraph::bench

#endif  // DUTYGRAPH_BENCH_COMMON_RANDOM_DATES_H_
