// tests/concurrency/event_append_test.cc — readers evaluate status and
// escalations on snapshots while a writer appends events (issue 7, "a stress
// test: N threads query and evaluate on shared snapshots while another thread
// publishes new plan versions and appends events"). Short enough for the
// normal suite; run it under -DDG_SANITIZE=thread for the TSan check.
//
// The third test has the writer add plan versions as well as events (the
// whole of issue 7's stress test): each reader reads one moment of the
// store (LoadTrackingSnapshot) and must never get a version together with
// events that only a later version accepts.
//
// Events come in batches of kBatch: batch b holds a progress report of b
// percent on t_warning and kBatch - 1 reminders. A reader can therefore tell
// from what it loaded whether it saw whole batches only, and two readers
// that saw the same number of events must get the same answer, byte for
// byte (evaluation is a pure function of the log).

#include <atomic>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "dutygraph/events.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_json.h"
#include "dutygraph/store.h"
#include "dutygraph/tracking.h"
#include "dutygraph/tracking_store.h"
#include "gtest/gtest.h"

namespace dutygraph {
namespace {

constexpr int kBatch = 4;
constexpr int kBatches = 25;
constexpr int kReaders = 3;

std::string Fixture() {
  std::ifstream in(std::string(DG_SOURCE_DIR) + "/tests/data/small_plan.json",
                   std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Batch b (1-based) as JSON Lines, dated 2023-03-06 + b days.
std::string BatchJsonl(int b) {
  const std::string date = (*Date::Parse("2023-03-06") + b).ToString();
  std::string text = R"({"id":"p)" + std::to_string(b) +
                     R"(","kind":"progress","date":")" + date +
                     R"(","task":"t_warning","percent":)" + std::to_string(b) + "}\n";
  for (int i = 1; i < kBatch; ++i) {
    text += R"({"id":"r)" + std::to_string(b) + "_" + std::to_string(i) +
            R"(","kind":"reminder","date":")" + date + R"(","task":"t_warning"})" + "\n";
  }
  return text;
}

// What a reader computes from one snapshot of the log.
std::string Evaluate(const Tracker& tracker, const EventLog& log, Date on) {
  absl::StatusOr<StatusReport> status = tracker.Status(log, on, {});
  absl::StatusOr<std::vector<DueAction>> due = tracker.Escalations(log, on);
  if (!status.ok()) return "status failed: " + status.status().ToString();
  if (!due.ok()) return "escalations failed: " + due.status().ToString();
  return StatusReportJson(tracker.plan(), *status) + "\n" +
         DueActionsJson(tracker.plan(), on, *due);
}

// Counts finished evaluations so the writer can let readers read each
// version: once 2 * kReaders evaluations finished after an append, some
// reader did two, and its second began after the append — so every log size
// is evaluated while it is current.
struct Pace {
  std::atomic<long> reads{0};
  std::atomic<int> stopped{0};  // readers that returned (a failure stops one)
  void WaitForReaders() {
    const long seen = reads.load();
    while (reads.load() < seen + 2 * kReaders && stopped.load() < kReaders) {
      std::this_thread::yield();
    }
  }
};

// std::mutex, not absl::Mutex, in this test: Debian's Abseil is not built
// with ThreadSanitizer, so TSan cannot see absl::Mutex's ordering and would
// report false races; pthread mutexes it intercepts.

// The answers readers got, by log size: equal sizes must give equal answers.
class Answers {
 public:
  // "" or a description of the disagreement.
  std::string Record(size_t size, const std::string& answer) {
    std::lock_guard<std::mutex> lock(mu_);
    auto [it, inserted] = by_size_.emplace(size, answer);
    if (!inserted && it->second != answer) {
      return "two answers for a log of " + std::to_string(size) + " events";
    }
    return "";
  }
  size_t distinct() {
    std::lock_guard<std::mutex> lock(mu_);
    return by_size_.size();
  }

