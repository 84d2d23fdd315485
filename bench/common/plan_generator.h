// bench/common/plan_generator.h — a seeded generator of province-scale plans.
//
// The shape (issue 3's benchmark): 2,000 units (100 of them county
// governments), 200 groups, 100,000 tasks under 6 parts and 600 sections,
// about 300,000 assignments (one lead, one to three supports or responsibles,
// and one assignment in ten to a unit set of 6 counties), 20,000
// finish-to-start dependencies (always from an earlier task to a later one,
// so acyclic), a head post per unit and a tenure per post. The same seed gives
// the same plan on every platform.
#ifndef DUTYGRAPH_BENCH_COMMON_PLAN_GENERATOR_H_
#define DUTYGRAPH_BENCH_COMMON_PLAN_GENERATOR_H_

#include <string>

#include "dutygraph/plan_data.h"
#include "random_dates.h"

namespace dutygraph::bench {

struct PlanShape {
  int units = 2000;
  int county_units = 100;
  int groups = 200;
  int parts = 6;
  int sections = 600;
  int tasks = 100'000;
  int dependencies = 20'000;
};

inline PlanData GeneratePlan(const PlanShape& shape, uint64_t seed = kBenchSeed) {
  SplitMix64 rng(seed);
  PlanData d;
  d.plan.id = "province";
  d.plan.title = "省级实施方案（基准测试生成）";
  d.plan.year = 2023;
  d.plan.issue_date = *Date::FromYmd(2023, 3, 3);
  const Date start = *d.plan.issue_date;

  d.units.reserve(shape.units);
  d.posts.reserve(shape.units + shape.groups);
  d.people.reserve(shape.units + shape.groups);
  d.tenures.reserve(shape.units + shape.groups);
  auto add_post = [&](const std::string& id, const std::string& title,
                      const std::string& unit) {
    d.posts.push_back({id, title, unit, "", ""});
    d.people.push_back({"p." + id, "人员" + id, ""});
    d.tenures.push_back({id, "p." + id, start, std::nullopt, ""});
  };
  for (int u = 0; u < shape.units; ++u) {
    const std::string id = "u" + std::to_string(u);
    UnitData unit;
    unit.id = id;
    unit.name = "单位" + std::to_string(u);
    unit.aliases = {"省单位" + std::to_string(u)};
    unit.kind = u < shape.county_units ? "county_government" : "department";
    unit.head_post = id + ".head";
    d.units.push_back(std::move(unit));
    add_post(id + ".head", "单位" + std::to_string(u) + "主要负责人", id);
  }
  // Unit sets: 20 sets of 6 county governments each.
  for (int s = 0; s < 20; ++s) {
    UnitSetData set;
    set.id = "set" + std::to_string(s);
    set.name = "片区" + std::to_string(s) + "各县市区";
    for (int k = 0; k < 6; ++k) {
      set.members.push_back(
          "u" + std::to_string((s * 5 + k) % shape.county_units));
    }
    d.unit_sets.push_back(std::move(set));
  }
  // Groups: one dispatch group over task forces.
  for (int g = 0; g < shape.groups; ++g) {
    GroupData group;
    group.id = "g" + std::to_string(g);
    group.name = "专班" + std::to_string(g);
    group.kind = g == 0 ? "dispatch" : "task_force";
    if (g > 0) group.parent = "g0";
    add_post(group.id + ".convener", "专班" + std::to_string(g) + "召集人", "");
    group.conveners = {group.id + ".convener"};
    group.deputy_conveners = {
        "u" + std::to_string(static_cast<int>(rng.UniformInt(0, shape.units - 1))) +
        ".head"};
    group.office_host = "u" + std::to_string(static_cast<int>(rng.UniformInt(0, shape.units - 1)));
    group.office_director = group.office_host + ".head";
    d.groups.push_back(std::move(group));
  }
  // The tree: parts, sections, tasks (sections spread over the parts).
  d.tasks.reserve(shape.parts + shape.sections + shape.tasks);
  for (int p = 0; p < shape.parts; ++p) {
    TaskData part;
    part.id = "p" + std::to_string(p);
    part.kind = "part";
    part.path = std::to_string(p);
    part.title = "第" + std::to_string(p) + "部分";
    d.tasks.push_back(std::move(part));
  }
  for (int s = 0; s < shape.sections; ++s) {
    TaskData section;
    section.id = "s" + std::to_string(s);
    section.kind = "section";
    section.parent = "p" + std::to_string(s % shape.parts);
    section.path = std::to_string(s % shape.parts) + "/" + std::to_string(s);
    section.title = "重点任务" + std::to_string(s);
    d.groups[1 + s % (shape.groups - 1)].supervises.push_back(section.id);
    d.tasks.push_back(std::move(section));
  }
  auto random_unit = [&] {
    return "u" + std::to_string(static_cast<int>(rng.UniformInt(0, shape.units - 1)));
  };
  for (int t = 0; t < shape.tasks; ++t) {
    TaskData task;
    task.id = "t" + std::to_string(t);
    const int s = t % shape.sections;
    task.parent = "s" + std::to_string(s);
    task.path = std::to_string(s % shape.parts) + "/" + std::to_string(s) + "/" +
                std::to_string(t / shape.sections + 1);
    task.title = "任务" + std::to_string(t);
    task.clauses = {{"任务" + std::to_string(t) + "的条款。", "", false}};
    AssignmentData lead;
    lead.role = Role::kLead;
    lead.unit = random_unit();
    lead.clause = 0;
    task.assignments.push_back(std::move(lead));
    const int others = static_cast<int>(rng.UniformInt(1, 3));
    for (int k = 0; k < others; ++k) {
      AssignmentData a;
      a.role = rng.UniformInt(0, 1) ? Role::kSupport : Role::kResponsible;
      a.clause = 0;
      if (rng.UniformInt(0, 9) == 0) {
        a.unit_set = "set" + std::to_string(static_cast<int>(rng.UniformInt(0, 19)));
      } else {
        a.unit = random_unit();
      }
      task.assignments.push_back(std::move(a));
    }
    task.deadlines = {{"by", "年底前", *Date::FromYmd(2023, 12, 31), {}, 0, "", 0, ""}};
    d.tasks.push_back(std::move(task));
  }
  d.dependencies.reserve(shape.dependencies);
  for (int k = 0; k < shape.dependencies; ++k) {
    const int a = static_cast<int>(rng.UniformInt(0, shape.tasks - 2));
    const int b = static_cast<int>(rng.UniformInt(a + 1, shape.tasks - 1));
    d.dependencies.push_back({"t" + std::to_string(a), "t" + std::to_string(b),
                              "finish_to_start",
                              static_cast<int>(rng.UniformInt(0, 5))});
  }
  return d;
}

}  // namespace dutygraph::bench

#endif  // DUTYGRAPH_BENCH_COMMON_PLAN_GENERATOR_H_
