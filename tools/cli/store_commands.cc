// tools/cli/store_commands.cc — see store_commands.h.
#include "store_commands.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dutygraph/date.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_json.h"
#include "dutygraph/store.h"
#include "dutygraph/tracking_store.h"
#include "output.h"

namespace dutygraph::cli {
namespace {

struct StoreArgs {
  std::string db;
  std::string plan_path;
  std::string effective;
  bool json = false;
  // event add
  std::string event_json;
  std::string events_file;
  // event list
  std::string task;
  std::string after;
  std::string limit;
  // event add: the calendar the events are checked on
  bool provisional = false;
  std::vector<std::string> overlays;
  CalendarLimits overlay_limits;  // --overlay-max-*
  // event add: --max-event-bytes ... for the tracking layer and the store
  TrackingLimits limits;
};

// Opens an existing store; nothing is created.
// `limits`: the event limits the store applies too (event add).
absl::StatusOr<Store> OpenExisting(const std::string& path, bool read_only,
                                   const TrackingLimits* limits = nullptr) {
  StoreOptions options;
  options.read_only = read_only;
  if (limits != nullptr) {
    options.max_event_bytes = limits->max_event_bytes;
    options.max_event_depth = static_cast<size_t>(limits->max_depth);
    options.max_batch_events = limits->max_batch_events;
  }
  options.create_if_missing = false;
  absl::StatusOr<Store> store = Store::Open(path, options);
  if (!store.ok() && store.status().code() == absl::StatusCode::kNotFound) {
    return absl::NotFoundError(std::string(store.status().message()) +
                               "; create it with 'dutygraph db init " + path +
                               " --plan PLAN'");
  }
  return store;
}

// The plan at `path`, checked, as the canonical text the store keeps. Any
// problem is reported with the file's name before the store is touched.
absl::StatusOr<std::pair<Plan, std::string>> ReadPlan(
    const std::string& path) {
  absl::StatusOr<Plan> plan = LoadPlan(path);
  if (!plan.ok()) return plan.status();
  std::string text = WritePlanJson(plan->data());
  return std::make_pair(*std::move(plan), std::move(text));
}

std::string Describe(const PlanVersion& v) {
  return "plan version " + std::to_string(v.version) + ", effective " +
         v.effective.ToString() + ", sha256 " + v.digest;
}

absl::Status RunInit(const StoreArgs& args) {
  absl::StatusOr<std::pair<Plan, std::string>> plan = ReadPlan(args.plan_path);
  if (!plan.ok()) return plan.status();
  std::optional<Date> effective = plan->first.data().plan.issue_date;
  if (!args.effective.empty()) {
    absl::StatusOr<Date> date = ArgumentDate("--effective", args.effective);
    if (!date.ok()) return date.status();
    effective = *date;
  }
  if (!effective) {
    return absl::InvalidArgumentError(
        args.plan_path + " has no issue_date: give --effective DATE");
  }
  absl::StatusOr<Store> store = Store::Open(args.db);
  if (!store.ok()) return store.status();
  absl::StatusOr<PlanVersion> version = store->Init(plan->second, *effective);
  if (!version.ok()) return version.status();
  std::cout << "initialised " << args.db << ": " << Describe(*version) << " ("
            << plan->first.data().plan.id << ")\n";
  return absl::OkStatus();
}

absl::Status RunAddPlan(const StoreArgs& args) {
  absl::StatusOr<Date> effective =
      ArgumentDate("--effective", args.effective);
  if (!effective.ok()) return effective.status();
  absl::StatusOr<std::pair<Plan, std::string>> plan = ReadPlan(args.plan_path);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<Store> store = OpenExisting(args.db, false);
  if (!store.ok()) return store.status();
  absl::StatusOr<PlanVersion> version =
      store->AddPlanVersion(plan->second, *effective);
  if (!version.ok()) return version.status();
  std::cout << args.db << ": " << Describe(*version) << "\n";
  return absl::OkStatus();
}

absl::Status RunInfo(const StoreArgs& args) {
  absl::StatusOr<Store> store = OpenExisting(args.db, true);
  if (!store.ok()) return store.status();
  absl::StatusOr<StoreInfo> info = store->Info();
  if (!info.ok()) return info.status();
  if (args.json) {
    std::cout << StoreInfoJson(*info) << "\n";
    return absl::OkStatus();
  }
  absl::StatusOr<std::vector<PlanVersion>> versions = store->PlanVersions();
  if (!versions.ok()) return versions.status();
  std::string out = "store: " + info->path + "\n" +
                    "schema version: " + std::to_string(info->schema_version) +
                    "\n" + "plan versions: " +
                    std::to_string(info->plan_versions) + "\n";
  for (const PlanVersion& v : *versions) out += "  " + Describe(v) + "\n";
  out += "events: " + std::to_string(info->event_count) + " (last seq " +
         std::to_string(info->last_seq) + ")\n";
  out += "size: " + std::to_string(info->file_bytes) + " bytes\n";
  std::cout << out;
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadEventsFile(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin),
                       std::istreambuf_iterator<char>());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(path + ": cannot read the events file");
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return absl::NotFoundError(path + ": cannot read the events file");
  }
  return text.str();
}

