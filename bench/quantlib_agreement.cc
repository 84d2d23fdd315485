// bench/quantlib_agreement.cc — where QuantLib's China calendar and the
// official notices disagree.
//
// A speed comparison means little if the peer gives different answers, so
// this program compares, for every day of every official year, QuantLib's
// China::IB isBusinessDay() with dutygraph's built-in official calendar
// (Calendar::ChinaMainland(), written from the State Council notices). It
// prints, per calendar year, the number of disagreeing days, in which
// direction, a few example dates, and how many weekday holidays and working
// weekends each side has (a year with no working weekends on QuantLib's side
// is a year QuantLib has no China data for).
//
// Usage: quantlib_agreement [--examples=N]   (N example dates per year, 4)
#include <cstdio>
#include <cstdlib>
#include <ql/config.hpp>
#include <ql/time/calendars/china.hpp>
#include <ql/time/date.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "dutygraph/calendar.h"
#include "dutygraph/date.h"
#include "random_dates.h"

namespace dutygraph::bench {
namespace {

constexpr const char* kWeekdayNames[] = {"",    "Mon", "Tue", "Wed",
                                         "Thu", "Fri", "Sat", "Sun"};

struct YearReport {
  int year = 0;
  int days = 0;
  int ql_works_official_off = 0;  // QuantLib business day, official day off
  int ql_off_official_works = 0;  // QuantLib holiday, official working day
  int official_weekday_holidays = 0;
  int official_working_weekends = 0;
  int ql_weekday_holidays = 0;
  int ql_working_weekends = 0;
  std::vector<std::string> examples;
  int disagreements() const {
    return ql_works_official_off + ql_off_official_works;
  }
};

// Compares one calendar year; returns false (with a message) if dutygraph
// cannot answer, which would be a defect: every year compared is official.
bool CompareYear(const Calendar& cal, const QuantLib::China& peer, int year,
                 size_t max_examples, YearReport* report) {
  report->year = year;
  const int32_t first = DaysFromCivil(year, 1, 1);
  const int32_t end = DaysFromCivil(year + 1, 1, 1);
  for (int32_t days = first; days < end; ++days) {
    absl::StatusOr<Date> date = Date::FromDaysSinceEpoch(days);
    if (!date.ok()) {
      std::fprintf(stderr, "quantlib_agreement: %s\n",
                   date.status().ToString().c_str());
      return false;
    }
    absl::StatusOr<DayInfo> info = cal.Day(*date);
    if (!info.ok()) {
      std::fprintf(stderr, "quantlib_agreement: dutygraph Day(%s): %s\n",
                   date->ToString().c_str(), info.status().ToString().c_str());
      return false;
    }
    const bool weekend = date->is_weekend();
    const bool ql_works = peer.isBusinessDay(
        QuantLib::Date(static_cast<QuantLib::Date::serial_type>(
            days + kQuantLibSerialOfEpoch)));
    ++report->days;
    if (!weekend && !info->working) ++report->official_weekday_holidays;
    if (weekend && info->working) ++report->official_working_weekends;
    if (!weekend && !ql_works) ++report->ql_weekday_holidays;
    if (weekend && ql_works) ++report->ql_working_weekends;
    if (ql_works == info->working) continue;
    if (ql_works) {
      ++report->ql_works_official_off;
    } else {
      ++report->ql_off_official_works;
    }
    if (report->examples.size() < max_examples) {
      std::string kind(DayKindName(info->kind));
      std::string name(info->name);
      report->examples.push_back(
          date->ToString() + " " + kWeekdayNames[date->iso_weekday()] +
          ": official " + (info->working ? "working" : "off") + " (" + kind +
          (name.empty() ? "" : ", " + name) + "), QuantLib " +
          (ql_works ? "business day" : "holiday"));
    }
  }
  return true;
}

int Run(size_t max_examples) {
  const Calendar cal = Calendar::ChinaMainland();
  const QuantLib::China peer(QuantLib::China::IB);

  std::printf(
      "QuantLib %s China(IB).isBusinessDay() vs dutygraph "
      "Calendar::ChinaMainland() (the State Council notices), per calendar "
      "year.\n"
      "  disagree   days on which the two differ\n"
      "  QLwork     QuantLib says business day, the notices say off\n"
      "  QLoff      QuantLib says holiday, the notices say working day\n"
      "  wkday-hol  weekday holidays (official / QuantLib)\n"
      "  work-wkend working weekends (official / QuantLib)\n\n",
      QL_PACKAGE_VERSION);
  std::printf("year  days  disagree  QLwork  QLoff  wkday-hol  work-wkend\n");

  std::vector<YearReport> reports;
  for (int year : cal.OfficialYears()) {
    YearReport report;
    if (!CompareYear(cal, peer, year, max_examples, &report)) return 1;
    std::printf("%4d  %4d  %8d  %6d  %5d  %4d / %-3d  %4d / %-3d\n", year,
                report.days, report.disagreements(),
                report.ql_works_official_off, report.ql_off_official_works,
                report.official_weekday_holidays, report.ql_weekday_holidays,
                report.official_working_weekends, report.ql_working_weekends);
    for (const std::string& example : report.examples) {
      std::printf("        e.g. %s\n", example.c_str());
    }
    reports.push_back(std::move(report));
  }

  int total = 0;
  for (const YearReport& r : reports) total += r.disagreements();
  std::printf("\nTotal: %d disagreeing days over %zu official years.\n", total,
              reports.size());
  return 0;
}

}  // namespace
}  // namespace dutygraph::bench

int main(int argc, char** argv) {
  size_t max_examples = 4;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    constexpr std::string_view kExamples = "--examples=";
    char* end = nullptr;
    if (arg.substr(0, kExamples.size()) == kExamples) {
      const char* value = argv[i] + kExamples.size();
      long n = std::strtol(value, &end, 10);
      if (end != value && *end == '\0' && n >= 0 && n <= 366) {
        max_examples = static_cast<size_t>(n);
        continue;
      }
      std::fprintf(stderr,
                   "quantlib_agreement: --examples expects 0..366, got '%s'\n",
                   value);
      return 2;
    }
    std::fprintf(stderr,
                 "quantlib_agreement: unknown argument '%s'\n"
                 "usage: quantlib_agreement [--examples=N]\n",
                 argv[i]);
    return 2;
  }
  return dutygraph::bench::Run(max_examples);
}
