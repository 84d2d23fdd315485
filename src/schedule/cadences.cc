// Cadence occurrences: periods, due rules and owners resolved as of the due
// date (include/dutygraph/schedule.h, docs/schedules.md).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "dutygraph/calendar.h"
#include "dutygraph/schedule.h"
#include "schedule/schedule_internal.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace dutygraph {
namespace {

using internal::AsAbsl;
using internal::WithContext;

// A cadence's references, looked up once per call rather than per occurrence.
struct ResolvedCadence {
  uint32_t index = 0;
  const CadenceData* data = nullptr;
  std::vector<GroupIndex> groups;
  // Per entry of `groups`: its posts and office, as indices.
  struct GroupOwners {
    std::vector<PostIndex> conveners;
    std::optional<UnitIndex> office_host;
    std::optional<PostIndex> office_director;
  };
  std::vector<GroupOwners> group_owners;
  std::optional<UnitIndex> unit;
  std::optional<UnitSetIndex> unit_set;
  std::vector<TaskIndex> tasks;
  std::vector<UnitIndex> recipient_units;  // before resolution as of a date
  std::vector<PostIndex> recipient_posts;
};

std::string CadenceContext(const CadenceData& c) {
  return absl::StrCat("cadence '", c.id, "' (", c.name, ")");
}

absl::StatusOr<PostIndex> FindPostId(const Plan& plan, const std::string& id,
                                     std::string_view what) {
  auto found = plan.FindPost(id);
  if (!found.ok()) return WithContext(found.status(), what);
  return *found;
}

absl::Status Lookup(const Plan& plan, const CadenceData& c,
                    ResolvedCadence* out) {
  const std::string at = absl::StrCat("cadence '", c.id, "'");
  for (const std::string& g : c.owner_groups) {
    auto found = plan.FindGroup(g);
    if (!found.ok()) return WithContext(found.status(), at + " owner group");
    out->groups.push_back(*found);
    const GroupData& group = plan.group(*found);
    ResolvedCadence::GroupOwners& owners = out->group_owners.emplace_back();
    for (const std::string& p : group.conveners) {
      DG_ASSIGN_OR_RETURN(PostIndex post,
                          FindPostId(plan, p, "group convener"));
      owners.conveners.push_back(post);
    }
    if (!group.office_host.empty()) {
      auto host = plan.FindUnit(group.office_host);
      if (!host.ok()) return WithContext(host.status(), "group office host");
      owners.office_host = *host;
    }
    if (!group.office_director.empty()) {
      DG_ASSIGN_OR_RETURN(owners.office_director,
                          FindPostId(plan, group.office_director,
                                     "group office director"));
    }
  }
  if (!c.owner_unit.empty()) {
    auto found = plan.FindUnit(c.owner_unit);
    if (!found.ok()) return WithContext(found.status(), at + " owner unit");
    out->unit = *found;
  }
  if (!c.owner_unit_set.empty()) {
    auto found = plan.FindUnitSet(c.owner_unit_set);
    if (!found.ok()) return WithContext(found.status(), at + " owner unit set");
    out->unit_set = *found;
  }
  for (const std::string& t : c.owner_tasks) {
    auto found = plan.FindTask(t);
    if (!found.ok()) return WithContext(found.status(), at + " owner task");
    out->tasks.push_back(*found);
  }
  for (const RefData& r : c.recipients) {
    std::vector<std::string_view> units;
    if (!r.unit.empty()) units.push_back(r.unit);
    if (!r.group.empty()) {
      auto g = plan.FindGroup(r.group);
      if (!g.ok()) return WithContext(g.status(), at + " recipient group");
      for (const std::string& m : plan.group(*g).members) units.push_back(m);
    }
    if (!r.unit_set.empty()) {
      auto s = plan.FindUnitSet(r.unit_set);
      if (!s.ok()) return WithContext(s.status(), at + " recipient unit set");
      for (const std::string& m : plan.unit_set(*s).members) {
        units.push_back(m);
      }
    }
    for (std::string_view u : units) {
      auto found = plan.FindUnit(u);
      if (!found.ok()) return WithContext(found.status(), at + " recipient");
      out->recipient_units.push_back(*found);
    }
    if (!r.post.empty()) {
      auto p = plan.FindPost(r.post);
      if (!p.ok()) return WithContext(p.status(), at + " recipient post");
      out->recipient_posts.push_back(*p);
    }
  }
  return absl::OkStatus();
}

// Appends `unit` as it stands on `on` (its successor after a rename or
// merger) unless already present; an abolished unit is left out.
void AddUnit(const Plan& plan, UnitIndex unit, Date on,
             std::vector<UnitIndex>* out) {
  absl::StatusOr<UnitIndex> now = plan.ResolveUnit(unit, on);
  if (!now.ok()) return;
  if (std::find(out->begin(), out->end(), *now) == out->end()) {
    out->push_back(*now);
  }
}

void AddPost(const Plan& plan, PostIndex post, Date on,
             std::vector<PostHolder>* out) {
  for (const PostHolder& h : *out) {
    if (h.post == post) return;
  }
  out->push_back(PostHolder{post, plan.HolderOf(post, on)});
}


// The owners of one occurrence (group or member given by the instance).
absl::Status ResolveOwners(const Plan& plan, const ResolvedCadence& rc,
                           int group_slot, Occurrence* occ) {
  const CadenceData& c = *rc.data;
  const Date on = occ->due;
  if (c.owner_role == "group_lead" || c.owner_role == "group_office") {
    const ResolvedCadence::GroupOwners& g = rc.group_owners[group_slot];
    if (c.owner_role == "group_lead") {
      for (PostIndex post : g.conveners) {
        AddPost(plan, post, on, &occ->owner_posts);
      }
    }
    if (g.office_host) AddUnit(plan, *g.office_host, on, &occ->owner_units);
    if (c.owner_role == "group_office" && g.office_director) {
      AddPost(plan, *g.office_director, on, &occ->owner_posts);
    }
  } else if (c.owner_role == "task_leads") {
    Accountability who;
    for (TaskIndex t : rc.tasks) {
      DG_RETURN_IF_ERROR(plan.AccountabilityOf(t, on, &who));
      for (const AccountableUnit& u : who.units) {
        if (u.role == Role::kLead) AddUnit(plan, u.unit, on, &occ->owner_units);
      }
    }
  } else if (c.owner_role == "unit") {
    AddUnit(plan, *rc.unit, on, &occ->owner_units);
  } else if (c.owner_role == "unit_set_members") {
    occ->owner_units.push_back(*occ->member);
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown owner role '", c.owner_role, "'"));
  }
  for (UnitIndex u : rc.recipient_units) {
    AddUnit(plan, u, on, &occ->recipient_units);
  }
  for (PostIndex p : rc.recipient_posts) {
    AddPost(plan, p, on, &occ->recipient_posts);
  }
  std::sort(occ->owner_units.begin(), occ->owner_units.end());
  std::sort(occ->recipient_units.begin(), occ->recipient_units.end());
  return absl::OkStatus();
}

// Appends the occurrences of one period (one per group or member).
absl::Status EmitPeriod(const Plan& plan, const ResolvedCadence& rc,
                        const Period& period, CalendarResult<Date> due,
                        const OccurrenceFilter& filter,
                        std::vector<Occurrence>* out) {
  const CadenceData& c = *rc.data;
  // One instance per owning group (with its slot in rc.groups) or member.
  struct Instance {
    std::optional<GroupIndex> group;
    std::optional<UnitIndex> member;
    int group_slot = -1;
  };
  std::vector<Instance> instances;
  if (c.owner_role == "group_lead" || c.owner_role == "group_office") {
    for (size_t k = 0; k < rc.groups.size(); ++k) {
      instances.push_back({rc.groups[k], std::nullopt, static_cast<int>(k)});
    }
  } else if (c.owner_role == "unit_set_members") {
    std::vector<UnitIndex> members;
    for (const std::string& m : plan.unit_set(*rc.unit_set).members) {
      auto u = plan.FindUnit(m);
      if (!u.ok()) return WithContext(u.status(), "unit set member");
      AddUnit(plan, *u, due.value, &members);
    }
    std::sort(members.begin(), members.end());
    for (UnitIndex m : members) instances.push_back({std::nullopt, m, -1});
  } else {
    instances.push_back({});
  }
  std::optional<UnitIndex> wanted;
  if (filter.unit) {
    absl::StatusOr<UnitIndex> now = plan.ResolveUnit(*filter.unit, due.value);
    if (!now.ok()) return absl::OkStatus();  // abolished: owns nothing
    wanted = *now;
  }
  const std::string label = period.Label();
  for (const Instance& instance : instances) {
    // Owners and recipients ({}) are filled by ResolveOwners.
    Occurrence occ{rc.index,  instance.group, instance.member, period, label,
                   due.value, c.kind,         {},              {},     {},
                   {},        due.provisional};
    DG_RETURN_IF_ERROR(ResolveOwners(plan, rc, instance.group_slot, &occ));
    if (wanted && std::find(occ.owner_units.begin(), occ.owner_units.end(),
                            *wanted) == occ.owner_units.end()) {
      continue;
    }
    out->push_back(std::move(occ));
  }
  return absl::OkStatus();
}

absl::Status Occurrences(const Plan& plan, const Calendar& calendar,
                         const ResolvedCadence& rc, Date from, Date to,
                         const OccurrenceFilter& filter,
                         std::vector<Occurrence>* out) {
  absl::Status walked = internal::ForEachDuePeriod(
      *rc.data, calendar, from, to,
      [&](const Period& period, CalendarResult<Date> due) {
        return EmitPeriod(plan, rc, period, due, filter, out);
      });
  if (!walked.ok()) return WithContext(walked, CadenceContext(*rc.data));
  return absl::OkStatus();
}

}  // namespace

