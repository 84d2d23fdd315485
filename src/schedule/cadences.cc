// Cadence occurrences: periods, due rules and owners resolved as of the due
// date (include/dutygraph/schedule.h, docs/schedules.md).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
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

// Groups' owner posts and units as indices, looked up once per call however
// many cadences name the group (the lookups hash string ids).
using GroupOwnersMemo =
    std::vector<std::optional<ResolvedCadence::GroupOwners>>;

absl::Status Lookup(const Plan& plan, const CadenceData& c,
                    GroupOwnersMemo* memo, ResolvedCadence* out) {
  const std::string at = absl::StrCat("cadence '", c.id, "'");
  for (const std::string& g : c.owner_groups) {
    auto found = plan.FindGroup(g);
    if (!found.ok()) return WithContext(found.status(), at + " owner group");
    out->groups.push_back(*found);
    std::optional<ResolvedCadence::GroupOwners>& known = (*memo)[found->value];
    if (known) {
      out->group_owners.push_back(*known);
      continue;
    }
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
      DG_ASSIGN_OR_RETURN(
          owners.office_director,
          FindPostId(plan, group.office_director, "group office director"));
    }
    known = owners;
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

// Appends the owners of a single-instance cadence (task_leads, unit) as of
// `on`. Group owners are resolved by OccurrenceTableBuilder::GroupOwners.
absl::Status SingleOwners(const Plan& plan, const ResolvedCadence& rc, Date on,
                          std::vector<UnitIndex>* units) {
  const CadenceData& c = *rc.data;
  if (c.owner_role == "task_leads") {
    Accountability who;
    for (TaskIndex t : rc.tasks) {
      DG_RETURN_IF_ERROR(plan.AccountabilityOf(t, on, &who));
      for (const AccountableUnit& u : who.units) {
        if (u.role == Role::kLead) AddUnit(plan, u.unit, on, units);
      }
    }
    return absl::OkStatus();
  }
  if (c.owner_role == "unit") {
    if (!rc.unit) {
      return absl::InvalidArgumentError(
          "owner role 'unit' needs an owner unit");
    }
    AddUnit(plan, *rc.unit, on, units);
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown owner role '", c.owner_role, "'"));
}

// Who a cadence's rows are about.
enum class Instances { kGroups, kMembers, kSingle };

Instances InstancesOf(const CadenceData& c) {
  if (c.owner_role == "group_lead" || c.owner_role == "group_office") {
    return Instances::kGroups;
  }
  if (c.owner_role == "unit_set_members") return Instances::kMembers;
  return Instances::kSingle;
}

// The days on which something owners depend on may change: every tenure
// boundary of a post, every unit change. Both the boundary day and the day
// after are listed, so the stretches between consecutive change days are
// constant whichever way a boundary is counted (inclusive or exclusive).
class ChangeDays {
 public:
  // `posts`: the posts whose tenures matter (others are not indexed).
  ChangeDays(const Plan& plan, const std::vector<PostIndex>& posts) {
    const PlanData& d = plan.data();
    for (const UnitChangeData& change : d.unit_changes) {
      Add(change.date, &unit_days_);
    }
    std::sort(unit_days_.begin(), unit_days_.end());
    std::unordered_map<std::string_view, uint32_t> slot_of;
    for (PostIndex p : posts) {
      if (slot_of.emplace(d.posts[p.value].id, post_days_.size()).second) {
        post_slot_.emplace_back(p, static_cast<uint32_t>(post_days_.size()));
        post_days_.emplace_back();
      }
    }
    if (slot_of.empty()) return;
    for (const TenureData& t : d.tenures) {
      auto it = slot_of.find(t.post);
      if (it == slot_of.end()) continue;
      Add(t.from, &post_days_[it->second]);
      if (t.to) Add(*t.to, &post_days_[it->second]);  // `to` is inclusive
    }
    for (std::vector<Date>& days : post_days_) {
      std::sort(days.begin(), days.end());
    }
    std::sort(post_slot_.begin(), post_slot_.end(),
              [](const auto& a, const auto& b) {
                return a.first.value < b.first.value;
              });
  }

  // The first change day after `on` that concerns `posts` or any unit;
  // nullopt if none.
  std::optional<Date> NextAfter(Date on,
                                std::span<const PostIndex> posts) const {
    std::optional<Date> next = FirstAfter(unit_days_, on);
    for (PostIndex p : posts) {
      auto it = std::lower_bound(
          post_slot_.begin(), post_slot_.end(), p.value,
          [](const auto& entry, uint32_t v) { return entry.first.value < v; });
      if (it == post_slot_.end() || it->first.value != p.value) continue;
      std::optional<Date> day = FirstAfter(post_days_[it->second], on);
      if (day && (!next || *day < *next)) next = day;
    }
    return next;
  }

 private:
  static void Add(Date day, std::vector<Date>* days) {
    days->push_back(day);
    days->push_back(day + 1);
  }
  static std::optional<Date> FirstAfter(const std::vector<Date>& days,
                                        Date on) {
    auto it = std::upper_bound(days.begin(), days.end(), on);
    if (it == days.end()) return std::nullopt;
    return *it;
  }

  std::vector<Date> unit_days_;
  std::vector<std::pair<PostIndex, uint32_t>> post_slot_;  // by post
  std::vector<std::vector<Date>> post_days_;               // sorted
};

}  // namespace

// Fills an OccurrenceTable in two passes. Pass 1 (per cadence, in the
// filter's order, so errors come out as before): each period due in range
// becomes a block with its due date, label and recipients, and everything
// that can fail (unit set members, task leads) is resolved there. Pass 2
// orders the blocks by (due, cadence) and writes the rows in final order, so
// nothing is sorted row by row.
class OccurrenceTableBuilder {
 public:
  OccurrenceTableBuilder(const Plan& plan, const OccurrenceFilter& filter)
      : plan_(plan), filter_(filter) {}

  // Pass 1 for one cadence.
  absl::Status AddCadence(const Calendar& calendar, ResolvedCadence rc,
                          Date from, Date to) {
    const uint32_t slot = static_cast<uint32_t>(cadences_.size());
    cadences_.push_back(std::move(rc));
    CadenceState& state = states_.emplace_back();
    const ResolvedCadence& c = cadences_.back();
    state.instances = InstancesOf(*c.data);
    absl::Status walked = internal::ForEachDuePeriod(
        *c.data, calendar, from, to,
        [&](const Period& period, CalendarResult<Date> due) {
          return AddBlock(slot, period, due);
        });
    if (!walked.ok()) return WithContext(walked, CadenceContext(*c.data));
    return absl::OkStatus();
  }

  // Pass 2.
  OccurrenceTable Finish() {
    PrepareGroups();
    std::vector<uint32_t> order(pending_.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    // Within a cadence blocks are already in due order; stable keeps the
    // period order among equal due dates.
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      const PendingBlock& x = pending_[a];
      const PendingBlock& y = pending_[b];
      if (x.due != y.due) return x.due < y.due;
      return cadences_[x.slot].index < cadences_[y.slot].index;
    });
    // Blocks in final order, then rows run by run: a run is the blocks of
    // one cadence due on one day (two periods can share a due date), whose
    // rows interleave by group or member, then period.
    std::vector<uint32_t> block_of(pending_.size());
    for (uint32_t i = 0; i < order.size(); ++i) {
      block_of[order[i]] = i;
      table_.blocks_.push_back(std::move(pending_[order[i]].block));
    }
    size_t rows = 0;
    for (const PendingBlock& p : pending_) rows += p.row_estimate;
    table_.rows_.reserve(rows);
    for (size_t i = 0; i < order.size();) {
      size_t j = i + 1;
      while (j < order.size() &&
             pending_[order[j]].slot == pending_[order[i]].slot &&
             pending_[order[j]].due == pending_[order[i]].due) {
        ++j;
      }
      EmitRun(std::span<const uint32_t>(order).subspan(i, j - i), block_of);
      i = j;
    }
    return std::move(table_);
  }

 private:
  // Per cadence: how its rows are made, and the owners of each group slot
  // for the stretch of days they hold.
  struct GroupOwnersCache {
    uint32_t parties = 0;
    Date valid_from, valid_until;  // [from, until); until unset: no end
    bool resolved = false, open_ended = false;
  };
  struct CadenceState {
    Instances instances = Instances::kSingle;
    std::vector<uint32_t> group_order;  // slots of groups, by group index
    std::vector<PostIndex> posts;       // per slot: via posts_begin/_end
    std::vector<std::pair<uint32_t, uint32_t>> slot_posts;
    std::vector<GroupOwnersCache> cache;
    std::unordered_map<uint32_t, uint32_t> member_parties;
  };
  struct PendingBlock {
    PendingBlock(uint32_t s, OccurrenceTable::Block b)
        : slot(s), due(b.due), block(std::move(b)) {}
    uint32_t slot = 0;  // index into cadences_
    Date due;
    OccurrenceTable::Block block;
    bool skip = false;  // the filter's unit was abolished by `due`
    std::optional<UnitIndex> wanted;  // the filter's unit as of `due`
    uint32_t owners = 0;              // kSingle: the parties
    std::vector<UnitIndex> members;   // kMembers: sorted
    size_t row_estimate = 0;
  };

  const Plan& plan_;
  const OccurrenceFilter& filter_;
  std::vector<ResolvedCadence> cadences_;
  std::vector<CadenceState> states_;
  std::vector<PendingBlock> pending_;
  std::optional<ChangeDays> change_days_;
  OccurrenceTable table_;
  std::vector<UnitIndex> scratch_units_;
  std::vector<PostHolder> scratch_posts_;

  uint32_t AddParties(const std::vector<UnitIndex>& units,
                      const std::vector<PostHolder>& posts) {
    OccurrenceTable::Parties p;
    p.units_begin = static_cast<uint32_t>(table_.units_.size());
    table_.units_.insert(table_.units_.end(), units.begin(), units.end());
    p.units_end = static_cast<uint32_t>(table_.units_.size());
    p.posts_begin = static_cast<uint32_t>(table_.posts_.size());
    table_.posts_.insert(table_.posts_.end(), posts.begin(), posts.end());
    p.posts_end = static_cast<uint32_t>(table_.posts_.size());
    table_.parties_.push_back(p);
    return static_cast<uint32_t>(table_.parties_.size() - 1);
  }

  absl::Status AddBlock(uint32_t slot, const Period& period,
                        CalendarResult<Date> due) {
    const ResolvedCadence& rc = cadences_[slot];
    const CadenceData& c = *rc.data;
    CadenceState& state = states_[slot];
    PendingBlock p(slot, OccurrenceTable::Block{
                             period, due.value, rc.index, due.provisional,
                             state.instances == Instances::kGroups,
                             state.instances == Instances::kMembers, c.kind,
                             period.Label(), 0});
    if (state.instances == Instances::kMembers) {
      if (!rc.unit_set) {
        return absl::InvalidArgumentError(
            "owner role 'unit_set_members' needs an owner unit set");
      }
      for (const std::string& m : plan_.unit_set(*rc.unit_set).members) {
        auto u = plan_.FindUnit(m);
        if (!u.ok()) return WithContext(u.status(), "unit set member");
        AddUnit(plan_, *u, due.value, &p.members);
      }
      std::sort(p.members.begin(), p.members.end());
    }
    if (filter_.unit) {
      absl::StatusOr<UnitIndex> now =
          plan_.ResolveUnit(*filter_.unit, due.value);
      if (!now.ok()) {
        p.skip = true;  // abolished: owns nothing
      } else {
        p.wanted = *now;
      }
    }
    if (!p.skip) {
      if (state.instances == Instances::kSingle) {
        scratch_units_.clear();
        DG_RETURN_IF_ERROR(SingleOwners(plan_, rc, due.value, &scratch_units_));
        std::sort(scratch_units_.begin(), scratch_units_.end());
        scratch_posts_.clear();
        p.owners = AddParties(scratch_units_, scratch_posts_);
      }
      // Recipients depend only on the cadence and the day.
      scratch_units_.clear();
      scratch_posts_.clear();
      for (UnitIndex u : rc.recipient_units) {
        AddUnit(plan_, u, due.value, &scratch_units_);
      }
      for (PostIndex post : rc.recipient_posts) {
        AddPost(plan_, post, due.value, &scratch_posts_);
      }
      std::sort(scratch_units_.begin(), scratch_units_.end());
      p.block.recipients = AddParties(scratch_units_, scratch_posts_);
    }
    p.row_estimate = p.skip                                   ? 0
                     : state.instances == Instances::kGroups  ? rc.groups.size()
                     : state.instances == Instances::kMembers ? p.members.size()
                                                              : 1;
    pending_.push_back(std::move(p));
    return absl::OkStatus();
  }

  // Orders each group cadence's slots by group index and indexes the tenure
  // changes of the posts its owners hold.
  void PrepareGroups() {
    std::vector<PostIndex> all_posts;
    for (uint32_t s = 0; s < cadences_.size(); ++s) {
      CadenceState& state = states_[s];
      if (state.instances != Instances::kGroups) continue;
      const ResolvedCadence& rc = cadences_[s];
      const bool lead = rc.data->owner_role == "group_lead";
      state.group_order.resize(rc.groups.size());
      for (uint32_t k = 0; k < rc.groups.size(); ++k) {
        state.group_order[k] = k;
        const auto& g = rc.group_owners[k];
        const uint32_t begin = static_cast<uint32_t>(state.posts.size());
        if (lead) {
          state.posts.insert(state.posts.end(), g.conveners.begin(),
                             g.conveners.end());
        } else if (g.office_director) {
          state.posts.push_back(*g.office_director);
        }
        state.slot_posts.emplace_back(
            begin, static_cast<uint32_t>(state.posts.size()));
      }
      std::stable_sort(state.group_order.begin(), state.group_order.end(),
                       [&](uint32_t a, uint32_t b) {
                         return rc.groups[a].value < rc.groups[b].value;
                       });
      state.cache.resize(rc.groups.size());
      all_posts.insert(all_posts.end(), state.posts.begin(), state.posts.end());
    }
    change_days_.emplace(plan_, all_posts);
  }

  // The owners of group slot `k` of cadence `s` as of `on`: resolved again
  // only when `on` leaves the stretch the last resolution holds for.
  uint32_t GroupOwners(uint32_t s, uint32_t k, Date on) {
    CadenceState& state = states_[s];
    GroupOwnersCache& cache = state.cache[k];
    if (cache.resolved && on >= cache.valid_from &&
        (cache.open_ended || on < cache.valid_until)) {
      return cache.parties;
    }
    const ResolvedCadence& rc = cadences_[s];
    const auto& g = rc.group_owners[k];
    const bool lead = rc.data->owner_role == "group_lead";
    scratch_units_.clear();
    scratch_posts_.clear();
    if (lead) {
      for (PostIndex post : g.conveners) {
        AddPost(plan_, post, on, &scratch_posts_);
      }
    }
    if (g.office_host) AddUnit(plan_, *g.office_host, on, &scratch_units_);
    if (!lead && g.office_director) {
      AddPost(plan_, *g.office_director, on, &scratch_posts_);
    }
    std::sort(scratch_units_.begin(), scratch_units_.end());
    cache.parties = AddParties(scratch_units_, scratch_posts_);
    cache.resolved = true;
    cache.valid_from = on;
    const auto [begin, end] = state.slot_posts[k];
    std::optional<Date> next = change_days_->NextAfter(
        on,
        std::span<const PostIndex>(state.posts).subspan(begin, end - begin));
    cache.open_ended = !next.has_value();
    if (next) cache.valid_until = *next;
    return cache.parties;
  }

  uint32_t MemberOwners(uint32_t s, UnitIndex member) {
    auto [it, added] = states_[s].member_parties.emplace(member.value, 0);
    if (added) {
      scratch_units_.assign(1, member);
      scratch_posts_.clear();
      it->second = AddParties(scratch_units_, scratch_posts_);
    }
    return it->second;
  }

  bool Wanted(const PendingBlock& p, uint32_t owners) const {
    if (!p.wanted) return true;
    const OccurrenceTable::Parties& parties = table_.parties_[owners];
    std::span<const UnitIndex> units = table_.Units(parties);
    return std::find(units.begin(), units.end(), *p.wanted) != units.end();
  }

  void Emit(const PendingBlock& p, uint32_t block, uint32_t who,
            uint32_t owners) {
    if (Wanted(p, owners)) table_.rows_.push_back({block, who, owners});
  }

  void EmitRun(std::span<const uint32_t> run,
               const std::vector<uint32_t>& block_of) {
    const uint32_t s = pending_[run[0]].slot;
    const CadenceState& state = states_[s];
    switch (state.instances) {
      case Instances::kGroups: {
        // By group, then period, then the group's place in owner_groups
        // (a group listed twice gives two rows).
        const ResolvedCadence& rc = cadences_[s];
        const std::vector<uint32_t>& slots = state.group_order;
        for (size_t i = 0; i < slots.size();) {
          const uint32_t group = rc.groups[slots[i]].value;
          size_t j = i + 1;
          while (j < slots.size() && rc.groups[slots[j]].value == group) ++j;
          for (uint32_t b : run) {
            const PendingBlock& p = pending_[b];
            if (p.skip) continue;
            for (size_t k = i; k < j; ++k) {
              Emit(p, block_of[b], group, GroupOwners(s, slots[k], p.due));
            }
          }
          i = j;
        }
        break;
      }
      case Instances::kMembers:
        // Blocks due the same day have the same members.
        for (size_t m = 0; m < pending_[run[0]].members.size(); ++m) {
          for (uint32_t b : run) {
            const PendingBlock& p = pending_[b];
            if (p.skip || m >= p.members.size()) continue;
            Emit(p, block_of[b], p.members[m].value,
                 MemberOwners(s, p.members[m]));
          }
        }
        break;
      case Instances::kSingle:
        for (uint32_t b : run) {
          const PendingBlock& p = pending_[b];
          if (!p.skip) Emit(p, block_of[b], 0, p.owners);
        }
        break;
    }
  }
};

