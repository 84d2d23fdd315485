// Tracking over the store (dutygraph/tracking_store.h): events reach a store
// only once the tracking layer accepts them, stored as canonical text, and
// a tracker fed from the store answers as one fed from the JSON Lines file.
#include "dutygraph/tracking_store.h"

#include <string>
#include <vector>

#include "dutygraph/plan_json.h"
#include "dutygraph/tracking.h"
#include "gtest/gtest.h"
#include "store/store_test_util.h"

namespace dutygraph {
namespace {

using ::dutygraph::testing::ReadFile;
using ::dutygraph::testing::ScratchDir;

const std::string kDir = DG_SOURCE_DIR "/examples/hengyang-2023/";

Date Day(std::string_view iso) { return *Date::Parse(iso); }

class TrackingStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    absl::StatusOr<Store> store = Store::Open(dir_.File("h.db"));
    ASSERT_TRUE(store.ok()) << store.status();
    store_.emplace(*std::move(store));
    ASSERT_TRUE(store_->Init(ReadFile(kDir + "plan.json"), Day("2023-03-03")).ok());
  }
  int64_t Count() { return *store_->EventCount(); }

  ScratchDir dir_;
  std::optional<Store> store_;
  const Calendar cal_ = Calendar::ChinaMainland();
};

TEST_F(TrackingStoreTest, StoredLogAnswersAsTheFileDoes) {
  const std::string replayed = ReadFile(kDir + "expected/events-replayed-2023.jsonl");
  absl::StatusOr<AppendResult> r =
      AppendValidatedEvents(*store_, cal_, replayed, "replayed");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->appended, 119u);
  EXPECT_EQ(r->unchanged, 0u);
  // Idempotent: the whole file again changes nothing.
  r = AppendValidatedEvents(*store_, cal_, replayed, "replayed");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->appended, 0u);
  EXPECT_EQ(r->unchanged, 119u);
  EXPECT_EQ(Count(), 119);

  absl::StatusOr<StoredPlan> plan = StoredPlanFor(*store_, Day("2023-07-14"));
  ASSERT_TRUE(plan.ok()) << plan.status();
  EventLog log(plan->plan, cal_);
  absl::StatusOr<size_t> n = LoadStoredEvents(*store_, log);
  ASSERT_TRUE(n.ok()) << n.status();
  EXPECT_EQ(*n, 119u);
  // The replayed file is canonical JSON Lines, so the store holds it byte
  // for byte.
  EXPECT_EQ(log.ToJsonl(), replayed);

  absl::StatusOr<TrackingPolicy> policy = LoadPolicyFile(kDir + "policy.json");
  ASSERT_TRUE(policy.ok()) << policy.status();
  absl::StatusOr<Tracker> tracker = Tracker::Create(plan->plan, cal_, *policy);
  ASSERT_TRUE(tracker.ok()) << tracker.status();
  absl::StatusOr<StatusReport> status = tracker->Status(log, Day("2023-07-14"), {});
  ASSERT_TRUE(status.ok()) << status.status();
  EXPECT_EQ(StatusReportJson(plan->plan, *status) + "\n",
            ReadFile(kDir + "expected/status-2023-07-14.json"));
}

TEST_F(TrackingStoreTest, StoresCanonicalText) {
  // A task written by its path and a percent without a fraction.
  absl::StatusOr<Plan> plan = LoadPlanFile(kDir + "plan.json");
  ASSERT_TRUE(plan.ok());
  absl::StatusOr<TaskIndex> task = plan->FindTask("p5.2.1.2");
  ASSERT_TRUE(task.ok());
  const std::string path = plan->task(*task).path;
  ASSERT_FALSE(path.empty());
  const std::string by_path = R"({"id":"e1","kind":"progress","date":"2023-05-10","task":")" +
                              path + R"(","percent":40})";
  ASSERT_TRUE(AppendValidatedEvents(*store_, cal_, by_path).ok());
  absl::StatusOr<std::vector<StoredEvent>> stored = store_->ReadEvents();
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ((*stored)[0].json,
            R"({"id":"e1","kind":"progress","date":"2023-05-10","task":"p5.2.1.2","percent":40.0})");
  EXPECT_EQ((*stored)[0].task, "p5.2.1.2");
  // The same event by id: already stored.
  absl::StatusOr<AppendResult> again =
      AppendValidatedEvents(*store_, cal_, (*stored)[0].json);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->unchanged, 1u);
}

