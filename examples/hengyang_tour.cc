// The README's five-minute tour of the Hengyang plan (衡办〔2023〕7号)
// through the C++ API. Build and run:
//   cmake --build build --target example_hengyang_tour_cc
//   ./build/examples/example_hengyang_tour_cc examples/hengyang-2023/plan.json
// Its output is checked against hengyang_tour_cc.expected by CTest.
#include <cstdlib>
#include <iostream>
#include <string>

#include "dutygraph/dutygraph.h"

namespace dg = dutygraph;

// Every call returns a Status or StatusOr; here an unexpected error ends the
// tour with its message.
template <typename T>
T Must(absl::StatusOr<T> result) {
  if (!result.ok()) {
    std::cerr << "error: " << result.status() << "\n";
    std::exit(1);
  }
  return *std::move(result);
}

void Must(const absl::Status& status) {
  if (!status.ok()) {
    std::cerr << "error: " << status << "\n";
    std::exit(1);
  }
}

int main(int argc, char** argv) {
  const std::string path =
      argc > 1 ? argv[1] : "examples/hengyang-2023/plan.json";
  const dg::Plan plan = Must(dg::LoadPlanFile(path));
  const dg::Calendar cal = dg::Calendar::ChinaMainland();
  const dg::Date june1 = Must(dg::Date::Parse("2023-06-01"));

  // 1. Who is accountable for 严禁新增隐性债务 on 2023-06-01, and who held
  //    the posts that day.
  const dg::TaskIndex task = Must(plan.FindTask("4/二/（一）/1"));
  dg::Accountability who;
  Must(plan.AccountabilityOf(task, june1, &who));
  std::cout << plan.task(task).path << " " << plan.task(task).title
            << ", as of " << june1.ToString() << ":\n";
  for (const dg::AccountableUnit& u : who.units) {
    std::cout << "  " << dg::RoleName(u.role) << ": " << plan.unit(u.unit).name;
    if (u.head) {
      std::cout << " (head: " << plan.post(u.head->post).title << " "
                << (u.head->person ? plan.person(*u.head->person).name
                                   : std::string("vacant"))
                << ")";
    }
    std::cout << "\n";
  }
  if (who.group) {
    std::cout << "  supervising group: " << plan.group(*who.group).name << "\n";
  }

  // 2. The calendar: one working day after 2023-09-28 (中秋节、国庆节 break).
  std::cout << "1 working day after 2023-09-28: "
            << Must(cal.AddWorkingDays(Must(dg::Date::Parse("2023-09-28")), 1))
                   .value.ToString()
            << "\n";

  // 3. 市发改委's rhythms around National Day.
  dg::OccurrenceFilter filter;
  filter.unit = Must(plan.FindUnit("市发改委"));
  const auto occurrences = Must(dg::CadenceOccurrences(
      plan, cal, Must(dg::Date::Parse("2023-09-28")),
      Must(dg::Date::Parse("2023-10-12")), filter));
  std::cout << "市发改委's cadences due 2023-09-28..2023-10-12:\n";
  for (const dg::Occurrence& o : occurrences) {
    std::cout << "  " << o.due.ToString() << "  " << o.period_label << "  "
              << plan.data().cadences[o.cadence].name << "\n";
  }

  // 4. Pictures: DOT for Graphviz, and a Gantt chart as SVG.
  dg::PlanGraphOptions options;
  options.on = june1;
  const std::string dot =
      Must(dg::PlanGraphDot(plan, dg::GraphFocus::Task(task), options));
  const std::string svg = Must(dg::ScheduleGanttSvg(
      plan, cal, Must(dg::Date::Parse("2023-03-03")),
      Must(dg::Date::Parse("2023-12-31"))));
  size_t edges = 0;
  for (size_t at = dot.find(" -> "); at != std::string::npos;
       at = dot.find(" -> ", at + 4)) {
    ++edges;
  }
  size_t rows = 0;
  for (size_t at = svg.find("<g class=\"task\""); at != std::string::npos;
       at = svg.find("<g class=\"task\"", at + 1)) {
    ++rows;
  }
  std::cout << "graph: " << edges << " edges; gantt 2023: " << rows
            << " tasks with due dates\n";
  return 0;
}
