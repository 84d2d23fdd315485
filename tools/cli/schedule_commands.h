// tools/cli/schedule_commands.h — the schedule commands: when a plan's
// rhythms and deadlines fall due on the official calendar.
//
//   dutygraph schedule --plan FILE --from A --to B [--deadlines]
//                                      cadence occurrences (and task due
//                                      dates) whose due date is in [A, B]
//   dutygraph due --plan FILE --on D   task due dates overdue as of D, and
//                                      those due within --within N working
//                                      days from D
//   dutygraph critical-path --plan FILE [--durations CSV]
//                                      the critical path method over the
//                                      plan's dependencies
//
// Each takes --format, --provisional and --overlay FILE (as `calendar`).
// Rules and shapes: docs/schedules.md.
//
// Thread safety: used from main()'s thread only.
#ifndef DUTYGRAPH_TOOLS_CLI_SCHEDULE_COMMANDS_H_
#define DUTYGRAPH_TOOLS_CLI_SCHEDULE_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "command.h"

namespace dutygraph::cli {

// AddScheduleCommands()
//
// Registers `schedule`, `due` and `critical-path` on `app`. When one of them
// is parsed, `action` is set to its work. `action` must outlive the parse.
void AddScheduleCommands(CLI::App& app, CommandAction& action);

}  // namespace dutygraph::cli

#endif  // DUTYGRAPH_TOOLS_CLI_SCHEDULE_COMMANDS_H_
