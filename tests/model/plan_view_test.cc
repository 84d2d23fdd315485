// tests/model/plan_view_test.cc — scoped views leak nothing (plan_view.h).
//
// For every unit and post of the fixture and of the Hengyang plan, on two
// dates (before and after the 2023-11-10 rename), every query of PlanView is
// checked against the plan's own answers: a node is visible to a unit exactly
// when the plan's accountability for it names that unit; every hidden node
// fails every node query exactly like a node that does not exist; lists and
// texts hold visible nodes only and otherwise equal the plan's answers.

#include "dutygraph/plan_view.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dutygraph/plan.h"
#include "dutygraph/plan_answers_json.h"
#include "dutygraph/plan_json.h"
#include "dutygraph/view_schedule.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace dutygraph {
namespace {

Plan Load(const std::string& relative) {
  std::ifstream in(std::string(DG_SOURCE_DIR) + "/" + relative,
                   std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  absl::StatusOr<Plan> plan = LoadPlanJson(buffer.str());
  EXPECT_TRUE(plan.ok()) << plan.status();
  return *std::move(plan);
}

const std::vector<Date>& Days() {
  static const std::vector<Date> days = {*Date::Parse("2023-06-01"),
                                         *Date::Parse("2023-12-01")};
  return days;
}

// ---- schedules through the view (view_schedule.h) ---------------------------

// What a hidden node is known by: its id, its path and its title.
struct HiddenNames {
  std::set<std::string> exact;         // ids, paths, titles
  std::vector<std::string> texts;      // titles and "path title" (ICS)
  std::vector<std::string> allowed;    // texts that may contain a hidden
                                       // title: the plan's, visible nodes'
};

HiddenNames NamesOf(const Plan& plan, const PlanView& view) {
  HiddenNames names;
  names.allowed.push_back(plan.data().plan.title);
  for (uint32_t t = 0; t < plan.data().tasks.size(); ++t) {
    const TaskData& task = plan.data().tasks[t];
    if (view.Sees(TaskIndex{t})) {
      names.allowed.push_back(task.title);
      names.allowed.push_back(task.path + " " + task.title);
      continue;
    }
    names.exact.insert(task.id);
    if (!task.path.empty()) names.exact.insert(task.path);
    if (!task.title.empty()) {
      names.exact.insert(task.title);
      names.texts.push_back(task.title);
      names.texts.push_back(task.path + " " + task.title);
    }
  }
  // A name a visible node shares (several parts have a section titled
  // 重点任务) does not identify a hidden one; nor does a part's path, a bare
  // number like the "0" of a CSV flag.
  for (uint32_t t = 0; t < plan.data().tasks.size(); ++t) {
    if (!view.Sees(TaskIndex{t})) continue;
    const TaskData& task = plan.data().tasks[t];
    for (const std::string* name : {&task.id, &task.path, &task.title}) {
      names.exact.erase(*name);
      std::erase(names.texts, *name);
    }
  }
  // Nor does the name of a public record (the organisation is not secret;
  // an annex node may carry its group's name as its title).
  std::vector<std::string> public_names;
  for (const GroupData& g : plan.data().groups) public_names.push_back(g.name);
  for (const UnitData& u : plan.data().units) public_names.push_back(u.name);
  for (const CadenceData& c : plan.data().cadences) {
    public_names.push_back(c.name);
  }
  for (const std::string& name : public_names) {
    names.exact.erase(name);
    std::erase(names.texts, name);
    names.allowed.push_back(name);
  }
  std::erase_if(names.exact, [](const std::string& name) {
    return name.find_first_not_of("0123456789") == std::string::npos;
  });
  // Longest first, so a visible title is cut out before its parts.
  std::sort(names.allowed.begin(), names.allowed.end(),
            [](const std::string& a, const std::string& b) {
              return a.size() > b.size();
            });
  return names;
}

// `text` with every allowed text cut out: what is left cannot name a hidden
// node by a title it shares with a visible one or the plan.
std::string WithoutAllowed(std::string text, const HiddenNames& names) {
  for (const std::string& a : names.allowed) {
    if (a.empty()) continue;
    for (size_t at = text.find(a); at != std::string::npos;
         at = text.find(a, at)) {
      text.replace(at, a.size(), "\x01");
    }
  }
  return text;
}

void ExpectNoHiddenText(const std::string& text, const HiddenNames& names,
                        const std::string& what) {
  const std::string rest = WithoutAllowed(text, names);
  for (const std::string& hidden : names.texts) {
    EXPECT_EQ(rest.find(hidden), std::string::npos)
        << what << " names hidden '" << hidden << "'";
  }
}

// Every string in a JSON document, keys and values.
void ExpectNoHiddenJson(const std::string& text, const HiddenNames& names,
                        const std::string& what) {
  const nlohmann::json json = nlohmann::json::parse(text);
  std::vector<const nlohmann::json*> stack = {&json};
  while (!stack.empty()) {
    const nlohmann::json* j = stack.back();
    stack.pop_back();
    if (j->is_string()) {
      EXPECT_EQ(names.exact.count(j->get<std::string>()), 0u)
          << what << " holds hidden '" << j->get<std::string>() << "'";
    }
    for (auto it = j->begin(); j->is_structured() && it != j->end(); ++it) {
      if (j->is_object()) {
        EXPECT_EQ(names.exact.count(it.key()), 0u) << what;
      }
      stack.push_back(&*it);
    }
  }
  ExpectNoHiddenText(text, names, what);
}

// Every CSV field (RFC 4180 quotes).
void ExpectNoHiddenCsv(const std::string& text, const HiddenNames& names,
                       const std::string& what) {
  std::string field;
  bool quoted = false;
  auto end_field = [&] {
    EXPECT_EQ(names.exact.count(field), 0u)
        << what << " has the hidden field '" << field << "'";
    field.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',' || c == '\n') {
      end_field();
    } else {
      field += c;
    }
  }
  ExpectNoHiddenText(text, names, what);
}

// iCalendar: unfolded, unescaped, then searched for the hidden texts.
void ExpectNoHiddenIcs(const std::string& text, const HiddenNames& names,
                       const std::string& what) {
  std::string plain;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    if (text[i] == '\\' && i + 1 < text.size()) {
      plain += text[i + 1] == 'n' ? '\n' : text[i + 1];
      ++i;
      continue;
    }
    plain += text[i];
  }
  ExpectNoHiddenText(plain, names, what);
}

