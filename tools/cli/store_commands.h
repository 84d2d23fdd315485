// tools/cli/store_commands.h — the store commands (docs/store.md): a plan's
// versions and its event log in one SQLite file.
//
//   dutygraph db init D --plan P [--effective DATE]
//                               create store D with plan P as version 1
//                               (effective from the plan's issue date)
//   dutygraph db add-plan D --plan P --effective DATE
//                               the next plan version
//   dutygraph db info D [--json]
//                               schema, plan versions, events, size
//   dutygraph event add --db D (--json '{...}' | --file events.jsonl|-)
//                               append events (all or nothing; an id already
//                               stored with the same JSON is skipped)
//   dutygraph event list --db D [--task T] [--after SEQ] [--limit N] [--json]
//                               events in append order; --json prints them
//                               as JSON Lines, exactly as stored
//
// Every command but `db init` refuses a missing store (no file is created).
//
// Thread safety: used from main()'s thread only.
#ifndef DUTYGRAPH_TOOLS_CLI_STORE_COMMANDS_H_
#define DUTYGRAPH_TOOLS_CLI_STORE_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "command.h"

namespace dutygraph::cli {

// AddStoreCommands()
//
// Registers `db` (init, add-plan, info) and `event` (add, list) on `app`.
// When one of them is parsed, `action` is set to its work.
void AddStoreCommands(CLI::App& app, CommandAction& action);

}  // namespace dutygraph::cli

#endif  // DUTYGRAPH_TOOLS_CLI_STORE_COMMANDS_H_
