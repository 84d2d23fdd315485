// tools/cli/command.cc — argument validation and messages shared by the
// subcommands.
#include "command.h"

#include <cstdint>
#include <iostream>
#include <utility>

#include "dutygraph/plan_json.h"

namespace dutygraph::cli {

void AddExitStatusFooter(CLI::App& app) {
  app.footer(
      "Exit status:\n"
      "  0  success\n"
      "  1  could not answer: a year without an official holiday schedule,\n"
      "     a date out of range, an unreadable or malformed plan or --overlay\n"
      "     file, an unknown task, unit or person, lint errors\n"
      "  2  usage error: unknown subcommand or option, missing or bad "
      "argument\n"
      "Errors go to stderr as 'dutygraph: error: ...'.");
}

CLI::Validator DateValidator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        absl::StatusOr<Date> date = Date::Parse(text);
        if (date.ok()) return "";
        return std::string(date.status().message());
      },
      "", "DATE");
}

absl::StatusOr<int32_t> ParseInt32(std::string_view text) {
  const auto not_a_number = [&] {
    return absl::InvalidArgumentError("'" + std::string(text) +
                                      "' is not a whole number");
  };
  std::string_view digits = text;
  const bool negative = !digits.empty() && digits.front() == '-';
  if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) {
    digits.remove_prefix(1);
  }
  if (digits.empty()) return not_a_number();
  int64_t magnitude = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return not_a_number();
    magnitude = magnitude * 10 + (c - '0');
    if (magnitude > int64_t{1} << 31) {
      return absl::OutOfRangeError(
          "'" + std::string(text) +
          "' is out of range (-2147483648..2147483647)");
    }
  }
  const int64_t value = negative ? -magnitude : magnitude;
  if (value > INT32_MAX) {
    return absl::OutOfRangeError("'" + std::string(text) +
                                 "' is out of range (-2147483648..2147483647)");
  }
  return static_cast<int32_t>(value);
}

CLI::Validator Int32Validator(bool allow_zero, std::string zero_meaning) {
  return CLI::Validator(
      [allow_zero, zero_meaning = std::move(zero_meaning)](
          std::string& text) -> std::string {
        absl::StatusOr<int32_t> value = ParseInt32(text);
        if (!value.ok()) return std::string(value.status().message());
        if (!allow_zero && *value == 0) {
          std::string message = "must not be 0";
          if (!zero_meaning.empty()) message += " (" + zero_meaning + ")";
          return message;
        }
        return "";
      },
      "", "INTEGER");
}

absl::StatusOr<Date> ArgumentDate(std::string_view argument_name,
                                  const std::string& text) {
  absl::StatusOr<Date> date = Date::Parse(text);
  if (!date.ok()) return WithContext(date.status(), argument_name);
  return date;
}

absl::StatusOr<int32_t> ArgumentInt32(std::string_view argument_name,
                                      const std::string& text) {
  absl::StatusOr<int32_t> value = ParseInt32(text);
  if (!value.ok()) return WithContext(value.status(), argument_name);
  return value;
}

absl::Status WithContext(const absl::Status& status, std::string_view context) {
  if (status.ok()) return status;
  return absl::Status(status.code(), std::string(context) + ": " +
                                         std::string(status.message()));
}

void AddTrackingLimitOptions(CLI::App* command, TrackingLimits& limits) {
  command
      ->add_option("--max-event-bytes", limits.max_event_bytes,
                   "refuse an event whose JSON is longer than this many bytes "
                   "(default 1 MiB)")
      ->type_name("N")
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 40));
  command
      ->add_option("--max-batch-events", limits.max_batch_events,
                   "refuse more events than this in one file (default "
                   "1000000)")
      ->type_name("N")
      ->check(CLI::Range(uint64_t{0}, uint64_t{1} << 40));
  command
      ->add_option("--max-policy-bytes", limits.max_policy_bytes,
                   "refuse a policy file larger than this many bytes "
                   "(default 16 MiB)")
      ->type_name("N")
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 40));
  command
      ->add_option("--max-depth", limits.max_depth,
                   "refuse event or policy JSON nested deeper than this "
                   "(default 32)")
      ->type_name("N")
      ->check(CLI::Range(1, 100000));
}

absl::StatusOr<std::optional<PlanView>> OpenView(const Plan& plan,
                                                 const std::string& as_unit,
                                                 const std::string& as_post,
                                                 Date on) {
  if (!as_unit.empty()) {
    absl::StatusOr<UnitIndex> unit = plan.FindUnit(as_unit);
    if (!unit.ok()) return WithContext(unit.status(), "--as-unit");
    absl::StatusOr<PlanView> view = PlanView::ForUnit(plan, *unit, on);
    if (!view.ok()) return WithContext(view.status(), "--as-unit");
    return std::optional<PlanView>(*std::move(view));
  }
  if (!as_post.empty()) {
    absl::StatusOr<PostIndex> post = plan.FindPost(as_post);
    if (!post.ok()) return WithContext(post.status(), "--as-post");
    absl::StatusOr<PlanView> view = PlanView::ForPost(plan, *post, on);
    if (!view.ok()) return WithContext(view.status(), "--as-post");
    return std::optional<PlanView>(*std::move(view));
  }
  return std::optional<PlanView>();
}

