// dutygraph/plan_data.h — the plan as plain, mutable records.
//
// `PlanData` mirrors the plan JSON format (docs/plan-format.md) one to one:
// each vector is a top-level array, each struct a record, references are ids.
// It is what the JSON loader produces and the writer consumes, and the input
// of the validating builder (`Plan::Build` in plan.h), which turns it into an
// immutable, indexed snapshot. Build a PlanData by hand, from JSON
// (io/plan_json.h), or from a document (the importer).
//
// Thread safety: plain values; no internal synchronisation.
#ifndef DUTYGRAPH_PLAN_DATA_H_
#define DUTYGRAPH_PLAN_DATA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dutygraph/date.h"
#include "dutygraph/period.h"

namespace dutygraph {

// Values are stable: the C API uses the same numbers.
enum class Role : int32_t {
  kLead = 0,         // 牵头 (several: co-leads; X会同Y牵头: both)
  kSupport = 1,      // 配合
  kResponsible = 2,  // 负责, 按职责分工负责, a bare list
  kParticipate = 3,  // 参与
};
inline constexpr int kRoleCount = 4;

// "lead", "support", "responsible", "participate".
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

struct PlanInfo {
  std::string id;
  std::string title;
  std::string document_number;       // 衡办〔2023〕7号
  std::vector<std::string> issuers;  // 中共衡阳市委办公室, ...
  std::optional<Date> issue_date;
  int year = 0;                      // the plan year: 年底前 = its 12-31
  std::string jurisdiction;          // 衡阳市
  std::string source;
};

struct UnitData {
  std::string id;
  std::string name;       // as most often printed: 市发改委
  std::string full_name;  // 衡阳市发展和改革委员会
  std::vector<std::string> aliases;
  std::string kind = "other";  // see docs/plan-format.md
  std::string parent;          // unit id, may be empty
  std::string head_post;       // post id, may be empty
  std::string supervising_post;  // 分管领导's post id, may be empty
  std::string notes;
};

struct UnitChangeData {
  std::string kind;  // renamed, merged, split, abolished
  Date date;
  std::vector<std::string> from;  // unit ids
  std::vector<std::string> to;    // unit ids (empty when abolished)
  std::string note;
};

struct UnitSetData {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> members;  // unit ids
  bool open = false;                 // 相关部门: the document leaves it open
  std::string group;                 // stands for this group's members
  std::string notes;
};

struct PostData {
  std::string id;
  std::string title;     // 市委常委、市政府常务副市长
  std::string unit;      // unit id, may be empty
  std::string superior;  // post id, may be empty
  std::string notes;
};

struct PersonData {
  std::string id;
  std::string name;
  std::string notes;
};

struct TenureData {
  std::string post;    // post id
  std::string person;  // person id
  Date from;
  std::optional<Date> to;  // inclusive; nullopt: open-ended
  std::string source;
};

struct GroupData {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  std::string kind = "task_force";  // dispatch, task_force, command, ...
  std::string parent;               // group id, may be empty
  std::vector<std::string> conveners;         // post ids
  std::vector<std::string> deputy_conveners;  // post ids
  std::vector<std::string> guiding_posts;     // post ids
  std::vector<std::string> members;           // unit ids
  bool members_open = false;
  std::string member_rule;      // 相关单位分管领导为成员
  std::string office_host;      // unit id
  std::string office_director;  // post id
  std::vector<std::string> supervises;  // task-tree node ids
  std::string source;
  std::string notes;
};

struct ClauseData {
  std::string text;
  std::string annotation;  // 市文旅广体局牵头，市卫健委等配合
  bool open_list = false;  // the annotation ends a list with 等
};

// Exactly one of unit, unit_set, post, group is set.
struct AssignmentData {
  Role role = Role::kLead;
  std::string unit;
  std::string unit_set;
  std::string post;
  std::string group;  // the group's member units
  int clause = -1;    // index into the node's clauses, -1: the node itself
  std::string as_written;
};

struct DeadlineData {
  std::string kind;  // by, end_of_period, relative, recurring
  std::string text;
  std::optional<Date> date;           // by, end_of_period
  std::optional<PeriodKind> period;   // end_of_period, recurring
  int working_days = 0;               // relative
  std::string after;                  // relative: the event
  int day = 0;                        // recurring: day of the period, 0: none
  std::string notes;
};

struct TargetData {
  std::string text;
  std::string indicator;
  std::string comparator;  // >=, <=, ~=, >, <, =, between
  double value = 0;
  std::optional<double> value_max;  // between
  std::string unit;
  std::optional<double> baseline;
  std::optional<Date> due;
  std::string notes;
};

struct TaskData {
  std::string id;
  std::string kind = "task";  // part, section, task
  std::string parent;         // node id, empty for parts
  std::string number;         // as printed: 1, （一）, 二
  std::string path;           // 1/二/（一）/1
  std::string title;
  std::string text;
  int line = 0;               // line in the source document, 0: unknown
  int duration_working_days = 0;  // for the critical path; 0: a milestone
  std::vector<ClauseData> clauses;
  std::vector<AssignmentData> assignments;
  std::vector<DeadlineData> deadlines;
  std::vector<TargetData> targets;
  bool is_public = false;     // JSON key "public"
  std::string notes;
};

struct DependencyData {
  std::string from;  // task id: must finish ...
  std::string to;    // ... before this one starts
  std::string type = "finish_to_start";
  int lag_working_days = 0;
};

// A reference to a record of one of several kinds: exactly one is set.
struct RefData {
  std::string unit;
  std::string post;
  std::string group;
  std::string unit_set;
};

struct CadenceData {
  std::string id;
  std::string name;    // 旬简报
  std::string kind;    // briefing, circular, summary, dispatch, ...
  PeriodKind period = PeriodKind::kMonth;
  std::string due_rule;  // nth_working_day_after_end, last_working_day, ...
  int due_n = 0;
  int due_day = 0;
  std::string due_roll;  // following, preceding, ...
  std::string owner_role;  // group_lead, group_office, task_leads, unit, ...
  std::vector<std::string> owner_groups;
  std::string owner_unit;
  std::string owner_unit_set;
  std::vector<std::string> owner_tasks;
  std::vector<RefData> recipients;
  std::string source;
  std::string text;
};

struct EscalationRuleData {
  std::string id;
  std::string trigger;   // working_days_overdue, consecutive_missed_reports, ...
  int n = 0;
  double percent = 0;
  std::string card;      // yellow_card, red_card (cards_in_window, carry_over)
  int window_days = 0;
  std::string action;    // remind, circular, interview, ...
  std::vector<std::string> audience;  // lead_unit, lead_unit_head, ...
  int cooldown_working_days = 0;
  std::string text;
};

struct EscalationPolicyData {
  std::string id;
  int version = 1;
  std::vector<std::string> applies_to;  // task-tree node ids
  std::vector<EscalationRuleData> rules;
  std::string source;
  std::string text;
};

struct PlanData {
  PlanInfo plan;
  std::vector<UnitData> units;
  std::vector<UnitChangeData> unit_changes;
  std::vector<UnitSetData> unit_sets;
  std::vector<PostData> posts;
  std::vector<PersonData> people;
  std::vector<TenureData> tenures;
  std::vector<GroupData> groups;
  std::vector<TaskData> tasks;
  std::vector<DependencyData> dependencies;
  std::vector<CadenceData> cadences;
  std::vector<EscalationPolicyData> escalation;
};

}  // namespace dutygraph

#endif  // DUTYGRAPH_PLAN_DATA_H_