// Due dates are non-decreasing from one period to the next under every rule,
// so the periods due in [from, to] are contiguous: start at the period
// containing `from`, step back while the previous one is still due on or
// after `from`, then walk forward until a due date passes `to`.
absl::Status internal::ForEachDuePeriod(
    const CadenceData& cadence, const Calendar& calendar, Date from, Date to,
    const std::function<absl::Status(const Period&, CalendarResult<Date>)>&
        visit) {
  DG_ASSIGN_OR_RETURN(Period period, Period::Of(from, cadence.period));
  for (int steps = 0; steps < 400; ++steps) {
    absl::StatusOr<Period> previous = period.Previous();
    if (!previous.ok()) break;
    // An error here (a year without a notice before `from`) cannot hide a
    // due date in range: the forward walk reports any error that matters.
    absl::StatusOr<CalendarResult<Date>> due =
        CadenceDueDate(cadence, *previous, calendar);
    if (!due.ok() || due->value < from) break;
    period = *previous;
  }
  while (true) {
    absl::StatusOr<CalendarResult<Date>> due =
        CadenceDueDate(cadence, period, calendar);
    if (!due.ok()) return WithContext(due.status(), period.Label());
    if (due->value > to) break;
    if (due->value >= from) DG_RETURN_IF_ERROR(visit(period, *due));
    absl::StatusOr<Period> next = period.Next();
    if (!next.ok()) break;  // the end of representable dates
    period = *next;
  }
  return absl::OkStatus();
}

