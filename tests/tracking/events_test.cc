// Tests of the event model and log (dutygraph/events.h): parsing and
// canonical writing, validation against the small plan with did-you-mean,
// idempotent appends, all-or-nothing batches, line numbers in JSONL errors.
#include "dutygraph/events.h"

#include <string>
#include <vector>

#include "dutygraph/calendar.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tracking/tracking_fixture.h"

namespace dutygraph {
namespace {

using ::testing::HasSubstr;
using testing::Ev;

class EventLogTest : public ::testing::Test {
 protected:
  EventLogTest() : log_(testing::TrackingPlan(), Calendar::ChinaMainland()) {}
  EventLog log_;
};

TEST(EventJsonTest, ParsesAndWritesCanonically) {
  // Keys out of order, indicator values unsorted: the canonical text fixes both.
  Event e = Ev(R"({"kind":"progress","id":"e1","date":"2023-05-10","task":"t_warning",
      "values":{"b":2,"a":1.5},"percent":40,"actor":{"unit":"市财政局"}})");
  EXPECT_EQ(e.kind, EventKind::kProgress);
  ASSERT_EQ(e.values.size(), 2u);
  EXPECT_EQ(e.values[0].indicator, "a");
  EXPECT_EQ(WriteEventJson(e),
            R"({"id":"e1","kind":"progress","date":"2023-05-10","task":"t_warning",)"
            R"("actor":{"unit":"市财政局"},"percent":40.0,"values":{"a":1.5,"b":2.0}})");
  absl::StatusOr<Event> back = ParseEventJson(WriteEventJson(e));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, e);
}

TEST(EventJsonTest, EveryKindRoundTrips) {
  for (int k = 0; k < kEventKindCount; ++k) {
    const auto kind = static_cast<EventKind>(k);
    absl::StatusOr<EventKind> parsed = ParseEventKind(EventKindName(kind));
    ASSERT_TRUE(parsed.ok()) << k;
    EXPECT_EQ(*parsed, kind);
  }
  EXPECT_THAT(ParseEventKind("progres").status().message(),
              HasSubstr("unknown event kind 'progres'"));
}

TEST(EventJsonTest, ErrorsNameTheField) {
  EXPECT_THAT(ParseEventJson(R"({"id":"e","kind":"progress","date":"2023-02-30","task":"t"})")
                  .status().message(),
              HasSubstr("field 'date'"));
  EXPECT_THAT(ParseEventJson(R"({"id":"e","kind":"progress","date":"2023-02-03","task":"t","percent":140})")
                  .status().message(),
              HasSubstr("field 'percent': must be between 0 and 100"));
  EXPECT_THAT(ParseEventJson(R"({"id":"e","kind":"completed","date":"2023-02-03","task":"t","card":"red"})")
                  .status().message(),
              HasSubstr("field 'card': not taken by kind 'completed'"));
  EXPECT_THAT(ParseEventJson(R"({"id":"e","kind":"extension","date":"2023-02-03","task":"t"})")
                  .status().message(),
              HasSubstr("field 'new_due': missing"));
  EXPECT_THAT(ParseEventJson(R"({"id":"e","kind":"progress","date":"2023-02-03","task":"t"})")
                  .status().message(),
              HasSubstr("needs at least one of percent, values, text"));
  EXPECT_THAT(ParseEventJson(R"({"id":"","kind":"progress","date":"2023-02-03"})")
                  .status().message(),
              HasSubstr("field 'id': must not be empty"));
  EXPECT_THAT(ParseEventJson(R"({"id":"e","kind":"progress",)").status().message(),
              HasSubstr("malformed JSON at line 1"));
}

TEST(EventJsonTest, JsonlErrorsNameTheLine) {
  const std::string text =
      "{\"id\":\"a\",\"kind\":\"completed\",\"date\":\"2023-04-01\",\"task\":\"t\"}\n"
      "\n"
      "{\"id\":\"b\",\"kind\":\"completed\",\"date\":\"2023-04-31\",\"task\":\"t\"}\n";
  absl::StatusOr<std::vector<Event>> events = ParseEventsJsonl(text, "e.jsonl");
  ASSERT_FALSE(events.ok());
  EXPECT_THAT(events.status().message(), HasSubstr("e.jsonl:3: field 'date'"));
}

TEST_F(EventLogTest, ResolvesReferencesToIds) {
  ASSERT_TRUE(log_.Append(Ev(R"({"id":"e1","kind":"assigned","date":"2023-03-06",
      "task":"4/二/（一）/1","actor":{"post":"市委常委、市政府常务副市长"},"unit":"市发展改革委"})"))
                  .ok());
  EXPECT_EQ(log_.canonical_json(0),
            R"({"id":"e1","kind":"assigned","date":"2023-03-06","task":"t_hidden_debt",)"
            R"("actor":{"post":"exec_vice_mayor"},"unit":"fgw"})");
}