namespace {

// The cadences `filter` selects, by index; NOT_FOUND for an unknown id.
absl::StatusOr<std::vector<uint32_t>> SelectCadences(
    const std::vector<CadenceData>& cadences, const OccurrenceFilter& filter) {
  std::vector<uint32_t> selected;
  if (filter.cadences.empty()) {
    for (uint32_t i = 0; i < cadences.size(); ++i) selected.push_back(i);
    return selected;
  }
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
    if (std::find(selected.begin(), selected.end(), index) == selected.end()) {
      selected.push_back(index);
    }
  }
  return selected;
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

OccurrenceView OccurrenceView::Of(const Occurrence& o) {
  return OccurrenceView{o.cadence,
                        o.group,
                        o.member,
                        o.period,
                        o.period_label,
                        o.due,
                        o.kind,
                        o.owner_units,
                        o.owner_posts,
                        o.recipient_units,
                        o.recipient_posts,
                        o.provisional};
}

Occurrence OccurrenceView::ToOccurrence() const {
  return Occurrence{cadence,
                    group,
                    member,
                    period,
                    std::string(period_label),
                    due,
                    kind,
                    {owner_units.begin(), owner_units.end()},
                    {owner_posts.begin(), owner_posts.end()},
                    {recipient_units.begin(), recipient_units.end()},
                    {recipient_posts.begin(), recipient_posts.end()},
                    provisional};
}

OccurrenceView OccurrenceTable::operator[](size_t row) const {
  const Row& r = rows_[row];
  const Block& b = blocks_[r.block];
  const Parties& owners = parties_[r.owners];
  const Parties& recipients = parties_[b.recipients];
  return OccurrenceView{
      b.cadence,
      b.by_group ? std::optional<GroupIndex>(GroupIndex{r.who}) : std::nullopt,
      b.by_member ? std::optional<UnitIndex>(UnitIndex{r.who}) : std::nullopt,
      b.period,
      b.label,
      b.due,
      b.kind,
      Units(owners),
      Posts(owners),
      Units(recipients),
      Posts(recipients),
      b.provisional};
}

bool OccurrenceTable::any_provisional() const {
  // A block without rows (filtered out) does not count.
  std::vector<bool> used(blocks_.size(), false);
  for (const Row& r : rows_) used[r.block] = true;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (used[i] && blocks_[i].provisional) return true;
  }
  return false;
}

