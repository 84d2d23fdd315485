// The escalation ladder: which action is due to whom, and why
// (include/dutygraph/tracking.h, docs/tracking.md "Escalation").
//
// Task-level triggers (working days overdue, consecutive missed reports,
// pace behind, incidents) are evaluated per task-tree node from the task's
// status; unit-level triggers (cards in a window, carry-over from last year)
// per unit from the cards issued to it. An action is not issued again when
// the log already records it in the same ladder run: an event of the
// action's kind about the same task (or unit) tagged with the same policy and
// rule, or untagged (taken by hand).
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "dutygraph/tracking.h"
#include "tracking/event_log_impl.h"
#include "tracking/tracker_impl.h"
#include "util/status_macros.h"

namespace dutygraph {
namespace {

using internal::Card;
using internal::Fact;
using internal::kNone;
using Family = Tracker::Impl::Family;

struct ActionEvent {
  EventKind kind;
  Card card = Card::kNone;
};

ActionEvent EventOf(ActionKind a) {
  switch (a) {
    case ActionKind::kRemind:
      return {EventKind::kReminder};
    case ActionKind::kCircular:
      return {EventKind::kCircular};
    case ActionKind::kInterview:
      return {EventKind::kInterview};
    case ActionKind::kWarning:
      return {EventKind::kWarning};
    case ActionKind::kYellowCard:
      return {EventKind::kCardIssued, Card::kYellow};
    case ActionKind::kRedCard:
      return {EventKind::kCardIssued, Card::kRed};
    case ActionKind::kListedSupervision:
      return {EventKind::kListed};
    case ActionKind::kExposure:
      return {EventKind::kExposure};
    case ActionKind::kJointSanction:
      return {EventKind::kJointSanction};
    case ActionKind::kAccountability:
      return {EventKind::kAccountability};
  }
  return {EventKind::kReminder};
}

bool IsUnitLevel(TriggerKind k) {
  return k == TriggerKind::kCardsInWindow || k == TriggerKind::kCarryOver;
}

Card CardOf(const std::string& name) {
  return name == "red" ? Card::kRed : Card::kYellow;
}

absl::string_view Act(ActionKind a) {
  const std::string_view s = ActionKindName(a);
  return absl::string_view(s.data(), s.size());
}

// x with two decimals ("24.44"), without printf's machinery.
std::string Pct(double x) {
  const int64_t cents = std::llround(x * 100);
  const int64_t a = cents < 0 ? -cents : cents;
  std::string out = cents < 0 ? "-" : "";
  absl::StrAppend(&out, a / 100, ".", a % 100 < 10 ? "0" : "", a % 100);
  return out;
}

// Does `node` lie under one of `policy`'s applies_to nodes?
bool InScope(const Tracker::Impl& t, const Family& fam, const EscalationPolicy& policy,
             uint32_t node) {
  const std::vector<TaskIndex>& roots = fam.RootsOf(&policy);
  for (uint32_t n = node; n != kNone; n = t.tasks[n].parent) {
    for (TaskIndex root : roots) {
      if (n == root.value) return true;
    }
  }
  return false;
}

class Evaluator {
 public:
  Evaluator(const Tracker::Impl& t, const EventLog::Impl& log, Date as_of)
      : t_(t), log_(log), as_of_(as_of) {}

