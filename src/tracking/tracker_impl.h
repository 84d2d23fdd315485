// tracking/tracker_impl.h — what a Tracker precomputes from the plan,
// calendar and policy (nothing here depends on events). Not part of the API.
#ifndef DUTYGRAPH_SRC_TRACKING_TRACKER_IMPL_H_
#define DUTYGRAPH_SRC_TRACKING_TRACKER_IMPL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "dutygraph/tracking.h"
#include "tracking/event_log_impl.h"

namespace dutygraph {

struct Tracker::Impl {
  Impl(Plan p, Calendar c, TrackingPolicy pol)
      : plan(std::move(p)), calendar(std::move(c)), policy(std::move(pol)) {}
  Plan plan;
  Calendar calendar;
  TrackingPolicy policy;
  Date start;    // the plan's issue date, else January 1 of the plan year
  Date horizon;  // the last date evaluations may ask about
  std::optional<Date> year_end;  // plan year's 12-31 (default due)

  // One occurrence of a reporting series, reduced to what "missed" needs.
  struct Occ {
    Date period;  // first day
    Date due;
    std::vector<UnitIndex> owners;
  };
  // The occurrences of one (cadence, group, member), by due date.
  struct Series {
    uint32_t cadence = internal::kNone;
    uint32_t group = internal::kNone;
    uint32_t member = internal::kNone;
    std::vector<Occ> occs;
  };
  std::vector<Series> series;

  struct TaskInfo {
    bool is_task = false;
    uint32_t parent = internal::kNone;
    std::optional<Date> deadline_due;  // latest non-recurring deadline
    bool has_relative = false;         // depends on the 交办 date
    std::vector<uint32_t> series;      // reporting series of the task
    std::vector<uint32_t> families;    // escalation families in scope
    std::vector<UnitIndex> leads;      // as of `start` (resolved later)
    std::vector<int32_t> target_profile;  // per target: pace profile or -1
  };
  std::vector<TaskInfo> tasks;

  // The versions of one escalation policy id, ascending.
  struct Family {
    std::string id;
    std::vector<const EscalationPolicy*> versions;
    const EscalationPolicy* Latest() const { return versions.back(); }
    const EscalationPolicy* Version(int v) const {
      for (const EscalationPolicy* p : versions) {
        if (p->version == v) return p;
      }
      return nullptr;
    }
    std::vector<TaskIndex> roots;  // applies_to, resolved
  };
  std::vector<Family> families;
};

namespace internal {

// Consecutive missed occurrences of `s`, counting back from the latest
// occurrence due before `as_of`.
int32_t ConsecutiveMissed(const Tracker::Impl& t, const EventLog::Impl& log,
                          const Tracker::Impl::Series& s, Date as_of);
// Was occurrence `o` of `s` reported on or before its due date?
bool Reported(const Tracker::Impl& t, const EventLog::Impl& log,
              const Tracker::Impl::Series& s, const Tracker::Impl::Occ& o);

}  // namespace internal
}  // namespace dutygraph

#endif  // DUTYGRAPH_SRC_TRACKING_TRACKER_IMPL_H_
