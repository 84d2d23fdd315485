// The Hengyang plan's rhythms around the 2023 National Day break, read from
// an OccurrenceTable (the flat answer of CadenceOccurrenceTable()). Build
// and run from the source directory:
//   cmake --build build --target example_schedule_table
//   ./build/examples/example_schedule_table examples/hengyang-2023/plan.json
#include <cstdlib>
#include <iostream>
#include <string>

#include "dutygraph/dutygraph.h"

using dutygraph::Date;
using dutygraph::OccurrenceView;

template <typename T>
T Must(absl::StatusOr<T> result) {
  if (!result.ok()) {
    std::cerr << "error: " << result.status() << "\n";
    std::exit(1);
  }
  return *std::move(result);
}

int main(int argc, char** argv) {
  const std::string path =
      argc > 1 ? argv[1] : "examples/hengyang-2023/plan.json";
  const dutygraph::Plan plan = Must(dutygraph::LoadPlanFile(path));
  const dutygraph::Calendar cal = dutygraph::Calendar::ChinaMainland();

  // The safety group's rhythms due from 09-21 to 10-12.
  dutygraph::OccurrenceFilter safety;
  safety.cadences = {"c_dekad_briefing", "c_safety_weekly_dispatch",
                     "c_monthly_circular"};
  safety.unit = Must(plan.FindUnit("市应急管理局"));
  const dutygraph::OccurrenceTable table =
      Must(dutygraph::CadenceOccurrenceTable(
          plan, cal, Must(Date::Parse("2023-09-21")),
          Must(Date::Parse("2023-10-12")), safety));

  std::cout << table.size() << " occurrences\n";
  for (OccurrenceView o : table) {
    std::cout << o.due.ToString() << "  "
              << plan.data().cadences[o.cadence].name << "  " << o.period_label;
    if (o.group) std::cout << "  " << plan.group(*o.group).name;
    std::cout << "  owners:";
    for (dutygraph::UnitIndex u : o.owner_units) {
      std::cout << " " << plan.unit(u).name;
    }
    for (const dutygraph::PostHolder& h : o.owner_posts) {
      std::cout << " " << plan.post(h.post).title << " "
                << (h.person ? plan.person(*h.person).name : "（空缺）");
    }
    std::cout << "\n";
  }
  return 0;
}
