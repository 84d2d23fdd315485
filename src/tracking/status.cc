// Tracker construction and task status as of a date (include/dutygraph/
// tracking.h, docs/tracking.md).
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "dutygraph/schedule.h"
#include "dutygraph/tracking.h"
#include "tracking/event_log_impl.h"
#include "tracking/tracker_impl.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace dutygraph {
namespace {

using internal::Card;
using internal::Fact;
using internal::kNone;
using Series = Tracker::Impl::Series;

absl::Status Context(const absl::Status& s, std::string_view what) {
  return absl::Status(s.code(),
                      absl::StrCat(internal::AsAbsl(what), ": ", s.message()));
}

// The one place that reads schedule.h's Occurrence: only its cadence, group,
// member, period, due and owner_units fields, so the schedule layer may
// change the rest freely.
absl::StatusOr<std::vector<Series>> BuildSeries(
    const Plan& plan, const Calendar& calendar, Date from, Date to,
    const std::vector<std::string>& only) {
  OccurrenceFilter filter;
  filter.cadences = only;
  DG_ASSIGN_OR_RETURN(std::vector<Occurrence> occs,
                      CadenceOccurrences(plan, calendar, from, to, filter));
  std::map<std::tuple<uint32_t, uint32_t, uint32_t>, uint32_t> index;
  std::vector<Series> out;
  for (const Occurrence& o : occs) {
    const uint32_t group = o.group ? o.group->value : kNone;
    const uint32_t member = o.member ? o.member->value : kNone;
    auto [it, inserted] = index.emplace(std::make_tuple(o.cadence, group, member),
                                        static_cast<uint32_t>(out.size()));
    if (inserted) {
      Series s;
      s.cadence = o.cadence;
      s.group = group;
      s.member = member;
      out.push_back(std::move(s));
    }
    out[it->second].occs.push_back({o.period.start(), o.due, o.owner_units});
  }
  return out;
}

double Clamp01(double x) { return x < 0 ? 0 : (x > 1 ? 1 : x); }

// Attainment of one target by a reported value, 0..1.
std::optional<double> TargetAttainment(const TargetData& t, double v) {
  const bool down = t.comparator == "<=" || t.comparator == "<";
  if (t.baseline) {
    const double span = down ? *t.baseline - t.value : t.value - *t.baseline;
    if (span == 0) return v == t.value ? 1.0 : 0.0;
    return Clamp01(down ? (*t.baseline - v) / span : (v - *t.baseline) / span);
  }
  if (down) return v <= t.value ? 1.0 : (v == 0 ? 0.0 : Clamp01(t.value / v));
  if (t.value == 0) return v >= 0 ? 1.0 : 0.0;
  return Clamp01(v / t.value);
}

}  // namespace

namespace internal {

bool Reported(const Tracker::Impl& t, const EventLog::Impl& log,
              const Series& s, const Tracker::Impl::Occ& o) {
  for (uint32_t pos : log.by_cadence[s.cadence]) {
    const Fact& f = log.facts[pos];
    if (f.date > o.due) break;  // sorted by date
    if (f.period != o.period) continue;
    bool owner_match = false;
    if (f.actor_kind == Actor::Kind::kUnit) {
      absl::StatusOr<UnitIndex> u = t.plan.ResolveUnit(UnitIndex{f.actor}, o.due);
      if (u.ok()) {
        owner_match = std::find(o.owners.begin(), o.owners.end(), *u) != o.owners.end();
      }
    }
    if (s.group != kNone) {
      if (f.group == s.group || (f.group == kNone && owner_match)) return true;
    } else if (s.member != kNone) {
      if (owner_match) return true;
    } else if (f.actor_kind != Actor::Kind::kUnit || owner_match) {
      return true;
    }
  }
  return false;
}

int32_t ConsecutiveMissed(const Tracker::Impl& t, const EventLog::Impl& log,
                          const Series& s, Date as_of) {
  // The latest occurrence due before as_of, then back while missed.
  auto it = std::lower_bound(s.occs.begin(), s.occs.end(), as_of,
                             [](const Tracker::Impl::Occ& o, Date d) { return o.due < d; });
  int32_t n = 0;
  while (it != s.occs.begin()) {
    --it;
    if (Reported(t, log, s, *it)) break;
    ++n;
  }
  return n;
}

}  // namespace internal