// Every schedule query through the view: the plan's answers restricted to
// the visible nodes, and no output naming a hidden one.
void CheckScheduleNoLeak(const Plan& plan, const PlanView& view) {
  const PlanData& d = plan.data();
  const HiddenNames names = NamesOf(plan, view);
  const Calendar cal = Calendar::ChinaMainland(CalendarMode::kProvisional);
  const Date from = *Date::Parse("2023-03-01");
  const Date to = *Date::Parse("2024-12-31");
  const std::string who = view.viewer() + " on " + view.on().ToString();

  // Due dates: the plan's, filtered by the view's task set here.
  absl::StatusOr<std::vector<TaskDue>> dues =
      TasksDueBetween(view, cal, std::nullopt, from, to);
  absl::StatusOr<std::vector<TaskDue>> all =
      TasksDueBetween(plan, cal, std::nullopt, from, to);
  ASSERT_TRUE(dues.ok() && all.ok()) << dues.status() << all.status();
  std::vector<TaskDue> expected;
  for (const TaskDue& due : *all) {
    const bool seen = std::any_of(
        view.tasks().begin(), view.tasks().end(),
        [&](const ViewedTask& t) { return t.task == due.task; });
    if (seen) expected.push_back(due);
  }
  ASSERT_EQ(dues->size(), expected.size()) << who;
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ((*dues)[i].task, expected[i].task);
    EXPECT_EQ((*dues)[i].deadline, expected[i].deadline);
    EXPECT_EQ((*dues)[i].due, expected[i].due);
    EXPECT_EQ((*dues)[i].reminder, expected[i].reminder);
  }
  const Date late = *Date::Parse("2024-02-01");
  absl::StatusOr<std::vector<TaskDue>> overdue =
      TasksOverdueAsOf(view, cal, std::nullopt, late);
  absl::StatusOr<std::vector<TaskDue>> all_overdue =
      TasksOverdueAsOf(plan, cal, std::nullopt, late);
  ASSERT_TRUE(overdue.ok() && all_overdue.ok());
  std::erase_if(*all_overdue,
                [&](const TaskDue& t) { return !view.Sees(t.task); });
  EXPECT_EQ(overdue->size(), all_overdue->size()) << who;
  for (uint32_t t = 0; t < d.tasks.size(); ++t) {
    absl::StatusOr<std::vector<TaskDue>> one =
        TaskDueDates(view, cal, TaskIndex{t}, from, to);
    if (view.Sees(TaskIndex{t})) {
      ASSERT_TRUE(one.ok()) << one.status();
      EXPECT_EQ(one->size(), TaskDueDates(plan, cal, TaskIndex{t}, from, to)
                                 ->size());
    } else {
      EXPECT_EQ(one.status().code(), absl::StatusCode::kNotFound);
      EXPECT_EQ(one.status().message(), "task index " + std::to_string(t) +
                                            " is not in this view");
    }
  }

  // Occurrences: only of visible groups, of the viewer's own units, or of
  // cadences owned by a visible task's leads.
  const Date occ_from = *Date::Parse("2023-09-01");
  const Date occ_to = *Date::Parse("2023-10-31");
  absl::StatusOr<std::vector<Occurrence>> occurrences =
      CadenceOccurrences(view, cal, occ_from, occ_to);
  ASSERT_TRUE(occurrences.ok()) << occurrences.status();
  std::set<std::string> known;
  for (const Occurrence& o : *occurrences) {
    const CadenceData& c = d.cadences[o.cadence];
    known.insert(c.id);
    if (o.group) {
      EXPECT_TRUE(view.SeesGroup(*o.group)) << who << " " << c.id;
    } else if (c.owner_role == "task_leads") {
      EXPECT_TRUE(std::any_of(c.owner_tasks.begin(), c.owner_tasks.end(),
                              [&](const std::string& id) {
                                return view.Sees(*plan.FindTask(id));
                              }))
          << who << " " << c.id;
    }
  }
  // A cadence the view has no row of is unknown, suggestions among its own.
  for (const CadenceData& c : d.cadences) {
    OccurrenceFilter only;
    only.cadences = {c.id};
    absl::StatusOr<std::vector<Occurrence>> one =
        CadenceOccurrences(view, cal, occ_from, occ_to, only);
    if (known.count(c.id) != 0) {
      EXPECT_TRUE(one.ok()) << one.status();
      continue;
    }
    if (one.ok()) {
      EXPECT_TRUE(one->empty()) << who << " " << c.id;  // none in range
      continue;
    }
    EXPECT_EQ(one.status().code(), absl::StatusCode::kNotFound);
    only.cadences = {c.id + "x"};
    const std::string message(
        CadenceOccurrences(view, cal, occ_from, occ_to, only)
            .status()
            .message());
    const size_t mean = message.find("did you mean '");
    if (mean != std::string::npos) {
      const std::string suggested =
          message.substr(mean + 14, message.find('\'', mean + 14) - mean - 14);
      absl::StatusOr<std::vector<Occurrence>> check = CadenceOccurrences(
          view, cal, occ_from, occ_to, OccurrenceFilter{{suggested}, {}});
      EXPECT_TRUE(check.ok()) << message;
    }
  }

  // The exports, fed the *plan's* answers: they keep the view's part only.
  absl::StatusOr<std::vector<Occurrence>> plan_occurrences =
      CadenceOccurrences(plan, cal, occ_from, occ_to);
  ASSERT_TRUE(plan_occurrences.ok());
  ExpectNoHiddenJson(OccurrencesJson(view, *plan_occurrences), names,
                     who + " occurrences JSON");
  ExpectNoHiddenCsv(OccurrencesCsv(view, *plan_occurrences), names,
                    who + " occurrences CSV");
  ExpectNoHiddenJson(TaskDuesJson(view, *all), names, who + " dues JSON");
  ExpectNoHiddenCsv(TaskDuesCsv(view, *all), names, who + " dues CSV");
  const std::string ics = ScheduleIcs(view, *plan_occurrences, *all);
  ExpectNoHiddenIcs(ics, names, who + " ICS");
  EXPECT_EQ(TaskDuesJson(view, *all), TaskDuesJson(plan, *dues));
  EXPECT_EQ(OccurrencesJson(view, *plan_occurrences),
            OccurrencesJson(plan, *occurrences));

  // The critical path: the visible tasks, flags for unfollowed links, and
  // hidden durations ignored whatever they hold.
  std::vector<int32_t> durations(d.tasks.size() + 5, -1);
  for (const ViewedTask& t : view.tasks()) durations[t.task.value] = 1;
  absl::StatusOr<ViewCriticalPathAnswer> cp =
      ComputeCriticalPath(view, durations, cal, from);
  ASSERT_TRUE(cp.ok()) << cp.status();
  ASSERT_EQ(cp->tasks.size(), view.tasks().size());
  for (size_t i = 0; i < cp->tasks.size(); ++i) {
    const ViewTaskSchedule& entry = cp->tasks[i];
    EXPECT_EQ(entry.task, view.tasks()[i].task);
    bool before = false, after = false;
    for (const DependencyData& dep : d.dependencies) {
      const TaskIndex a = *plan.FindTask(dep.from), b = *plan.FindTask(dep.to);
      before = before || (b == entry.task && !view.Sees(a));
      after = after || (a == entry.task && !view.Sees(b));
    }
    EXPECT_EQ(entry.predecessor_outside_view, before);
    EXPECT_EQ(entry.successor_outside_view, after);
  }
  for (TaskIndex t : cp->critical_tasks) EXPECT_TRUE(view.Sees(t));

  // The picture: rows of visible tasks only, every one with a due date in
  // the range drawn.
  GanttOptions gantt;
  gantt.max_rows = 1000;
  gantt.project_start = from;
  absl::StatusOr<std::string> svg =
      ScheduleGanttSvg(view, cal, from, *Date::Parse("2023-12-31"), gantt);
  ASSERT_TRUE(svg.ok()) << svg.status();
  for (uint32_t t = 0; t < d.tasks.size(); ++t) {
    const std::string row = "data-task=\"" + d.tasks[t].id + "\"";
    if (!view.Sees(TaskIndex{t})) {
      EXPECT_EQ(svg->find(row), std::string::npos) << who << " " << row;
    }
  }
  for (const TaskDue& due : *dues) {
    if (due.due.ToString() > "2023-12-31") continue;
    EXPECT_NE(svg->find("data-task=\"" + d.tasks[due.task.value].id + "\""),
              std::string::npos)
        << who;
  }
  ExpectNoHiddenText(*svg, names, who + " Gantt SVG");
  ExpectNoHiddenJson(CriticalPathJson(view, *cp), names, who + " CPM JSON");
  if (!view.tasks().empty()) {
    durations[view.tasks()[0].task.value] = -1;
    absl::StatusOr<ViewCriticalPathAnswer> bad =
        ComputeCriticalPath(view, durations, cal, from);
    EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
    ExpectNoHiddenText(std::string(bad.status().message()), names,
                       who + " CPM error");
  }
}