  // Task-level actions for `node` (status: null for nodes that are not
  // tasks, which only incidents concern).
  absl::Status Node(uint32_t node, const TaskStatus* s, std::vector<DueAction>* out) {
    const Tracker::Impl::TaskInfo& info = t_.tasks[node];
    if (info.families.empty()) return absl::OkStatus();
    // The current ladder run began at the last extension or reopening.
    const bool in_run = s && s->run_start.has_value();
    const Date run_from = in_run ? *s->run_start : Calendar::MinDate();
    const auto& events = log_.by_task[node];
    for (uint32_t fi : info.families) {
      const Family& fam = t_.families[fi];
      const uint32_t pkey = log_.KeyOf(fam.id);
      std::string version_note;
      const EscalationPolicy* pol = ChooseVersion(fam, pkey, events, run_from, &version_note);
      if (!InScope(t_, fam, *pol, node)) continue;
      for (uint32_t ri = 0; ri < pol->rules.size(); ++ri) {
        const EscalationRule& r = pol->rules[ri];
        if (IsUnitLevel(r.trigger)) continue;
        if (!s && r.trigger != TriggerKind::kIncident) continue;
        const uint32_t rkey = log_.KeyOf(r.id);
        const ActionEvent ae = EventOf(r.action);
        auto recorded = [&](uint32_t cause, int* count, Date* last) {
          *count = 0;
          for (uint32_t pos : events) {
            const Fact& f = log_.facts[pos];
            if (f.date > as_of_) break;
            if (f.date < run_from) continue;
            if (f.kind != ae.kind || (ae.card != Card::kNone && f.card != ae.card)) continue;
            const bool mine = (f.policy == pkey && pkey != kNone && f.rule == rkey) ||
                              f.policy == kNone;
            if (!mine || (cause != kNone && f.cause != cause)) continue;
            ++*count;
            *last = f.date;
          }
        };
        DueAction a;  // filled by Base() once the rule fires
        if (r.trigger == TriggerKind::kIncident) {
          for (uint32_t pos : events) {
            const Fact& f = log_.facts[pos];
            if (f.date > as_of_) break;
            if (f.kind != EventKind::kIncident) continue;
            int count;
            Date last;
            recorded(pos, &count, &last);
            if (count > 0) continue;
            DueAction b = Base(*pol, ri, version_note);
            b.task = TaskIndex{node};
            b.cause = log_.id_at[pos];
            b.facts.push_back({"incident", b.cause});
            b.facts.push_back({"incident_date", internal::IsoDate(f.date)});
            b.explanation = absl::StrCat(
                Subject(node), ": incident '", b.cause, "' reported on ",
                internal::IsoDate(f.date), "; ", RuleText(*pol, r), " calls for ",
                Act(r.action));
            DG_RETURN_IF_ERROR(Finish(fam, r, &b, out));
          }
          continue;
        }
        bool fires = false;
        switch (r.trigger) {
          case TriggerKind::kWorkingDaysOverdue:
            fires = s->state == TaskState::kOverdue && s->working_days_overdue >= r.n;
            break;
          case TriggerKind::kConsecutiveMissedReports:
            fires = s->consecutive_missed_reports >= r.n;
            break;
          case TriggerKind::kPaceBehind:
            fires = s->pace_behind && *s->pace_behind >= r.percent;
            break;
          default:
            break;
        }
        if (!fires) continue;
        int count;
        Date last;
        recorded(kNone, &count, &last);
        int32_t since_last = 0;
        if (count > 0) {
          if (r.repeat != 0 && count >= r.repeat) continue;
          if (r.cooldown_working_days < 1) continue;
          DG_ASSIGN_OR_RETURN(CalendarResult<int32_t> since,
                              t_.calendar.WorkingDaysBetween(last, as_of_));
          if (since.value < r.cooldown_working_days) continue;
          since_last = since.value;
        }
        a = Base(*pol, ri, version_note);
        a.task = TaskIndex{node};
        a.facts.reserve(6);
        std::string why;
        switch (r.trigger) {
          case TriggerKind::kWorkingDaysOverdue:
            if (fires) {
              a.facts.push_back({"working_days_overdue", absl::StrCat(s->working_days_overdue)});
              a.facts.push_back({"threshold", absl::StrCat(r.n)});
              a.facts.push_back({"due", internal::IsoDate(*s->due)});
              a.facts.push_back({"due_source", s->due_source});
              why = absl::StrCat(s->working_days_overdue, " working days overdue (due ",
                                 internal::IsoDate(*s->due), ", ", s->due_source, ") >= ", r.n);
            }
            break;
          case TriggerKind::kConsecutiveMissedReports:
            fires = s->consecutive_missed_reports >= r.n;
            if (fires) {
              a.facts.push_back({"consecutive_missed_reports",
                                 absl::StrCat(s->consecutive_missed_reports)});
              a.facts.push_back({"threshold", absl::StrCat(r.n)});
              why = absl::StrCat(s->consecutive_missed_reports,
                                 " consecutive reports missed >= ", r.n);
            }
            break;
          case TriggerKind::kPaceBehind:
            fires = s->pace_behind && *s->pace_behind >= r.percent;
            if (fires) {
              a.facts.push_back({"pace_behind", Pct(*s->pace_behind)});
              a.facts.push_back({"expected", Pct(*s->expected * 100)});
              a.facts.push_back({"attained", Pct(*s->attainment * 100)});
              a.facts.push_back({"threshold", Pct(r.percent)});
              why = absl::StrCat("progress ", Pct(*s->attainment * 100),
                                 "% against ", Pct(*s->expected * 100),
                                 "% expected by now (序时进度): ",
                                 Pct(*s->pace_behind), " points behind >= ",
                                 Pct(r.percent));
            }
            break;
          default:
            break;
        }
        if (count > 0) {
          a.facts.push_back({"last_issued", internal::IsoDate(last)});
          a.facts.push_back({"working_days_since", absl::StrCat(since_last)});
          why += absl::StrCat("; last issued ", internal::IsoDate(last), ", ", since_last,
                              " working days ago (cool-down ", r.cooldown_working_days, ")");
        }
        a.occurrence = count + 1;
        if (in_run) a.facts.push_back({"run_start", internal::IsoDate(run_from)});
        a.explanation = Subject(node);
        absl::StrAppend(&a.explanation, ": ", why, "; rule '", r.id, "' of policy '", pol->id,
                        "' v", pol->version);
        if (!r.text.empty()) absl::StrAppend(&a.explanation, " (", r.text, ")");
        absl::StrAppend(&a.explanation, " calls for ", Act(r.action));
        if (count > 0) absl::StrAppend(&a.explanation, " (time ", count + 1, ")");
        DG_RETURN_IF_ERROR(Finish(fam, r, &a, out));
      }
    }
    return absl::OkStatus();
  }

