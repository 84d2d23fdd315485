// tools/cli/calendar_command.h — `dutygraph calendar`: the official
// working-day calendar from the command line.
//
//   dutygraph calendar days --from A --to B   CSV date,working,name per day
//   dutygraph calendar add DATE N             N working days later (N<0:
//   earlier) dutygraph calendar between FROM TO        working days in (FROM,
//   TO] dutygraph calendar period DATE KIND       label start end dutygraph
//   calendar info DATE              everything known about a day dutygraph
//   calendar next|previous DATE     the adjacent working day dutygraph calendar
//   roll DATE [--convention C] dutygraph calendar nth DATE KIND N        N-th
//   working day of the period dutygraph calendar years                  years
//   with an official notice
//
// Every subcommand takes --provisional, --overlay FILE (repeatable) and
// --json. See tools/cli/README.md.
//
// Thread safety: used from main()'s thread only.
#ifndef DUTYGRAPH_TOOLS_CLI_CALENDAR_COMMAND_H_
#define DUTYGRAPH_TOOLS_CLI_CALENDAR_COMMAND_H_

#include <CLI/CLI.hpp>

#include "command.h"

namespace dutygraph::cli {

// AddCalendarCommand()
//
// Registers `calendar` and its subcommands on `app`. When one of them is
// parsed, `action` is set to its work. `action` must outlive the parse.
void AddCalendarCommand(CLI::App& app, CommandAction& action);

}  // namespace dutygraph::cli

#endif  // DUTYGRAPH_TOOLS_CLI_CALENDAR_COMMAND_H_
