// Uses the installed C++ library: working-day arithmetic and plan loading.
// Usage: cxx_consumer PLAN_JSON
#include <iostream>

#include "dutygraph/dutygraph.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: cxx_consumer PLAN_JSON\n";
    return 2;
  }
  std::cout << "dutygraph " << dutygraph::kVersionString << "\n";

  const dutygraph::Calendar cal = dutygraph::Calendar::ChinaMainland();
  absl::StatusOr<dutygraph::Date> sep28 = dutygraph::Date::Parse("2023-09-28");
  if (!sep28.ok()) {
    std::cerr << "Date::Parse: " << sep28.status() << "\n";
    return 1;
  }
  auto next = cal.AddWorkingDays(*sep28, 1);
  if (!next.ok()) {
    std::cerr << "AddWorkingDays: " << next.status() << "\n";
    return 1;
  }
  std::cout << "2023-09-28 + 1 working day = " << next->value.ToString()
            << "\n";

  absl::StatusOr<dutygraph::Plan> plan = dutygraph::LoadPlanFile(argv[1]);
  if (!plan.ok()) {
    std::cerr << "LoadPlanFile: " << plan.status() << "\n";
    return 1;
  }
  absl::StatusOr<dutygraph::TaskIndex> t2 = plan->FindTask("t2");
  if (!t2.ok()) {
    std::cerr << "FindTask: " << t2.status() << "\n";
    return 1;
  }
  std::cout << "plan " << plan->data().plan.id << ": "
            << plan->data().tasks.size() << " tasks, task t2 is "
            << plan->task(*t2).title << "\n";
  return 0;
}