absl::StatusOr<Tracker> Tracker::Create(Plan plan, Calendar calendar,
                                        TrackingPolicy policy) {
  auto impl = std::make_shared<Impl>(std::move(plan), std::move(calendar),
                                     std::move(policy));
  Impl& t = *impl;
  const PlanData& d = t.plan.data();
  int year = d.plan.year;
  if (year == 0 && d.plan.issue_date) year = d.plan.issue_date->year();
  if (year == 0) {
    return absl::FailedPreconditionError(
        "the plan has neither a year nor an issue date to track from");
  }
  DG_ASSIGN_OR_RETURN(Date jan1, Date::FromYmd(year, 1, 1));
  DG_ASSIGN_OR_RETURN(Date dec31, Date::FromYmd(year, 12, 31));
  t.start = d.plan.issue_date ? *d.plan.issue_date : jan1;
  t.year_end = dec31;
  t.horizon = dec31;
  {
    DG_ASSIGN_OR_RETURN(Date next_end, Date::FromYmd(year + 1, 12, 31));
    absl::StatusOr<CalendarResult<bool>> known = t.calendar.IsWorkingDay(next_end);
    if (known.ok()) t.horizon = next_end;
  }
  for (const std::string& c : t.policy.report_cadences) {
    bool found = false;
    for (const CadenceData& cd : d.cadences) found = found || cd.id == c;
    if (!found) {
      return absl::NotFoundError(absl::StrCat(
          "policy status.report_cadences: unknown cadence '", c, "'"));
    }
  }

  // Escalation families: versions of one id together, in first-seen order.
  absl::flat_hash_map<std::string, uint32_t> family_of;
  for (const EscalationPolicy& p : t.policy.escalation) {
    auto [it, inserted] =
        family_of.emplace(p.id, static_cast<uint32_t>(t.families.size()));
    if (inserted) {
      t.families.emplace_back();
      t.families.back().id = p.id;
    }
    t.families[it->second].versions.push_back(&p);
  }
  for (Impl::Family& f : t.families) {
    std::sort(f.versions.begin(), f.versions.end(),
              [](const EscalationPolicy* a, const EscalationPolicy* b) {
                return a->version < b->version;
              });
    // A running ladder may keep any version, so every version's roots count.
    for (const EscalationPolicy* p : f.versions) {
      f.version_roots.emplace_back();
      for (const std::string& node : p->applies_to) {
        absl::StatusOr<TaskIndex> n = t.plan.FindTask(node);
        if (!n.ok()) {
          return Context(n.status(), absl::StrCat("policy '", p->id, "' version ",
                                                  p->version, " applies_to"));
        }
        f.version_roots.back().push_back(*n);
        if (std::find(f.roots.begin(), f.roots.end(), *n) == f.roots.end()) {
          f.roots.push_back(*n);
        }
      }
    }
  }
  for (const UnitData& u : d.units) {
    auto post = [&](const std::string& id) -> std::optional<PostIndex> {
      if (id.empty()) return std::nullopt;
      absl::StatusOr<PostIndex> p = t.plan.FindPost(id);
      return p.ok() ? std::optional<PostIndex>(*p) : std::nullopt;
    };
    t.head_post.push_back(post(u.head_post));
    t.supervising_post.push_back(post(u.supervising_post));
  }
  absl::flat_hash_map<std::string, int32_t> profile_of;
  for (size_t i = 0; i < t.policy.pace.size(); ++i) {
    profile_of.emplace(t.policy.pace[i].indicator, static_cast<int32_t>(i));
  }

  const size_t n = d.tasks.size();
  t.tasks.resize(n);
  absl::flat_hash_map<uint32_t, std::vector<uint32_t>> tasks_of_group;
  absl::flat_hash_map<uint32_t, std::vector<uint32_t>> tasks_of_lead;
  Accountability who;
  for (uint32_t i = 0; i < n; ++i) {
    const TaskData& td = d.tasks[i];
    Impl::TaskInfo& info = t.tasks[i];
    info.is_task = td.kind == "task";
    if (!td.parent.empty()) {
      absl::StatusOr<TaskIndex> p = t.plan.FindTask(td.parent);
      if (p.ok()) {
        info.parent = p->value;
        info.families = t.tasks[p->value].families;
      }
    }
    for (uint32_t f = 0; f < t.families.size(); ++f) {
      const auto& roots = t.families[f].roots;
      if (std::find(roots.begin(), roots.end(), TaskIndex{i}) != roots.end() &&
          std::find(info.families.begin(), info.families.end(), f) ==
              info.families.end()) {
        info.families.push_back(f);
      }
    }
    for (const DeadlineData& dl : td.deadlines) {
      if ((dl.kind == "by" || dl.kind == "end_of_period") && dl.date) {
        if (!info.deadline_due || *dl.date > *info.deadline_due) info.deadline_due = dl.date;
      } else if (dl.kind == "relative") {
        info.has_relative = true;
      }
    }
    if (info.has_relative) {
      DeadlineOptions options;
      options.reminder_working_days = 0;
      absl::StatusOr<std::vector<TaskDue>> dues =
          TaskDueDates(t.plan, t.calendar, TaskIndex{i}, t.start, t.horizon, options);
      if (dues.ok()) {
        for (const TaskDue& due : *dues) {
          if (td.deadlines[due.deadline].kind != "relative") continue;
          if (!info.deadline_due || due.due > *info.deadline_due) info.deadline_due = due.due;
        }
      }
    }
    for (const TargetData& target : td.targets) {
      auto it = profile_of.find(target.indicator);
      info.target_profile.push_back(it == profile_of.end() ? -1 : it->second);
    }
    DG_RETURN_IF_ERROR(t.plan.AccountabilityOf(TaskIndex{i}, t.start, &who));
    for (Role want : {Role::kLead, Role::kResponsible}) {
      for (const AccountableUnit& u : who.units) {
        if (u.role == want &&
            std::find(info.leads.begin(), info.leads.end(), u.unit) == info.leads.end()) {
          info.leads.push_back(u.unit);
        }
      }
      if (!info.leads.empty()) break;
    }
    for (const AccountableUnit& u : who.units) {
      if (u.role == Role::kSupport &&
          std::find(info.supports.begin(), info.supports.end(), u.unit) == info.supports.end()) {
        info.supports.push_back(u.unit);
      }
    }
    if (!info.is_task) continue;
    if (who.group) tasks_of_group[who.group->value].push_back(i);
    for (UnitIndex u : info.leads) tasks_of_lead[u.value].push_back(i);
  }
  for (const auto& [name, index] : profile_of) {
    bool used = false;
    for (const TaskData& td : d.tasks) {
      for (const TargetData& target : td.targets) used = used || target.indicator == name;
    }
    if (!used) {
      return absl::NotFoundError(absl::StrCat(
          "policy pace: no task has a target with indicator '", name, "'"));
    }
  }

  absl::StatusOr<std::vector<Series>> series =
      BuildSeries(t.plan, t.calendar, t.start, t.horizon, t.policy.report_cadences);
  if (!series.ok()) return Context(series.status(), "reporting series");
  t.series = *std::move(series);
  for (uint32_t s = 0; s < t.series.size(); ++s) {
    const Series& se = t.series[s];
    const CadenceData& cd = d.cadences[se.cadence];
    std::vector<uint32_t> tasks;
    if (se.group != kNone) {
      auto it = tasks_of_group.find(se.group);
      if (it != tasks_of_group.end()) tasks = it->second;
    } else if (cd.owner_role == "task_leads") {
      for (const std::string& id : cd.owner_tasks) {
        absl::StatusOr<TaskIndex> ti = t.plan.FindTask(id);
        if (ti.ok()) tasks.push_back(ti->value);
      }
    } else if (!se.occs.empty()) {
      for (UnitIndex u : se.occs.front().owners) {
        auto it = tasks_of_lead.find(u.value);
        if (it != tasks_of_lead.end()) {
          tasks.insert(tasks.end(), it->second.begin(), it->second.end());
        }
      }
    }
    for (uint32_t task : tasks) {
      auto& list = t.tasks[task].series;
      if (std::find(list.begin(), list.end(), s) == list.end()) list.push_back(s);
    }
  }
  return Tracker(std::move(impl));
}

