// A small plan shaped like the Hengyang one (衡办〔2023〕7号, annex 4), built
// by hand for the model tests. Facts (who leads what) follow the seed text;
// the tenure change and the unit rename on dates after the issue date are
// invented for the tests and say so.
#ifndef DUTYGRAPH_TESTS_MODEL_SMALL_PLAN_H_
#define DUTYGRAPH_TESTS_MODEL_SMALL_PLAN_H_

#include "dutygraph/plan_data.h"

namespace dutygraph::testing {

inline Date Day(std::string_view iso) { return *Date::Parse(iso); }

inline AssignmentData Assign(Role role, std::string unit, int clause = -1,
                             std::string as_written = "") {
  AssignmentData a;
  a.role = role;
  a.unit = std::move(unit);
  a.clause = clause;
  a.as_written = std::move(as_written);
  return a;
}

inline PlanData SmallPlan() {
  PlanData d;
  d.plan.id = "small";
  d.plan.title = "衡阳市打好防范化解风险阻击仗实施方案（节选）";
  d.plan.year = 2023;
  d.plan.issue_date = Day("2023-03-03");

  d.units = {
      {"city_gov", "市政府", "衡阳市人民政府", {}, "government", "", "", "", ""},
      {"czj", "市财政局", "衡阳市财政局", {}, "department", "city_gov",
       "czj.director", "exec_vice_mayor", ""},
      {"fgw", "市发改委", "衡阳市发展和改革委员会", {"市发展改革委"},
       "department", "city_gov", "fgw.director", "exec_vice_mayor", ""},
      {"jrb", "市金融办", "", {}, "department", "city_gov", "jrb.director", "",
       ""},
      {"yjfj", "衡阳银保监分局", "", {"市银保监分局"}, "financial_regulator",
       "", "", "", ""},
      {"jrjg", "衡阳金融监管分局", "国家金融监督管理总局衡阳监管分局", {},
       "financial_regulator", "", "", "", ""},
      {"zhuxi", "珠晖区", "", {}, "district_government", "", "", "", ""},
      {"yanfeng", "雁峰区", "", {}, "district_government", "", "", "", ""},
  };
  // Invented for the tests: the 2023 reorganisation, dated 2023-11-10.
  d.unit_changes = {{"renamed", Day("2023-11-10"), {"yjfj"}, {"jrjg"}, ""}};
  d.unit_sets = {{"districts", "各城区政府", {"各城区"}, {"zhuxi", "yanfeng"},
                  false, "", ""},
                 {"related", "市直相关部门", {}, {}, true, "", ""}};
  d.posts = {
      {"exec_vice_mayor", "市委常委、市政府常务副市长", "city_gov", "", ""},
      {"czj.director", "市财政局局长", "czj", "exec_vice_mayor", ""},
      {"fgw.director", "市发改委主任", "fgw", "exec_vice_mayor", ""},
      {"jrb.director", "市金融办主任", "jrb", "", ""},
      {"dsg_guo", "市政府副秘书长（郭建中）", "city_gov", "", ""},
  };
  d.people = {{"yu_xinfan", "于新凡", ""},
              {"lei_gaofei", "雷高飞", ""},
              {"lin_xiyang", "林喜洋", ""},
              {"guo_jianzhong", "郭建中", ""},
              {"successor", "继任局长", "invented for the tests"}};
  d.tenures = {
      {"exec_vice_mayor", "yu_xinfan", Day("2023-03-03"), {}, "附件7"},
      // Invented: the 财政局 director changes on 2023-07-01.
      {"czj.director", "lei_gaofei", Day("2023-03-03"), Day("2023-06-30"),
       "附件7"},
      {"czj.director", "successor", Day("2023-07-01"), {}, "invented"},
      {"fgw.director", "lin_xiyang", Day("2023-03-03"), {}, "附件7"},
      {"dsg_guo", "guo_jianzhong", Day("2023-03-03"), {}, "附件7"},
      // jrb.director has no tenure: vacant.
  };
  GroupData dispatch;
  dispatch.id = "g_dispatch";
  dispatch.name = "打好“发展六仗”总调度";
  dispatch.kind = "dispatch";
  dispatch.conveners = {"exec_vice_mayor"};
  dispatch.office_host = "city_gov";
  dispatch.office_director = "dsg_guo";
  GroupData debt;
  debt.id = "g_debt";
  debt.name = "防范化解政府债务风险专班";
  debt.parent = "g_dispatch";
  debt.conveners = {"exec_vice_mayor"};
  debt.deputy_conveners = {"dsg_guo", "czj.director"};
  debt.members_open = true;
  debt.office_host = "czj";
  debt.office_director = "czj.director";
  debt.supervises = {"s_debt"};
  d.groups = {dispatch, debt};

  TaskData part;
  part.id = "p4";
  part.kind = "part";
  part.path = "4";
  part.title = "衡阳市打好防范化解风险阻击仗实施方案";
  TaskData section;
  section.id = "s_debt";
  section.kind = "section";
  section.parent = "p4";
  section.path = "4/二/（一）";
  section.title = "防范化解政府债务风险";
  section.clauses = {{"防范化解政府债务风险（市财政局牵头）", "市财政局牵头", false}};
  section.assignments = {Assign(Role::kLead, "czj", 0, "市财政局")};
  TaskData t1;
  t1.id = "t_hidden_debt";
  t1.parent = "s_debt";
  t1.path = "4/二/（一）/1";
  t1.title = "严禁新增隐性债务";
  t1.clauses = {{"严禁新增隐性债务。（市财政局、市发改委等负责）",
                 "市财政局、市发改委等负责", true}};
  t1.assignments = {Assign(Role::kResponsible, "czj", 0, "市财政局"),
                    Assign(Role::kResponsible, "fgw", 0, "市发展改革委")};
  t1.deadlines = {{"by", "年底前", Day("2023-12-31"), {}, 0, "", 0, ""}};
  TaskData t2;
  t2.id = "t_warning";
  t2.parent = "s_debt";
  t2.path = "4/二/（一）/3";
  t2.title = "健全债务风险预警机制";
  t2.assignments = {Assign(Role::kResponsible, "czj"),
                    Assign(Role::kResponsible, "jrb"),
                    Assign(Role::kResponsible, "yjfj", -1, "市银保监分局")};
  AssignmentData districts;
  districts.role = Role::kSupport;
  districts.unit_set = "districts";
  districts.as_written = "各城区政府";
  t2.assignments.push_back(districts);
  TaskData t3;
  t3.id = "t_vague";
  t3.parent = "s_debt";
  t3.path = "4/二/（一）/2";
  t3.title = "合力化解存量债务";
  AssignmentData related;
  related.role = Role::kResponsible;
  related.unit_set = "related";
  t3.assignments = {related};
  d.tasks = {part, section, t1, t2, t3};
  d.dependencies = {{"t_hidden_debt", "t_warning", "finish_to_start", 0}};
  return d;
}

}  // namespace dutygraph::testing

#endif  // DUTYGRAPH_TESTS_MODEL_SMALL_PLAN_H_