 private:
  std::mutex mu_;
  std::map<size_t, std::string> by_size_;  // guarded by mu_
};

TEST(EventAppendTest, ReadersOfASharedLogSeeWholeBatches) {
  absl::StatusOr<Plan> plan = LoadPlanJson(Fixture());
  ASSERT_TRUE(plan.ok()) << plan.status();
  const Calendar cal = Calendar::ChinaMainland();
  absl::StatusOr<Tracker> tracker = Tracker::Create(*plan, cal, *PolicyFromPlan(*plan));
  ASSERT_TRUE(tracker.ok()) << tracker.status();
  const Date on = *Date::Parse("2023-04-28");

  // The log is not synchronised (events.h): the writer appends under the
  // lock, readers copy it under the lock and evaluate the copy outside it.
  std::mutex mu;
  EventLog shared(*plan, cal);  // guarded by mu
  Answers answers;
  std::atomic<bool> done{false};
  std::vector<std::string> failures(kReaders);
  Pace pace;

  auto read = [&](int id) {
    size_t last = 0;
    while (!done.load(std::memory_order_acquire)) {
      std::optional<EventLog> snapshot;
      {
        std::lock_guard<std::mutex> lock(mu);
        snapshot.emplace(shared);
      }
      const size_t n = snapshot->size();
      if (n % kBatch != 0 || n < last) {
        failures[id] = "saw " + std::to_string(n) + " events after " + std::to_string(last);
        return;
      }
      last = n;
      if (std::string e = answers.Record(n, Evaluate(*tracker, *snapshot, on)); !e.empty()) {
        failures[id] = e;
        return;
      }
      pace.reads.fetch_add(1);
    }
  };
  auto reader = [&](int id) {
    read(id);
    pace.stopped.fetch_add(1);
  };

  std::vector<std::thread> threads;
  for (int i = 0; i < kReaders; ++i) threads.emplace_back(reader, i);
  for (int b = 1; b <= kBatches; ++b) {
    {
      std::lock_guard<std::mutex> lock(mu);
      absl::StatusOr<size_t> n = shared.AppendJsonl(BatchJsonl(b));
      EXPECT_TRUE(n.ok()) << n.status();
      EXPECT_EQ(n.value_or(0), static_cast<size_t>(kBatch));
    }
    pace.WaitForReaders();
  }
  done.store(true, std::memory_order_release);
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < kReaders; ++i) EXPECT_EQ(failures[i], "") << "reader " << i;
  EXPECT_EQ(shared.size(), static_cast<size_t>(kBatch * kBatches));
  // Every size from kBatch to kBatch * kBatches was evaluated (see Pace).
  EXPECT_GE(answers.distinct(), static_cast<size_t>(kBatches));
}

