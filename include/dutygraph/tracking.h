// dutygraph/tracking.h — status as of a date, the escalation ladder,
// rankings, lifecycle accountability and the 台账 ledger, all computed from a
// Plan, a Calendar, an EventLog (events.h) and a TrackingPolicy.
//
// A TrackingPolicy is data (JSON format `dutygraph/policy@1`,
// docs/tracking.md): the red/yellow/green light rule (time *and* pace), pace
// profiles (序时进度 checkpoints per indicator), escalation policies (ordered
// rules trigger → action → audience with cool-down and repeat; several
// versions of one policy may coexist) and ranking formulas.
//
// Every evaluation is a pure function of (plan, calendar, policy, events,
// as-of date): events dated after the as-of date are ignored, and the same
// inputs give the same answer byte for byte. Escalations are idempotent: an
// action recorded in the log (the event ToEvent() makes of it, or any event
// of the action's kind about the same task or unit in the same ladder run) is
// not issued again.
//
// Status rules (docs/tracking.md has the worked examples):
//   due date      the latest extension's new_due, else the due date of the
//                 latest `assigned` event that set one, else the latest of
//                 the task's own by/end_of_period/relative deadlines, else
//                 (policy `default_due: plan_year_end`) the plan year's
//                 12-31. Recurring deadlines are rhythms, not completion
//                 dates.
//   state         closed (accepted or closed, not reopened since);
//                 completed_awaiting_acceptance (completed, not reopened);
//                 overdue (as_of after the due date); due_soon (at most
//                 `due_soon_working_days` working days before it);
//                 in_progress (any progress, report or reopening);
//                 not_started.
//   overdue       working days in (due, as_of] on the official calendar.
//   missed        an occurrence of a cadence the task reports under (its
//                 group's group_lead/group_office cadences, task_leads
//                 cadences naming it, unit / unit_set_members cadences owned
//                 by a lead unit) is missed when no matching
//                 report_submitted event is dated on or before its due date
//                 and the as-of date is after it; consecutive missed reports
//                 count back from the latest occurrence due before as_of.
//   attainment    per target, the latest reported value against the target
//                 (from the baseline when given), capped to 0..1; the task's
//                 is the mean over targets with a value, else the latest
//                 percent / 100; 1 once completed.
//   pace          expected progress (序时进度): the share of working days
//                 elapsed from the start (first assignment, else the plan's
//                 issue date) to the due date, or the policy's checkpoints
//                 for the indicator; pace_behind = expected − attained, in
//                 percentage points (known only when progress was reported).
//
// Thread safety: a Tracker is an immutable value; any number of threads may
// evaluate concurrently (each with its own answer objects) provided nobody
// appends to the EventLog being read.
#ifndef DUTYGRAPH_TRACKING_H_
#define DUTYGRAPH_TRACKING_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dutygraph/calendar.h"
#include "dutygraph/date.h"
#include "dutygraph/events.h"
#include "dutygraph/period.h"
#include "dutygraph/plan.h"

