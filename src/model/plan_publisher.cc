// model/plan_publisher.cc — see dutygraph/plan_publisher.h.

#include "dutygraph/plan_publisher.h"

#include <memory>
#include <utility>

namespace dutygraph {

PlanPublisher::PlanPublisher(Plan initial)
    : current_(std::make_shared<const PublishedPlan>(
          PublishedPlan{std::move(initial), 1})) {}

PublishedPlan PlanPublisher::Current() const {
  return *current_.load(std::memory_order_acquire);
}

uint64_t PlanPublisher::Publish(Plan next) {
  // Numbers are taken and stored under one exchange loop so that versions
  // become current in increasing order even when several threads publish.
  std::shared_ptr<const PublishedPlan> seen =
      current_.load(std::memory_order_acquire);
  auto candidate = std::make_shared<const PublishedPlan>(
      PublishedPlan{std::move(next), seen->version + 1});
  while (!current_.compare_exchange_weak(seen, candidate,
                                         std::memory_order_acq_rel,
                                         std::memory_order_acquire)) {
    // Another publisher won: renumber after its version and retry.
    candidate = std::make_shared<const PublishedPlan>(
        PublishedPlan{candidate->plan, seen->version + 1});
  }
  return candidate->version;
}

}  // namespace dutygraph