TEST(EventAppendTest, ReadersOfAStoreSeeWholeBatchesWhileOneAppends) {
  const std::string path = ::testing::TempDir() + "/event_append_test.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  {
    absl::StatusOr<Store> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status();
    ASSERT_TRUE(store->Init(Fixture(), *Date::Parse("2023-03-03")).ok());
  }
  const Calendar cal = Calendar::ChinaMainland();
  const Date on = *Date::Parse("2023-04-28");
  Answers answers;
  std::atomic<bool> done{false};
  std::vector<std::string> failures(kReaders);
  Pace pace;

  // Each reader has its own connection (a Store is one connection) and
  // rebuilds plan, log and tracker from what it reads: one committed batch
  // boundary each time.
  auto read = [&](int id) {
    StoreOptions options;
    options.read_only = true;
    absl::StatusOr<Store> store = Store::Open(path, options);
    if (!store.ok()) {
      failures[id] = store.status().ToString();
      return;
    }
    size_t last = 0;
    while (!done.load(std::memory_order_acquire)) {
      absl::StatusOr<StoredPlan> plan = StoredPlanFor(*store, on);
      if (!plan.ok()) {
        failures[id] = plan.status().ToString();
        return;
      }
      EventLog log(plan->plan, cal);
      absl::StatusOr<size_t> n = LoadStoredEvents(*store, log);
      if (!n.ok() || *n % kBatch != 0 || *n < last) {
        failures[id] = n.ok() ? "saw " + std::to_string(*n) + " events after " +
                                    std::to_string(last)
                              : n.status().ToString();
        return;
      }
      last = *n;
      absl::StatusOr<Tracker> tracker =
          Tracker::Create(plan->plan, cal, *PolicyFromPlan(plan->plan));
      if (!tracker.ok()) {
        failures[id] = tracker.status().ToString();
        return;
      }
      if (std::string e = answers.Record(*n, Evaluate(*tracker, log, on)); !e.empty()) {
        failures[id] = e;
        return;
      }
      pace.reads.fetch_add(1);
    }
  };
  auto reader = [&](int id) {
    read(id);
    pace.stopped.fetch_add(1);
  };

  std::vector<std::thread> threads;
  for (int i = 0; i < kReaders; ++i) threads.emplace_back(reader, i);
  {
    absl::StatusOr<Store> writer = Store::Open(path);
    EXPECT_TRUE(writer.ok()) << writer.status();  // no ASSERT: join first
    for (int b = 1; writer.ok() && b <= kBatches; ++b) {
      absl::StatusOr<AppendResult> r = AppendValidatedEvents(*writer, cal, BatchJsonl(b));
      EXPECT_TRUE(r.ok()) << r.status();
      EXPECT_EQ(r.ok() ? r->appended : 0, static_cast<size_t>(kBatch));
      pace.WaitForReaders();
    }
    if (writer.ok()) {
      EXPECT_EQ(*writer->EventCount(), kBatch * kBatches);
    }
  }
  done.store(true, std::memory_order_release);
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < kReaders; ++i) EXPECT_EQ(failures[i], "") << "reader " << i;
  EXPECT_GE(answers.distinct(), static_cast<size_t>(kBatches));
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

// Version k + 1 of the plan: the fixture plus tasks t_extra_1..t_extra_k
// (inserted at the end of its "tasks" array), led by the finance bureau.
std::string VersionJson(const std::string& fixture, int k) {
  std::string extra;
  for (int i = 1; i <= k; ++i) {
    extra += R"(, {"id": "t_extra_)" + std::to_string(i) +
             R"(", "parent": "s_debt", "path": "4/二/（一）/x)" +
             std::to_string(i) + R"(", "title": "追加任务)" +
             std::to_string(i) +
             R"(", "assignments": [{"role": "lead", "unit": "czj"}]})";
  }
  const size_t tasks = fixture.find("\"tasks\"");
  const size_t end = fixture.find("\n  ]", tasks);  // the array's closing line
  if (tasks == std::string::npos || end == std::string::npos) return "";
  return fixture.substr(0, end) + extra + fixture.substr(end);
}

// Batch k: kBatch events on t_extra_k, which only version k + 1 has.
std::string ExtraBatchJsonl(int k) {
  const std::string date = (*Date::Parse("2023-03-06") + k).ToString();
  std::string text;
  for (int i = 0; i < kBatch; ++i) {
    text += R"({"id":"x)" + std::to_string(k) + "_" + std::to_string(i) +
            R"(","kind":")" + (i == 0 ? "assigned" : "reminder") +
            R"(","date":")" + date + R"(","task":"t_extra_)" +
            std::to_string(k) + "\"}\n";
  }
  return text;
}