namespace dutygraph {

// ---------------------------------------------------------------------------
// Policy
// ---------------------------------------------------------------------------

// Values are stable (C API).
enum class TriggerKind : int32_t {
  kWorkingDaysOverdue = 0,        // n
  kConsecutiveMissedReports = 1,  // n
  kPaceBehind = 2,                // percent (points)
  kCardsInWindow = 3,             // card, n, window_days (per unit)
  kCarryOver = 4,                 // card in the previous year (per unit)
  kIncident = 5,                  // each incident event
};
enum class ActionKind : int32_t {
  kRemind = 0,             // 催办     -> event reminder
  kCircular = 1,           // 通报     -> circular
  kInterview = 2,          // 约谈     -> interview
  kWarning = 3,            // 警示     -> warning
  kYellowCard = 4,         // 黄牌     -> card_issued yellow
  kRedCard = 5,            // 红牌     -> card_issued red
  kListedSupervision = 6,  // 挂牌督办 -> listed
  kExposure = 7,           // 曝光     -> exposure
  kJointSanction = 8,      // 联合惩戒 -> joint_sanction
  kAccountability = 9,     // 问责     -> accountability
};
enum class AudienceKind : int32_t {
  kLeadUnit = 0,
  kLeadUnitHead = 1,
  kSupervisingLeader = 2,
  kGroupConvener = 3,
  kChiefDispatcher = 4,
  kSupportUnits = 5,
};
std::string_view TriggerKindName(TriggerKind k);
std::string_view ActionKindName(ActionKind k);
std::string_view AudienceKindName(AudienceKind k);

struct EscalationRule {
  std::string id;
  TriggerKind trigger = TriggerKind::kWorkingDaysOverdue;
  int n = 0;
  double percent = 0;
  std::string card;  // "yellow" / "red" (cards_in_window, carry_over)
  int window_days = 0;
  ActionKind action = ActionKind::kRemind;
  std::vector<AudienceKind> audience;
  // The action is issued again (at most `repeat` times per ladder run, 0:
  // without limit) once `cooldown_working_days` have passed since it was
  // last recorded, while the trigger still holds.
  int cooldown_working_days = 0;
  int repeat = 1;
  std::string text;
};

struct EscalationPolicy {
  std::string id;
  int version = 1;
  std::vector<std::string> applies_to;  // task-tree node ids (subtrees)
  std::vector<EscalationRule> rules;    // in order
  std::string source;
  std::string text;
};

// A light condition holds when any of its set thresholds is reached.
struct LightCondition {
  std::optional<int> working_days_overdue;
  std::optional<double> pace_behind;  // percentage points
  std::optional<int> missed_reports;  // consecutive
  std::optional<int> open_cards;      // yellow + red, on the task
  std::optional<int> open_red_cards;
  bool due_soon = false;
  bool listed = false;
};

// red if a red condition holds, else yellow if a yellow one does, else
// green; closed tasks are green.
struct LightRule {
  LightCondition red;
  LightCondition yellow;
};

struct PaceCheckpoint {
  Date date;
  double percent = 0;  // expected progress on that date
};
struct PaceProfile {
  std::string indicator;  // TargetData::indicator
  std::vector<PaceCheckpoint> checkpoints;  // by date
};

struct RankingFormula {
  std::string id;
  int version = 1;
  // score = on_time_completion × share of due work done on time (0..1)
  //       + indicator_attainment × mean attainment (0..1)
  //       + missed_report × missed reports + yellow_card × yellow cards
  //       + red_card × red cards          (penalty weights are negative)
  double on_time_completion = 0;
  double indicator_attainment = 0;
  double missed_report = 0;
  double yellow_card = 0;
  double red_card = 0;
  double role_weights[kRoleCount] = {1.0, 0.5, 1.0, 0.25};  // by Role
  std::string text;
};

struct TrackingPolicy {
  std::string id;
  int version = 1;
  int due_soon_working_days = 5;
  bool default_due_plan_year_end = true;
  // The cadences whose missed occurrences count against tasks (ids; empty:
  // every cadence of the plan).
  std::vector<std::string> report_cadences;
  LightRule light;
  std::vector<PaceProfile> pace;
  // Several versions of one policy id may be listed; new ladder runs use the
  // highest version, running ones keep theirs (docs/tracking.md).
  std::vector<EscalationPolicy> escalation;
  std::vector<RankingFormula> rankings;
  std::string text;
};

// ParsePolicyJson(): `dutygraph/policy@1` text -> TrackingPolicy.
// INVALID_ARGUMENT naming the JSON Pointer of the offending value, or of a
// key given twice ("policy: duplicate key 'action' at
// /escalation/0/rules/1/action (line 14, column 9 (byte 412))").
// RESOURCE_EXHAUSTED past limits.max_policy_bytes or limits.max_depth
// (events.h).
absl::StatusOr<TrackingPolicy> ParsePolicyJson(
    std::string_view json, const TrackingLimits& limits = {});
// LoadPolicyFile(): the same for a file (NOT_FOUND if it cannot be read;
// an oversized file is refused before it is read).
absl::StatusOr<TrackingPolicy> LoadPolicyFile(
    const std::string& path, const TrackingLimits& limits = {});

// PolicyFromPlan(): the default light rule and ranking formula with the
// plan's own escalation policies (PlanData::escalation).
absl::StatusOr<TrackingPolicy> PolicyFromPlan(const Plan& plan);

// ---------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------

// Values are stable (C API).
enum class TaskState : int32_t {
  kNotStarted = 0,
  kInProgress = 1,
  kDueSoon = 2,
  kOverdue = 3,
  kCompletedAwaitingAcceptance = 4,
  kClosed = 5,
};
inline constexpr int kTaskStateCount = 6;
enum class Light : int32_t { kGreen = 0, kYellow = 1, kRed = 2 };

// "not_started", ... "closed"; Chinese: 未启动, 推进中, 临期, 逾期,
// 已办结待验收, 已销号.
std::string_view TaskStateName(TaskState s);
std::string_view TaskStateLabel(TaskState s);
std::string_view LightName(Light l);  // green, yellow, red

struct TargetStatus {
  uint32_t target = 0;            // index into the task's targets
  std::optional<double> value;    // latest reported value
  std::optional<Date> reported_on;
  std::optional<double> attainment;  // 0..1
  std::optional<double> expected;    // 0..1
};

struct TaskStatus {
  TaskIndex task;
  Date as_of;
  TaskState state = TaskState::kNotStarted;
  Light light = Light::kGreen;
  std::vector<std::string> light_reasons;  // "working_days_overdue 12 >= 10"
  std::optional<Date> due;
  std::string due_source;  // extension:<id>, assigned:<id>, deadline, plan_year_end
  int32_t working_days_overdue = 0;
  std::optional<Date> started_on;
  std::optional<Date> completed_on;
  int32_t working_days_late = 0;  // completion after the due date
  std::optional<Date> closed_on;
  int32_t consecutive_missed_reports = 0;
  std::optional<double> percent;     // latest reported
  std::optional<double> attainment;  // 0..1
  std::optional<double> expected;    // 0..1 (序时进度)
  std::optional<double> pace_behind;  // percentage points
  std::vector<TargetStatus> targets;
  int32_t open_yellow_cards = 0;
  int32_t open_red_cards = 0;
  bool listed = false;
  std::optional<Date> run_start;  // the current ladder run began (extension/reopening)
  std::optional<uint32_t> last_progress;  // log position of the latest progress
  uint32_t events = 0;  // events about the task up to as_of
};

// Aggregates over tasks (leaves of kind "task").
struct Rollup {
  std::optional<TaskIndex> node;  // a section or part
  std::optional<UnitIndex> unit;  // a lead unit
  int32_t tasks = 0;
  int32_t by_state[kTaskStateCount] = {0, 0, 0, 0, 0, 0};
  int32_t by_light[3] = {0, 0, 0};
  Light worst = Light::kGreen;
  std::optional<double> mean_attainment;
};

struct StatusReport {
  Date as_of;
  std::vector<TaskStatus> tasks;  // plan order
  std::vector<Rollup> nodes;      // sections and parts, plan order
  std::vector<Rollup> units;      // lead units, plan order
};

// ---------------------------------------------------------------------------
// Escalations
// ---------------------------------------------------------------------------

struct AudienceMember {
  AudienceKind role = AudienceKind::kLeadUnit;
  std::optional<UnitIndex> unit;
  std::optional<PostHolder> post;  // person nullopt: vacant that day
};

// A part of a rule's audience that reaches nobody on the date, and why:
// "市安委办 has no head post in the plan on 2023-07-14" (the unit is set), "task
// 1/一 ... has no supervising working group in the plan on 2023-07-14". A
// vacant post is not unresolved: it stays in the audience, its holder's
// person empty.
struct UnresolvedAudience {
  AudienceKind role = AudienceKind::kLeadUnit;
  std::optional<UnitIndex> unit;  // the lead unit lacking the post
  std::string reason;
};

struct EscalationFact {
  std::string_view name;  // a literal: static storage
  std::string value;
};

struct DueAction {
  std::string policy;
  int policy_version = 1;
  std::string rule;
  uint32_t rule_index = 0;
  ActionKind action = ActionKind::kRemind;
  std::optional<TaskIndex> task;  // task-level triggers
  std::optional<UnitIndex> unit;  // the unit concerned (cards, listing)
  // Unit-level actions: the task-tree node of the event that caused them
  // (the card's task), so the recording event stays in the policy's scope.
  std::optional<TaskIndex> scope;
  Date on;
  int occurrence = 1;     // the n-th time in this ladder run
  std::string cause;      // the event that caused it (incident, card)
  std::vector<AudienceMember> audience;
  // The audience parts that reach nobody; each reason is also in the
  // explanation, which ends "; nobody to address" when the audience is
  // empty.
  std::vector<UnresolvedAudience> unresolved;
  std::string explanation;
  std::vector<EscalationFact> facts;
  std::string event_id;   // the id ToEvent() gives the recording event
};

// ToEvent(): the event that records `action` as taken (kind by action,
// policy/version/rule/cause set, the unit and task), to append to the log.
Event ToEvent(const Plan& plan, const DueAction& action);

// ---------------------------------------------------------------------------
// Rankings, lifecycle, ledger
// ---------------------------------------------------------------------------

struct RankingRow {
  UnitIndex unit;
  int rank = 0;  // 1-based; equal scores share a rank (1, 2, 2, 4)
  double score = 0;  // rounded to 2 decimals
  double on_time_completion = 0;       // 0..1
  int32_t tasks_due = 0;               // weighted items behind it
  double indicator_attainment = 0;     // 0..1
  int32_t attainment_items = 0;
  int32_t missed_reports = 0;
  int32_t yellow_cards = 0;
  int32_t red_cards = 0;
};
struct Ranking {
  std::string formula;
  int formula_version = 1;
  std::string period_label;  // 2023年第二季度
  Date period_start;
  Date period_end;
  std::string unit_set;
  std::vector<RankingRow> rows;  // by rank, ties in the set's member order
};

struct LifecycleEntry {
  std::string event_id;
  Date date;
  EventKind kind = EventKind::kProgress;
  Actor actor;  // ids; kind kNone when the event names no actor
};
// 谁部署、谁落实、谁检查、谁整改、谁验收.
struct Lifecycle {
  TaskIndex task;
  std::vector<LifecycleEntry> deployed;     // assigned
  std::vector<LifecycleEntry> implemented;  // progress, reports, completed
  std::vector<LifecycleEntry> inspected;    // inspection, reminder, circular,
                                            // interview, warning, cards, ...
  std::vector<LifecycleEntry> rectified;    // progress/completed after a
                                            // finding, card or reopening
  std::vector<LifecycleEntry> accepted;     // accepted, closed
};

// ---------------------------------------------------------------------------
// The evaluator
// ---------------------------------------------------------------------------

class Tracker {
 public:
  // Create()
  //
  // Checks `policy` against the plan (applies_to nodes exist, indicators of
  // pace profiles exist) and precomputes per task what does not depend on
  // events: deadlines, groups, reporting series (cadence occurrences from the
  // plan's issue date to the end of the following year, or of the plan year
  // when the calendar does not know the following one).
  static absl::StatusOr<Tracker> Create(Plan plan, Calendar calendar,
                                        TrackingPolicy policy);