TEST_F(EventLogTest, SameIdSameContentIsANoOp) {
  const Event e = Ev(R"({"id":"e1","kind":"completed","date":"2023-06-01","task":"t_warning"})");
  ASSERT_EQ(*log_.Append(e), AppendOutcome::kAppended);
  // The same event written with the task's path is the same content.
  EXPECT_EQ(*log_.Append(Ev(R"({"id":"e1","kind":"completed","date":"2023-06-01","task":"4/二/（一）/3"})")),
            AppendOutcome::kDuplicate);
  EXPECT_EQ(log_.size(), 1u);
  absl::StatusOr<AppendOutcome> clash =
      log_.Append(Ev(R"({"id":"e1","kind":"completed","date":"2023-06-02","task":"t_warning"})"));
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(clash.status().message(), HasSubstr("event 'e1' already exists"));
  EXPECT_EQ(log_.size(), 1u);
}

TEST_F(EventLogTest, UnknownNamesGetDidYouMean) {
  absl::StatusOr<AppendOutcome> r =
      log_.Append(Ev(R"({"id":"e","kind":"completed","date":"2023-06-01","task":"t_warnin"})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(r.status().message(), HasSubstr("field 'task'"));
  EXPECT_THAT(r.status().message(), HasSubstr("t_warning"));
  r = log_.Append(Ev(R"({"id":"e","kind":"completed","date":"2023-06-01","task":"t_warning",
      "actor":{"unit":"市财政"}})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(r.status().message(), HasSubstr("市财政局"));
  r = log_.Append(Ev(R"({"id":"e","kind":"progress","date":"2023-06-01","task":"t_warning",
      "values":{"债务风险预警覆盖":50}})"));
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("did you mean '债务风险预警覆盖率'"));
  r = log_.Append(Ev(R"({"id":"e","kind":"report_submitted","date":"2023-06-01",
      "cadence":"c_czj_monthy","period":"2023-05-01"})"));
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("did you mean 'c_czj_monthly'"));
  EXPECT_EQ(log_.size(), 0u);
}

TEST_F(EventLogTest, PeriodMustStartAPeriodOfTheCadence) {
  absl::StatusOr<AppendOutcome> r = log_.Append(Ev(R"({"id":"e","kind":"report_submitted",
      "date":"2023-06-05","cadence":"c_czj_monthly","period":"2023-05-15"})"));
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("did you mean '2023-05-01' (2023年5月)"));
}