std::vector<Occurrence> OccurrenceTable::ToOccurrences() const {
  std::vector<Occurrence> out;
  out.reserve(size());
  for (OccurrenceView o : *this) out.push_back(o.ToOccurrence());
  return out;
}

absl::StatusOr<OccurrenceTable> CadenceOccurrenceTable(
    const Plan& plan, const Calendar& calendar, Date from, Date to,
    const OccurrenceFilter& filter) {
  if (from > to) {
    return absl::InvalidArgumentError(
        absl::StrCat("from ", from.ToString(), " is after to ", to.ToString()));
  }
  const std::vector<CadenceData>& cadences = plan.data().cadences;
  DG_ASSIGN_OR_RETURN(std::vector<uint32_t> selected,
                      SelectCadences(cadences, filter));
  OccurrenceTableBuilder builder(plan, filter);
  GroupOwnersMemo memo(plan.data().groups.size());
  for (uint32_t index : selected) {
    ResolvedCadence rc;
    rc.index = index;
    rc.data = &cadences[index];
    DG_RETURN_IF_ERROR(Lookup(plan, *rc.data, &memo, &rc));
    DG_RETURN_IF_ERROR(builder.AddCadence(calendar, std::move(rc), from, to));
  }
  return builder.Finish();
}

absl::StatusOr<std::vector<Occurrence>> CadenceOccurrences(
    const Plan& plan, const Calendar& calendar, Date from, Date to,
    const OccurrenceFilter& filter) {
  DG_ASSIGN_OR_RETURN(OccurrenceTable table,
                      CadenceOccurrenceTable(plan, calendar, from, to, filter));
  return table.ToOccurrences();
}

}  // namespace dutygraph