absl::Status RunEventAdd(const StoreArgs& args) {
  std::string text = args.event_json;
  std::string source = "--json";
  if (!args.events_file.empty()) {
    absl::StatusOr<std::string> file = ReadEventsFile(args.events_file);
    if (!file.ok()) return file.status();
    text = *std::move(file);
    source = args.events_file == "-" ? "stdin" : args.events_file;
  }
  absl::StatusOr<Calendar> calendar =
      OpenCalendar(args.provisional, args.overlays, args.overlay_limits);
  if (!calendar.ok()) return calendar.status();
  absl::StatusOr<Store> store = OpenExisting(args.db, false, &args.limits);
  if (!store.ok()) return store.status();
  // Checked by the tracking layer against the store's plan and every event
  // already stored, then stored as canonical text (tracking_store.h).
  absl::StatusOr<AppendResult> result =
      AppendValidatedEvents(*store, *calendar, text, source, args.limits);
  if (!result.ok()) {
    std::string message(result.status().message());
    if (message.find("nothing") == std::string::npos) {
      message += " (nothing was appended)";
    }
    if (message.rfind(source, 0) != 0) message = source + ": " + message;
    return ExplainCalendarError(
        absl::Status(result.status().code(), message));
  }
  std::cout << "appended " << result->appended
            << (result->appended == 1 ? " event" : " events");
  if (result->unchanged > 0) {
    std::cout << " (" << result->unchanged << " already stored)";
  }
  std::cout << "; last seq " << result->last_seq << "\n";
  return absl::OkStatus();
}

absl::Status RunEventList(const StoreArgs& args) {
  EventQuery query;
  if (!args.task.empty()) query.task = args.task;
  if (!args.after.empty()) {
    absl::StatusOr<int32_t> after = ArgumentInt32("--after", args.after);
    if (!after.ok()) return after.status();
    query.after_seq = *after;
  }
  if (!args.limit.empty()) {
    absl::StatusOr<int32_t> limit = ArgumentInt32("--limit", args.limit);
    if (!limit.ok()) return limit.status();
    query.limit = static_cast<size_t>(*limit);
  }
  absl::StatusOr<Store> store = OpenExisting(args.db, true);
  if (!store.ok()) return store.status();
  absl::StatusOr<std::vector<StoredEvent>> events = store->ReadEvents(query);
  if (!events.ok()) return events.status();
  if (args.json) {
    std::cout << EventsToJsonLines(*events);
    return absl::OkStatus();
  }
  Table table({"seq", "date", "kind", "task", "id"});
  table.AlignColumn(0, Table::Align::kRight);
  for (const StoredEvent& e : *events) {
    table.AddRow({std::to_string(e.seq), e.date.ToString(), e.kind, e.task,
                  e.id});
  }
  std::cout << table.Render();
  return absl::OkStatus();
}

using StoreRun = absl::Status (*)(const StoreArgs&);

CLI::App* AddStoreSubcommand(CLI::App& parent, const std::string& name,
                             const std::string& description,
                             const std::shared_ptr<StoreArgs>& args,
                             CommandAction& action, StoreRun run) {
  CLI::App* sub = parent.add_subcommand(name, description);
  AddExitStatusFooter(*sub);
  sub->callback([args, &action, run] {
    action = [args, run]() -> absl::Status { return run(*args); };
  });
  return sub;
}

CLI::Validator NonNegativeValidator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        absl::StatusOr<int32_t> n = ParseInt32(text);
        if (!n.ok() || *n < 0) {
          return "expected an integer from 0 to 2147483647, got '" + text +
                 "'";
        }
        return "";
      },
      "INT>=0");
}

}  // namespace