void PrintError(std::string_view message) {
  std::cerr << "dutygraph: error: " << message << '\n';
}

void PrintWarning(std::string_view message) {
  std::cerr << "dutygraph: warning: " << message << '\n';
}

absl::StatusOr<Calendar> OpenCalendar(bool provisional,
                                      const std::vector<std::string>& overlays,
                                      const CalendarLimits& limits) {
  Calendar calendar = Calendar::ChinaMainland(
      provisional ? CalendarMode::kProvisional : CalendarMode::kStrict);
  for (const std::string& path : overlays) {
    absl::StatusOr<Calendar> derived = calendar.DeriveFromFile(path, limits);
    if (!derived.ok()) return WithContext(derived.status(), "--overlay");
    calendar = *std::move(derived);
  }
  return calendar;
}

void AddOverlayLimitOptions(CLI::App* sub, CalendarLimits& limits) {
  constexpr uint64_t kTop = uint64_t{1} << 40;
  sub->add_option("--overlay-max-bytes", limits.max_bytes,
                  "refuse an --overlay file larger than this many bytes "
                  "(default 16 MiB)")
      ->type_name("N")
      ->check(CLI::Range(uint64_t{1}, kTop));
  sub->add_option("--overlay-max-declared-days", limits.max_declared_days,
                  "refuse an --overlay file declaring more days than this "
                  "(default 100000)")
      ->type_name("N")
      ->check(CLI::Range(uint64_t{1}, kTop));
  sub->add_option("--overlay-max-name-bytes", limits.max_name_bytes,
                  "refuse a day's name in an --overlay file longer than this "
                  "many bytes (default 1024)")
      ->type_name("N")
      ->check(CLI::Range(uint64_t{1}, kTop));
  sub->add_option("--overlay-max-total-declared-days",
                  limits.max_total_declared_days,
                  "refuse more declared days than this in the built-in data "
                  "and every --overlay together (default 1048576)")
      ->type_name("N")
      ->check(CLI::Range(uint64_t{1}, kTop));
  sub->add_option("--overlay-max-layers", limits.max_layers,
                  "refuse more calendar layers than this, the built-in data "
                  "counting as one and each --overlay as one (default 64)")
      ->type_name("N")
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 20));
}

// Points a strict-mode refusal at the two ways forward.
absl::Status ExplainCalendarError(const absl::Status& status) {
  if (status.code() != absl::StatusCode::kFailedPrecondition ||
      std::string(status.message()).find("holiday") == std::string::npos) {
    return status;
  }
  return absl::Status(
      status.code(),
      std::string(status.message()) +
          " (on the command line: --provisional, or --overlay FILE)");
}

// The message for a plan that did not load: a first line saying so, then
// every diagnostic as "FILE: POINTER: MESSAGE", one per line (main() puts
// "dutygraph: error: " before the first).
std::string LoadFailureMessage(const std::string& path,
                               const absl::Status& status,
                               const std::vector<PlanDiagnostic>& diagnostics) {
  if (diagnostics.empty()) {
    const std::string message(status.message());
    // The loader's message may already name the file.
    if (message.find(path) != std::string::npos) return message;
    return path + ": " + message;
  }
  std::string text = path + " is not a valid plan (" +
                     std::to_string(diagnostics.size()) +
                     (diagnostics.size() == 1 ? " problem" : " problems") +
                     "; nothing was loaded):";
  for (const PlanDiagnostic& d : diagnostics) {
    text += "\n" + path + ": ";
    if (!d.pointer.empty()) text += d.pointer + ": ";
    text += d.message;
  }
  return text;
}

// Loads the plan at `path`; on failure every problem is in the message (and
// in `diagnostics`, if given).
absl::StatusOr<Plan> LoadPlan(const std::string& path,
                              std::vector<PlanDiagnostic>* diagnostics,
                              const PlanLimits& limits) {
  std::vector<PlanDiagnostic> found;
  absl::StatusOr<Plan> plan = LoadPlanFile(path, &found, limits);
  if (plan.ok()) return plan;
  const absl::Status failure(plan.status().code(),
                             LoadFailureMessage(path, plan.status(), found));
  if (diagnostics != nullptr) *diagnostics = std::move(found);
  return failure;
}

}  // namespace dutygraph::cli
