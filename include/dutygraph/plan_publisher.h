// dutygraph/plan_publisher.h — the current version of a plan, swapped
// atomically while readers keep querying.
//
// An OA service answers from one plan while editors publish new versions of
// it. A `PlanPublisher` holds the current version; `Current()` hands a
// reader the whole of one version (an immutable Plan snapshot and its
// version number) to query for as long as it likes, and `Publish()` makes a
// new version current for the readers that come after. Readers lock only to
// copy a pointer, never while they query, and never see a mixture of
// versions: each one holds a snapshot, and the snapshot it holds is never
// changed.
//
//   dutygraph::PlanPublisher publisher(*std::move(plan));
//   // reader threads:
//   dutygraph::PublishedPlan now = publisher.Current();
//   now.plan.AccountabilityOf(task, day, &who);   // one version throughout
//   // the editor's thread:
//   uint64_t version = publisher.Publish(*std::move(next_plan));
//
// Thread safety: every member function may be called from any thread at
// once.
#ifndef DUTYGRAPH_PLAN_PUBLISHER_H_
#define DUTYGRAPH_PLAN_PUBLISHER_H_

#include <cstdint>
#include <memory>
#include <mutex>

#include "dutygraph/plan.h"

namespace dutygraph {

// One published version: the snapshot and its number (1 for the plan the
// publisher was made with, then 2, 3, ... in publication order).
struct PublishedPlan {
  Plan plan;
  uint64_t version = 0;
};

class PlanPublisher {
 public:
  explicit PlanPublisher(Plan initial);
  PlanPublisher(const PlanPublisher&) = delete;
  PlanPublisher& operator=(const PlanPublisher&) = delete;

  // Current(): the version current at the call; cheap (copies two shared
  // pointers).
  PublishedPlan Current() const;

  // Publish(): makes `next` the current version and returns its number.
  // Readers holding an older version keep it until they let go.
  uint64_t Publish(Plan next);

 private:
  // A mutex, not std::atomic<std::shared_ptr>: libstdc++ 12's atomic
  // shared_ptr releases its internal lock with a relaxed order after a load,
  // which leaves a reader's read and a later publisher's write formally
  // unordered (ThreadSanitizer reports it). The lock guards a pointer copy.
  mutable std::mutex mu_;
  std::shared_ptr<const PublishedPlan> current_;  // guarded by mu_
};

}  // namespace dutygraph

#endif  // DUTYGRAPH_PLAN_PUBLISHER_H_