absl::StatusOr<CalendarResult<Date>> CadenceDueDate(const CadenceData& cadence,
                                                    const Period& period,
                                                    const Calendar& calendar) {
  if (period.kind() != cadence.period) {
    return absl::InvalidArgumentError(
        absl::StrCat("cadence '", cadence.id, "' is per ",
                     AsAbsl(PeriodKindName(cadence.period)), ", not per ",
                     AsAbsl(PeriodKindName(period.kind()))));
  }
  const std::string& rule = cadence.due_rule;
  const bool needs_n =
      rule == "nth_working_day_after_end" || rule == "nth_working_day";
  if (needs_n && cadence.due_n < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("cadence '", cadence.id, "': rule '", rule,
                     "' needs n >= 1, got ", cadence.due_n));
  }
  if (rule == "nth_working_day_after_end") {
    return calendar.AddWorkingDays(period.end(), cadence.due_n);
  }
  if (rule == "nth_working_day") {
    // Counting from the day before the start keeps going past the end when
    // the period has fewer than n working days.
    return calendar.AddWorkingDays(period.start() - 1, cadence.due_n);
  }
  if (rule == "last_working_day") {
    return calendar.AddWorkingDays(period.end() + 1, -1);
  }
  if (rule == "fixed_day") {
    if (cadence.due_day < 1) {
      return absl::InvalidArgumentError(absl::StrCat(
          "cadence '", cadence.id, "': rule 'fixed_day' needs day >= 1, got ",
          cadence.due_day));
    }
    RollConvention roll = RollConvention::kFollowing;
    if (!cadence.due_roll.empty()) {
      absl::StatusOr<RollConvention> parsed =
          ParseRollConvention(cadence.due_roll);
      if (!parsed.ok()) {
        return WithContext(parsed.status(),
                           absl::StrCat("cadence '", cadence.id, "' roll"));
      }
      roll = *parsed;
    }
    const int32_t offset =
        std::min<int32_t>(cadence.due_day, period.length_days()) - 1;
    return calendar.Roll(period.start() + offset, roll);
  }
  return absl::InvalidArgumentError(
      absl::StrCat("cadence '", cadence.id, "': unknown due rule '", rule,
                   "' (expected nth_working_day_after_end, last_working_day, "
                   "nth_working_day or fixed_day)"));
}