// The checks every view must pass, whoever the viewer.
void CheckNoLeak(const Plan& plan, const PlanView& view) {
  const Date on = view.on();
  const PlanData& d = plan.data();
  std::set<std::string> hidden_ids;
  for (uint32_t t = 0; t < d.tasks.size(); ++t) {
    if (!view.Sees(TaskIndex{t})) hidden_ids.insert(d.tasks[t].id);
  }
  // Node queries: hidden = absent.
  Accountability got, want;
  for (uint32_t t = 0; t < d.tasks.size(); ++t) {
    const TaskIndex task{t};
    const TaskData& data = d.tasks[t];
    if (view.Sees(task)) {
      ASSERT_TRUE(view.AccountabilityOf(task, &got).ok());
      ASSERT_TRUE(plan.AccountabilityOf(task, on, &want).ok());
      EXPECT_EQ(AccountabilityJson(plan, got), AccountabilityJson(plan, want));
      EXPECT_EQ(*view.FindTask(data.id), task);
      EXPECT_TRUE(view.Task(task).ok());
      continue;
    }
    absl::Status s = view.AccountabilityOf(task, &got);
    EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
    EXPECT_EQ(s.message(), "task index " + std::to_string(t) +
                               " is not in this view");
    EXPECT_TRUE(got.units.empty());
    EXPECT_EQ(view.Task(task).status().code(), absl::StatusCode::kNotFound);
    absl::StatusOr<TaskIndex> found = view.FindTask(data.id);
    ASSERT_EQ(found.status().code(), absl::StatusCode::kNotFound);
    // "unknown task 'x'", with at most a visible node suggested.
    const std::string message(found.status().message());
    EXPECT_EQ(message.rfind("unknown task '" + data.id + "'", 0), 0u)
        << message;
    for (const std::string& other : hidden_ids) {
      EXPECT_EQ(message.find("did you mean '" + other + "'"),
                std::string::npos)
          << message;
    }
  }
  // Past the end: the same words as hidden.
  EXPECT_EQ(view.AccountabilityOf(TaskIndex{900000}, &got).message(),
            "task index 900000 is not in this view");

  // Lists: the plan's answers restricted to visible nodes.
  std::vector<UnitTask> view_tasks, plan_tasks;
  for (uint32_t u = 0; u < d.units.size(); ++u) {
    absl::Status vs = view.TasksOfUnit(UnitIndex{u}, {}, &view_tasks);
    absl::Status ps = plan.TasksOfUnit(UnitIndex{u}, on, {}, &plan_tasks);
    ASSERT_EQ(vs.code(), ps.code());
    std::erase_if(plan_tasks,
                  [&](const UnitTask& t) { return !view.Sees(t.task); });
    ASSERT_EQ(view_tasks.size(), plan_tasks.size());
    for (size_t i = 0; i < view_tasks.size(); ++i) {
      EXPECT_EQ(view_tasks[i].task, plan_tasks[i].task);
      EXPECT_EQ(view_tasks[i].role, plan_tasks[i].role);
    }
  }
  std::vector<PersonTask> view_people, plan_people;
  for (uint32_t p = 0; p < d.people.size(); ++p) {
    ASSERT_TRUE(view.TasksOfPerson(PersonIndex{p}, on, on, &view_people).ok());
    ASSERT_TRUE(plan.TasksOfPerson(PersonIndex{p}, on, on, &plan_people).ok());
    std::erase_if(plan_people,
                  [&](const PersonTask& t) { return !view.Sees(t.task); });
    ASSERT_EQ(view_people.size(), plan_people.size());
  }
  // Workloads count visible nodes: recount from the filtered lists.
  for (const Workload& w : view.Workloads()) {
    ASSERT_TRUE(view.TasksOfUnit(w.unit, {}, &view_tasks).ok());
    std::set<uint32_t> distinct;
    for (const UnitTask& t : view_tasks) distinct.insert(t.task.value);
    EXPECT_EQ(w.total, static_cast<int32_t>(distinct.size()));
    EXPECT_GT(w.total, 0);
  }
  // RACI rows: visible ids only; every visible node with assignments of
  // its own has a row.
  const std::string csv = view.RaciCsv();
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);  // header
  size_t rows = 0;
  while (std::getline(lines, line)) {
    const std::string id = line.substr(0, line.find(','));
    EXPECT_EQ(hidden_ids.count(id), 0u) << id;
    ++rows;
  }
  size_t expected_rows = 0;
  const std::string full = plan.RaciCsv(on);
  std::istringstream full_lines(full);
  std::getline(full_lines, line);
  while (std::getline(full_lines, line)) {
    const std::string id = line.substr(0, line.find(','));
    expected_rows += hidden_ids.count(id) == 0;
  }
  EXPECT_EQ(rows, expected_rows);
  for (const Lint& lint : view.Lints()) {
    EXPECT_EQ(lint.pointer.rfind("/tasks/", 0), 0u) << lint.pointer;
  }
  const std::string json = PlanViewJson(view);
  for (const std::string& id : hidden_ids) {
    EXPECT_EQ(json.find("\"id\":\"" + id + "\""), std::string::npos) << id;
  }
  CheckScheduleNoLeak(plan, view);
}