void AddStoreCommands(CLI::App& app, CommandAction& action) {
  auto args = std::make_shared<StoreArgs>();

  CLI::App* db = app.add_subcommand(
      "db", "Store files: plan versions and the event log (docs/store.md)");
  db->require_subcommand(1);
  AddExitStatusFooter(*db);

  CLI::App* init = AddStoreSubcommand(
      *db, "init",
      "Create store D with plan P as its first version (the plan is checked "
      "first; nothing is created if it is invalid)",
      args, action, RunInit);
  init->add_option("D", args->db, "the store file to create")
      ->required()
      ->type_name("FILE");
  init->add_option("--plan", args->plan_path, "the plan file (plan JSON)")
      ->required()
      ->type_name("FILE");
  init->add_option("--effective", args->effective,
                   "the day the plan takes effect (default: its issue date)")
      ->type_name("YYYY-MM-DD")
      ->check(DateValidator());

  CLI::App* add_plan = AddStoreSubcommand(
      *db, "add-plan",
      "Store the next plan version, effective from DATE (not before the "
      "latest version's)",
      args, action, RunAddPlan);
  add_plan->add_option("D", args->db, "the store file")
      ->required()
      ->type_name("FILE");
  add_plan->add_option("--plan", args->plan_path, "the plan file (plan JSON)")
      ->required()
      ->type_name("FILE");
  add_plan->add_option("--effective", args->effective,
                       "the day this version takes effect")
      ->required()
      ->type_name("YYYY-MM-DD")
      ->check(DateValidator());

  CLI::App* info = AddStoreSubcommand(
      *db, "info",
      "Schema version, plan versions (number, effective date, SHA-256), "
      "event count and size of store D",
      args, action, RunInfo);
  info->add_option("D", args->db, "the store file")
      ->required()
      ->type_name("FILE");
  info->add_flag("--json", args->json, "print JSON instead of text");

  CLI::App* event = app.add_subcommand(
      "event", "The event log of a store (docs/store.md)");
  event->require_subcommand(1);
  AddExitStatusFooter(*event);

  CLI::App* add = AddStoreSubcommand(
      *event, "add",
      "Append events: one JSON object (--json) or a JSON Lines file "
      "(--file, '-' for stdin), each checked against the store's plan (the "
      "version in effect on the batch's latest date) and the events already "
      "stored, then stored as canonical JSON (docs/tracking.md \"Events\"). "
      "All or nothing; an id already stored with the same content is skipped",
      args, action, RunEventAdd);
  add->add_option("--db", args->db, "the store file")
      ->required()
      ->type_name("FILE");
  CLI::Option* json_option =
      add->add_option("--json", args->event_json, "one event as JSON")
          ->type_name("JSON");
  CLI::Option* file_option =
      add->add_option("--file", args->events_file,
                      "a JSON Lines file of events ('-': stdin)")
          ->type_name("FILE");
  json_option->excludes(file_option);
  add->add_flag("--provisional", args->provisional,
                "accept dates in years without an official holiday schedule "
                "(weekends only)");
  add->add_option("--overlay", args->overlays,
                  "calendar adjustments file (repeatable)")
      ->type_name("FILE");
  AddOverlayLimitOptions(add, args->overlay_limits);
  AddTrackingLimitOptions(add, args->limits);
  // One of the two is needed; checked before the action runs (a usage error).
  add->parse_complete_callback([json_option, file_option] {
    if (json_option->count() == 0 && file_option->count() == 0) {
      throw CLI::RequiredError("--json JSON or --file FILE");
    }
  });

  CLI::App* list = AddStoreSubcommand(
      *event, "list",
      "Events in append order as a table (seq, date, kind, task, id); with "
      "--json, as JSON Lines exactly as stored",
      args, action, RunEventList);
  list->add_option("--db", args->db, "the store file")
      ->required()
      ->type_name("FILE");
  list->add_option("--task", args->task, "only this task's events")
      ->type_name("TASK");
  list->add_option("--after", args->after, "only events after this seq")
      ->type_name("SEQ")
      ->check(NonNegativeValidator());
  list->add_option("--limit", args->limit, "at most this many events")
      ->type_name("N")
      ->check(NonNegativeValidator());
  list->add_flag("--json", args->json, "print JSON Lines instead of text");
}

}  // namespace dutygraph::cli
