// Tests of the schedule exports (schedule_export.h) on hand-built inputs:
// RFC 5545 line folding, TEXT escaping, CRLF, stable UIDs, and the JSON/CSV
// shapes of docs/schedules.md.
#include "dutygraph/schedule_export.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "dutygraph/period.h"
#include "dutygraph/plan.h"
#include "dutygraph/schedule.h"
#include "nlohmann/json.hpp"

namespace dutygraph {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

// One unit, one group, one cadence, one task with one deadline. `group_name`
// and `title` let a test put long or special text into the output.
Plan MakePlan(const std::string& group_name, const std::string& title) {
  PlanData d;
  d.plan.id = "p";
  d.plan.title = "测试方案";
  d.plan.issue_date = D("2023-03-03");
  d.plan.year = 2023;
  UnitData unit;
  unit.id = "u1";
  unit.name = "市发改委";
  d.units.push_back(unit);
  GroupData g;
  g.id = "g1";
  g.name = group_name;
  g.office_host = "u1";
  d.groups.push_back(g);
  CadenceData c;
  c.id = "c1";
  c.name = "旬简报";
  c.kind = "briefing";
  c.period = PeriodKind::kDekad;
  c.due_rule = "nth_working_day_after_end";
  c.due_n = 2;
  c.owner_role = "group_lead";
  c.owner_groups = {"g1"};
  d.cadences.push_back(c);
  TaskData t;
  t.id = "t1";
  t.kind = "part";  // a top-level node: no parent needed
  t.number = "1";
  t.path = "1";
  t.title = title;
  DeadlineData deadline;
  deadline.kind = "by";
  deadline.text = "年底前";
  deadline.date = D("2023-12-31");
  t.deadlines.push_back(deadline);
  d.tasks.push_back(t);
  absl::StatusOr<Plan> plan = Plan::Build(std::move(d));
  EXPECT_TRUE(plan.ok()) << plan.status();
  return *plan;
}

Occurrence MakeOccurrence(const char* day_in_period, const char* due) {
  // Occurrence has no default constructor (Period has none).
  Occurrence o{0, GroupIndex{0}, std::nullopt,
               *Period::Of(D(day_in_period), PeriodKind::kDekad),
               "", Date(), "", {}, {}, {}, {}, false};
  o.period_label = o.period.Label();
  o.due = D(due);
  o.kind = "briefing";
  o.owner_units = {UnitIndex{0}};
  return o;
}

TaskDue MakeDue() {
  TaskDue due;
  due.task = TaskIndex{0};
  due.deadline = 0;
  due.due = D("2023-12-31");
  due.reminder = D("2023-12-27");
  return due;
}

// The physical lines of `ics` (split on CRLF; the last, empty, dropped).
std::vector<std::string> Lines(const std::string& ics) {
  std::vector<std::string> lines;
  size_t at = 0;
  while (at < ics.size()) {
    const size_t end = ics.find("\r\n", at);
    EXPECT_NE(end, std::string::npos) << "unterminated last line";
    if (end == std::string::npos) break;
    lines.push_back(ics.substr(at, end - at));
    at = end + 2;
  }
  return lines;
}

// Undoes folding: a line starting with a space continues the previous one.
std::vector<std::string> Unfold(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (const std::string& line : lines) {
    if (!line.empty() && line[0] == ' ' && !out.empty()) {
      out.back() += line.substr(1);
    } else {
      out.push_back(line);
    }
  }
  return out;
}

std::string Find(const std::vector<std::string>& lines,
                 const std::string& prefix) {
  for (const std::string& line : lines) {
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  }
  return "<missing " + prefix + ">";
}

bool IsValidUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    const int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3
                                                 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (int k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

TEST(ScheduleIcs, CrlfOnlyAndFoldedAt75OctetsOnCharacterBoundaries) {
  // 40 CJK characters = 120 octets: the SUMMARY must fold, twice or more.
  std::string long_name;
  for (int i = 0; i < 40; ++i) long_name += "专";
  const Plan plan = MakePlan(long_name, "任务");
  const std::string ics = ScheduleIcs(
      plan, {MakeOccurrence("2023-09-25", "2023-10-08")}, {MakeDue()});

  // Every LF is part of a CRLF.
  for (size_t i = 0; i < ics.size(); ++i) {
    if (ics[i] == '\n') {
      ASSERT_TRUE(i > 0 && ics[i - 1] == '\r') << i;
    }
    if (ics[i] == '\r') {
      ASSERT_TRUE(i + 1 < ics.size() && ics[i + 1] == '\n') << i;
    }
  }
  const std::vector<std::string> lines = Lines(ics);
  int continuations = 0;
  for (const std::string& line : lines) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_TRUE(IsValidUtf8(line)) << line;
    continuations += !line.empty() && line[0] == ' ';
  }
  EXPECT_GE(continuations, 2);
  const std::vector<std::string> unfolded = Unfold(lines);
  EXPECT_EQ(Find(unfolded, "SUMMARY:"),
            "旬简报 2023年9月下旬 — " + long_name);
  EXPECT_EQ(unfolded.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(unfolded.back(), "END:VCALENDAR");
  EXPECT_EQ(Find(unfolded, "DTSTART;VALUE=DATE:"), "20231008");
  EXPECT_EQ(Find(unfolded, "DTEND;VALUE=DATE:"), "20231009");
  // Deterministic: the plan's issue date, not the clock.
  EXPECT_EQ(Find(unfolded, "DTSTAMP:"), "20230303T000000Z");
}

TEST(ScheduleIcs, FoldsAsciiAtExactly75Octets) {
  const std::string title(200, 'x');
  const Plan plan = MakePlan("g", title);
  const std::vector<std::string> lines =
      Lines(ScheduleIcs(plan, {}, {MakeDue()}));
  bool saw_full_line = false;
  for (const std::string& line : lines) {
    EXPECT_LE(line.size(), 75u);
    saw_full_line |= line.size() == 75;
  }
  EXPECT_TRUE(saw_full_line);
  EXPECT_EQ(Find(Unfold(lines), "SUMMARY:"), "截止 1 " + title);
}

TEST(ScheduleIcs, EscapesTextValues) {
  const Plan plan = MakePlan("g", "a\\b;c,d\ne\r\nf");
  const std::vector<std::string> lines =
      Unfold(Lines(ScheduleIcs(plan, {}, {MakeDue()})));
  EXPECT_EQ(Find(lines, "SUMMARY:"), "截止 1 a\\\\b\\;c\\,d\\ne\\nf");
}

TEST(ScheduleIcs, AlarmAtNineInChinaOnTheReminderDay) {
  const Plan plan = MakePlan("g", "任务");
  const std::vector<std::string> lines =
      Unfold(Lines(ScheduleIcs(plan, {}, {MakeDue()})));
  EXPECT_EQ(Find(lines, "BEGIN:"), "VCALENDAR");
  EXPECT_EQ(Find(lines, "TRIGGER;VALUE=DATE-TIME:"), "20231227T010000Z");
  TaskDue no_reminder = MakeDue();
  no_reminder.reminder.reset();
  EXPECT_EQ(ScheduleIcs(plan, {}, {no_reminder}).find("VALARM"),
            std::string::npos);
}

TEST(ScheduleIcs, UidsAreStableFnv1aHashesOfTheEventKey) {
  const Plan plan = MakePlan("g", "任务");
  IcsOptions options;
  options.uid_domain = "example.org";
  const Occurrence occ = MakeOccurrence("2023-09-25", "2023-10-08");
  const std::string uid = Find(
      Unfold(Lines(ScheduleIcs(plan, {occ}, {}, options))), "UID:");
  // FNV-1a 64 of "p|c1|g1||2023-09-21", worked out independently below.
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : std::string("p|c1|g1||2023-09-21")) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(hash));
  EXPECT_EQ(uid, std::string(hex) + "@example.org");

