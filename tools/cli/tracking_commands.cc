// tools/cli/tracking_commands.cc — `dutygraph status`, `escalations`, `rank`,
// `ledger` and `lifecycle`.
#include "tracking_commands.h"

#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dutygraph/events.h"
#include "dutygraph/store.h"
#include "dutygraph/tracking.h"
#include "dutygraph/tracking_store.h"

namespace dutygraph::cli {
namespace {

struct TrackingArgs {
  std::string db_path;
  std::string plan_path;
  std::string events_path;
  std::string policy_path;
  bool provisional = false;
  std::vector<std::string> overlays;
  CalendarLimits overlay_limits;  // --overlay-max-*
  bool json = false;
  std::string on;
  std::string unit;
  std::string set;
  std::string period;
  std::string formula;
  std::string task;
  TrackingLimits limits;  // --max-event-bytes ... (docs/hostile-input.md)
};

// What every command needs: the plan, calendar, log and tracker.
struct Inputs {
  Plan plan;
  EventLog log;
  Tracker tracker;
};

absl::StatusOr<std::string> ReadText(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(std::string(what) + ": cannot read '" + path + "'");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `on`: the date the answer is about (it picks the plan version of --db);
// none: the latest version. With --db the plan version and the events are
// read together (LoadTrackingSnapshot), so a writer adding both meanwhile
// cannot give a version with events of a later one.
absl::StatusOr<std::unique_ptr<Inputs>> Open(const TrackingArgs& args,
                                             std::optional<Date> on) {
  absl::StatusOr<Calendar> cal =
      OpenCalendar(args.provisional, args.overlays, args.overlay_limits);
  if (!cal.ok()) return cal.status();
  std::optional<Plan> plan;
  std::optional<EventLog> log;
  if (!args.db_path.empty()) {
    StoreOptions options;
    options.read_only = true;
    absl::StatusOr<Store> store = Store::Open(args.db_path, options);
    if (!store.ok()) return WithContext(store.status(), "--db");
    absl::StatusOr<TrackingSnapshot> snapshot =
        LoadTrackingSnapshot(*store, *cal, on, args.limits);
    if (!snapshot.ok()) return WithContext(snapshot.status(), "--db");
    plan = snapshot->plan.plan;
    log = std::move(snapshot->log);
  } else {
    if (args.plan_path.empty() || args.events_path.empty()) {
      return absl::InvalidArgumentError(
          "give --db STORE, or --plan PLAN and --events EVENTS.jsonl");
    }
    absl::StatusOr<Plan> loaded = LoadPlan(args.plan_path);
    if (!loaded.ok()) return loaded.status();
    absl::StatusOr<std::string> text = ReadText(args.events_path, "--events");
    if (!text.ok()) return text.status();
    plan = *std::move(loaded);
    log.emplace(*plan, *cal, args.limits);
    absl::StatusOr<size_t> n = log->AppendJsonl(*text, args.events_path);
    if (!n.ok()) return WithContext(n.status(), "--events");
  }
  absl::StatusOr<TrackingPolicy> policy =
      args.policy_path.empty() ? PolicyFromPlan(*plan)
                               : LoadPolicyFile(args.policy_path, args.limits);
  if (!policy.ok()) return WithContext(policy.status(), "--policy");
  absl::StatusOr<Tracker> tracker = Tracker::Create(*plan, *cal, *policy);
  if (!tracker.ok()) return WithContext(tracker.status(), "--policy");
  return std::make_unique<Inputs>(
      Inputs{*plan, *std::move(log), *std::move(tracker)});
}

std::string TaskText(const Plan& plan, TaskIndex task) {
  const TaskData& t = plan.task(task);
  const std::string& key = t.path.empty() ? t.id : t.path;
  return t.title.empty() ? key : key + " " + t.title;
}

std::string Fixed(double x) {
  std::ostringstream ss;
  ss.setf(std::ios::fixed);
  ss.precision(2);
  ss << x;
  return ss.str();
}

// "2023Q2", "2023H1", "2023-05", "2023".
absl::StatusOr<Period> ParsePeriodText(const std::string& text) {
  auto bad = [&] {
    return absl::InvalidArgumentError(
        "--period: expected YYYYQn, YYYYHn, YYYY-MM or YYYY, got '" + text + "'");
  };
  if (text.size() < 4) return bad();
  for (int i = 0; i < 4; ++i) {
    if (text[i] < '0' || text[i] > '9') return bad();
  }
  const int year = std::stoi(text.substr(0, 4));
  int month = 1;
  PeriodKind kind = PeriodKind::kYear;
  const std::string rest = text.substr(4);
  if (rest.empty()) {
  } else if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'q') && rest[1] >= '1' &&
             rest[1] <= '4') {
    kind = PeriodKind::kQuarter;
    month = (rest[1] - '1') * 3 + 1;
  } else if (rest.size() == 2 && (rest[0] == 'H' || rest[0] == 'h') &&
             (rest[1] == '1' || rest[1] == '2')) {
    kind = PeriodKind::kHalfYear;
    month = rest[1] == '1' ? 1 : 7;
  } else if (rest.size() == 3 && rest[0] == '-' && rest[1] >= '0' && rest[1] <= '1' &&
             rest[2] >= '0' && rest[2] <= '9') {
    kind = PeriodKind::kMonth;
    month = (rest[1] - '0') * 10 + (rest[2] - '0');
    if (month < 1 || month > 12) return bad();
  } else {
    return bad();
  }
  absl::StatusOr<Date> start = Date::FromYmd(year, month, 1);
  if (!start.ok()) return WithContext(start.status(), "--period");
  return Period::Of(*start, kind);
}

absl::Status RunStatus(const TrackingArgs& args) {
  absl::StatusOr<Date> on = ArgumentDate("--on", args.on);
  if (!on.ok()) return on.status();
  absl::StatusOr<std::unique_ptr<Inputs>> in = Open(args, *on);
  if (!in.ok()) return in.status();
  std::optional<UnitIndex> unit;
  if (!args.unit.empty()) {
    absl::StatusOr<UnitIndex> u = (*in)->plan.FindUnit(args.unit, *on);
    if (!u.ok()) return WithContext(u.status(), "--unit");
    unit = *u;
  }
  absl::StatusOr<StatusReport> report = (*in)->tracker.Status((*in)->log, *on, unit);
  if (!report.ok()) return report.status();
  const Plan& plan = (*in)->plan;
  if (args.json) {
    std::cout << StatusReportJson(plan, *report) << "\n";
    return absl::OkStatus();
  }
  std::cout << "# status as of " << on->ToString() << ": task, state, light, due, "
            << "working days overdue, missed reports, pace behind\n";
  for (const TaskStatus& s : report->tasks) {
    std::cout << TaskText(plan, s.task) << "\t" << TaskStateName(s.state) << "\t"
              << LightName(s.light) << "\t" << (s.due ? s.due->ToString() : "-") << "\t"
              << s.working_days_overdue << "\t" << s.consecutive_missed_reports << "\t"
              << (s.pace_behind ? Fixed(*s.pace_behind) : "-") << "\n";
  }
  return absl::OkStatus();
}

absl::Status RunEscalations(const TrackingArgs& args) {
  absl::StatusOr<Date> on = ArgumentDate("--on", args.on);
  if (!on.ok()) return on.status();
  absl::StatusOr<std::unique_ptr<Inputs>> in = Open(args, *on);
  if (!in.ok()) return in.status();
  absl::StatusOr<std::vector<DueAction>> due = (*in)->tracker.Escalations((*in)->log, *on);
  if (!due.ok()) return due.status();
  const Plan& plan = (*in)->plan;
  if (args.json) {
    std::cout << DueActionsJson(plan, *on, *due) << "\n";
    return absl::OkStatus();
  }
  for (const DueAction& a : *due) {
    std::cout << ActionKindName(a.action) << "\t" << a.policy << "/" << a.rule << "\t"
              << (a.task ? TaskText(plan, *a.task) : plan.unit(*a.unit).name) << "\t";
    std::string to;
    for (const AudienceMember& m : a.audience) {
      std::string who;
      if (m.post) {
        who = plan.post(m.post->post).title + " " +
              (m.post->person ? plan.person(*m.post->person).name : std::string("（空缺）"));
      } else if (m.unit) {
        who = plan.unit(*m.unit).name;
      }
      to += (to.empty() ? "" : "、") + who;
    }
    // Nobody to address: the explanation says why.
    if (to.empty()) to = "（无人）";
    std::cout << to << "\t" << a.explanation << "\n";
  }
  if (due->empty()) std::cout << "# no escalation due on " << on->ToString() << "\n";
  return absl::OkStatus();
}

absl::Status RunRank(const TrackingArgs& args) {
  absl::StatusOr<Period> period = ParsePeriodText(args.period);
  if (!period.ok()) return period.status();
  // --db: the plan version in effect at the period's end.
  absl::StatusOr<std::unique_ptr<Inputs>> in = Open(args, period->end());
  if (!in.ok()) return in.status();
  absl::StatusOr<Ranking> r = (*in)->tracker.Rank((*in)->log, args.set, *period, args.formula);
  if (!r.ok()) return r.status();
  const Plan& plan = (*in)->plan;
  if (args.json) {
    std::cout << RankingJson(plan, *r) << "\n";
    return absl::OkStatus();
  }
  std::cout << "# " << r->period_label << " " << r->unit_set << " (" << r->formula
            << " v" << r->formula_version
            << "): rank, unit, score, on-time, attainment, missed reports, yellow, red\n";
  for (const RankingRow& row : r->rows) {
    std::cout << row.rank << "\t" << plan.unit(row.unit).name << "\t" << Fixed(row.score)
              << "\t" << Fixed(row.on_time_completion) << "\t"
              << Fixed(row.indicator_attainment) << "\t" << row.missed_reports << "\t"
              << row.yellow_cards << "\t" << row.red_cards << "\n";
  }
  return absl::OkStatus();
}

absl::Status RunLedger(const TrackingArgs& args) {
  absl::StatusOr<Date> on = ArgumentDate("--on", args.on);
  if (!on.ok()) return on.status();
  absl::StatusOr<std::unique_ptr<Inputs>> in = Open(args, *on);
  if (!in.ok()) return in.status();
  absl::StatusOr<std::string> csv = (*in)->tracker.LedgerCsv((*in)->log, *on);
  if (!csv.ok()) return csv.status();
  std::cout << *csv;
  return absl::OkStatus();
}

absl::Status RunLifecycle(const TrackingArgs& args) {
  absl::StatusOr<std::unique_ptr<Inputs>> in = Open(args, std::nullopt);
  if (!in.ok()) return in.status();
  absl::StatusOr<TaskIndex> task = (*in)->plan.FindTask(args.task);
  if (!task.ok()) return WithContext(task.status(), "--task");
  absl::StatusOr<Lifecycle> l = (*in)->tracker.LifecycleOf((*in)->log, *task);
  if (!l.ok()) return l.status();
  const Plan& plan = (*in)->plan;
  if (args.json) {
    std::cout << LifecycleJson(plan, *l) << "\n";
    return absl::OkStatus();
  }
  auto show = [&](const char* label, const std::vector<LifecycleEntry>& entries) {
    std::cout << label;
    if (entries.empty()) std::cout << "\t-";
    for (const LifecycleEntry& e : entries) {
      std::cout << "\t" << e.date.ToString() << " " << EventKindName(e.kind) << " "
                << (e.actor.ref.empty() ? "?" : e.actor.ref);
    }
    std::cout << "\n";
  };
  std::cout << "# " << TaskText(plan, *task) << "\n";
  show("谁部署", l->deployed);
  show("谁落实", l->implemented);
  show("谁检查", l->inspected);
  show("谁整改", l->rectified);
  show("谁验收", l->accepted);
  return absl::OkStatus();
}

CLI::App* Add(CLI::App& app, CommandAction& action, const char* name,
              const char* description, std::shared_ptr<TrackingArgs> args,
              absl::Status (*run)(const TrackingArgs&), bool policy = true) {
  CLI::App* sub = app.add_subcommand(name, description);
  CLI::Option* db = sub->add_option(
      "--db", args->db_path,
      "a store (dutygraph db init): its plan version in effect on the date "
      "and its events, instead of --plan and --events");
  CLI::Option* plan =
      sub->add_option("--plan", args->plan_path, "the plan JSON file")->excludes(db);
  CLI::Option* events =
      sub->add_option("--events", args->events_path, "the event log, JSON Lines")
          ->excludes(db);
  plan->needs(events);
  events->needs(plan);
  // --db or the pair: checked before the action runs (a usage error).
  sub->parse_complete_callback([db, plan] {
    if (db->count() == 0 && plan->count() == 0) {
      throw CLI::RequiredError("--db STORE, or --plan PLAN and --events EVENTS.jsonl,");
    }
  });
  if (policy) {
    sub->add_option("--policy", args->policy_path,
                    "the tracking policy (dutygraph/policy@1); default: the "
                    "plan's escalation policies");
  }
  sub->add_flag("--provisional", args->provisional,
                "answer for years without an official holiday schedule (weekends only)");
  sub->add_option("--overlay", args->overlays, "calendar adjustments file (repeatable)");
  AddOverlayLimitOptions(sub, args->overlay_limits);
  AddTrackingLimitOptions(sub, args->limits);
  sub->callback([&action, args, run]() { action = [args, run]() { return run(*args); }; });
  return sub;
}

}  // namespace