const Plan& Tracker::plan() const { return impl_->plan; }
const Calendar& Tracker::calendar() const { return impl_->calendar; }
const TrackingPolicy& Tracker::policy() const { return impl_->policy; }

namespace internal {

absl::Status CheckLog(const Tracker::Impl& t, const EventLog& log, Date as_of) {
  if (&log.plan().data() != &t.plan.data()) {
    return absl::FailedPreconditionError(
        "the event log was made for another plan (or another copy of it): "
        "create the EventLog and the Tracker from the same Plan");
  }
  if (as_of > t.horizon) {
    return absl::FailedPreconditionError(absl::StrCat(
        "as-of date ", as_of.ToString(), " is beyond the tracking horizon ",
        t.horizon.ToString(), " (the end of the year after the plan year that "
        "the calendar knows)"));
  }
  return absl::OkStatus();
}

// Expected progress (0..1) on `on` between `from` (0) and `to` (1), linear
// over working days, or along the profile's checkpoints.
absl::StatusOr<double> Expected(const Tracker::Impl& t, Date from, Date to,
                                Date on, const PaceProfile* profile) {
  std::vector<std::pair<Date, double>> points = {{from, 0.0}};
  if (profile) {
    for (const PaceCheckpoint& c : profile->checkpoints) {
      if (c.date > from) points.push_back({c.date, c.percent / 100});
    }
  }
  if (points.back().first < to) points.push_back({to, 1.0});
  if (on <= points.front().first) return 0.0;
  for (size_t k = 1; k < points.size(); ++k) {
    if (on > points[k].first) continue;
    const auto& [d0, p0] = points[k - 1];
    const auto& [d1, p1] = points[k];
    DG_ASSIGN_OR_RETURN(CalendarResult<int32_t> span,
                        t.calendar.WorkingDaysBetween(d0, d1));
    DG_ASSIGN_OR_RETURN(CalendarResult<int32_t> done,
                        t.calendar.WorkingDaysBetween(d0, on));
    if (span.value <= 0) return p1;
    return p0 + (p1 - p0) * Clamp01(static_cast<double>(done.value) / span.value);
  }
  return points.back().second;
}

absl::Status ComputeStatus(const Tracker::Impl& t, const EventLog::Impl& log,
                           uint32_t task, Date as_of, TaskStatus* out) {
  const Tracker::Impl::TaskInfo& info = t.tasks[task];
  const TaskData& td = t.plan.task(TaskIndex{task});
  // Reset, keeping the vectors' capacity for the next task.
  std::vector<std::string> reasons = std::move(out->light_reasons);
  std::vector<TargetStatus> targets = std::move(out->targets);
  std::string due_source = std::move(out->due_source);
  reasons.clear();
  targets.clear();
  due_source.clear();
  *out = TaskStatus{};
  out->light_reasons = std::move(reasons);
  out->targets = std::move(targets);
  out->due_source = std::move(due_source);
  TaskStatus& s = *out;
  s.task = TaskIndex{task};
  s.as_of = as_of;
  std::optional<Date> assigned_on, assigned_due, ext_due;
  uint32_t assigned_pos = kNone, ext_pos = kNone;
  bool started = false, completed = false, closed = false;
  std::vector<uint32_t> open_cards;
  // Latest value per target.
  std::vector<std::pair<double, Date>> latest(td.targets.size(), {0.0, Date()});
  std::vector<bool> has_value(td.targets.size(), false);
  for (uint32_t pos : log.by_task[task]) {
    const Fact& f = log.facts[pos];
    if (f.date > as_of) break;
    ++s.events;
    switch (f.kind) {
      case EventKind::kAssigned:
        if (!assigned_on) assigned_on = f.date;
        if (f.has_due) {
          assigned_due = f.due;
          assigned_pos = pos;
        }
        break;
      case EventKind::kProgress: {
        started = true;
        if (!s.started_on) s.started_on = f.date;
        // Values reported by a unit that does not lead the task are that
        // unit's own figures (rankings use them), not the task's progress.
        if (f.actor_kind == Actor::Kind::kUnit && !info.leads.empty() &&
            std::find(info.leads.begin(), info.leads.end(), UnitIndex{f.actor}) ==
                info.leads.end()) {
          break;
        }
        if (!std::isnan(f.percent)) s.percent = f.percent;
        for (uint32_t k = 0; k < f.values_count; ++k) {
          const internal::FactValue& v = log.values[f.values_begin + k];
          latest[v.target] = {v.value, f.date};
          has_value[v.target] = true;
        }
        s.last_progress = pos;
        break;
      }
      case EventKind::kReportSubmitted:
        started = true;
        if (!s.started_on) s.started_on = f.date;
        break;
      case EventKind::kExtension:
        ext_due = f.due;
        ext_pos = pos;
        s.run_start = f.date;
        break;
      case EventKind::kCompleted:
        completed = true;
        s.completed_on = f.date;
        break;
      case EventKind::kAccepted:
      case EventKind::kClosed:
        closed = true;
        if (!s.closed_on) s.closed_on = f.date;
        if (!s.completed_on) s.completed_on = f.date;
        break;
      case EventKind::kReopened:
        completed = closed = false;
        s.completed_on.reset();
        s.closed_on.reset();
        started = true;
        s.run_start = f.date;
        break;
      case EventKind::kCardIssued:
        open_cards.push_back(pos);
        break;
      case EventKind::kCardLifted: {
        auto it = open_cards.end();
        if (f.cause != kNone) {
          it = std::find(open_cards.begin(), open_cards.end(), f.cause);
        } else {
          for (auto c = open_cards.rbegin(); c != open_cards.rend(); ++c) {
            const Fact& card = log.facts[*c];
            if (card.card == f.card && card.unit == f.unit) {
              it = std::next(c).base();
              break;
            }
          }
        }
        if (it != open_cards.end()) open_cards.erase(it);
        break;
      }
      case EventKind::kListed:
        s.listed = true;
        break;
      case EventKind::kDelisted:
        s.listed = false;
        break;
      default:
        break;
    }
  }
  for (uint32_t c : open_cards) {
    (log.facts[c].card == Card::kRed ? s.open_red_cards : s.open_yellow_cards)++;
  }

  // The due date: extension, assignment, deadline, plan year end.
  std::optional<Date> deadline = info.deadline_due;
  if (info.has_relative && assigned_on) {
    DeadlineOptions options;
    options.reminder_working_days = 0;
    options.events["交办"] = *assigned_on;
    absl::StatusOr<std::vector<TaskDue>> dues =
        TaskDueDates(t.plan, t.calendar, TaskIndex{task}, t.start - 366, t.horizon, options);
    if (!dues.ok()) return Context(dues.status(), absl::StrCat("task '", td.id, "'"));
    deadline.reset();
    for (const DeadlineData& dl : td.deadlines) {
      if ((dl.kind == "by" || dl.kind == "end_of_period") && dl.date &&
          (!deadline || *dl.date > *deadline)) {
        deadline = dl.date;
      }
    }
    for (const TaskDue& due : *dues) {
      if (td.deadlines[due.deadline].kind == "relative" && (!deadline || due.due > *deadline)) {
        deadline = due.due;
      }
    }
  }
  if (ext_due) {
    s.due = ext_due;
    absl::StrAppend(&s.due_source, "extension:", log.id_at[ext_pos]);
  } else if (assigned_due) {
    s.due = assigned_due;
    absl::StrAppend(&s.due_source, "assigned:", log.id_at[assigned_pos]);
  } else if (deadline) {
    s.due = deadline;
    s.due_source = "deadline";
  } else if (t.policy.default_due_plan_year_end && t.year_end) {
    s.due = t.year_end;
    s.due_source = "plan_year_end";
  }

  if (s.completed_on && s.due && *s.completed_on > *s.due) {
    DG_ASSIGN_OR_RETURN(CalendarResult<int32_t> late,
                        t.calendar.WorkingDaysBetween(*s.due, *s.completed_on));
    s.working_days_late = late.value;
  }
  if (closed) {
    s.state = TaskState::kClosed;
  } else if (completed) {
    s.state = TaskState::kCompletedAwaitingAcceptance;
  } else if (s.due && as_of > *s.due) {
    s.state = TaskState::kOverdue;
    DG_ASSIGN_OR_RETURN(CalendarResult<int32_t> over,
                        t.calendar.WorkingDaysBetween(*s.due, as_of));
    s.working_days_overdue = over.value;
  } else if (s.due && t.policy.due_soon_working_days > 0) {
    DG_ASSIGN_OR_RETURN(CalendarResult<int32_t> left,
                        t.calendar.WorkingDaysBetween(as_of, *s.due));
    s.state = left.value <= t.policy.due_soon_working_days
                  ? TaskState::kDueSoon
                  : (started ? TaskState::kInProgress : TaskState::kNotStarted);
  } else {
    s.state = started ? TaskState::kInProgress : TaskState::kNotStarted;
  }

  for (uint32_t se : info.series) {
    s.consecutive_missed_reports = std::max(
        s.consecutive_missed_reports, ConsecutiveMissed(t, log, t.series[se], as_of));
  }

  // Attainment and pace.
  const Date from = assigned_on ? *assigned_on : t.start;
  const bool done = completed || closed;
  double att_sum = 0, exp_sum = 0;
  int att_n = 0;
  for (uint32_t k = 0; k < td.targets.size(); ++k) {
    const TargetData& target = td.targets[k];
    TargetStatus ts;
    ts.target = k;
    const Date to = target.due ? *target.due : (s.due ? *s.due : as_of);
    const int32_t prof = k < info.target_profile.size() ? info.target_profile[k] : -1;
    DG_ASSIGN_OR_RETURN(double expected,
                        Expected(t, from, to, as_of,
                                 prof >= 0 ? &t.policy.pace[prof] : nullptr));
    ts.expected = expected;
    if (has_value[k]) {
      ts.value = latest[k].first;
      ts.reported_on = latest[k].second;
      ts.attainment = TargetAttainment(target, latest[k].first);
      if (ts.attainment) {
        att_sum += *ts.attainment;
        exp_sum += expected;
        ++att_n;
      }
    }
    s.targets.push_back(ts);
  }
  if (att_n > 0) {
    s.attainment = att_sum / att_n;
    s.expected = exp_sum / att_n;
  } else if (s.percent) {
    s.attainment = *s.percent / 100;
    if (s.due) {
      DG_ASSIGN_OR_RETURN(double expected, Expected(t, from, *s.due, as_of, nullptr));
      s.expected = expected;
    }
  } else if (done) {
    s.attainment = 1.0;
  }
  if (!done && s.attainment && s.expected) {
    s.pace_behind = std::round((*s.expected - *s.attainment) * 10000) / 100;
  }

  // The light: red, else yellow, else green (closed: green).
  auto holds = [&](const LightCondition& c, std::vector<std::string>* why) {
    const size_t before = why->size();
    if (c.working_days_overdue && s.state == TaskState::kOverdue &&
        s.working_days_overdue >= *c.working_days_overdue) {
      why->push_back(absl::StrCat("working_days_overdue ", s.working_days_overdue,
                                  " >= ", *c.working_days_overdue));
    }
    if (c.pace_behind && s.pace_behind && *s.pace_behind >= *c.pace_behind) {
      why->push_back(absl::StrCat("pace_behind ", *s.pace_behind, " >= ", *c.pace_behind));
    }
    if (c.missed_reports && s.consecutive_missed_reports >= *c.missed_reports) {
      why->push_back(absl::StrCat("missed_reports ", s.consecutive_missed_reports,
                                  " >= ", *c.missed_reports));
    }
    const int cards = s.open_yellow_cards + s.open_red_cards;
    if (c.open_cards && cards >= *c.open_cards) {
      why->push_back(absl::StrCat("open_cards ", cards, " >= ", *c.open_cards));
    }
    if (c.open_red_cards && s.open_red_cards >= *c.open_red_cards) {
      why->push_back(absl::StrCat("open_red_cards ", s.open_red_cards, " >= ",
                                  *c.open_red_cards));
    }
    if (c.due_soon && s.state == TaskState::kDueSoon) why->push_back("due_soon");
    if (c.listed && s.listed) why->push_back("listed");
    return why->size() > before;
  };
  if (s.state != TaskState::kClosed) {
    if (holds(t.policy.light.red, &s.light_reasons)) {
      s.light = Light::kRed;
    } else if (holds(t.policy.light.yellow, &s.light_reasons)) {
      s.light = Light::kYellow;
    }
  }
  return absl::OkStatus();
}

}  // namespace internal

