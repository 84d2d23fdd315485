// tools/cli/tracking_commands.h — the tracking commands: status, escalations,
// rankings, the 台账 ledger and lifecycle accountability, from a plan, an
// event log (JSON Lines) and a tracking policy.
//
//   dutygraph status --plan P --events E.jsonl [--policy POL] --on DATE
//                    [--unit U] [--json]
//   dutygraph escalations --plan P --events E.jsonl [--policy POL] --on DATE
//                    [--json]
//   dutygraph rank --plan P --events E.jsonl [--policy POL] --set NAME
//                  --period 2023Q2 [--formula ID] [--json]
//   dutygraph ledger --plan P --events E.jsonl [--policy POL] --on DATE
//   dutygraph lifecycle --plan P --events E.jsonl --task T [--json]
//
// Each takes --db STORE instead of --plan and --events: the store's plan
// version in effect on the date asked about (--on; rank: the period's last
// day; lifecycle: the latest) and every stored event (tracking_store.h).
//
// Without --policy, the plan's own escalation policies apply with the
// default light rule and ranking formula. Each takes --provisional and
// --overlay FILE (as `calendar`). Rules and shapes: docs/tracking.md.
//
// Thread safety: used from main()'s thread only.
#ifndef DUTYGRAPH_TOOLS_CLI_TRACKING_COMMANDS_H_
#define DUTYGRAPH_TOOLS_CLI_TRACKING_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "command.h"

namespace dutygraph::cli {

// AddTrackingCommands()
//
// Registers `status`, `escalations`, `rank`, `ledger` and `lifecycle` on
// `app`. When one is parsed, `action` is set to its work.
void AddTrackingCommands(CLI::App& app, CommandAction& action);

}  // namespace dutygraph::cli

#endif  // DUTYGRAPH_TOOLS_CLI_TRACKING_COMMANDS_H_
