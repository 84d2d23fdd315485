// calendar/calendar_tables.h — the immutable lookup tables behind a Calendar.
//
// One byte of flags per day of the supported range, plus two prefix counts,
// make every day query O(1): a working-day count before each day (so
// "between" is one subtraction and "add" one index into `work_days`), and an
// unknown-day count (so "does this range touch a year without a notice" is one
// subtraction too). Built once; never mutated afterwards, hence safe to share.
#ifndef DUTYGRAPH_SRC_CALENDAR_CALENDAR_TABLES_H_
#define DUTYGRAPH_SRC_CALENDAR_CALENDAR_TABLES_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "dutygraph/calendar.h"

namespace dutygraph {

struct Calendar::Tables {
  enum Flag : uint8_t {
    kWorking = Calendar::kWorkingFlag,  // a working day
    kKnown = Calendar::kKnownFlag,  // its year has a notice, or it is declared
  };
  struct Declared {
    bool working;
    const std::string* name;
    const CalendarAdjustments::Notice* notice;  // nullptr: local adjustment
    const std::string* source;
  };

  // Day index 0 is Calendar::MinDate().
  std::vector<uint8_t> flags;
  std::vector<int32_t> work_before;     // working days before index i
  std::vector<int32_t> unknown_before;  // unknown days before index i
  std::vector<int32_t> work_days;       // indices of the working days
  std::vector<bool> official_year;      // by year - Calendar::kMinYear
  absl::flat_hash_map<int32_t, Declared> declared;  // by day index

  // Every layer applied, oldest first; Declared points into them.
  std::vector<std::shared_ptr<const CalendarAdjustments>> layers;
  std::string name;
  // Set only if the built-in data failed to load (a build defect).
  absl::Status defect;
};

}  // namespace dutygraph

#endif  // DUTYGRAPH_SRC_CALENDAR_CALENDAR_TABLES_H_
