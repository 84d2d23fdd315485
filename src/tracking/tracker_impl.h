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
    std::vector<UnitIndex> supports;   // as of `start` (resolved later)
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
    std::vector<TaskIndex> roots;  // applies_to of every version, resolved
    std::vector<std::vector<TaskIndex>> version_roots;  // per entry of versions
    const std::vector<TaskIndex>& RootsOf(const EscalationPolicy* p) const {
      for (size_t i = 0; i < versions.size(); ++i) {
        if (versions[i] == p) return version_roots[i];
      }
      return roots;
    }
  };
  std::vector<Family> families;
  // Per unit: its head post and supervising leader's post, looked up once.
  std::vector<std::optional<PostIndex>> head_post, supervising_post;
};

namespace internal {

// YYYY-MM-DD without a trip through the calendar library: evaluations format
// many dates (civil-from-days, H. Hinnant's algorithm).
inline std::string IsoDate(Date d) {
  int64_t z = d.days_since_epoch() + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2));
  char buf[11] = {static_cast<char>('0' + year / 1000 % 10), static_cast<char>('0' + year / 100 % 10),
                  static_cast<char>('0' + year / 10 % 10),   static_cast<char>('0' + year % 10),
                  '-', static_cast<char>('0' + month / 10), static_cast<char>('0' + month % 10),
                  '-', static_cast<char>('0' + day / 10),   static_cast<char>('0' + day % 10), 0};
  return std::string(buf, 10);
}

// Consecutive missed occurrences of `s`, counting back from the latest
// occurrence due before `as_of`.
int32_t ConsecutiveMissed(const Tracker::Impl& t, const EventLog::Impl& log,
                          const Tracker::Impl::Series& s, Date as_of);
// Was occurrence `o` of `s` reported on or before its due date?
bool Reported(const Tracker::Impl& t, const EventLog::Impl& log,
              const Tracker::Impl::Series& s, const Tracker::Impl::Occ& o);

// Defined in status.cc, used by escalation.cc and reports.cc too:
// FAILED_PRECONDITION unless `log` belongs to the tracker's plan and `as_of`
// is within the tracking horizon; the status of one task as of a date.
absl::Status CheckLog(const Tracker::Impl& t, const EventLog& log, Date as_of);
absl::Status ComputeStatus(const Tracker::Impl& t, const EventLog::Impl& log,
                           uint32_t task, Date as_of, TaskStatus* out);

}  // namespace internal
}  // namespace dutygraph

#endif  // DUTYGRAPH_SRC_TRACKING_TRACKER_IMPL_H_
