// model/plan_publisher.cc — see dutygraph/plan_publisher.h.

#include "dutygraph/plan_publisher.h"

#include <memory>
#include <mutex>
#include <utility>

namespace dutygraph {

PlanPublisher::PlanPublisher(Plan initial)
    : current_(std::make_shared<const PublishedPlan>(
          PublishedPlan{std::move(initial), 1})) {}

PublishedPlan PlanPublisher::Current() const {
  std::shared_ptr<const PublishedPlan> current;
  {
    std::lock_guard<std::mutex> lock(mu_);
    current = current_;
  }
  return *current;  // copied outside the lock: two shared pointers
}

uint64_t PlanPublisher::Publish(Plan next) {
  // The number is taken and the version made current under one lock, so
  // versions become current in increasing order even when several threads
  // publish. The snapshot is built before, and the old one released after.
  auto candidate =
      std::make_shared<PublishedPlan>(PublishedPlan{std::move(next), 0});
  std::shared_ptr<const PublishedPlan> previous;
  {
    std::lock_guard<std::mutex> lock(mu_);
    candidate->version = current_->version + 1;
    previous = std::exchange(current_, candidate);
  }
  return candidate->version;
}

}  // namespace dutygraph