TEST(EventAppendTest, ReadersSeeOneMomentWhileAWriterAddsVersionsAndEvents) {
  const std::string path = ::testing::TempDir() + "/event_versions_test.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  const std::string fixture = Fixture();
  ASSERT_FALSE(VersionJson(fixture, 1).empty()) << "the fixture's tasks array moved";
  ASSERT_TRUE(LoadPlanJson(VersionJson(fixture, 2)).ok());
  {
    absl::StatusOr<Store> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status();
    ASSERT_TRUE(store->Init(fixture, *Date::Parse("2023-03-03")).ok());
  }
  const Calendar cal = Calendar::ChinaMainland();
  const Date on = *Date::Parse("2023-04-28");
  std::mutex mu;
  std::map<std::pair<int64_t, size_t>, std::string> answers;  // guarded by mu
  std::atomic<bool> done{false};
  std::vector<std::string> failures(kReaders);
  Pace pace;

  auto read = [&](int id) {
    StoreOptions options;
    options.read_only = true;
    absl::StatusOr<Store> store = Store::Open(path, options);
    if (!store.ok()) {
      failures[id] = store.status().ToString();
      return;
    }
    while (!done.load(std::memory_order_acquire)) {
      // The latest version and every event, as of one moment.
      absl::StatusOr<TrackingSnapshot> snapshot =
          LoadTrackingSnapshot(*store, cal, std::nullopt);
      if (!snapshot.ok()) {
        failures[id] = snapshot.status().ToString();
        return;
      }
      // Version v has had batch v - 2 (just added) or v - 1 appended.
      const int64_t v = snapshot->plan.version.version;
      const size_t n = snapshot->log.size();
      const size_t batches = n / kBatch;
      if (n % kBatch != 0 || (static_cast<int64_t>(batches) != v - 1 &&
                              static_cast<int64_t>(batches) != v - 2)) {
        failures[id] = "version " + std::to_string(v) + " with " +
                       std::to_string(n) + " events";
        return;
      }
      absl::StatusOr<Tracker> tracker = Tracker::Create(
          snapshot->plan.plan, cal, *PolicyFromPlan(snapshot->plan.plan));
      if (!tracker.ok()) {
        failures[id] = tracker.status().ToString();
        return;
      }
      const std::string answer = Evaluate(*tracker, snapshot->log, on);
      {
        std::lock_guard<std::mutex> lock(mu);
        auto [it, inserted] = answers.emplace(std::make_pair(v, n), answer);
        if (!inserted && it->second != answer) {
          failures[id] = "two answers for version " + std::to_string(v) +
                         " with " + std::to_string(n) + " events";
          return;
        }
      }
      pace.reads.fetch_add(1);
    }
  };
  auto reader = [&](int id) {
    read(id);
    pace.stopped.fetch_add(1);
  };

  std::vector<std::thread> threads;
  for (int i = 0; i < kReaders; ++i) threads.emplace_back(reader, i);
  constexpr int kVersions = 12;
  {
    absl::StatusOr<Store> writer = Store::Open(path);
    EXPECT_TRUE(writer.ok()) << writer.status();  // no ASSERT: join first
    for (int k = 1; writer.ok() && k <= kVersions; ++k) {
      absl::StatusOr<PlanVersion> v = writer->AddPlanVersion(
          VersionJson(fixture, k), *Date::Parse("2023-03-06") + k);
      EXPECT_TRUE(v.ok()) << v.status();
      // Every other version, its events follow at once: a reader reading
      // the version and the events apart would then catch the version
      // without them and the events with the version before.
      if (k % 2 == 0) pace.WaitForReaders();
      absl::StatusOr<AppendResult> r =
          AppendValidatedEvents(*writer, cal, ExtraBatchJsonl(k));
      EXPECT_TRUE(r.ok()) << r.status();
      pace.WaitForReaders();
    }
  }
  done.store(true, std::memory_order_release);
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < kReaders; ++i) EXPECT_EQ(failures[i], "") << "reader " << i;
  // Both moments of every even version were read, the last of every
  // odd one (see Pace).
  EXPECT_GE(answers.size(), static_cast<size_t>(kVersions + kVersions / 2));
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

}  // namespace
}  // namespace dutygraph