class PlanViewLeakTest : public testing::TestWithParam<const char*> {};

TEST_P(PlanViewLeakTest, EveryUnitSeesExactlyItsTasks) {
  const Plan plan = Load(GetParam());
  const PlanData& d = plan.data();
  size_t views = 0, some_hidden = 0;
  for (const Date& on : Days()) {
    for (uint32_t u = 0; u < d.units.size(); ++u) {
      absl::StatusOr<PlanView> view = PlanView::ForUnit(plan, UnitIndex{u}, on);
      absl::StatusOr<UnitIndex> resolved = plan.ResolveUnit(UnitIndex{u}, on);
      ASSERT_EQ(view.status().code(), resolved.status().code());
      if (!view.ok()) continue;
      ++views;
      Accountability who;
      for (uint32_t t = 0; t < d.tasks.size(); ++t) {
        ASSERT_TRUE(plan.AccountabilityOf(TaskIndex{t}, on, &who).ok());
        const bool named = std::any_of(
            who.units.begin(), who.units.end(),
            [&](const AccountableUnit& a) { return a.unit == *resolved; });
        bool is_public = false;
        for (const TaskData* n = &d.tasks[t]; n != nullptr;) {
          is_public = is_public || n->is_public;
          auto parent = plan.FindTask(n->parent);
          n = n->parent.empty() || !parent.ok() ? nullptr : &plan.task(*parent);
        }
        EXPECT_EQ(view->Sees(TaskIndex{t}), named || is_public)
            << d.units[u].id << " task " << d.tasks[t].id << " on "
            << on.ToString();
      }
      some_hidden += view->tasks().size() < d.tasks.size();
      CheckNoLeak(plan, *view);
    }
  }
  EXPECT_GT(views, 0u);
  EXPECT_GT(some_hidden, 0u);  // the test would prove nothing otherwise
}

