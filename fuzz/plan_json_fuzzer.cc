// fuzz/plan_json_fuzzer.cc — the plan JSON loader under hostile input.
//
// Input: the bytes of a plan JSON document. The harness parses it
// (ParsePlanJson, with lowered limits so that one input stays cheap), checks
// that a failure is a clean status with a message, and on success checks the
// canonical-writer promise of plan_json.h (read(write(x)) == x, so writing
// the re-read data gives the same text), builds the Plan and asks it the
// questions an OA system would: accountability, tasks of units and people,
// workloads, the RACI matrix, lints, due dates, cadences and the critical
// path, on a few dates.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dutygraph/calendar.h"
#include "dutygraph/critical_path.h"
#include "dutygraph/date.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_answers_json.h"
#include "dutygraph/plan_json.h"
#include "dutygraph/schedule.h"
#include "dutygraph/schedule_export.h"
#include "fuzz_util.h"

namespace dutygraph::fuzz {
namespace {

// Bounds the work per input: a generated plan may have many records.
constexpr uint32_t kMaxQueriedRecords = 24;

bool IsCleanFailure(const absl::Status& status) {
  return !status.ok() && !status.message().empty() &&
         IsValidUtf8(MessageOf(status)) &&
         (status.code() == absl::StatusCode::kInvalidArgument ||
          status.code() == absl::StatusCode::kResourceExhausted ||
          status.code() == absl::StatusCode::kNotFound ||
          status.code() == absl::StatusCode::kFailedPrecondition ||
          status.code() == absl::StatusCode::kOutOfRange);
}

// The dates the questions are asked on: the plan's own, and a few fixed.
std::vector<Date> QueryDates(const Plan& plan) {
  std::vector<Date> dates;
  if (plan.data().plan.issue_date) dates.push_back(*plan.data().plan.issue_date);
  for (const char* text : {"2023-06-30", "1950-01-01", "2149-12-31"}) {
    dates.push_back(*Date::Parse(text));
  }
  return dates;
}

void QueryPlan(const Plan& plan) {
  const PlanData& data = plan.data();
  const std::vector<Date> dates = QueryDates(plan);
  const auto bound = [](size_t n) {
    return static_cast<uint32_t>(std::min<size_t>(n, kMaxQueriedRecords));
  };

  Accountability accountability;
  std::vector<UnitTask> unit_tasks;
  std::vector<PersonTask> person_tasks;
  for (Date on : dates) {
    for (uint32_t t = 0; t < bound(data.tasks.size()); ++t) {
      if (plan.AccountabilityOf(TaskIndex{t}, on, &accountability).ok()) {
        DG_FUZZ_CHECK(IsValidUtf8(AccountabilityJson(plan, accountability)));
      }
    }
    for (uint32_t u = 0; u < bound(data.units.size()); ++u) {
      (void)plan.ResolveUnit(UnitIndex{u}, on);
      if (plan.TasksOfUnit(UnitIndex{u}, on, {}, &unit_tasks).ok()) {
        (void)UnitTasksJson(plan, UnitIndex{u}, on, unit_tasks);
      }
    }
    for (uint32_t p = 0; p < bound(data.posts.size()); ++p) {
      (void)plan.HolderOf(PostIndex{p}, on);
    }
    for (uint32_t p = 0; p < bound(data.people.size()); ++p) {
      if (plan.TasksOfPerson(PersonIndex{p}, on, on, &person_tasks).ok()) {
        (void)PersonTasksJson(plan, PersonIndex{p}, on, on, person_tasks);
      }
    }
    (void)WorkloadsJson(plan, on, plan.Workloads(on));
    DG_FUZZ_CHECK(IsValidUtf8(plan.RaciCsv(on)));
    (void)LintsJson(plan.Lints(on));
  }
  // Lookups by each record's own id find a record of the plan (or report
  // an ambiguity when another record has that name).
  for (uint32_t u = 0; u < bound(data.units.size()); ++u) {
    absl::StatusOr<UnitIndex> found = plan.FindUnit(data.units[u].id);
    DG_FUZZ_CHECK(!found.ok() || found->value < data.units.size());
  }
  for (uint32_t t = 0; t < bound(data.tasks.size()); ++t) {
    (void)plan.FindTask(data.tasks[t].id);
  }

  // Schedules on the provisional calendar (any year answers).
  const Calendar calendar =
      Calendar::ChinaMainland(CalendarMode::kProvisional);
  const int year = data.plan.year >= 1950 && data.plan.year <= 2148
                       ? data.plan.year
                       : 2023;
  const Date from = *Date::FromYmd(year, 1, 1);
  const Date to = *Date::FromYmd(year, 12, 31);
  absl::StatusOr<std::vector<Occurrence>> occurrences =
      CadenceOccurrences(plan, calendar, from, to);
  absl::StatusOr<std::vector<TaskDue>> dues =
      TasksDueBetween(plan, calendar, std::nullopt, from, to);
  if (occurrences.ok()) (void)OccurrencesCsv(plan, *occurrences);
  if (dues.ok()) (void)TaskDuesCsv(plan, *dues);
  if (occurrences.ok() && dues.ok()) {
    DG_FUZZ_CHECK(IsValidUtf8(ScheduleIcs(plan, *occurrences, *dues)));
  }
  (void)TasksOverdueAsOf(plan, calendar, std::nullopt, to);
  absl::StatusOr<CriticalPathAnswer> critical =
      ComputeCriticalPath(plan, {}, calendar, from);
  if (critical.ok()) (void)CriticalPathJson(plan, *critical);
}

}  // namespace
}  // namespace dutygraph::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dutygraph;
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  PlanLimits limits;
  limits.max_bytes = 1 << 20;
  limits.max_records = 20'000;

  std::vector<PlanDiagnostic> diagnostics;
  absl::StatusOr<PlanData> parsed = ParsePlanJson(json, &diagnostics, limits);
  if (!parsed.ok()) {
    DG_FUZZ_CHECK(fuzz::IsCleanFailure(parsed.status()));
    DG_FUZZ_CHECK(!diagnostics.empty());
    DG_FUZZ_CHECK(fuzz::IsValidUtf8(DiagnosticsJson(diagnostics)));
    return 0;
  }
  DG_FUZZ_CHECK(diagnostics.empty());

  // The canonical text reads back to data that writes the same text.
  const std::string canonical = WritePlanJson(*parsed);
  DG_FUZZ_CHECK(fuzz::IsValidUtf8(canonical));
  absl::StatusOr<PlanData> reread = ParsePlanJson(canonical);
  DG_FUZZ_CHECK(reread.ok());
  DG_FUZZ_CHECK(WritePlanJson(*reread) == canonical);

  absl::StatusOr<Plan> plan = Plan::Build(*std::move(parsed), &diagnostics);
  if (!plan.ok()) {
    DG_FUZZ_CHECK(fuzz::IsCleanFailure(plan.status()));
    return 0;
  }
  fuzz::QueryPlan(*plan);
  return 0;
}
