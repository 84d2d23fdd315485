// tests/concurrency/plan_publisher_test.cc — readers query shared snapshots
// while a writer publishes new plan versions (issue 7, "Sanitizers and
// concurrency"). Short enough for the normal suite; run it under
// -DDG_SANITIZE=thread for the TSan check (docs/development.md).
//
// Each version k is the fixture with its plan title and every task title
// stamped "#k", so a reader can tell from the data alone whether the snapshot
// it holds is one whole version: every title must carry the number the
// publisher gave it, and a reader's versions never go backwards.

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "dutygraph/plan.h"
#include "dutygraph/plan_json.h"
#include "dutygraph/plan_publisher.h"
#include "dutygraph/plan_view.h"
#include "gtest/gtest.h"

namespace dutygraph {
namespace {

PlanData FixtureData() {
  std::ifstream in(std::string(DG_SOURCE_DIR) + "/tests/data/small_plan.json",
                   std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  absl::StatusOr<PlanData> data = ParsePlanJson(buffer.str());
  EXPECT_TRUE(data.ok()) << data.status();
  return data.ok() ? *data : PlanData{};
}

Plan Version(const PlanData& base, uint64_t k) {
  PlanData data = base;
  const std::string stamp = "#" + std::to_string(k);
  data.plan.title += stamp;
  for (TaskData& task : data.tasks) task.title += stamp;
  absl::StatusOr<Plan> plan = Plan::Build(std::move(data));
  EXPECT_TRUE(plan.ok()) << plan.status();
  return *std::move(plan);
}

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

TEST(PlanPublisherTest, ReadersSeeOneWholeVersionEach) {
  const PlanData base = FixtureData();
  constexpr int kReaders = 4;
  constexpr uint64_t kVersions = 40;
  // Built before the race so that the writer only publishes.
  std::vector<Plan> versions;
  for (uint64_t k = 1; k <= kVersions; ++k) versions.push_back(Version(base, k));

  PlanPublisher publisher(versions[0]);
  std::atomic<bool> done{false};
  std::atomic<long> reads{0};
  std::atomic<int> stopped{0};  // readers that returned (a failure stops one)
  std::vector<std::string> failures(kReaders);
  const Date day = *Date::Parse("2023-06-01");

  auto read = [&](int id) {
    uint64_t last = 0;
    Accountability who;
    std::vector<UnitTask> tasks;
    while (!done.load(std::memory_order_acquire)) {
      const PublishedPlan now = publisher.Current();
      const std::string stamp = "#" + std::to_string(now.version);
      if (now.version < last) {
        failures[id] = "version went back from " + std::to_string(last) +
                       " to " + std::to_string(now.version);
        return;
      }
      last = now.version;
      if (!EndsWith(now.plan.data().plan.title, stamp)) {
        failures[id] = "plan title '" + now.plan.data().plan.title +
                       "' in version " + std::to_string(now.version);
        return;
      }
      // Query through the snapshot, then check the answer's records belong
      // to the same version.
      absl::StatusOr<TaskIndex> task = now.plan.FindTask("t_warning");
      if (!task.ok() || !now.plan.AccountabilityOf(*task, day, &who).ok() ||
          who.units.empty()) {
        failures[id] = "accountability failed in version " + stamp;
        return;
      }
      absl::StatusOr<UnitIndex> czj = now.plan.FindUnit("czj");
      if (!czj.ok() || !now.plan.TasksOfUnit(*czj, day, {}, &tasks).ok()) {
        failures[id] = "tasks of unit failed in version " + stamp;
        return;
      }
      for (const UnitTask& t : tasks) {
        if (!EndsWith(now.plan.task(t.task).title, stamp)) {
          failures[id] = "task title '" + now.plan.task(t.task).title +
                         "' in version " + stamp;
          return;
        }
      }
      // A view made from the snapshot stays on that version too.
      absl::StatusOr<PlanView> view = PlanView::ForUnit(now.plan, *czj, day);
      if (!view.ok() || view->tasks().empty() ||
          !EndsWith(now.plan.task(view->tasks().front().task).title, stamp)) {
        failures[id] = "view failed in version " + stamp;
        return;
      }
      reads.fetch_add(1, std::memory_order_relaxed);
    }
  };
  auto reader = [&](int id) {
    read(id);
    stopped.fetch_add(1);
  };

  std::vector<std::thread> threads;
  for (int i = 0; i < kReaders; ++i) threads.emplace_back(reader, i);
  for (uint64_t k = 2; k <= kVersions; ++k) {
    EXPECT_EQ(publisher.Publish(versions[k - 1]), k);
    // Let the readers read this version (and race the next publication)
    // rather than publish everything before they start.
    const long seen = reads.load();
    while (reads.load() < seen + kReaders && stopped.load() < kReaders) {
      std::this_thread::yield();
    }
  }
  // Let readers see the last version a few times before stopping.
  const long target = reads.load() + 200;
  while (reads.load() < target && stopped.load() < kReaders) {
    std::this_thread::yield();
  }
  done.store(true, std::memory_order_release);
  for (std::thread& t : threads) t.join();

  for (int i = 0; i < kReaders; ++i) EXPECT_EQ(failures[i], "") << "reader " << i;
  EXPECT_EQ(publisher.Current().version, kVersions);
  EXPECT_TRUE(EndsWith(publisher.Current().plan.data().plan.title,
                       "#" + std::to_string(kVersions)));
}

TEST(PlanPublisherTest, ConcurrentPublishersNumberVersionsInOrder) {
  const PlanData base = FixtureData();
  const Plan plan = Version(base, 1);
  PlanPublisher publisher(plan);
  constexpr int kWriters = 3, kEach = 50;
  std::vector<std::vector<uint64_t>> got(kWriters);
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < kEach; ++i) got[w].push_back(publisher.Publish(plan));
    });
  }
  for (std::thread& t : threads) t.join();
  std::vector<uint64_t> all;
  for (const auto& g : got) {
    EXPECT_TRUE(std::is_sorted(g.begin(), g.end()));
    all.insert(all.end(), g.begin(), g.end());
  }
  std::sort(all.begin(), all.end());
  // Every number 2..151 handed out exactly once.
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i], i + 2);
  EXPECT_EQ(publisher.Current().version, 1u + kWriters * kEach);
}

}  // namespace
}  // namespace dutygraph