TEST_P(PlanViewLeakTest, EveryPostSeesAtLeastItsHoldersTasks) {
  const Plan plan = Load(GetParam());
  const PlanData& d = plan.data();
  for (const Date& on : Days()) {
    for (uint32_t p = 0; p < d.posts.size(); ++p) {
      absl::StatusOr<PlanView> view = PlanView::ForPost(plan, PostIndex{p}, on);
      ASSERT_TRUE(view.ok()) << view.status();
      // Whoever holds the post is tied to these nodes through it.
      if (std::optional<PersonIndex> holder = plan.HolderOf(PostIndex{p}, on)) {
        std::vector<PersonTask> ties;
        ASSERT_TRUE(plan.TasksOfPerson(*holder, on, on, &ties).ok());
        for (const PersonTask& t : ties) {
          if (t.post.value != p) continue;
          EXPECT_TRUE(view->Sees(t.task))
              << d.posts[p].id << " task " << d.tasks[t.task.value].id;
        }
      }
      CheckNoLeak(plan, *view);
    }
  }
  EXPECT_EQ(PlanView::ForPost(plan, PostIndex{100000}, Days()[0])
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Plans, PlanViewLeakTest,
                         testing::Values("tests/data/small_plan.json",
                                         "examples/hengyang-2023/plan.json"),
                         [](const auto& info) {
                           return std::string(info.param).find("small") !=
                                          std::string::npos
                                      ? std::string("SmallPlan")
                                      : std::string("Hengyang");
                         });

TEST(PlanViewTest, PublicNodesAndTheirSubtreeAreVisibleToAll) {
  // Mark the section public: it and its three tasks become visible to a
  // unit without any role there (雁峰区 has only a support role through
  // 各城区政府 on t_warning).
  std::ifstream in(std::string(DG_SOURCE_DIR) + "/tests/data/small_plan.json");
  std::stringstream buffer;
  buffer << in.rdbuf();
  absl::StatusOr<PlanData> data = ParsePlanJson(buffer.str());
  ASSERT_TRUE(data.ok());
  for (TaskData& t : data->tasks) t.is_public = t.id == "s_debt";
  absl::StatusOr<Plan> plan = Plan::Build(*std::move(data));
  ASSERT_TRUE(plan.ok());
  const Date on = Days()[0];
  absl::StatusOr<PlanView> view =
      PlanView::ForUnit(*plan, *plan->FindUnit("雁峰区"), on);
  ASSERT_TRUE(view.ok());
  std::vector<std::string> ids;
  for (const ViewedTask& t : view->tasks()) {
    ids.push_back(plan->task(t.task).id);
    EXPECT_TRUE(t.reasons & kViewPublic);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"s_debt", "t_hidden_debt",
                                           "t_warning", "t_vague"}));
  EXPECT_FALSE(view->Sees(*plan->FindTask("p4")));
  // The role reason is kept beside the public one.
  EXPECT_EQ(view->tasks()[2].reasons, kViewRole | kViewPublic);
}