  const Plan& plan() const;
  const Calendar& calendar() const;
  const TrackingPolicy& policy() const;

  // StatusOf(): one task (any node kind) as of `as_of`. FAILED_PRECONDITION
  // if `log` is for another plan or as_of lies beyond the tracking horizon;
  // INVALID_ARGUMENT for a task index out of range.
  absl::Status StatusOf(const EventLog& log, TaskIndex task, Date as_of,
                        TaskStatus* out) const;
  // Status(): every task (kind "task"), with roll-ups; `unit`: only tasks
  // where that unit (as of as_of) has any role.
  absl::StatusOr<StatusReport> Status(const EventLog& log, Date as_of,
                                      std::optional<UnitIndex> unit = {}) const;

  // Escalations(): the actions due as of `as_of`, each explained: by task
  // (plan order), policy, rule; then unit-level ones by unit, policy, rule.
  absl::StatusOr<std::vector<DueAction>> Escalations(const EventLog& log,
                                                     Date as_of) const;
  // EscalationsOf(): the task-level actions due for one task (appended).
  absl::Status EscalationsOf(const EventLog& log, TaskIndex task, Date as_of,
                             std::vector<DueAction>* out) const;

  // Rank(): the units of `unit_set` (name or id) over `period`, by the
  // formula `formula` (id; empty: the policy's first). NOT_FOUND for an
  // unknown set or formula.
  absl::StatusOr<Ranking> Rank(const EventLog& log, std::string_view unit_set,
                               const Period& period,
                               std::string_view formula = {}) const;