TEST_F(TrackingStoreTest, RefusedBatchesLeaveTheStoreUnchanged) {
  const std::string ok_line =
      R"({"id":"e1","kind":"assigned","date":"2023-03-06","task":"p5.2.1.2"})";
  ASSERT_TRUE(AppendValidatedEvents(*store_, cal_, ok_line, "ev.jsonl").ok());

  // An unknown task: NOT_FOUND with a did-you-mean, naming the line.
  absl::StatusOr<AppendResult> r = AppendValidatedEvents(
      *store_, cal_,
      R"({"id":"e2","kind":"completed","date":"2023-06-01","task":"p5.2.1.2"})"
      "\n"
      R"({"id":"e3","kind":"completed","date":"2023-06-01","task":"p5.2.1.22"})",
      "ev.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("ev.jsonl:2 ('e3')"), std::string::npos)
      << r.status();
  EXPECT_NE(r.status().message().find("did you mean"), std::string::npos);
  EXPECT_EQ(Count(), 1);

  // An id taken by different content.
  r = AppendValidatedEvents(
      *store_, cal_,
      R"({"id":"e1","kind":"assigned","date":"2023-03-07","task":"p5.2.1.2"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kAlreadyExists) << r.status();
  EXPECT_EQ(Count(), 1);

  // A cause that is not in the store.
  r = AppendValidatedEvents(
      *store_, cal_,
      R"({"id":"e4","kind":"circular","date":"2023-06-01","task":"p5.2.1.2","cause":"e99"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound) << r.status();
  EXPECT_EQ(Count(), 1);

  // Malformed JSON: INVALID_ARGUMENT naming the line.
  r = AppendValidatedEvents(*store_, cal_, "\n{\"id\":", "ev.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("ev.jsonl:2"), std::string::npos) << r.status();
  EXPECT_EQ(Count(), 1);
}

TEST_F(TrackingStoreTest, UncheckedEventsAreReportedWhenLoaded) {
  // Store::AppendEvents checks the envelope only: this one passes it.
  ASSERT_TRUE(store_
                  ->AppendJsonLines(
                      R"({"id":"x","kind":"progress_reported","date":"2023-03-06"})")
                  .ok());
  absl::StatusOr<StoredPlan> plan = StoredPlanFor(*store_, std::nullopt);
  ASSERT_TRUE(plan.ok());
  EventLog log(plan->plan, cal_);
  absl::StatusOr<size_t> n = LoadStoredEvents(*store_, log);
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(n.status().message().find("seq 1 ('x')"), std::string::npos) << n.status();
  EXPECT_EQ(log.size(), 0u);
  // And nothing can be appended through the checked path until it is gone.
  absl::StatusOr<AppendResult> r = AppendValidatedEvents(
      *store_, cal_,
      R"({"id":"e1","kind":"assigned","date":"2023-03-06","task":"p5.2.1.2"})");
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST_F(TrackingStoreTest, PlanVersionForADate) {
  ASSERT_TRUE(store_->AddPlanVersion(ReadFile(kDir + "plan.json"), Day("2023-07-01")).ok());
  EXPECT_EQ(StoredPlanFor(*store_, Day("2023-01-01"))->version.version, 1);  // before v1
  EXPECT_EQ(StoredPlanFor(*store_, Day("2023-06-30"))->version.version, 1);
  EXPECT_EQ(StoredPlanFor(*store_, Day("2023-07-01"))->version.version, 2);
  EXPECT_EQ(StoredPlanFor(*store_, std::nullopt)->version.version, 2);

  absl::StatusOr<Store> empty = Store::Open(dir_.File("empty.db"));
  ASSERT_TRUE(empty.ok());
  absl::StatusOr<StoredPlan> none = StoredPlanFor(*empty, Day("2023-07-01"));
  EXPECT_EQ(none.status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace dutygraph