absl::StatusOr<std::vector<Occurrence>> CadenceOccurrences(
    const Plan& plan, const Calendar& calendar, Date from, Date to,
    const OccurrenceFilter& filter) {
  if (from > to) {
    return absl::InvalidArgumentError(
        absl::StrCat("from ", from.ToString(), " is after to ", to.ToString()));
  }
  const std::vector<CadenceData>& cadences = plan.data().cadences;
  std::vector<uint32_t> selected;
  if (filter.cadences.empty()) {
    for (uint32_t i = 0; i < cadences.size(); ++i) selected.push_back(i);
  } else {
    for (const std::string& id : filter.cadences) {
      auto it = std::find_if(cadences.begin(), cadences.end(),
                             [&](const CadenceData& c) { return c.id == id; });
      if (it == cadences.end()) {
        std::string known;
        for (const CadenceData& c : cadences) {
          absl::StrAppend(&known, known.empty() ? "" : ", ", c.id);
        }
        return absl::NotFoundError(absl::StrCat(
            "unknown cadence '", id,
            "' (the plan has: ", known.empty() ? "none" : known, ")"));
      }
      const uint32_t index = static_cast<uint32_t>(it - cadences.begin());
      if (std::find(selected.begin(), selected.end(), index) ==
          selected.end()) {
        selected.push_back(index);
      }
    }
  }
  std::vector<Occurrence> out;
  for (uint32_t index : selected) {
    ResolvedCadence rc;
    rc.index = index;
    rc.data = &cadences[index];
    DG_RETURN_IF_ERROR(Lookup(plan, *rc.data, &rc));
    DG_RETURN_IF_ERROR(Occurrences(plan, calendar, rc, from, to, filter, &out));
  }
  // Sort small keys, then move each occurrence once into its place:
  // sorting the occurrences themselves moved every vector inside them
  // log(n) times.
  struct Key {
    Date due;
    uint32_t cadence;
    int64_t group, member;
    uint32_t position;  // keeps equal keys in generation order
    bool operator<(const Key& o) const {
      return std::tie(due, cadence, group, member, position) <
             std::tie(o.due, o.cadence, o.group, o.member, o.position);
    }
  };
  std::vector<Key> keys(out.size());
  for (uint32_t i = 0; i < out.size(); ++i) {
    const Occurrence& o = out[i];
    keys[i] = Key{o.due, o.cadence, o.group ? int64_t{o.group->value} : -1,
                  o.member ? int64_t{o.member->value} : -1, i};
  }
  std::sort(keys.begin(), keys.end());
  std::vector<Occurrence> sorted;
  sorted.reserve(out.size());
  for (const Key& k : keys) sorted.push_back(std::move(out[k.position]));
  return sorted;
}

}  // namespace dutygraph
