// dutygraph/schedule_export.h — schedule answers as JSON, CSV and iCalendar.
//
// One rendering shared by every face: the CLI's --format, the C API's
// schedule calls and, through them, the Python bindings. JSON is compact and
// deterministic (the shapes are documented in docs/schedules.md); CSV has a
// header row and RFC 4180 quoting; iCalendar follows RFC 5545: one VEVENT per
// occurrence or deadline, all-day (DTSTART;VALUE=DATE), with a UID that is
// stable across runs and plan edits that do not touch the event (derived from
// the plan id, the cadence or task id, the group/member and the period or
// deadline), CRLF line endings and lines folded at 75 octets.
//
// Thread safety: pure functions of immutable inputs.
#ifndef DUTYGRAPH_SCHEDULE_EXPORT_H_
#define DUTYGRAPH_SCHEDULE_EXPORT_H_

#include <initializer_list>
#include <string>
#include <vector>

#include "dutygraph/critical_path.h"
#include "dutygraph/plan.h"
#include "dutygraph/schedule.h"

namespace dutygraph {

// Occurrences render the same from an OccurrenceTable (the fast path every
// face uses) or from Occurrence values.
std::string OccurrencesJson(const Plan& plan, const OccurrenceTable& table);
std::string OccurrencesJson(const Plan& plan,
                            const std::vector<Occurrence>& occurrences);
std::string OccurrencesCsv(const Plan& plan, const OccurrenceTable& table);
std::string OccurrencesCsv(const Plan& plan,
                           const std::vector<Occurrence>& occurrences);
// Braced lists ({} or {occurrence, ...}) pick these rather than being
// ambiguous between the table and the vector.
inline std::string OccurrencesJson(
    const Plan& plan, std::initializer_list<Occurrence> occurrences) {
  return OccurrencesJson(plan, std::vector<Occurrence>(occurrences));
}
inline std::string OccurrencesCsv(
    const Plan& plan, std::initializer_list<Occurrence> occurrences) {
  return OccurrencesCsv(plan, std::vector<Occurrence>(occurrences));
}
std::string TaskDuesJson(const Plan& plan, const std::vector<TaskDue>& dues);
std::string TaskDuesCsv(const Plan& plan, const std::vector<TaskDue>& dues);
std::string CriticalPathJson(const Plan& plan,
                             const CriticalPathAnswer& answer);

struct IcsOptions {
  // X-WR-CALNAME; default: the plan's title.
  std::string calendar_name;
  // The right-hand side of every UID ("<hash>@<uid_domain>").
  std::string uid_domain = "dutygraph.invalid";
};

// ScheduleIcs(): a VCALENDAR with one VEVENT per occurrence and per deadline
// (and, when a deadline has a reminder, a VALARM on it).
std::string ScheduleIcs(const Plan& plan, const OccurrenceTable& occurrences,
                        const std::vector<TaskDue>& dues,
                        const IcsOptions& options = {});
std::string ScheduleIcs(const Plan& plan,
                        const std::vector<Occurrence>& occurrences,
                        const std::vector<TaskDue>& dues,
                        const IcsOptions& options = {});
// Braced lists, as above (`ScheduleIcs(plan, {}, dues)`: no occurrences).
inline std::string ScheduleIcs(const Plan& plan,
                               std::initializer_list<Occurrence> occurrences,
                               const std::vector<TaskDue>& dues,
                               const IcsOptions& options = {}) {
  return ScheduleIcs(plan, std::vector<Occurrence>(occurrences), dues,
                     options);
}

}  // namespace dutygraph

#endif  // DUTYGRAPH_SCHEDULE_EXPORT_H_