TEST(PlanViewTest, HandWorkedFixtureViews) {
  const Plan plan = Load("tests/data/small_plan.json");
  const Date on = Days()[0];
  auto ids = [&](const PlanView& view) {
    std::vector<std::string> out;
    for (const ViewedTask& t : view.tasks()) out.push_back(plan.task(t.task).id);
    return out;
  };
  // 市财政局 leads the section: it sees it and every task in it, and the
  // debt group whose office it hosts.
  absl::StatusOr<PlanView> czj =
      PlanView::ForUnit(plan, *plan.FindUnit("czj"), on);
  ASSERT_TRUE(czj.ok());
  EXPECT_EQ(ids(*czj), (std::vector<std::string>{"s_debt", "t_hidden_debt",
                                                 "t_warning", "t_vague"}));
  ASSERT_EQ(czj->groups().size(), 1u);
  EXPECT_EQ(plan.group(czj->groups()[0]).id, "g_debt");
  // 市发改委: t_hidden_debt only.
  absl::StatusOr<PlanView> fgw =
      PlanView::ForUnit(plan, *plan.FindUnit("fgw"), on);
  EXPECT_EQ(ids(*fgw), (std::vector<std::string>{"t_hidden_debt"}));
  EXPECT_EQ(fgw->FindTask("t_hidden_debx").status().message(),
            "unknown task 't_hidden_debx'; did you mean 't_hidden_debt'?");
  EXPECT_EQ(fgw->FindTask("t_warnin").status().message(),
            "unknown task 't_warnin'");
  // 衡阳金融监管分局 sees nothing before the rename, t_warning after.
  EXPECT_TRUE(PlanView::ForUnit(plan, *plan.FindUnit("jrjg"), on)
                  ->tasks()
                  .empty());
  EXPECT_EQ(ids(*PlanView::ForUnit(plan, *plan.FindUnit("jrjg"), Days()[1])),
            (std::vector<std::string>{"t_warning"}));
  // The chief dispatcher's post (常务副市长 convenes the dispatch group):
  // everything the groups under it supervise.
  absl::StatusOr<PlanView> mayor =
      PlanView::ForPost(plan, *plan.FindPost("exec_vice_mayor"), on);
  ASSERT_TRUE(mayor.ok());
  EXPECT_EQ(ids(*mayor), (std::vector<std::string>{"s_debt", "t_hidden_debt",
                                                   "t_warning", "t_vague"}));
  EXPECT_EQ(mayor->viewer(), "post exec_vice_mayor (市委常委、市政府常务副市长)");
}

}  // namespace
}  // namespace dutygraph