  // Unit-level actions for unit `u`.
  absl::Status Unit(uint32_t u, std::vector<DueAction>* out) {
    const auto& events = log_.by_unit[u];
    if (events.empty()) return absl::OkStatus();
    // Which cards are lifted as of the date.
    std::vector<uint32_t> open, lifted;
    for (uint32_t pos : events) {
      const Fact& f = log_.facts[pos];
      if (f.date > as_of_) break;
      if (f.kind == EventKind::kCardIssued) open.push_back(pos);
      if (f.kind != EventKind::kCardLifted) continue;
      auto it = open.end();
      if (f.cause != kNone) {
        it = std::find(open.begin(), open.end(), f.cause);
      } else {
        for (auto c = open.rbegin(); c != open.rend(); ++c) {
          if (log_.facts[*c].card == f.card) {
            it = std::next(c).base();
            break;
          }
        }
      }
      if (it != open.end()) {
        lifted.push_back(*it);
        open.erase(it);
      }
    }
    for (uint32_t fi = 0; fi < t_.families.size(); ++fi) {
      const Family& fam = t_.families[fi];
      const uint32_t pkey = log_.KeyOf(fam.id);
      std::string version_note;
      // A unit's ladder runs for the calendar year.
      absl::StatusOr<Date> jan1 = Date::FromYmd(as_of_.year(), 1, 1);
      if (!jan1.ok()) return jan1.status();
      const EscalationPolicy* pol = ChooseVersion(fam, pkey, events, *jan1, &version_note);
      auto in_scope = [&](const Fact& f) {
        return f.task != kNone && InScope(t_, fam, *pol, f.task);
      };
      for (uint32_t ri = 0; ri < pol->rules.size(); ++ri) {
        const EscalationRule& r = pol->rules[ri];
        if (!IsUnitLevel(r.trigger)) continue;
        const uint32_t rkey = log_.KeyOf(r.id);
        const ActionEvent ae = EventOf(r.action);
        const Card want = CardOf(r.card);
        // Recorded actions of this rule for the unit.
        std::optional<Date> last;
        int this_year = 0;
        for (uint32_t pos : events) {
          const Fact& f = log_.facts[pos];
          if (f.date > as_of_) break;
          if (f.kind != ae.kind || (ae.card != Card::kNone && f.card != ae.card)) continue;
          if (!((f.policy == pkey && pkey != kNone && f.rule == rkey) || f.policy == kNone)) {
            continue;
          }
          if (r.trigger == TriggerKind::kCardsInWindow && f.policy == kNone &&
              ae.kind == EventKind::kCardIssued && f.card == want) {
            continue;  // a card of the counted colour is not an answer to itself
          }
          last = f.date;
          if (f.date >= *jan1) ++this_year;
        }
        DueAction a = Base(*pol, ri, version_note);
        a.unit = UnitIndex{u};
        if (r.trigger == TriggerKind::kCardsInWindow) {
          Date lower = as_of_ - (r.window_days - 1);
          if (last && *last + 1 > lower) lower = *last + 1;
          std::vector<uint32_t> counted;
          for (uint32_t pos : events) {
            const Fact& f = log_.facts[pos];
            if (f.date > as_of_) break;
            if (f.kind != EventKind::kCardIssued || f.card != want || f.date < lower) continue;
            if (f.policy == pkey && pkey != kNone && f.rule == rkey) continue;
            if (!in_scope(f)) continue;
            if (std::find(lifted.begin(), lifted.end(), pos) != lifted.end()) continue;
            counted.push_back(pos);
          }
          if (static_cast<int>(counted.size()) < r.n) continue;
          a.cause = log_.id_at[counted.back()];
          a.scope = TaskIndex{log_.facts[counted.back()].task};
          std::string list;
          for (uint32_t pos : counted) {
            absl::StrAppend(&list, list.empty() ? "" : ", ", log_.id_at[pos], " (",
                            internal::IsoDate(log_.facts[pos].date), ")");
          }
          a.facts.push_back({"cards", absl::StrCat(counted.size())});
          a.facts.push_back({"card", r.card});
          a.facts.push_back({"window_days", absl::StrCat(r.window_days)});
          a.facts.push_back({"threshold", absl::StrCat(r.n)});
          a.facts.push_back({"card_events", list});
          if (last) a.facts.push_back({"last_issued", internal::IsoDate(*last)});
          a.explanation = absl::StrCat(
              UnitName(u), ": ", counted.size(), " ", r.card, " card(s) within ",
              r.window_days, " days (", list, ") >= ", r.n, "; ", RuleText(*pol, r),
              " calls for ", Act(r.action));
        } else {  // carry-over from the previous year
          if (this_year > 0) continue;
          const int prev = as_of_.year() - 1;
          std::vector<uint32_t> cards;
          for (uint32_t pos : events) {
            const Fact& f = log_.facts[pos];
            if (f.date.year() > prev) break;
            if (f.date.year() == prev && f.kind == EventKind::kCardIssued &&
                f.card == want && in_scope(f)) {
              cards.push_back(pos);
            }
          }
          if (cards.empty()) continue;
          a.cause = log_.id_at[cards.front()];
          a.scope = TaskIndex{log_.facts[cards.front()].task};
          a.facts.push_back({"card", r.card});
          a.facts.push_back({"previous_year", absl::StrCat(prev)});
          a.facts.push_back({"card_event", a.cause});
          a.facts.push_back({"card_date", internal::IsoDate(log_.facts[cards.front()].date)});
          a.explanation = absl::StrCat(
              UnitName(u), ": ", r.card, " card in ", prev, " (", a.cause, ", ",
              internal::IsoDate(log_.facts[cards.front()].date), "); ", RuleText(*pol, r),
              " calls for ", Act(r.action), " in ", as_of_.year());
        }
        DG_RETURN_IF_ERROR(Finish(fam, r, &a, out));
      }
    }
    return absl::OkStatus();
  }

