// tools/cli/import_command.h — `dutygraph import FILE.txt`: an official plan
// document's text to plan JSON (include/dutygraph/import.h).
//
// Thread safety: used from main()'s thread only.
#ifndef DUTYGRAPH_TOOLS_CLI_IMPORT_COMMAND_H_
#define DUTYGRAPH_TOOLS_CLI_IMPORT_COMMAND_H_

#include <CLI/CLI.hpp>

#include "command.h"

namespace dutygraph::cli {

// Registers `import FILE [--year N] [--units KNOWN.json] [--id ID]
// [--diagnostics FILE]`: plan JSON on stdout; diagnostics on stderr
// ("FILE:LINE: severity: message [code]") or, with --diagnostics, as a JSON
// array in that file. Exit 1 when the file cannot be read or is not UTF-8,
// or KNOWN.json is not a plan.
void AddImportCommand(CLI::App& app, CommandAction& action);

}  // namespace dutygraph::cli

#endif  // DUTYGRAPH_TOOLS_CLI_IMPORT_COMMAND_H_