namespace dutygraph {
namespace {

// The fixture with a monthly report owed by the leads of t_hidden_debt and
// t_warning, and 市发改委 made a lead of t_hidden_debt: 市财政局 leads both
// (its section, 4/二/（一）, is headed 市财政局牵头).
Plan WithSharedReport() {
  std::ifstream in(std::string(DG_SOURCE_DIR) + "/tests/data/small_plan.json");
  std::stringstream buffer;
  buffer << in.rdbuf();
  nlohmann::json json = nlohmann::json::parse(buffer.str());
  json["cadences"] = nlohmann::json::parse(R"([{
      "id": "c_debt_monthly", "name": "债务月报", "kind": "circular",
      "period": "month", "due": {"rule": "last_working_day"},
      "owner": {"role": "task_leads",
                "tasks": ["t_hidden_debt", "t_warning"]}}])");
  for (nlohmann::json& task : json["tasks"]) {
    if (task["id"] == "t_hidden_debt") {
      task["assignments"].push_back(
          nlohmann::json{{"role", "lead"}, {"unit", "fgw"}});
    }
  }
  absl::StatusOr<Plan> plan = LoadPlanJson(json.dump());
  EXPECT_TRUE(plan.ok()) << plan.status();
  return *std::move(plan);
}

std::vector<std::string> OwnerNames(const Plan& plan, const Occurrence& o) {
  std::vector<std::string> names;
  for (UnitIndex u : o.owner_units) names.push_back(plan.unit(u).name);
  return names;
}

TEST(ViewScheduleTest, TaskLeadsReportNamesOnlyTheVisibleTasksLeads) {
  const Plan plan = WithSharedReport();
  const Calendar cal = Calendar::ChinaMainland();
  const Date on = *Date::Parse("2023-06-01");
  const Date from = *Date::Parse("2023-09-01");
  const Date to = *Date::Parse("2023-09-30");
  // The plan: one September report, due on its last working day, Thursday
  // 2023-09-28 (09-29 starts the 中秋国庆 holiday), owed by both leads.
  absl::StatusOr<std::vector<Occurrence>> all =
      CadenceOccurrences(plan, cal, from, to);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].due, *Date::Parse("2023-09-28"));
  EXPECT_EQ(OwnerNames(plan, (*all)[0]),
            (std::vector<std::string>{"市财政局", "市发改委"}));
  // 市金融办 sees t_warning: the report concerns it, but 市发改委 leads
  // only the hidden task and is left out.
  absl::StatusOr<PlanView> jrb =
      PlanView::ForUnit(plan, *plan.FindUnit("市金融办"), on);
  absl::StatusOr<std::vector<Occurrence>> mine =
      CadenceOccurrences(*jrb, cal, from, to);
  ASSERT_TRUE(mine.ok()) << mine.status();
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].due, *Date::Parse("2023-09-28"));
  EXPECT_EQ(OwnerNames(plan, (*mine)[0]),
            (std::vector<std::string>{"市财政局"}));
  // Filtered by 市发改委, the view has nothing: its lead is on a hidden task.
  OccurrenceFilter by_fgw;
  by_fgw.unit = *plan.FindUnit("市发改委");
  EXPECT_TRUE(CadenceOccurrences(*jrb, cal, from, to, by_fgw)->empty());
  // 市财政局 sees both tasks: the plan's answer.
  absl::StatusOr<PlanView> czj =
      PlanView::ForUnit(plan, *plan.FindUnit("市财政局"), on);
  EXPECT_EQ(OccurrencesJson(*czj, *CadenceOccurrences(*czj, cal, from, to)),
            OccurrencesJson(plan, *all));
  // 珠晖区 (support on t_warning through 各城区政府) sees it too; a unit
  // with no task under either sees no report, and its id is unknown.
  absl::StatusOr<PlanView> zhuhui =
      PlanView::ForUnit(plan, *plan.FindUnit("珠晖区"), on);
  EXPECT_EQ(CadenceOccurrences(*zhuhui, cal, from, to)->size(), 1u);
  // 衡阳金融监管分局 has no task before the 2023-11-10 rename.
  absl::StatusOr<PlanView> jrjg =
      PlanView::ForUnit(plan, *plan.FindUnit("jrjg"), on);
  ASSERT_TRUE(jrjg.ok() && jrjg->tasks().empty());
  EXPECT_TRUE(CadenceOccurrences(*jrjg, cal, from, to)->empty());
  OccurrenceFilter by_id;
  by_id.cadences = {"c_debt_monthly"};
  EXPECT_EQ(CadenceOccurrences(*jrjg, cal, from, to, by_id).status().message(),
            "unknown cadence 'c_debt_monthly'");
}

