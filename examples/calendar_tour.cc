// A tour of the official working-day calendar, on dates from the Hengyang
// plan's year (衡办〔2023〕7号). Build and run:
//   cmake --build build --target example_calendar_tour
//   ./build/examples/example_calendar_tour
#include <cstdlib>
#include <iostream>

#include "dutygraph/dutygraph.h"

using dutygraph::Calendar;
using dutygraph::Date;
using dutygraph::Period;
using dutygraph::PeriodKind;

// Every call returns a StatusOr; a real program handles each error. Here an
// unexpected error ends the tour with its message.
template <typename T>
T Must(absl::StatusOr<T> result) {
  if (!result.ok()) {
    std::cerr << "error: " << result.status() << "\n";
    std::exit(1);
  }
  return *std::move(result);
}

int main() {
  const Calendar cal = Calendar::ChinaMainland();  // strict by default

  // The 中秋/国庆 break of 2023: one working day after 09-28 is Saturday 10-07.
  const Date sep28 = Must(Date::Parse("2023-09-28"));
  auto next = Must(cal.AddWorkingDays(sep28, 1));
  std::cout << "2023-09-28 + 1 working day = " << next.value.ToString() << "\n";

  // Why: what the calendar knows about the days in between.
  for (Date d = sep28 + 1; d <= next.value; d = d + 1) {
    auto day = Must(cal.Day(d));
    std::cout << "  " << d.ToString() << " "
              << (day.working ? "working" : "off    ") << " "
              << dutygraph::DayKindName(day.kind)
              << (day.name.empty() ? "" : " ") << day.name << "\n";
  }

  // "14个工作日内" from 2023-01-20 (the eve of 春节).
  const Date jan20 = Must(Date::Parse("2023-01-20"));
  auto due = Must(cal.AddWorkingDays(jan20, 14));
  std::cout << "14 working days after 2023-01-20 = " << due.value.ToString()
            << "\n";
  auto between = Must(cal.WorkingDaysBetween(jan20, due.value));
  std::cout << "working days in (2023-01-20, " << due.value.ToString()
            << "] = " << between.value << "\n";

  // The 旬简报 rhythm: the last working day of each dekad in 2023年10月.
  Period dekad =
      Must(Period::Of(Must(Date::Parse("2023-10-01")), PeriodKind::kDekad));
  for (int i = 0; i < 3; ++i, dekad = Must(dekad.Next())) {
    auto last = Must(cal.LastWorkingDay(dekad));
    std::cout << dekad.Label() << " " << dekad.start().ToString() << ".."
              << dekad.end().ToString() << " last working day "
              << last.value.ToString() << "\n";
  }

  // Years without a notice are refused in strict mode...
  const Date jan4 = Must(Date::Parse("2027-01-04"));
  auto refused = cal.IsWorkingDay(jan4);
  std::cout << "strict 2027-01-04: " << refused.status().code() << "\n";
  // ...and flagged in provisional mode.
  const Calendar provisional =
      Calendar::ChinaMainland(dutygraph::CalendarMode::kProvisional);
  auto guess = Must(provisional.IsWorkingDay(jan4));
  std::cout << "provisional 2027-01-04: working=" << guess.value
            << " provisional=" << guess.provisional << "\n";

  // A locality's own day off, layered over the official calendar.
  const Calendar local =
      Must(cal.DeriveFromText("off 2023-03-15 地方纪念日\n", "local.txt"));
  auto after = Must(local.AddWorkingDays(Must(Date::Parse("2023-03-14")), 1));
  std::cout << "local 2023-03-14 + 1 = " << after.value.ToString() << "\n";
  return 0;
}