  absl::StatusOr<Lifecycle> LifecycleOf(const EventLog& log,
                                        TaskIndex task) const;

  // LedgerCsv(): the 台账 as of `as_of`: 序号,任务,牵头单位,配合单位,完成时限,
  // 进展,状态 — one row per task (kind "task") in plan order, RFC 4180.
  absl::StatusOr<std::string> LedgerCsv(const EventLog& log, Date as_of) const;

  struct Impl;

 private:
  explicit Tracker(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

// EvaluateEscalations(): Tracker::Create(...) then Escalations(...).
absl::StatusOr<std::vector<DueAction>> EvaluateEscalations(
    const Plan& plan, const Calendar& calendar, const TrackingPolicy& policy,
    const EventLog& log, Date as_of);

// ---------------------------------------------------------------------------
// Renderings (compact, deterministic JSON; shapes in docs/tracking.md)
// ---------------------------------------------------------------------------

std::string TaskStatusJson(const Plan& plan, const TaskStatus& status);
std::string StatusReportJson(const Plan& plan, const StatusReport& report);
std::string DueActionsJson(const Plan& plan, Date as_of,
                           const std::vector<DueAction>& actions);
std::string RankingJson(const Plan& plan, const Ranking& ranking);
std::string LifecycleJson(const Plan& plan, const Lifecycle& lifecycle);

}  // namespace dutygraph

#endif  // DUTYGRAPH_TRACKING_H_