TEST(ViewScheduleTest, HandWorkedDueDatesAndCriticalPath) {
  const Plan plan = Load("tests/data/small_plan.json");
  const Calendar cal = Calendar::ChinaMainland();
  const Date on = *Date::Parse("2023-06-01");
  const Date jan1 = *Date::Parse("2023-01-01");
  const Date dec31 = *Date::Parse("2023-12-31");
  absl::StatusOr<PlanView> jrb =
      PlanView::ForUnit(plan, *plan.FindUnit("市金融办"), on);
  absl::StatusOr<PlanView> fgw =
      PlanView::ForUnit(plan, *plan.FindUnit("市发改委"), on);
  ASSERT_TRUE(jrb.ok() && fgw.ok());
  // 年底前 = 2023-12-31 (a Sunday, as stated), reminder three working days
  // before: 2023-12-27.
  absl::StatusOr<std::vector<TaskDue>> dues =
      TasksDueBetween(*fgw, cal, std::nullopt, jan1, dec31);
  ASSERT_TRUE(dues.ok());
  ASSERT_EQ(dues->size(), 1u);
  EXPECT_EQ(plan.task((*dues)[0].task).id, "t_hidden_debt");
  EXPECT_EQ((*dues)[0].due, dec31);
  EXPECT_EQ((*dues)[0].reminder, *Date::Parse("2023-12-27"));
  EXPECT_TRUE(TasksDueBetween(*jrb, cal, std::nullopt, jan1, dec31)->empty());
  absl::StatusOr<std::vector<TaskDue>> hidden = TaskDueDates(
      *jrb, cal, *plan.FindTask("t_hidden_debt"), jan1, dec31);
  EXPECT_EQ(hidden.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(hidden.status().message(), "task index 2 is not in this view");

  // t_hidden_debt (2 days) -> t_warning (3 days) from Thursday 2023-09-28:
  // the whole chain finishes 2023-10-10; 市金融办's t_warning alone
  // occupies 09-28, 10-07 and 10-08 (the make-up weekend) and is flagged.
  std::vector<int32_t> days(5, 0);
  days[plan.FindTask("t_hidden_debt")->value] = 2;
  days[plan.FindTask("t_warning")->value] = 3;
  const Date start = *Date::Parse("2023-09-28");
  EXPECT_EQ(ComputeCriticalPath(plan, days, cal, start)->project_finish_date,
            *Date::Parse("2023-10-10"));
  absl::StatusOr<ViewCriticalPathAnswer> cp =
      ComputeCriticalPath(*jrb, days, cal, start);
  ASSERT_TRUE(cp.ok()) << cp.status();
  EXPECT_EQ(cp->project_finish_date, *Date::Parse("2023-10-08"));
  ASSERT_EQ(cp->tasks.size(), 1u);
  EXPECT_EQ(plan.task(cp->tasks[0].task).id, "t_warning");
  EXPECT_TRUE(cp->tasks[0].predecessor_outside_view);
  EXPECT_FALSE(cp->tasks[0].successor_outside_view);
  EXPECT_EQ(cp->tasks[0].times.earliest_start_date, start);
  // 市发改委 sees the other end: its task leads out of the view.
  cp = ComputeCriticalPath(*fgw, days, cal, start);
  ASSERT_TRUE(cp.ok());
  ASSERT_EQ(cp->tasks.size(), 1u);
  EXPECT_TRUE(cp->tasks[0].successor_outside_view);
  EXPECT_EQ(cp->project_finish_date, *Date::Parse("2023-10-07"));
  EXPECT_EQ(CriticalPathJson(*fgw, *cp).find("t_warning"), std::string::npos);
}

}  // namespace
}  // namespace dutygraph