 private:
  // The version a ladder run keeps: the one recorded by the run's first
  // action of this policy, when still listed; else the latest.
  const EscalationPolicy* ChooseVersion(const Family& fam, uint32_t pkey,
                                        const std::vector<uint32_t>& events,
                                        Date run_start, std::string* note) const {
    if (pkey == kNone) return fam.Latest();
    for (uint32_t pos : events) {
      const Fact& f = log_.facts[pos];
      if (f.date > as_of_) break;
      if (f.date < run_start) continue;
      if (f.policy != pkey || f.policy_version == 0) continue;
      if (const EscalationPolicy* p = fam.Version(f.policy_version)) return p;
      *note = absl::StrCat("run started under version ", f.policy_version,
                           ", which the policy no longer lists; using version ",
                           fam.Latest()->version);
      return fam.Latest();
    }
    return fam.Latest();
  }

  DueAction Base(const EscalationPolicy& pol, uint32_t ri, const std::string& note) const {
    DueAction a;
    a.policy = pol.id;
    a.policy_version = pol.version;
    a.rule = pol.rules[ri].id;
    a.rule_index = ri;
    a.action = pol.rules[ri].action;
    a.on = as_of_;
    if (!note.empty()) a.facts.push_back({"version_note", note});
    return a;
  }

