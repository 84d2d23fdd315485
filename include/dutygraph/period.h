// dutygraph/period.h — reporting periods: 旬, week, half-month, month,
// quarter, half-year, year.
//
// Chinese plans set rhythms by period (旬简报, 月通报, 季总结). A `Period` is a
// closed date interval of one kind that contains a given date, with its
// neighbours and its Chinese label. Periods are pure date arithmetic; which of
// their days are working days is the calendar's business (see calendar.h).
//
//   kind         days                           label example
//   kDekad       1–10, 11–20, 21–month end      2023年3月中旬
//   kWeek        ISO week, Monday–Sunday        2023年第12周 (ISO week-year)
//   kHalfMonth   1–15, 16–month end             2023年3月上半月
//   kMonth       calendar month                 2023年3月
//   kQuarter     Jan–Mar, Apr–Jun, ...          2023年第二季度
//   kHalfYear    Jan–Jun, Jul–Dec               2023年上半年
//   kYear        calendar year                  2023年
//
// Thread safety: value types.
//
// Example:
//   auto p = dutygraph::Period::Of(*dutygraph::Date::Parse("2023-03-15"),
//                                  dutygraph::PeriodKind::kDekad);
//   p->Label();   // "2023年3月中旬"; p->start() 2023-03-11, p->end() 2023-03-20
#ifndef DUTYGRAPH_PERIOD_H_
#define DUTYGRAPH_PERIOD_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "dutygraph/date.h"
#include "dutygraph/export.h"

namespace dutygraph {

// Values are stable: the C API's dg_period_kind uses the same numbers.
enum class PeriodKind : int32_t {
  kDekad = 0,
  kWeek = 1,
  kHalfMonth = 2,
  kMonth = 3,
  kQuarter = 4,
  kHalfYear = 5,
  kYear = 6,
};

// PeriodKindName()
//
// The stable English name: "dekad", "week", "half-month", "month", "quarter",
// "half-year", "year".
DUTYGRAPH_EXPORT std::string_view PeriodKindName(PeriodKind kind);

// ParsePeriodKind()
//
// Accepts the English names above and the Chinese ones (旬, 周, 半月, 月, 季,
// 季度, 半年, 年). INVALID_ARGUMENT lists the accepted names otherwise.
DUTYGRAPH_EXPORT absl::StatusOr<PeriodKind> ParsePeriodKind(std::string_view name);

class DUTYGRAPH_EXPORT Period {
 public:
  // Of()
  //
  // The period of `kind` containing `date`. OUT_OF_RANGE only at the edges of
  // the representable date range.
  static absl::StatusOr<Period> Of(Date date, PeriodKind kind);

  PeriodKind kind() const { return kind_; }
  Date start() const { return start_; }  // first day, inclusive
  Date end() const { return end_; }      // last day, inclusive
  int32_t length_days() const { return end_ - start_ + 1; }
  bool Contains(Date d) const { return start_ <= d && d <= end_; }

  // Shift()
  //
  // The period `n` steps later (n < 0: earlier) of the same kind.
  // Next() and Previous() are Shift(1) and Shift(-1).
  absl::StatusOr<Period> Shift(int32_t n) const;
  absl::StatusOr<Period> Next() const { return Shift(1); }
  absl::StatusOr<Period> Previous() const { return Shift(-1); }

  // Label()
  //
  // The Chinese label as plans write it (table in the file comment).
  std::string Label() const;

  friend bool operator==(const Period& a, const Period& b) {
    return a.kind_ == b.kind_ && a.start_ == b.start_;
  }

 private:
  Period(PeriodKind kind, Date start, Date end)
      : kind_(kind), start_(start), end_(end) {}
  PeriodKind kind_;
  Date start_;
  Date end_;
};

}  // namespace dutygraph

#endif  // DUTYGRAPH_PERIOD_H_
