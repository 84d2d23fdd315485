// dutygraph/plan_answers_json.h — the answers of plan.h as JSON.
//
// One rendering shared by every face: the CLI's --json, the C API's *_json
// calls and through them the Python bindings. Names are resolved (ids, names,
// titles, holders' names), dates are ISO text, and every object carries the
// ids needed to ask the next question. The shapes are documented in
// docs/plan-queries.md. Output is compact (no indentation), UTF-8, and
// deterministic: the same answer gives the same bytes.
//
// Thread safety: pure functions of an immutable Plan.
#ifndef DUTYGRAPH_PLAN_ANSWERS_JSON_H_
#define DUTYGRAPH_PLAN_ANSWERS_JSON_H_

#include <string>
#include <vector>

#include "dutygraph/plan.h"

namespace dutygraph {

std::string AccountabilityJson(const Plan& plan, const Accountability& answer);
std::string UnitTasksJson(const Plan& plan, UnitIndex unit, Date on,
                          const std::vector<UnitTask>& tasks);
std::string PersonTasksJson(const Plan& plan, PersonIndex person, Date from,
                            Date to, const std::vector<PersonTask>& tasks);
std::string WorkloadsJson(const Plan& plan, Date on,
                          const std::vector<Workload>& workloads);
std::string LintsJson(const std::vector<Lint>& lints);
std::string DiagnosticsJson(const std::vector<PlanDiagnostic>& diagnostics);

}  // namespace dutygraph

#endif  // DUTYGRAPH_PLAN_ANSWERS_JSON_H_
