// tools/cli/plan_commands.h — the plan commands: questions about a plan file
// (docs/plan-format.md) as of a date.
//
//   dutygraph plan validate FILE       check a plan; "ok: N units, ..." or
//                                      every problem as FILE: POINTER: MESSAGE
//   dutygraph who TASK --plan FILE     who is accountable for a task
//   dutygraph tasks --plan FILE (--unit NAME | --person NAME)
//                                      the tasks of a unit or a person
//   dutygraph raci --plan FILE         the tasks x units matrix as CSV
//   dutygraph lint --plan FILE         findings; exit 1 if any is an error
//   dutygraph workload --plan FILE     tasks per unit by role
//
// Each takes --json (the shared rendering of plan_answers_json.h) and, where
// the answer depends on the day, --on DATE, defaulting to the plan's issue
// date. See tools/cli/README.md.
//
// Thread safety: used from main()'s thread only.
#ifndef DUTYGRAPH_TOOLS_CLI_PLAN_COMMANDS_H_
#define DUTYGRAPH_TOOLS_CLI_PLAN_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "command.h"

namespace dutygraph::cli {

// AddPlanCommands()
//
// Registers `plan` (with `validate`), `who`, `tasks`, `raci`, `lint` and
// `workload` on `app`. When one of them is parsed, `action` is set to its
// work. `action` must outlive the parse.
void AddPlanCommands(CLI::App& app, CommandAction& action);

}  // namespace dutygraph::cli

#endif  // DUTYGRAPH_TOOLS_CLI_PLAN_COMMANDS_H_