TEST_F(EventLogTest, DatesOutsideTheCalendarAreErrors) {
  // The built-in calendar has no notice for 2030: strict mode refuses.
  absl::StatusOr<AppendOutcome> r =
      log_.Append(Ev(R"({"id":"e","kind":"completed","date":"2030-06-01","task":"t_warning"})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(r.status().message(), HasSubstr("field 'date'"));
  EXPECT_THAT(r.status().message(), HasSubstr("2030"));
}

TEST_F(EventLogTest, BatchIsAllOrNothing) {
  std::vector<Event> batch = {
      Ev(R"({"id":"a","kind":"completed","date":"2023-06-01","task":"t_warning"})"),
      Ev(R"({"id":"b","kind":"card_lifted","date":"2023-06-02","card":"yellow","unit":"czj","cause":"a"})"),
      Ev(R"({"id":"c","kind":"completed","date":"2023-06-01","task":"nope"})")};
  absl::StatusOr<size_t> r = log_.AppendBatch(batch);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("event 3 ('c')"));
  EXPECT_EQ(log_.size(), 0u);
  batch.pop_back();  // now valid: b cites a, earlier in the batch
  r = log_.AppendBatch(batch);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(*r, 2u);
  EXPECT_EQ(*log_.AppendBatch(batch), 0u);  // all duplicates
}

// A key given twice is refused with its JSON Pointer, at any depth, rather
// than one of the two values being kept silently.
TEST(EventJsonTest, DuplicateKeysAreErrorsNamingThePointer) {
  absl::StatusOr<Event> e = ParseEventJson(
      R"({"id":"e1","id":"e2","kind":"completed","date":"2023-06-01","task":"t"})");
  EXPECT_EQ(e.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(e.status().message()),
            "duplicate key 'id' at /id (line 1, column 12 (byte 11))");
  e = ParseEventJson(
      R"({"id":"e","kind":"progress","date":"2023-06-01","task":"t","values":{"a":1,"a":2}})");
  EXPECT_THAT(e.status().message(), HasSubstr("duplicate key 'a' at /values/a"));
  absl::StatusOr<std::vector<Event>> lines = ParseEventsJsonl(
      "\n" R"({"id":"e","kind":"unit_change","date":"2023-06-01","change":"merged","from":["a"],"from":["b"]})",
      "ev.jsonl");
  EXPECT_THAT(lines.status().message(),
              HasSubstr("ev.jsonl:2: duplicate key 'from' at /from"));
}

TEST(EventJsonTest, LimitsAreEnforcedAndCanBeRaised) {
  const std::string big =
      R"({"id":"e","kind":"progress","date":"2023-06-01","task":"t","text":")" +
      std::string(size_t{2} << 20, 'x') + "\"}";
  absl::StatusOr<Event> e = ParseEventJson(big);
  EXPECT_EQ(e.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(e.status().message(),
              HasSubstr("more than the limit max_event_bytes (1048576)"));
  TrackingLimits raised;
  raised.max_event_bytes = size_t{4} << 20;
  EXPECT_TRUE(ParseEventJson(big, raised).ok());

  const std::string deep = R"({"id":"e","kind":"progress","date":"2023-06-01","task":"t","note":[[["x"]]]})";
  TrackingLimits shallow;
  shallow.max_depth = 3;
  e = ParseEventJson(deep, shallow);
  EXPECT_EQ(e.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(e.status().message(), HasSubstr("the limit max_depth (3)"));
  shallow.max_depth = 4;  // deep enough to read, then refused for its meaning
  EXPECT_THAT(ParseEventJson(deep, shallow).status().message(),
              HasSubstr("field 'note': expected a string"));

  TrackingLimits two;
  two.max_batch_events = 2;
  const std::string three =
      "{\"id\":\"a\",\"kind\":\"completed\",\"date\":\"2023-06-01\",\"task\":\"t\"}\n"
      "{\"id\":\"b\",\"kind\":\"completed\",\"date\":\"2023-06-01\",\"task\":\"t\"}\n"
      "{\"id\":\"c\",\"kind\":\"completed\",\"date\":\"2023-06-01\",\"task\":\"t\"}\n";
  absl::StatusOr<std::vector<Event>> lines = ParseEventsJsonl(three, "ev.jsonl", two);
  EXPECT_EQ(lines.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(std::string(lines.status().message()),
            "ev.jsonl: a batch of 3 events, more than the limit max_batch_events (2)");
  two.max_batch_events = 3;
  EXPECT_TRUE(ParseEventsJsonl(three, "ev.jsonl", two).ok());
}

TEST(EventLogLimitsTest, TheLogEnforcesItsLimitsAllOrNothing) {
  TrackingLimits limits;
  limits.max_batch_events = 1;
  EventLog log(testing::TrackingPlan(), Calendar::ChinaMainland(), limits);
  EXPECT_EQ(log.limits().max_batch_events, 1u);
  const std::string two =
      R"({"id":"a","kind":"completed","date":"2023-06-01","task":"t_warning"})" "\n"
      R"({"id":"b","kind":"completed","date":"2023-06-02","task":"t_warning"})";
  absl::StatusOr<size_t> n = log.AppendJsonl(two, "ev.jsonl");
  EXPECT_EQ(n.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(n.status().message(), HasSubstr("max_batch_events (1)"));
  EXPECT_EQ(log.size(), 0u);
  std::vector<Event> batch = {
      Ev(R"({"id":"a","kind":"completed","date":"2023-06-01","task":"t_warning"})"),
      Ev(R"({"id":"b","kind":"completed","date":"2023-06-02","task":"t_warning"})")};
  EXPECT_EQ(log.AppendBatch(batch).status().code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(log.size(), 0u);
  batch.pop_back();
  EXPECT_TRUE(log.AppendBatch(batch).ok());
  EXPECT_EQ(log.size(), 1u);
}

TEST_F(EventLogTest, CauseMustBeInTheLog) {
  absl::StatusOr<AppendOutcome> r = log_.Append(
      Ev(R"({"id":"b","kind":"card_lifted","date":"2023-06-02","card":"yellow","unit":"czj","cause":"zz"})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(r.status().message(), HasSubstr("no event 'zz'"));
}

TEST_F(EventLogTest, JsonlAppendNamesTheLineAndRoundTrips) {
  const std::string text =
      "{\"id\":\"a\",\"kind\":\"completed\",\"date\":\"2023-06-01\",\"task\":\"t_warning\"}\n"
      "\n"
      "{\"id\":\"b\",\"kind\":\"accepted\",\"date\":\"2023-06-08\",\"task\":\"t_warnig\"}\n";
  absl::StatusOr<size_t> r = log_.AppendJsonl(text, "s.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("s.jsonl:3 ('b')"));
  EXPECT_EQ(log_.size(), 0u);
  ASSERT_TRUE(log_.AppendJsonl(text.substr(0, text.find('\n') + 1)).ok());
  EXPECT_EQ(log_.ToJsonl(),
            "{\"id\":\"a\",\"kind\":\"completed\",\"date\":\"2023-06-01\",\"task\":\"t_warning\"}\n");
  absl::StatusOr<Event> e = log_.event(0);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->task, "t_warning");
  EXPECT_EQ(log_.Find("a"), std::optional<size_t>(0));
  EXPECT_FALSE(log_.event(1).ok());
}

TEST_F(EventLogTest, HandBuiltEventsAreCheckedToo) {
  Event e;
  e.id = "x";
  e.kind = EventKind::kCardIssued;
  e.date = testing::D("2023-05-05");
  e.unit = "czj";
  absl::StatusOr<AppendOutcome> r = log_.Append(e);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("field 'card': missing"));
}

}  // namespace
}  // namespace dutygraph