  std::string Subject(uint32_t node) const {
    const TaskData& td = t_.plan.task(TaskIndex{node});
    std::string out;
    out.reserve(256);
    absl::StrAppend(&out, "task ", td.path.empty() ? td.id : td.path, " ", td.title);
    return out;
  }
  std::string UnitName(uint32_t u) const {
    return absl::StrCat("unit ", t_.plan.unit(UnitIndex{u}).name);
  }
  static std::string RuleText(const EscalationPolicy& pol, const EscalationRule& r) {
    return absl::StrCat("rule '", r.id, "' of policy '", pol.id, "' v", pol.version,
                        r.text.empty() ? "" : absl::StrCat(" (", r.text, ")"));
  }

  // Audience as of the date, the unit concerned and the recording id.
  absl::Status Finish(const Family& fam, const EscalationRule& r, DueAction* a,
                      std::vector<DueAction>* out) {
    const Plan& plan = t_.plan;
    leads_.clear();
    supports_.clear();
    std::vector<UnitIndex>& leads = leads_;
    std::vector<UnitIndex>& supports = supports_;
    std::string unit_gone;  // why the unit concerned resolves to none
    bool groups = false;  // does the audience need the supervising groups?
    for (AudienceKind k : r.audience) {
      groups = groups || k == AudienceKind::kGroupConvener ||
               k == AudienceKind::kChiefDispatcher;
    }
    if (a->task) {
      // The plan's leads and supports (a section's 牵头 inherited), resolved
      // as of the date: what AccountabilityOf() gives, without its posts.
      const Tracker::Impl::TaskInfo& info = t_.tasks[a->task->value];
      auto resolve = [&](const std::vector<UnitIndex>& from, std::vector<UnitIndex>* to) {
        for (UnitIndex u : from) {
          absl::StatusOr<UnitIndex> now = plan.ResolveUnit(u, as_of_);
          if (now.ok() && std::find(to->begin(), to->end(), *now) == to->end()) {
            to->push_back(*now);
          }
        }
      };
      resolve(info.leads, &leads);
      resolve(info.supports, &supports);
      if (groups && (!who_task_ || *who_task_ != *a->task)) {
        DG_RETURN_IF_ERROR(plan.AccountabilityOf(*a->task, as_of_, &who_));
        who_task_ = *a->task;
      }
      if (!a->unit && !leads.empty()) a->unit = leads.front();
    } else {
      absl::StatusOr<UnitIndex> now = plan.ResolveUnit(*a->unit, as_of_);
      if (now.ok()) {
        leads.push_back(*now);
      } else {
        unit_gone = std::string(now.status().message());
      }
      who_task_.reset();
      if (!fam.roots.empty()) {
        DG_RETURN_IF_ERROR(plan.AccountabilityOf(fam.roots.front(), as_of_, &who_));
      } else {
        who_.Clear();
      }
    }
    auto holder = [&](const std::optional<PostIndex>& p) -> std::optional<PostHolder> {
      if (!p) return std::nullopt;
      return PostHolder{*p, plan.HolderOf(*p, as_of_)};
    };
    auto add = [&](AudienceMember m) {
      for (const AudienceMember& x : a->audience) {
        if (x.role == m.role && x.unit == m.unit &&
            (x.post ? m.post && x.post->post == m.post->post : !m.post)) {
          return;
        }
      }
      a->audience.push_back(m);
    };
    // A part of the audience that reaches nobody is said so, with the
    // reason, rather than silently dropped.
    const std::string on = internal::IsoDate(as_of_);
    const std::string who =
        a->task ? Subject(a->task->value) : UnitName(a->unit->value);
    auto unresolved = [&](AudienceKind k, std::optional<UnitIndex> u,
                          std::string reason) {
      a->unresolved.push_back({k, u, std::move(reason)});
    };
    auto no_leads = [&](AudienceKind k) {
      unresolved(k, std::nullopt,
                 unit_gone.empty()
                     ? absl::StrCat(who, " has no lead unit on ", on)
                     : absl::StrCat(who, " does not resolve on ", on, ": ",
                                    unit_gone));
    };
    for (AudienceKind k : r.audience) {
      switch (k) {
        case AudienceKind::kLeadUnit:
          if (leads.empty()) no_leads(k);
          for (UnitIndex u : leads) add({k, u, std::nullopt});
          break;
        case AudienceKind::kLeadUnitHead:
        case AudienceKind::kSupervisingLeader: {
          const bool head = k == AudienceKind::kLeadUnitHead;
          if (leads.empty()) no_leads(k);
          for (UnitIndex u : leads) {
            if (auto h = holder(head ? t_.head_post[u.value]
                                     : t_.supervising_post[u.value])) {
              add({k, u, h});
            } else {
              unresolved(k, u,
                         absl::StrCat(plan.unit(u).name, " has no ",
                                      head ? "head post" : "supervising leader post",
                                      " in the plan on ", on));
            }
          }
          break;
        }
        case AudienceKind::kGroupConvener:
          if (who_.conveners.empty()) {
            unresolved(k, std::nullopt,
                       who_.group
                           ? absl::StrCat("working group ", plan.group(*who_.group).name,
                                          " has no convener post in the plan on ", on)
                           : absl::StrCat(who, " has no supervising working group in the "
                                               "plan on ", on));
          }
          for (const PostHolder& h : who_.conveners) add({k, std::nullopt, h});
          break;
        case AudienceKind::kChiefDispatcher:
          if (who_.chief_dispatchers.empty()) {
            unresolved(k, std::nullopt,
                       absl::StrCat(who, " has no chief dispatcher (总调度) above it in "
                                         "the plan on ", on));
          }
          for (const PostHolder& h : who_.chief_dispatchers) add({k, std::nullopt, h});
          break;
        case AudienceKind::kSupportUnits:
          if (supports.empty()) {
            unresolved(k, std::nullopt,
                       absl::StrCat(who, " has no supporting unit on ", on));
          }
          for (UnitIndex u : supports) add({k, u, std::nullopt});
          break;
      }
    }
    for (const UnresolvedAudience& u : a->unresolved) {
      absl::StrAppend(&a->explanation, "; ", u.reason);
    }
    if (a->audience.empty()) absl::StrAppend(&a->explanation, "; nobody to address");
    const std::string subject =
        a->task ? plan.task(*a->task).id : plan.unit(*a->unit).id;
    a->event_id = absl::StrCat("esc:", a->policy, ":v", a->policy_version, ":", a->rule,
                               ":", subject, ":", internal::IsoDate(as_of_),
                               a->cause.empty() ? "" : absl::StrCat(":", a->cause));
    out->push_back(std::move(*a));
    return absl::OkStatus();
  }

