// tools/cli/picture_commands.h — the picture commands.
//
//   dutygraph graph --plan FILE [--task T | --unit U | --group G] [--on D]
//                   [--depth N] [--format dot|svg|png] [-o FILE]
//                                      the responsibility graph around a node
//                                      (dutygraph/plan_graph.h); svg and png
//                                      are rendered by Graphviz's `dot`
//   dutygraph gantt --plan FILE --from A --to B [--unit U] [-o FILE]
//                                      a Gantt-style SVG of due dates, the
//                                      critical path and cadence marks
//                                      (dutygraph/schedule_gantt.h)
//
// Thread safety: used from main()'s thread only.
#ifndef DUTYGRAPH_TOOLS_CLI_PICTURE_COMMANDS_H_
#define DUTYGRAPH_TOOLS_CLI_PICTURE_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "command.h"

namespace dutygraph::cli {

// AddPictureCommands()
//
// Registers `graph` and `gantt` on `app`. When one of them is parsed,
// `action` is set to its work. `action` must outlive the parse.
void AddPictureCommands(CLI::App& app, CommandAction& action);

}  // namespace dutygraph::cli

#endif  // DUTYGRAPH_TOOLS_CLI_PICTURE_COMMANDS_H_
