// tools/cli/main.cc — the `dutygraph` command: subcommand registry and the
// mapping of errors to exit codes (documented in command.h and README.md).
//
// Adding a command: write `<area>_command(s).{h,cc}` with an
// Add<Area>Command(s)(CLI::App&, CommandAction&) like calendar's, and call it
// below.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "calendar_command.h"
#include "command.h"
#include "dutygraph/version.h"
#include "picture_commands.h"
#include "import_command.h"
#include "plan_commands.h"
#include "schedule_commands.h"
#include "store_commands.h"
#include "tracking_commands.h"

namespace {

using dutygraph::cli::kExitFailure;
using dutygraph::cli::kExitSuccess;
using dutygraph::cli::kExitUsage;
using dutygraph::cli::PrintError;

// The deepest (sub)command CLI11 got to, e.g. `calendar` in
// "dutygraph calendar frob".
const CLI::App* DeepestParsedCommand(const CLI::App& app) {
  const CLI::App* current = &app;
  while (true) {
    const std::vector<CLI::App*> parsed = current->get_subcommands();
    if (parsed.empty()) return current;
    current = parsed.back();
  }
}

// "dutygraph calendar".
std::string CommandPath(const CLI::App* command) {
  std::string path;
  for (; command != nullptr; command = command->get_parent()) {
    path =
        path.empty() ? command->get_name() : command->get_name() + " " + path;
  }
  return path;
}

// The usage error message. CLI11 reports a missing or misspelt subcommand
// as "A subcommand is required"; say which word was not understood and what
// would have been.
std::string UsageErrorMessage(const CLI::App& app, const CLI::ParseError& e) {
  const CLI::App* command = DeepestParsedCommand(app);
  const std::string path = CommandPath(command);
  std::string message = e.what();
  const std::vector<const CLI::App*> subcommands =
      command->get_subcommands([](const CLI::App*) { return true; });
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr &&
      !subcommands.empty() && command->get_subcommands().empty()) {
    std::string names;
    for (const CLI::App* sub : subcommands) {
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    const std::vector<std::string> rest = command->remaining();
    message = rest.empty() ? "'" + path + "' needs a subcommand: " + names
                           : "unknown subcommand '" + rest.front() + "' for '" +
                                 path + "'; expected one of: " + names;
  }
  return message + " (run '" + path + " --help' for usage)";
}

int RunCommand(const dutygraph::cli::CommandAction& action) {
  if (!action) {
    PrintError("no command was given; run 'dutygraph --help'");
    return kExitUsage;
  }
  try {
    const absl::Status status = action();
    if (status.ok()) return kExitSuccess;
    PrintError(std::string(status.message()));
    return kExitFailure;
  } catch (const std::bad_alloc&) {
    PrintError("out of memory");
  } catch (const std::exception& e) {
    PrintError(std::string("internal error: ") + e.what());
  } catch (...) {
    PrintError("internal error: unknown exception");
  }
  return kExitFailure;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app(
      "dutygraph — who is accountable for what, when it is due on the "
      "official working-day calendar, and which escalation is due.",
      "dutygraph");
  app.set_version_flag("--version", std::string(dutygraph::kVersionString),
                       "print the version and exit");
  app.require_subcommand(1);
  app.get_formatter()->column_width(34);
  dutygraph::cli::AddExitStatusFooter(app);

  dutygraph::cli::CommandAction action;
  dutygraph::cli::AddCalendarCommand(app, action);
  dutygraph::cli::AddPlanCommands(app, action);
  dutygraph::cli::AddImportCommand(app, action);
  dutygraph::cli::AddScheduleCommands(app, action);
  dutygraph::cli::AddPictureCommands(app, action);
  dutygraph::cli::AddStoreCommands(app, action);
  dutygraph::cli::AddTrackingCommands(app, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    PrintError(UsageErrorMessage(app, e));
    return kExitUsage;
  } catch (const std::exception& e) {
    PrintError(std::string("internal error while reading arguments: ") +
               e.what());
    return kExitFailure;
  }
  return RunCommand(action);
}