  // Same key, other due date (a calendar change) and other owners: same UID.
  Occurrence moved = occ;
  moved.due = D("2023-10-09");
  moved.owner_units.clear();
  EXPECT_EQ(Find(Unfold(Lines(ScheduleIcs(plan, {moved}, {}, options))),
                 "UID:"),
            uid);
  // Another period: another UID.
  const Occurrence next = MakeOccurrence("2023-10-05", "2023-10-12");
  EXPECT_NE(Find(Unfold(Lines(ScheduleIcs(plan, {next}, {}, options))),
                 "UID:"),
            uid);
}

TEST(ScheduleJson, OccurrenceShape) {
  const Plan plan = MakePlan("某专班", "任务");
  const auto json = nlohmann::json::parse(
      OccurrencesJson(plan, {MakeOccurrence("2023-09-25", "2023-10-08")}));
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["due"], "2023-10-08");
  EXPECT_EQ(json[0]["cadence"]["id"], "c1");
  EXPECT_EQ(json[0]["period"]["label"], "2023年9月下旬");
  EXPECT_EQ(json[0]["period"]["start"], "2023-09-21");
  EXPECT_EQ(json[0]["group"]["name"], "某专班");
  EXPECT_TRUE(json[0]["member"].is_null());
  EXPECT_EQ(json[0]["owners"]["units"][0]["name"], "市发改委");
}

TEST(ScheduleCsv, QuotesFieldsWithCommas) {
  const Plan plan = MakePlan("g", "甲,乙");
  const std::string csv = TaskDuesCsv(plan, {MakeDue()});
  EXPECT_EQ(csv,
            "due,reminder,task_id,task_path,task_title,deadline_index,"
            "deadline_kind,deadline_text,period_label,provisional\n"
            "2023-12-31,2023-12-27,t1,1,\"甲,乙\",0,by,年底前,,0\n");
}

}  // namespace
}  // namespace dutygraph