absl::Status Tracker::StatusOf(const EventLog& log, TaskIndex task, Date as_of,
                               TaskStatus* out) const {
  DG_RETURN_IF_ERROR(internal::CheckLog(*impl_, log, as_of));
  if (task.value >= impl_->tasks.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("task index ", task.value, " is out of range"));
  }
  return internal::ComputeStatus(*impl_, log.impl(), task.value, as_of, out);
}

absl::StatusOr<StatusReport> Tracker::Status(const EventLog& log, Date as_of,
                                             std::optional<UnitIndex> unit) const {
  DG_RETURN_IF_ERROR(internal::CheckLog(*impl_, log, as_of));
  const Impl& t = *impl_;
  std::optional<UnitIndex> only;
  if (unit) {
    if (unit->value >= t.plan.data().units.size()) {
      return absl::InvalidArgumentError(
          absl::StrCat("unit index ", unit->value, " is out of range"));
    }
    absl::StatusOr<UnitIndex> now = t.plan.ResolveUnit(*unit, as_of);
    if (!now.ok()) return now.status();
    only = *now;
  }
  StatusReport report;
  report.as_of = as_of;
  const size_t n = t.tasks.size();
  std::vector<Rollup> nodes(n);
  std::vector<Rollup> units(t.plan.data().units.size());
  std::vector<double> node_att(n, 0), unit_att(units.size(), 0);
  std::vector<int32_t> node_att_n(n, 0), unit_att_n(units.size(), 0);
  Accountability who;
  report.tasks.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    if (!t.tasks[i].is_task) continue;
    if (only) {
      DG_RETURN_IF_ERROR(t.plan.AccountabilityOf(TaskIndex{i}, as_of, &who));
      bool mine = false;
      for (const AccountableUnit& u : who.units) mine = mine || u.unit == *only;
      if (!mine) continue;
    }
    TaskStatus s;
    DG_RETURN_IF_ERROR(internal::ComputeStatus(t, log.impl(), i, as_of, &s));
    auto add = [&](Rollup& r, double& att, int32_t& att_n) {
      ++r.tasks;
      ++r.by_state[static_cast<int>(s.state)];
      ++r.by_light[static_cast<int>(s.light)];
      if (s.light > r.worst) r.worst = s.light;
      if (s.attainment) {
        att += *s.attainment;
        ++att_n;
      }
    };
    for (uint32_t p = t.tasks[i].parent; p != kNone; p = t.tasks[p].parent) {
      add(nodes[p], node_att[p], node_att_n[p]);
    }
    std::vector<UnitIndex> seen;
    for (UnitIndex u : t.tasks[i].leads) {
      absl::StatusOr<UnitIndex> now = t.plan.ResolveUnit(u, as_of);
      if (!now.ok() || std::find(seen.begin(), seen.end(), *now) != seen.end()) continue;
      seen.push_back(*now);
      add(units[now->value], unit_att[now->value], unit_att_n[now->value]);
    }
    report.tasks.push_back(std::move(s));
  }
  for (uint32_t i = 0; i < n; ++i) {
    if (nodes[i].tasks == 0) continue;
    nodes[i].node = TaskIndex{i};
    if (node_att_n[i]) nodes[i].mean_attainment = node_att[i] / node_att_n[i];
    report.nodes.push_back(nodes[i]);
  }
  for (uint32_t u = 0; u < units.size(); ++u) {
    if (units[u].tasks == 0) continue;
    units[u].unit = UnitIndex{u};
    if (unit_att_n[u]) units[u].mean_attainment = unit_att[u] / unit_att_n[u];
    report.units.push_back(units[u]);
  }
  return report;
}

}  // namespace dutygraph
