// tools/cli/command.h — plumbing shared by every dutygraph subcommand.
//
// A subcommand registers itself on the CLI11 app. When CLI11 has parsed and
// validated its arguments, the subcommand's parse callback stores a
// CommandAction; main() runs that action after parsing and maps its status to
// the exit code. So CLI11 owns everything about *reading* the command line
// (usage errors, exit 2) and the action everything about *doing* it
// (exit 1 on failure).
//
// Exit status, for every subcommand:
//   0  success
//   1  the command could not be answered (no official schedule for a year,
//      date out of the calendar's range, unreadable or malformed --overlay
//      file, ...)
//   2  usage error (unknown subcommand or option, missing or malformed
//      argument such as a bad date, unknown period kind)
//
// Thread safety: used from main()'s thread only.
#ifndef DUTYGRAPH_TOOLS_CLI_COMMAND_H_
#define DUTYGRAPH_TOOLS_CLI_COMMAND_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dutygraph/calendar.h"
#include "dutygraph/date.h"
#include "dutygraph/events.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_json.h"
#include "dutygraph/plan_view.h"

namespace dutygraph::cli {

inline constexpr int kExitSuccess = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// The work of the subcommand the user chose, run once after parsing. It
// writes its result to stdout itself and returns the failure, if any.
using CommandAction = std::function<absl::Status()>;

// AddExitStatusFooter()
//
// Documents the exit codes above at the bottom of `app`'s --help.
void AddExitStatusFooter(CLI::App& app);

// DateValidator()
//
// Accepts exactly YYYY-MM-DD (dutygraph::Date::Parse). CLI11 prefixes the
// message with the argument's name: "--from: bad date '2023-02-30': ...".
CLI::Validator DateValidator();

// ParseInt32()
//
// A decimal integer with an optional sign, within int32 range. Unlike
// std::stoi it rejects trailing text, and unlike CLI11's own conversion it
// does not read "010" as octal.
absl::StatusOr<int32_t> ParseInt32(std::string_view text);

// Int32Validator()
//
// Accepts what ParseInt32() accepts; with `allow_zero` false, also rejects 0
// and says why (`zero_meaning`, e.g. "1 is the first working day, -1 the
// last").
CLI::Validator Int32Validator(bool allow_zero = true,
                              std::string zero_meaning = "");

// ArgumentDate() / ArgumentInt32()
//
// Re-reads an argument CLI11 already validated. The status is never an error
// after validation; it is checked anyway so a gap in validation shows as a
// clear message, not as undefined behaviour.
absl::StatusOr<Date> ArgumentDate(std::string_view argument_name,
                                  const std::string& text);
absl::StatusOr<int32_t> ArgumentInt32(std::string_view argument_name,
                                      const std::string& text);

// WithContext()
//
// `status` with "context: " before its message, same code; OK stays OK.
absl::Status WithContext(const absl::Status& status, std::string_view context);

// The calendar a command asks about: the built-in one, strict or
// provisional, with each --overlay file applied in the order given under
// `limits` (docs/hostile-input.md), which the commands take from the
// --overlay-max-* options.
absl::StatusOr<Calendar> OpenCalendar(bool provisional,
                                      const std::vector<std::string>& overlays,
                                      const CalendarLimits& limits = {});

// AddOverlayLimitOptions()
//
// --overlay-max-bytes, --overlay-max-declared-days, --overlay-max-name-bytes,
// --overlay-max-total-declared-days and --overlay-max-layers: the
// CalendarLimits of the --overlay files, each at least 1 (named like the plan
// commands' --max-bytes, with the prefix because some commands take both).
void AddOverlayLimitOptions(CLI::App* sub, CalendarLimits& limits);

// A strict-mode refusal (a year without a notice), pointed at the two ways
// forward on the command line; any other status unchanged.
absl::Status ExplainCalendarError(const absl::Status& status);

// Loads the plan at `path`. On failure the message says the file is not a
// valid plan, then lists every problem as "FILE: POINTER: MESSAGE", one per
// line; `diagnostics`, if given, receives them too.
// `limits` bound the document (docs/hostile-input.md): the plan commands
// take them from --max-bytes, --max-depth and --max-records.
absl::StatusOr<Plan> LoadPlan(
    const std::string& path,
    std::vector<PlanDiagnostic>* diagnostics = nullptr,
    const PlanLimits& limits = {});

// --max-event-bytes, --max-batch-events, --max-policy-bytes, --max-depth:
// the tracking layer's limits (TrackingLimits, docs/hostile-input.md) for a
// command that reads events or a policy.
void AddTrackingLimitOptions(CLI::App* command, TrackingLimits& limits);

// OpenView()
//
// --as-unit NAME / --as-post POST (at most one non-empty): the scoped view
// (docs/scoped-views.md) of that unit or post on `on` to answer through, or
// nullopt to answer from the whole plan. Errors name the option.
absl::StatusOr<std::optional<PlanView>> OpenView(const Plan& plan,
                                                 const std::string& as_unit,
                                                 const std::string& as_post,
                                                 Date on);

// PrintError() / PrintWarning()
//
// "dutygraph: error: MESSAGE" / "dutygraph: warning: MESSAGE" on stderr.
void PrintError(std::string_view message);
void PrintWarning(std::string_view message);

}  // namespace dutygraph::cli

#endif  // DUTYGRAPH_TOOLS_CLI_COMMAND_H_