  const Tracker::Impl& t_;
  const EventLog::Impl& log_;
  Date as_of_;
  Accountability who_;
  std::optional<TaskIndex> who_task_;  // the task `who_` answers for
  std::vector<UnitIndex> leads_, supports_;  // reused across actions
};

}  // namespace

absl::StatusOr<std::vector<DueAction>> Tracker::Escalations(const EventLog& log,
                                                            Date as_of) const {
  DG_RETURN_IF_ERROR(internal::CheckLog(*impl_, log, as_of));
  const Impl& t = *impl_;
  std::vector<DueAction> out;
  if (t.families.empty()) return out;
  Evaluator eval(t, log.impl(), as_of);
  TaskStatus s;
  for (uint32_t i = 0; i < t.tasks.size(); ++i) {
    if (t.tasks[i].families.empty()) continue;
    if (t.tasks[i].is_task) {
      DG_RETURN_IF_ERROR(internal::ComputeStatus(t, log.impl(), i, as_of, &s));
      DG_RETURN_IF_ERROR(eval.Node(i, &s, &out));
    } else if (!log.impl().by_task[i].empty()) {
      DG_RETURN_IF_ERROR(eval.Node(i, nullptr, &out));
    }
  }
  for (uint32_t u = 0; u < t.plan.data().units.size(); ++u) {
    DG_RETURN_IF_ERROR(eval.Unit(u, &out));
  }
  return out;
}

absl::Status Tracker::EscalationsOf(const EventLog& log, TaskIndex task, Date as_of,
                                    std::vector<DueAction>* out) const {
  DG_RETURN_IF_ERROR(internal::CheckLog(*impl_, log, as_of));
  if (task.value >= impl_->tasks.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("task index ", task.value, " is out of range"));
  }
  Evaluator eval(*impl_, log.impl(), as_of);
  if (!impl_->tasks[task.value].is_task) return eval.Node(task.value, nullptr, out);
  TaskStatus s;
  DG_RETURN_IF_ERROR(internal::ComputeStatus(*impl_, log.impl(), task.value, as_of, &s));
  return eval.Node(task.value, &s, out);
}

absl::StatusOr<std::vector<DueAction>> EvaluateEscalations(
    const Plan& plan, const Calendar& calendar, const TrackingPolicy& policy,
    const EventLog& log, Date as_of) {
  DG_ASSIGN_OR_RETURN(Tracker tracker, Tracker::Create(plan, calendar, policy));
  return tracker.Escalations(log, as_of);
}

Event ToEvent(const Plan& plan, const DueAction& a) {
  Event e;
  e.id = a.event_id;
  const ActionEvent ae = EventOf(a.action);
  e.kind = ae.kind;
  e.date = a.on;
  const std::optional<TaskIndex> task = a.task ? a.task : a.scope;
  if (task && task->value < plan.data().tasks.size()) e.task = plan.task(*task).id;
  if (a.unit && a.unit->value < plan.data().units.size()) e.unit = plan.unit(*a.unit).id;
  if (ae.card != Card::kNone) e.card = ae.card == Card::kRed ? "red" : "yellow";
  e.text = a.explanation;
  e.policy = a.policy;
  e.policy_version = a.policy_version;
  e.rule = a.rule;
  e.cause = a.cause;
  return e;
}

}  // namespace dutygraph
