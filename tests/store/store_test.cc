// Tests of the embedded store (dutygraph/store.h): plan versions, the event
// log, idempotent appends, envelope errors, migrations, damaged and foreign
// files, a full disk, a read-only file and concurrent readers.
#include "dutygraph/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "dutygraph/plan_json.h"
#include "store_test_util.h"
#include "util/sha256.h"

namespace dutygraph {
namespace {

using ::dutygraph::testing::Event;
using ::dutygraph::testing::ReadFile;
using ::dutygraph::testing::ScratchDir;
using ::dutygraph::testing::SmallPlanJson;
using ::dutygraph::testing::WriteFile;
using ::testing::HasSubstr;

Date Day(std::string_view iso) { return *Date::Parse(iso); }

std::vector<std::string_view> Views(const std::vector<std::string>& texts) {
  return {texts.begin(), texts.end()};
}

// The canonical text the store keeps for a plan.
std::string Canonical(const std::string& plan_json) {
  return WritePlanJson(*ParsePlanJson(plan_json));
}

std::vector<std::string> Ids(const std::vector<StoredEvent>& events) {
  std::vector<std::string> ids;
  for (const StoredEvent& e : events) ids.push_back(e.id);
  return ids;
}

// Runs a raw SQL script on a file with SQLite itself (to build files the
// store must cope with).
void RawSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error != nullptr ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

// ---------------------------------------------------------------------------

TEST(Sha256Test, FipsExamples) {
  // FIPS 180-2 appendix B and the NIST test vectors.
  EXPECT_EQ(internal::Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(internal::Sha256Hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(internal::Sha256Hex(
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(internal::Sha256Hex(std::string(1'000'000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(StoreTest, CreatesInitialisesAndReopens) {
  ScratchDir dir;
  const std::string path = dir.File("plan.db");
  const std::string plan = SmallPlanJson();
  {
    absl::StatusOr<Store> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status();
    absl::StatusOr<StoreInfo> info = store->Info();
    ASSERT_TRUE(info.ok()) << info.status();
    EXPECT_EQ(info->schema_version, kStoreSchemaVersion);
    EXPECT_EQ(info->plan_versions, 0);
    EXPECT_FALSE(info->latest_plan.has_value());
    EXPECT_EQ(store->LatestPlan().status().code(),
              absl::StatusCode::kNotFound);

    absl::StatusOr<PlanVersion> v1 = store->Init(plan, Day("2023-03-03"));
    ASSERT_TRUE(v1.ok()) << v1.status();
    EXPECT_EQ(v1->version, 1);
    EXPECT_EQ(v1->json, Canonical(plan));
    EXPECT_EQ(v1->digest, internal::Sha256Hex(Canonical(plan)));
    EXPECT_EQ(v1->digest.size(), 64u);
  }
  // The file says what it is (PRAGMA application_id "DGST", user_version).
  const std::string header = ReadFile(path).substr(0, 100);
  EXPECT_EQ(header.substr(0, 16), std::string("SQLite format 3\0", 16));
  EXPECT_EQ(header.substr(68, 4), "DGST");
  EXPECT_EQ(static_cast<unsigned char>(header[63]), kStoreSchemaVersion);

  StoreOptions read_only;
  read_only.read_only = true;
  absl::StatusOr<Store> store = Store::Open(path, read_only);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_TRUE(store->read_only());
  absl::StatusOr<PlanVersion> latest = store->LatestPlan();
  ASSERT_TRUE(latest.ok()) << latest.status();
  EXPECT_EQ(latest->version, 1);
  EXPECT_EQ(latest->effective, Day("2023-03-03"));
  EXPECT_EQ(latest->json, Canonical(plan));
  // The stored text loads as the same plan.
  EXPECT_TRUE(LoadPlanJson(latest->json).ok());
}

TEST(StoreTest, InitTwiceIsRefusedAndChangesNothing) {
  ScratchDir dir;
  absl::StatusOr<Store> store = Store::Open(dir.File("plan.db"));
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE(store->Init(SmallPlanJson(), Day("2023-03-03")).ok());
  absl::StatusOr<PlanVersion> again =
      store->Init(SmallPlanJson(), Day("2023-04-01"));
  EXPECT_EQ(again.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(again.status().message(),
              HasSubstr("already initialised (plan version 1, effective "
                        "2023-03-03)"));
  EXPECT_EQ(store->PlanVersions()->size(), 1u);
}

TEST(StoreTest, InvalidPlanIsNotStored) {
  ScratchDir dir;
  absl::StatusOr<Store> store = Store::Open(dir.File("plan.db"));
  ASSERT_TRUE(store.ok()) << store.status();
  // A dangling parent: the format is fine, Plan::Build refuses it.
  std::string plan = SmallPlanJson();
  const size_t at = plan.find("\"parent\": \"s_debt\"");
  ASSERT_NE(at, std::string::npos);
  plan.replace(at, 18, "\"parent\": \"s_nope\"");
  absl::StatusOr<PlanVersion> bad = store->Init(plan, Day("2023-03-03"));
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("s_nope"));
  absl::StatusOr<PlanVersion> malformed =
      store->Init("{\"format\": ", Day("2023-03-03"));
  EXPECT_EQ(malformed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store->PlanVersions()->size(), 0u);
  // Nothing stored, so Init still works.
  EXPECT_TRUE(store->Init(SmallPlanJson(), Day("2023-03-03")).ok());
}

TEST(StoreTest, PlanVersionsTakeEffectInOrder) {
  ScratchDir dir;
  absl::StatusOr<Store> store = Store::Open(dir.File("plan.db"));
  ASSERT_TRUE(store.ok()) << store.status();
  const std::string plan = SmallPlanJson();
  ASSERT_TRUE(store->Init(plan, Day("2023-03-03")).ok());
  std::string renamed = plan;
  const size_t at = renamed.find("衡阳市打好防范化解风险阻击仗实施方案（节选）");
  ASSERT_NE(at, std::string::npos);
  renamed.insert(at, "修订：");
  absl::StatusOr<PlanVersion> v2 =
      store->AddPlanVersion(renamed, Day("2023-07-01"));
  ASSERT_TRUE(v2.ok()) << v2.status();
  EXPECT_EQ(v2->version, 2);
  EXPECT_NE(v2->digest, internal::Sha256Hex(Canonical(plan)));

  // A retry of the same version is harmless.
  absl::StatusOr<PlanVersion> retry =
      store->AddPlanVersion(renamed, Day("2023-07-01"));
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_EQ(retry->version, 2);
  EXPECT_EQ(store->PlanVersions()->size(), 2u);

  // Going back in time is refused.
  absl::StatusOr<PlanVersion> earlier =
      store->AddPlanVersion(plan, Day("2023-06-30"));
  EXPECT_EQ(earlier.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(earlier.status().message(),
              HasSubstr("before that of the latest plan version 2 "
                        "(2023-07-01)"));

  EXPECT_EQ(store->PlanAsOf(Day("2023-03-03"))->version, 1);
  EXPECT_EQ(store->PlanAsOf(Day("2023-06-30"))->version, 1);
  EXPECT_EQ(store->PlanAsOf(Day("2023-07-01"))->version, 2);
  EXPECT_EQ(store->PlanAsOf(Day("2024-01-01"))->json, Canonical(renamed));
  absl::StatusOr<PlanVersion> before = store->PlanAsOf(Day("2023-03-02"));
  EXPECT_EQ(before.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(before.status().message(),
              HasSubstr("no plan version is in effect on 2023-03-02"));
  absl::StatusOr<std::vector<PlanVersion>> all = store->PlanVersions();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ((*all)[0].effective, Day("2023-03-03"));
  EXPECT_EQ((*all)[1].effective, Day("2023-07-01"));
  EXPECT_TRUE((*all)[1].json.empty());

  // A snapshot picks its version by the same rule, with every event.
  ASSERT_TRUE(store
                  ->AppendJsonLines(
                      R"({"id":"e1","kind":"assigned","date":"2023-03-06","task":"t_warning"})")
                  .ok());
  for (const auto& [on, version] :
       std::vector<std::pair<std::optional<Date>, int64_t>>{
           {std::nullopt, 2},
           {Day("2023-06-30"), 1},
           {Day("2023-07-01"), 2},
           {Day("2023-01-02"), 1}}) {  // before version 1: version 1's
    absl::StatusOr<StoreSnapshot> snapshot = store->ReadSnapshot(on);
    ASSERT_TRUE(snapshot.ok()) << snapshot.status();
    EXPECT_EQ(snapshot->plan.version, version);
    EXPECT_EQ(snapshot->plan.json,
              Canonical(version == 1 ? plan : renamed));
    ASSERT_EQ(snapshot->events.size(), 1u);
    EXPECT_EQ(snapshot->events[0].id, "e1");
  }
}

TEST(StoreTest, SnapshotOfAStoreWithoutAPlanIsNotFound) {
  ScratchDir dir;
  absl::StatusOr<Store> store = Store::Open(dir.File("plan.db"));
  ASSERT_TRUE(store.ok()) << store.status();
  absl::StatusOr<StoreSnapshot> snapshot = store->ReadSnapshot(std::nullopt);
  EXPECT_EQ(snapshot.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(snapshot.status().message(), HasSubstr("no plan version yet"));
  snapshot = store->ReadSnapshot(Day("2023-03-03"));
  EXPECT_EQ(snapshot.status().code(), absl::StatusCode::kNotFound);
}

TEST(StoreTest, AppendsInOrderAndIsIdempotentById) {
  ScratchDir dir;
  absl::StatusOr<Store> store = Store::Open(dir.File("plan.db"));
  ASSERT_TRUE(store.ok()) << store.status();
  const std::vector<std::string> first = {
      Event("e1", "2023-03-06", "t_hidden_debt", "assigned"),
      Event("e2", "2023-03-31", "t_hidden_debt"),
      Event("e3", "2023-04-03")};
  absl::StatusOr<AppendResult> r = store->AppendEvents(Views(first));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->appended, 3u);
  EXPECT_EQ(r->unchanged, 0u);
  EXPECT_EQ(r->last_seq, 3);

  // e2 again with the same text, plus a new one: e2 is a no-op.
  const std::vector<std::string> second = {
      first[1], Event("e4", "2023-04-10", "t_warning")};
  r = store->AppendEvents(Views(second));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->appended, 1u);
  EXPECT_EQ(r->unchanged, 1u);
  EXPECT_EQ(r->last_seq, 4);

  absl::StatusOr<std::vector<StoredEvent>> events = store->ReadEvents();
  ASSERT_TRUE(events.ok()) << events.status();
  EXPECT_EQ(Ids(*events), (std::vector<std::string>{"e1", "e2", "e3", "e4"}));
  EXPECT_EQ((*events)[0].seq, 1);
  EXPECT_EQ((*events)[0].kind, "assigned");
  EXPECT_EQ((*events)[0].date, Day("2023-03-06"));
  EXPECT_EQ((*events)[0].task, "t_hidden_debt");
  EXPECT_EQ((*events)[0].json, first[0]);
  EXPECT_EQ((*events)[2].task, "");
  EXPECT_EQ(*store->EventCount(), 4);
  EXPECT_EQ(EventsToJsonLines(*events),
            first[0] + "\n" + first[1] + "\n" + first[2] + "\n" + second[1] +
                "\n");
}

TEST(StoreTest, ConflictingIdAppliesNothingOfTheBatch) {
  ScratchDir dir;
  absl::StatusOr<Store> store = Store::Open(dir.File("plan.db"));
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE(store->AppendJsonLines(Event("e1", "2023-03-06")).ok());

  const std::vector<std::string> batch = {
      Event("e2", "2023-03-07"), Event("e1", "2023-03-08")};
  absl::StatusOr<AppendResult> r = store->AppendEvents(Views(batch));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(r.status().message(),
              HasSubstr("event 1: id \"e1\" is already stored (seq 1) with "
                        "different JSON; nothing of this batch was "
                        "appended"));
  EXPECT_EQ(*store->EventCount(), 1);  // e2 was not kept

  // The same id twice in one batch with different texts.
  const std::vector<std::string> twice = {
      Event("e5", "2023-03-07"), Event("e6", "2023-03-07"),
      Event("e5", "2023-03-09")};
  r = store->AppendEvents(Views(twice));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(r.status().message(),
              HasSubstr("event 2: id \"e5\" is also the id of event 0 with "
                        "different JSON"));
  EXPECT_EQ(*store->EventCount(), 1);

  // ...and with the same text: stored once.
  const std::vector<std::string> same = {Event("e5", "2023-03-07"),
                                         Event("e5", "2023-03-07")};
  r = store->AppendEvents(Views(same));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->appended, 1u);
  EXPECT_EQ(r->unchanged, 1u);
}

struct BadEvent {
  std::string json;
  absl::StatusCode code;
  std::string message;
};

TEST(StoreTest, BadEnvelopesSayWhereAndApplyNothing) {
  ScratchDir dir;
  StoreOptions options;
  options.max_event_bytes = 4096;
  options.max_event_depth = 8;
  absl::StatusOr<Store> store = Store::Open(dir.File("plan.db"), options);
  ASSERT_TRUE(store.ok()) << store.status();
  const auto kInvalid = absl::StatusCode::kInvalidArgument;
  const std::vector<BadEvent> cases = {
      {"", kInvalid, "event 1: empty"},
      {"[1,2]", kInvalid, "event 1: expected a JSON object, got an array"},
      {"\"e1\"", kInvalid, "event 1: expected a JSON object, got a string"},
      {R"({"id":"e1","kind":"x","date":"2023-03-06")", kInvalid,
       "event 1: malformed JSON at line 1, column 42 (byte 41)"},
      {R"({"kind":"x","date":"2023-03-06"})", kInvalid,
       "event 1: field \"id\": missing"},
      {R"({"id":"","kind":"x","date":"2023-03-06"})", kInvalid,
       "event 1: field \"id\": is empty"},
      {R"({"id":7,"kind":"x","date":"2023-03-06"})", kInvalid,
       "event 1: field \"id\": expected a string, got a number"},
      {R"({"id":"e1","kind":null,"date":"2023-03-06"})", kInvalid,
       "event 1: field \"kind\": expected a string, got null"},
      {R"({"id":"e1","kind":"x"})", kInvalid,
       "event 1: field \"date\": missing"},
      {R"({"id":"e1","kind":"x","date":"2023-02-30"})", kInvalid,
       "event 1: field \"date\": bad date '2023-02-30'"},
      {R"({"id":"e1","kind":"x","date":"2023/03/06"})", kInvalid,
       "event 1: field \"date\": bad date '2023/03/06'"},
      {R"({"id":"e1","kind":"x","date":"1949-12-31"})", kInvalid,
       "event 1: field \"date\": 1949-12-31 is outside the calendar's range "
       "1950-01-01..2149-12-31"},
      {R"({"id":"e1","kind":"x","date":"2023-03-06","task":1})", kInvalid,
       "event 1: field \"task\": expected a string, got a number"},
      {R"({"id":"e1","kind":"x","date":"2023-03-06","task":""})", kInvalid,
       "event 1: field \"task\": is empty"},
      {R"({"id":"e1","id":"e2","kind":"x","date":"2023-03-06"})", kInvalid,
       "event 1: field \"id\": given twice"},
      {"{\"id\":\"e1\",\n\"kind\":\"x\",\"date\":\"2023-03-06\"}", kInvalid,
       "event 1: a line break at byte 11: an event is one line of JSON"},
      {"{\"id\":\"e\xC3\x28\",\"kind\":\"x\",\"date\":\"2023-03-06\"}",
       kInvalid, "event 1: invalid UTF-8 at byte 8"},
      {R"({"id":"e1","kind":"x","date":"2023-03-06","v":[[[[[[[[[1]]]]]]]]]})",
       absl::StatusCode::kResourceExhausted,
       "event 1: JSON nests deeper than the limit max_event_depth (8)"},
      {R"({"id":"e1","kind":"x","date":"2023-03-06","text":")" +
           std::string(5000, 'x') + "\"}",
       absl::StatusCode::kResourceExhausted,
       "event 1: the event is 5052 bytes, more than the limit "
       "max_event_bytes (4096)"},
  };
  for (const BadEvent& bad : cases) {
    SCOPED_TRACE(bad.json.substr(0, 80));
    // The bad event second in its batch: the good first one is not kept.
    const std::vector<std::string> batch = {Event("ok1", "2023-03-06"),
                                            bad.json};
    absl::StatusOr<AppendResult> r = store->AppendEvents(Views(batch));
    EXPECT_EQ(r.status().code(), bad.code);
    EXPECT_THAT(r.status().message(), HasSubstr(bad.message));
  }
  EXPECT_EQ(*store->EventCount(), 0);
}

TEST(StoreTest, BatchSizeLimit) {
  ScratchDir dir;
  StoreOptions options;
  options.max_batch_events = 3;
  absl::StatusOr<Store> store = Store::Open(dir.File("plan.db"), options);
  ASSERT_TRUE(store.ok()) << store.status();
  std::string text;
  for (int i = 0; i < 4; ++i) {
    text += Event(absl::StrCat("e", i), "2023-03-06") + "\n";
  }
  absl::StatusOr<AppendResult> r = store->AppendJsonLines(text);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(r.status().message(),
              HasSubstr("4 events in one call, more than the limit "
                        "max_batch_events (3)"));
  EXPECT_EQ(*store->EventCount(), 0);
  text.resize(text.size() / 4 * 3);  // three events fit
  EXPECT_EQ(store->AppendJsonLines(text)->appended, 3u);
}

TEST(StoreTest, JsonLinesErrorsNameTheLine) {
  ScratchDir dir;
  absl::StatusOr<Store> store = Store::Open(dir.File("plan.db"));
  ASSERT_TRUE(store.ok()) << store.status();
  const std::string text = Event("e1", "2023-03-06") + "\r\n\n   \n" +
                           Event("e2", "2023-03-07") + "\n" +
                           R"({"id":"e3","kind":"x","date":"2023-13-01"})" +
                           "\n";
  absl::StatusOr<AppendResult> r = store->AppendJsonLines(text);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(),
              HasSubstr("line 5: field \"date\": bad date '2023-13-01'"));
  EXPECT_EQ(*store->EventCount(), 0);

  // Blank lines skipped, CRLF accepted, no final newline needed.
  r = store->AppendJsonLines(Event("e1", "2023-03-06") + "\r\n\n" +
                             Event("e2", "2023-03-07"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->appended, 2u);
  EXPECT_EQ((*store->ReadEvents())[0].json, Event("e1", "2023-03-06"));
  // An empty text appends nothing.
  r = store->AppendJsonLines("");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->appended, 0u);
  EXPECT_EQ(r->last_seq, 2);
}

TEST(StoreTest, ReadsAfterASeqWithALimitAndByTask) {
  ScratchDir dir;
  absl::StatusOr<Store> store = Store::Open(dir.File("plan.db"));
  ASSERT_TRUE(store.ok()) << store.status();
  std::vector<std::string> batch;
  for (int i = 1; i <= 10; ++i) {
    batch.push_back(Event(absl::StrCat("e", i), "2023-03-06",
                          i % 2 == 0 ? "t_even" : "t_odd"));
  }
  ASSERT_TRUE(store->AppendEvents(Views(batch)).ok());
  EventQuery query;
  query.after_seq = 3;
  query.limit = 4;
  EXPECT_EQ(Ids(*store->ReadEvents(query)),
            (std::vector<std::string>{"e4", "e5", "e6", "e7"}));
  query = {};
  query.task = "t_even";
  query.after_seq = 4;
  EXPECT_EQ(Ids(*store->ReadEvents(query)),
            (std::vector<std::string>{"e6", "e8", "e10"}));
  query.task = "t_none";
  EXPECT_TRUE(store->ReadEvents(query)->empty());
  query = {};
  query.limit = 0;
  EXPECT_TRUE(store->ReadEvents(query)->empty());
}

TEST(StoreTest, MissingFileAndBadPaths) {
  ScratchDir dir;
  StoreOptions read_only;
  read_only.read_only = true;
  absl::StatusOr<Store> missing = Store::Open(dir.File("none.db"), read_only);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(),
              HasSubstr(dir.File("none.db") + ": no such store"));
  StoreOptions no_create;
  no_create.create_if_missing = false;
  EXPECT_EQ(Store::Open(dir.File("none.db"), no_create).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir.File("none.db")));
  absl::StatusOr<Store> directory = Store::Open(dir.path());
  EXPECT_EQ(directory.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(directory.status().message(), HasSubstr("is a directory"));
  EXPECT_EQ(Store::Open("").status().code(),
            absl::StatusCode::kInvalidArgument);
  absl::StatusOr<Store> no_dir = Store::Open(dir.File("no/such/dir.db"));
  EXPECT_EQ(no_dir.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(no_dir.status().message(), HasSubstr("directory exists"));
}

TEST(StoreTest, ReadOnlyOpenRefusesWritesAndReads) {
  ScratchDir dir;
  const std::string path = dir.File("plan.db");
  {
    absl::StatusOr<Store> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status();
    ASSERT_TRUE(store->AppendJsonLines(Event("e1", "2023-03-06")).ok());
  }
  StoreOptions options;
  options.read_only = true;
  absl::StatusOr<Store> store = Store::Open(path, options);
  ASSERT_TRUE(store.ok()) << store.status();
  absl::StatusOr<AppendResult> r =
      store->AppendJsonLines(Event("e2", "2023-03-06"));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(r.status().message(), HasSubstr("opened read-only"));
  EXPECT_EQ(store->Init(SmallPlanJson(), Day("2023-03-03")).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(*store->EventCount(), 1);
}

// ---------------------------------------------------------------------------
// Files that are not (healthy, current) dutygraph stores

TEST(StoreFileTest, NotSqliteIsRefused) {
  ScratchDir dir;
  const std::string path = dir.File("notes.db");
  WriteFile(path, std::string(4096, 'x'));
  for (bool read_only : {false, true}) {
    StoreOptions options;
    options.read_only = read_only;
    absl::StatusOr<Store> store = Store::Open(path, options);
    EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_THAT(store.status().message(),
                HasSubstr(path + ": opening: not a dutygraph store: not an "
                                 "SQLite database"));
  }
  EXPECT_EQ(ReadFile(path), std::string(4096, 'x'));  // untouched
}

TEST(StoreFileTest, AnotherApplicationsDatabaseIsRefused) {
  ScratchDir dir;
  const std::string path = dir.File("other.db");
  RawSql(path, "CREATE TABLE customers(name TEXT);");
  absl::StatusOr<Store> store = Store::Open(path);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(store.status().message(),
              HasSubstr("not a dutygraph store: an SQLite database of another "
                        "application (application_id 0x00000000, 1 schema "
                        "objects)"));
}

TEST(StoreFileTest, NewerSchemaIsRefused) {
  ScratchDir dir;
  const std::string path = dir.File("plan.db");
  ASSERT_TRUE(Store::Open(path).ok());
  RawSql(path, "PRAGMA user_version = 99;");
  absl::StatusOr<Store> store = Store::Open(path);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(store.status().message(),
              HasSubstr("schema version 99 was written by a newer dutygraph; "
                        "this build reads up to version 2"));
}

// A corrupted page: the integrity check at open catches it.
TEST(StoreFileTest, CorruptedFileIsDataLoss) {
  ScratchDir dir;
  const std::string path = dir.File("plan.db");
  {
    absl::StatusOr<Store> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status();
    ASSERT_TRUE(store->Init(SmallPlanJson(), Day("2023-03-03")).ok());
    std::vector<std::string> batch;
    for (int i = 0; i < 2000; ++i) {
      batch.push_back(Event(absl::StrCat("e", i), "2023-03-06", "t_warning"));
    }
    ASSERT_TRUE(store->AppendEvents(Views(batch)).ok());
  }  // closing checkpoints the WAL into the main file
  std::string bytes = ReadFile(path);
  const size_t page = 4096;
  ASSERT_GT(bytes.size(), 20 * page);
  // Scribble over the b-tree page headers of pages 4..12.
  for (size_t p = 3; p < 12; ++p) {
    for (size_t i = 0; i < 64; ++i) bytes[p * page + i] = static_cast<char>(0xA5);
  }
  WriteFile(path, bytes);
  absl::StatusOr<Store> store = Store::Open(path);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kDataLoss)
      << store.status();
  EXPECT_THAT(store.status().message(), HasSubstr(path));
  EXPECT_THAT(store.status().message(), HasSubstr("corrupted"));
}

TEST(StoreFileTest, TruncatedFileIsRefused) {
  ScratchDir dir;
  const std::string path = dir.File("plan.db");
  {
    absl::StatusOr<Store> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status();
    std::vector<std::string> batch;
    for (int i = 0; i < 3000; ++i) {
      batch.push_back(Event(absl::StrCat("e", i), "2023-03-06", "t_warning"));
    }
    ASSERT_TRUE(store->AppendEvents(Views(batch)).ok());
  }
  std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
  absl::StatusOr<Store> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kDataLoss)
      << store.status();
  EXPECT_THAT(store.status().message(), HasSubstr(path));
}

// Schema version 1 (no events.task column) made by hand, as the first
// release wrote it: opening migrates it, keeping every row.
TEST(StoreMigrationTest, VersionOneFileIsMigrated) {
  ScratchDir dir;
  const std::string path = dir.File("v1.db");
  const std::string plan = Canonical(SmallPlanJson());
  std::string escaped;  // the plan as an SQL string literal
  for (char c : plan) escaped += c == '\'' ? std::string("''") : std::string(1, c);
  RawSql(path, absl::StrCat(R"sql(
PRAGMA journal_mode = WAL;
PRAGMA application_id = 1145525076;
CREATE TABLE plan_versions(version INTEGER PRIMARY KEY, effective TEXT NOT NULL,
  digest TEXT NOT NULL, json TEXT NOT NULL) STRICT;
CREATE TABLE events(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL, date TEXT NOT NULL, json TEXT NOT NULL) STRICT;
INSERT INTO plan_versions VALUES (1, '2023-03-03', ')sql",
                            internal::Sha256Hex(plan), "', '", escaped,
                            R"sql(');
INSERT INTO events(id, kind, date, json) VALUES
  ('e1', 'assigned', '2023-03-06',
   '{"id":"e1","kind":"assigned","date":"2023-03-06","task":"t_warning"}'),
  ('e2', 'circular_issued', '2023-03-07',
   '{"id":"e2","kind":"circular_issued","date":"2023-03-07"}'),
  ('e3', 'completed', '2023-09-01',
   '{"id":"e3","kind":"completed","date":"2023-09-01","task":"t_warning"}');
PRAGMA user_version = 1;
)sql"));

  // Read-only cannot migrate, and says so.
  StoreOptions read_only;
  read_only.read_only = true;
  absl::StatusOr<Store> old = Store::Open(path, read_only);
  EXPECT_EQ(old.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(old.status().message(),
              HasSubstr("schema version 1 needs migrating to version 2; open "
                        "the store read-write once"));

  absl::StatusOr<Store> store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(store->Info()->schema_version, 2);
  absl::StatusOr<std::vector<StoredEvent>> events = store->ReadEvents();
  ASSERT_TRUE(events.ok()) << events.status();
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[0].task, "t_warning");
  EXPECT_EQ((*events)[1].task, "");
  EXPECT_EQ((*events)[2].task, "t_warning");
  EventQuery by_task;
  by_task.task = "t_warning";
  EXPECT_EQ(Ids(*store->ReadEvents(by_task)),
            (std::vector<std::string>{"e1", "e3"}));
  EXPECT_EQ(store->LatestPlan()->json, plan);
  // New appends go on from seq 4, with their task column.
  ASSERT_TRUE(
      store->AppendJsonLines(Event("e4", "2023-09-02", "t_warning")).ok());
  EXPECT_EQ(Ids(*store->ReadEvents(by_task)),
            (std::vector<std::string>{"e1", "e3", "e4"}));
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

// ---------------------------------------------------------------------------
// A full disk, a read-only file

TEST(StoreLimitsTest, FullDiskIsResourceExhaustedAndWritesNothing) {
  ScratchDir dir;
  const std::string path = dir.File("plan.db");
  StoreOptions options;
  options.max_page_count = 40;  // 160 KiB of 4 KiB pages
  absl::StatusOr<Store> store = Store::Open(path, options);
  ASSERT_TRUE(store.ok()) << store.status();
  const std::string padding(200, 'p');
  int64_t stored = 0;
  absl::Status full;
  for (int b = 0; b < 100 && full.ok(); ++b) {
    std::vector<std::string> batch;
    for (int i = 0; i < 50; ++i) {
      batch.push_back(absl::StrCat(R"({"id":"b)", b, "-", i,
                                   R"(","kind":"x","date":"2023-03-06","note":")",
                                   padding, "\"}"));
    }
    absl::StatusOr<AppendResult> r = store->AppendEvents(Views(batch));
    if (r.ok()) {
      stored += static_cast<int64_t>(r->appended);
    } else {
      full = r.status();
    }
  }
  ASSERT_FALSE(full.ok()) << "the cap was never reached";
  EXPECT_EQ(full.code(), absl::StatusCode::kResourceExhausted) << full;
  EXPECT_THAT(full.message(), HasSubstr(path + ": appending events: the disk "
                                               "or the store's size cap is "
                                               "full"));
  EXPECT_GT(stored, 0);
  EXPECT_EQ(stored % 50, 0);  // whole batches only
  EXPECT_EQ(*store->EventCount(), stored);
  // Still usable: a smaller append fits? Reads work; a reopen is clean.
  EXPECT_EQ(store->ReadEvents()->size(), static_cast<size_t>(stored));
  store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(*store->EventCount(), stored);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

// Runs `check` without root's power to write read-only files: directly when
// not root, else in a child process that has dropped to nobody. Returns ""
// or the failure the check reported.
std::string RunUnprivileged(const std::function<std::string()>& check) {
  if (geteuid() != 0) return check();
  int fds[2];
  if (pipe(fds) != 0) return "pipe failed";
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    std::string failure;
    if (setgid(65534) != 0 || setuid(65534) != 0) {
      failure = "cannot drop to uid 65534";
    } else {
      failure = check();
    }
    if (!failure.empty() &&
        write(fds[1], failure.data(), failure.size()) < 0) {
      _exit(2);
    }
    _exit(failure.empty() ? 0 : 1);
  }
  close(fds[1]);
  std::string failure;
  char buffer[512];
  ssize_t n;
  while ((n = read(fds[0], buffer, sizeof buffer)) > 0) {
    failure.append(buffer, static_cast<size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (failure.empty() && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
    failure = "the unprivileged check died";
  }
  return failure;
}

TEST(StoreLimitsTest, ReadOnlyFileReadsButRefusesWrites) {
  ScratchDir dir;
  const std::string path = dir.File("plan.db");
  {
    absl::StatusOr<Store> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status();
    ASSERT_TRUE(store->Init(SmallPlanJson(), Day("2023-03-03")).ok());
    ASSERT_TRUE(store->AppendJsonLines(Event("e1", "2023-03-06")).ok());
  }
  ASSERT_EQ(chmod(path.c_str(), 0444), 0);
  ASSERT_EQ(chmod(dir.path().c_str(), 0777), 0);  // -shm may be created
  const std::string failure = RunUnprivileged([&]() -> std::string {
    absl::StatusOr<Store> store = Store::Open(path);
    if (!store.ok()) return "open: " + store.status().ToString();
    if (!store->read_only()) return "read_only() is false";
    absl::StatusOr<int64_t> count = store->EventCount();
    if (!count.ok() || *count != 1) return "EventCount did not read 1";
    if (!store->LatestPlan().ok()) return "LatestPlan failed";
    absl::StatusOr<AppendResult> r =
        store->AppendJsonLines(Event("e2", "2023-03-06"));
    if (r.status().code() != absl::StatusCode::kPermissionDenied ||
        r.status().message().find(path + ": the database file is read-only") ==
            std::string::npos) {
      return "append: " + r.status().ToString();
    }
    absl::StatusOr<PlanVersion> v =
        store->AddPlanVersion(SmallPlanJson(), Day("2023-05-01"));
    if (v.status().code() != absl::StatusCode::kPermissionDenied) {
      return "add plan: " + v.status().ToString();
    }
    return "";
  });
  EXPECT_EQ(failure, "");
  ASSERT_EQ(chmod(path.c_str(), 0644), 0);
  absl::StatusOr<Store> store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(*store->EventCount(), 1);
}

// ---------------------------------------------------------------------------
// Concurrency: separate connections

TEST(StoreConcurrencyTest, ReadersSeeWholeBatchesWhileOneWriterAppends) {
  ScratchDir dir;
  const std::string path = dir.File("plan.db");
  ASSERT_TRUE(Store::Open(path).ok());
  constexpr int kBatches = 40, kBatchSize = 20, kReaders = 3;
  std::atomic<bool> done{false};
  std::vector<std::string> failures(kReaders);
  std::vector<int> reads(kReaders, 0);
  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&, r] {
      StoreOptions options;
      options.read_only = true;
      absl::StatusOr<Store> store = Store::Open(path, options);
      if (!store.ok()) {
        failures[r] = store.status().ToString();
        return;
      }
      int64_t last = 0;
      do {
        absl::StatusOr<std::vector<StoredEvent>> events = store->ReadEvents();
        if (!events.ok()) {
          failures[r] = events.status().ToString();
          return;
        }
        const int64_t n = static_cast<int64_t>(events->size());
        if (n % kBatchSize != 0 || n < last) {
          failures[r] = absl::StrCat("saw ", n, " events after ", last);
          return;
        }
        for (int64_t i = 0; i < n; ++i) {
          if ((*events)[i].seq != i + 1) {
            failures[r] = absl::StrCat("seq gap at ", i);
            return;
          }
        }
        last = n;
        ++reads[r];
      } while (!done.load());
    });
  }
  {
    absl::StatusOr<Store> writer = Store::Open(path);
    ASSERT_TRUE(writer.ok()) << writer.status();
    for (int b = 0; b < kBatches; ++b) {
      std::vector<std::string> batch;
      for (int i = 0; i < kBatchSize; ++i) {
        batch.push_back(Event(absl::StrCat("b", b, "-", i), "2023-03-06"));
      }
      absl::StatusOr<AppendResult> r = writer->AppendEvents(Views(batch));
      ASSERT_TRUE(r.ok()) << r.status();
    }
  }
  done = true;
  for (std::thread& t : readers) t.join();
  for (int r = 0; r < kReaders; ++r) {
    EXPECT_EQ(failures[r], "") << "reader " << r;
    EXPECT_GT(reads[r], 0);
  }
  EXPECT_EQ(*Store::Open(path)->EventCount(), kBatches * kBatchSize);
}

TEST(StoreConcurrencyTest, WritersOnSeparateConnectionsTakeTurns) {
  ScratchDir dir;
  const std::string path = dir.File("plan.db");
  ASSERT_TRUE(Store::Open(path).ok());
  constexpr int kWriters = 3, kBatches = 12;
  std::vector<std::string> failures(kWriters);
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      absl::StatusOr<Store> store = Store::Open(path);
      if (!store.ok()) {
        failures[w] = store.status().ToString();
        return;
      }
      for (int b = 0; b < kBatches; ++b) {
        std::vector<std::string> batch;
        for (int i = 0; i < 5; ++i) {
          batch.push_back(
              Event(absl::StrCat("w", w, "-", b, "-", i), "2023-03-06"));
        }
        absl::StatusOr<AppendResult> r = store->AppendEvents(Views(batch));
        if (!r.ok()) {
          failures[w] = r.status().ToString();
          return;
        }
      }
    });
  }
  for (std::thread& t : writers) t.join();
  for (const std::string& f : failures) EXPECT_EQ(f, "");
  EXPECT_EQ(*Store::Open(path)->EventCount(), kWriters * kBatches * 5);
}

// One Store shared by threads: calls are serialised inside.
TEST(StoreConcurrencyTest, OneStoreSharedByThreads) {
  ScratchDir dir;
  absl::StatusOr<Store> store = Store::Open(dir.File("plan.db"));
  ASSERT_TRUE(store.ok()) << store.status();
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        const std::string e = Event(absl::StrCat("t", t, "-", i), "2023-03-06");
        if (!store->AppendJsonLines(e).ok()) ++failures;
        if (!store->ReadEvents().ok()) ++failures;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(*store->EventCount(), 80);
}

}  // namespace
}  // namespace dutygraph
