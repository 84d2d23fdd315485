// Rankings, lifecycle accountability and the 台账 ledger
// (include/dutygraph/tracking.h, docs/tracking.md).
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "dutygraph/tracking.h"
#include "tracking/event_log_impl.h"
#include "tracking/tracker_impl.h"
#include "util/status_macros.h"

namespace dutygraph {
namespace {

using internal::Card;
using internal::Fact;
using internal::kNone;

double Attain(const TargetData& t, double v) {
  const bool down = t.comparator == "<=" || t.comparator == "<";
  auto clamp = [](double x) { return x < 0 ? 0 : (x > 1 ? 1 : x); };
  if (t.baseline) {
    const double span = down ? *t.baseline - t.value : t.value - *t.baseline;
    if (span == 0) return v == t.value ? 1.0 : 0.0;
    return clamp(down ? (*t.baseline - v) / span : (v - *t.baseline) / span);
  }
  if (down) return v <= t.value ? 1.0 : (v == 0 ? 0.0 : clamp(t.value / v));
  if (t.value == 0) return v >= 0 ? 1.0 : 0.0;
  return clamp(v / t.value);
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string Number(double x) {
  std::string s = absl::StrFormat("%.2f", x);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

absl::StatusOr<Ranking> Tracker::Rank(const EventLog& log, std::string_view unit_set,
                                      const Period& period,
                                      std::string_view formula) const {
  const Impl& t = *impl_;
  const Date end = period.end();
  DG_RETURN_IF_ERROR(internal::CheckLog(t, log, end));
  const EventLog::Impl& L = log.impl();
  DG_ASSIGN_OR_RETURN(UnitSetIndex set, t.plan.FindUnitSet(unit_set));
  const RankingFormula* f = nullptr;
  for (const RankingFormula& r : t.policy.rankings) {
    if (formula.empty() || r.id == formula) {
      f = &r;
      break;
    }
  }
  if (!f) {
    std::vector<std::string> ids;
    for (const RankingFormula& r : t.policy.rankings) ids.push_back(r.id);
    return absl::NotFoundError(absl::StrCat(
        "no ranking formula '", std::string(formula), "' in policy '", t.policy.id,
        "' (it has: ", ids.empty() ? "none" : absl::StrJoin(ids, ", "), ")"));
  }
  const UnitSetData& sd = t.plan.unit_set(set);
  if (sd.members.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "unit set '", sd.name, "' lists no members (the document leaves it open)"));
  }
  Ranking out;
  out.formula = f->id;
  out.formula_version = f->version;
  out.period_label = period.Label();
  out.period_start = period.start();
  out.period_end = period.end();
  out.unit_set = sd.id;
  std::vector<UnitTask> roles;
  TaskStatus s;
  for (const std::string& id : sd.members) {
    DG_ASSIGN_OR_RETURN(UnitIndex u0, t.plan.FindUnit(id));
    absl::StatusOr<UnitIndex> now = t.plan.ResolveUnit(u0, end);
    const UnitIndex u = now.ok() ? *now : u0;
    RankingRow row;
    row.unit = u;
    // On-time completion and attainment over the unit's tasks, by role.
    DG_RETURN_IF_ERROR(t.plan.TasksOfUnit(u, end, {}, &roles));
    std::map<uint32_t, double> weight;  // task -> the heaviest role's weight
    std::map<uint32_t, bool> leads;     // task -> the unit leads it
    for (const UnitTask& ut : roles) {
      if (!t.tasks[ut.task.value].is_task) continue;
      const double w = f->role_weights[static_cast<int>(ut.role)];
      double& slot = weight[ut.task.value];
      slot = std::max(slot, w);
    }
    for (const auto& [task, w] : weight) {
      const auto& l = t.tasks[task].leads;
      leads[task] = std::find(l.begin(), l.end(), u) != l.end();
    }
    double due_w = 0, on_time_w = 0, att_w = 0, att_sum = 0;
    for (const auto& [task, w] : weight) {
      DG_RETURN_IF_ERROR(internal::ComputeStatus(t, L, task, end, &s));
      if (s.attainment && w > 0 && leads[task]) {
        att_sum += w * *s.attainment;
        att_w += w;
        ++row.attainment_items;
      }
      if (!s.due || *s.due > end || w == 0) continue;
      if (s.completed_on && *s.completed_on < period.start()) continue;
      ++row.tasks_due;
      due_w += w;
      if (s.completed_on && *s.completed_on <= *s.due) on_time_w += w;
    }
    // Values the unit reported itself on tasks it does not lead (its own
    // figures), weighted by its role there (1 without a role).
    std::map<std::pair<uint32_t, uint32_t>, double> own;
    for (uint32_t pos : L.by_actor_unit[u.value]) {
      const Fact& fact = L.facts[pos];
      if (fact.date > end) break;
      if (fact.task == kNone || leads[fact.task]) continue;
      for (uint32_t k = 0; k < fact.values_count; ++k) {
        const internal::FactValue& v = L.values[fact.values_begin + k];
        own[{fact.task, v.target}] = v.value;
      }
    }
    for (const auto& [key, value] : own) {
      auto it = weight.find(key.first);
      const double w = it == weight.end() ? 1.0 : it->second;
      att_sum += w * Attain(t.plan.task(TaskIndex{key.first}).targets[key.second], value);
      att_w += w;
      ++row.attainment_items;
    }
    row.on_time_completion = due_w > 0 ? on_time_w / due_w : 1.0;
    row.indicator_attainment = att_w > 0 ? att_sum / att_w : 0.0;
    // Missed reports the unit owed in the period.
    for (const Impl::Series& se : t.series) {
      for (const Impl::Occ& o : se.occs) {
        if (o.due < period.start() || o.due >= end) continue;
        if (std::find(o.owners.begin(), o.owners.end(), u) == o.owners.end()) continue;
        if (!internal::Reported(t, L, se, o)) ++row.missed_reports;
      }
    }
    for (uint32_t pos : L.by_unit[u.value]) {
      const Fact& fact = L.facts[pos];
      if (fact.date > end) break;
      if (fact.kind != EventKind::kCardIssued || fact.date < period.start()) continue;
      (fact.card == Card::kRed ? row.red_cards : row.yellow_cards)++;
    }
    const double score = f->on_time_completion * row.on_time_completion +
                         f->indicator_attainment * row.indicator_attainment +
                         f->missed_report * row.missed_reports +
                         f->yellow_card * row.yellow_cards + f->red_card * row.red_cards;
    row.score = std::round(score * 100) / 100;
    out.rows.push_back(row);
  }
  // Higher score first; equal (rounded) scores share a rank and keep the
  // set's member order.
  std::stable_sort(out.rows.begin(), out.rows.end(),
                   [](const RankingRow& a, const RankingRow& b) { return a.score > b.score; });
  for (size_t i = 0; i < out.rows.size(); ++i) {
    out.rows[i].rank = (i > 0 && out.rows[i].score == out.rows[i - 1].score)
                           ? out.rows[i - 1].rank
                           : static_cast<int>(i) + 1;
  }
  return out;
}

absl::StatusOr<Lifecycle> Tracker::LifecycleOf(const EventLog& log, TaskIndex task) const {
  const Impl& t = *impl_;
  DG_RETURN_IF_ERROR(internal::CheckLog(t, log, t.start));
  if (task.value >= t.tasks.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("task index ", task.value, " is out of range"));
  }
  const EventLog::Impl& L = log.impl();
  Lifecycle out;
  out.task = task;
  bool finding = false;  // a finding, card or reopening awaits rectification
  for (uint32_t pos : L.by_task[task.value]) {
    const Fact& f = L.facts[pos];
    LifecycleEntry e;
    e.event_id = L.id_at[pos];
    e.date = f.date;
    e.kind = f.kind;
    e.actor.kind = f.actor_kind;
    switch (f.actor_kind) {
      case Actor::Kind::kUnit:
        e.actor.ref = t.plan.unit(UnitIndex{f.actor}).id;
        break;
      case Actor::Kind::kPost:
        e.actor.ref = t.plan.post(PostIndex{f.actor}).id;
        break;
      case Actor::Kind::kPerson:
        e.actor.ref = t.plan.person(PersonIndex{f.actor}).id;
        break;
      case Actor::Kind::kNone:
        break;
    }
    switch (f.kind) {
      case EventKind::kAssigned:
        out.deployed.push_back(e);
        break;
      case EventKind::kProgress:
      case EventKind::kReportSubmitted:
      case EventKind::kCompleted:
        (finding ? out.rectified : out.implemented).push_back(e);
        if (f.kind == EventKind::kCompleted) finding = false;
        break;
      case EventKind::kInspection:
        out.inspected.push_back(e);
        if (f.issues) finding = true;
        break;
      case EventKind::kReminder:
      case EventKind::kWarning:
      case EventKind::kExposure:
      case EventKind::kJointSanction:
      case EventKind::kAccountability:
        out.inspected.push_back(e);
        break;
      case EventKind::kCircular:
      case EventKind::kInterview:
      case EventKind::kCardIssued:
      case EventKind::kListed:
        out.inspected.push_back(e);
        finding = true;
        break;
      case EventKind::kReopened:
        out.inspected.push_back(e);
        finding = true;
        break;
      case EventKind::kAccepted:
      case EventKind::kClosed:
        out.accepted.push_back(e);
        break;
      default:
        break;
    }
  }
  return out;
}

absl::StatusOr<std::string> Tracker::LedgerCsv(const EventLog& log, Date as_of) const {
  const Impl& t = *impl_;
  DG_RETURN_IF_ERROR(internal::CheckLog(t, log, as_of));
  const EventLog::Impl& L = log.impl();
  std::string out = "序号,任务,牵头单位,配合单位,完成时限,进展,状态\n";
  Accountability who;
  TaskStatus s;
  int row = 0;
  for (uint32_t i = 0; i < t.tasks.size(); ++i) {
    if (!t.tasks[i].is_task) continue;
    DG_RETURN_IF_ERROR(internal::ComputeStatus(t, L, i, as_of, &s));
    DG_RETURN_IF_ERROR(t.plan.AccountabilityOf(TaskIndex{i}, as_of, &who));
    std::vector<std::string> leads, supports;
    for (Role want : {Role::kLead, Role::kResponsible}) {
      for (const AccountableUnit& u : who.units) {
        const std::string& name = t.plan.unit(u.unit).name;
        if (u.role == want && std::find(leads.begin(), leads.end(), name) == leads.end()) {
          leads.push_back(name);
        }
      }
      if (!leads.empty()) break;
    }
    for (const AccountableUnit& u : who.units) {
      const std::string& name = t.plan.unit(u.unit).name;
      if (u.role == Role::kSupport &&
          std::find(supports.begin(), supports.end(), name) == supports.end()) {
        supports.push_back(name);
      }
    }
    const TaskData& td = t.plan.task(TaskIndex{i});
    std::string progress;
    if (s.percent) progress = absl::StrCat(Number(*s.percent), "%");
    if (s.last_progress) {
      absl::StatusOr<Event> e = log.event(*s.last_progress);
      if (e.ok() && !e->text.empty()) {
        absl::StrAppend(&progress, progress.empty() ? "" : " ", e->text);
      }
    }
    std::string state(TaskStateLabel(s.state));
    if (s.state == TaskState::kOverdue) {
      absl::StrAppend(&state, s.working_days_overdue, "个工作日");
    }
    ++row;
    absl::StrAppend(&out, row, ",",
                    CsvField(absl::StrCat(td.path, " ", td.title)), ",",
                    CsvField(absl::StrJoin(leads, "、")), ",",
                    CsvField(absl::StrJoin(supports, "、")), ",",
                    s.due ? s.due->ToString() : "", ",", CsvField(progress), ",",
                    CsvField(state), "\n");
  }
  return out;
}

}  // namespace dutygraph