void AddTrackingCommands(CLI::App& app, CommandAction& action) {
  auto args = std::make_shared<TrackingArgs>();
  CLI::App* status = Add(app, action, "status", "task status as of a date, with roll-ups",
                         args, RunStatus);
  status->add_option("--on", args->on, "the as-of date")->required()->check(DateValidator());
  status->add_option("--unit", args->unit, "only tasks where this unit has a role");
  status->add_flag("--json", args->json, "JSON output (docs/tracking.md)");
  CLI::App* esc = Add(app, action, "escalations",
                      "the escalation actions due on a date, each explained", args,
                      RunEscalations);
  esc->add_option("--on", args->on, "the as-of date")->required()->check(DateValidator());
  esc->add_flag("--json", args->json, "JSON output");
  CLI::App* rank = Add(app, action, "rank", "rank a unit set over a period", args, RunRank);
  rank->add_option("--set", args->set, "the unit set (name or id), e.g. 各县市区")->required();
  rank->add_option("--period", args->period, "2023Q2, 2023H1, 2023-05 or 2023")->required();
  rank->add_option("--formula", args->formula, "the ranking formula id (default: the first)");
  rank->add_flag("--json", args->json, "JSON output");
  CLI::App* ledger = Add(app, action, "ledger", "the 台账 as CSV as of a date", args, RunLedger);
  ledger->add_option("--on", args->on, "the as-of date")->required()->check(DateValidator());
  CLI::App* life = Add(app, action, "lifecycle",
                       "谁部署、谁落实、谁检查、谁整改、谁验收 for a task", args, RunLifecycle);
  life->add_option("--task", args->task, "the task id or path")->required();
  life->add_flag("--json", args->json, "JSON output");
}

}  // namespace dutygraph::cli
