// dutygraph/schedule.h — when everything in a plan is due, on the official
// calendar: cadence occurrences, task deadlines with reminders, and what a
// calendar change moves.
//
// Cadences (旬简报, 月通报, 每周一调度...) are periods with a due rule
// (CadenceData in plan_data.h). CadenceOccurrenceTable() lists, for a date
// range, every occurrence with its period, its due date on the calendar, and
// its owner and recipients resolved through the responsibility graph as of
// the due date, in a flat OccurrenceTable; CadenceOccurrences() gives the
// same as self-contained Occurrence values. Due rules (docs/schedules.md has
// the full table):
//
//   rule                        due date of period P
//   nth_working_day_after_end   the n-th working day strictly after P's end
//   last_working_day            the last working day on or before P's end
//   nth_working_day             the n-th working day on or after P's start
//   fixed_day                   day `day` of P (clamped to P's last day),
//                               rolled by `roll` (default "following")
//
// If a period has fewer working days than the rule needs, the count runs on
// past its end (nth_working_day) or back before its start
// (last_working_day); the occurrence is still emitted, never dropped.
//
// Owners, resolved as of the due date (renamed or merged units become their
// successors; abolished units and vacant posts are left out or reported
// vacant, never guessed):
//   group_lead        one occurrence per group: its conveners' holders and
//                     its office host unit
//   group_office      one occurrence per group: its office host unit and the
//                     office director's holder
//   task_leads        the lead units of the owner tasks (one occurrence)
//   unit              the unit (one occurrence)
//   unit_set_members  one occurrence per member of the set
// Recipients: a unit (resolved), a post (its holder), a group (its member
// units), a unit set (its members).
//
// Task deadlines (DeadlineData) resolve to due dates: `by` and
// `end_of_period` give their date as stated (not rolled: 年底前 in 2023 is
// 2023-12-31 although that is a Sunday); `relative` is the n-th working day
// after the event's date; `recurring` is day `day` of each period rolled
// forward to a working day (遇节假日顺延), or the period's last working day
// when `day` is 0. A reminder falls `reminder_working_days` working days
// before the due date.
//
// Errors: every function returns INVALID_ARGUMENT for from > to or an unknown
// cadence id (NOT_FOUND, with the id), and passes on calendar errors with the
// cadence or task named: in CalendarMode::kStrict a date in a year without a
// holiday notice is FAILED_PRECONDITION naming the year; in kProvisional the
// answer is given and the result's `provisional` flag is set.
//
// Thread safety: pure functions of their arguments; Plan and Calendar are
// immutable values, so any number of threads may call these concurrently.
// Results are caller-owned. `std::string_view`s in results are borrowed from
// the Plan and stay valid while any copy of it lives (an OccurrenceView's
// label and spans: from its OccurrenceTable).
//
// Example:
//   auto plan = dutygraph::LoadPlanFile("examples/hengyang-2023/plan.json");
//   auto cal = dutygraph::Calendar::ChinaMainland();
//   auto from = *dutygraph::Date::Parse("2023-09-21");
//   auto to = *dutygraph::Date::Parse("2023-10-31");
//   dutygraph::OccurrenceFilter only_briefings;
//   only_briefings.cadences = {"c_dekad_briefing"};
//   auto occ = dutygraph::CadenceOccurrenceTable(*plan, cal, from, to,
//                                                only_briefings);
//   // (*occ)[0] (an OccurrenceView): 2023年9月中旬, due 2023-09-22 (the 2nd working day after
//   // 09-20); the 2023年9月下旬 briefing is due 2023-10-08, a Sunday worked
//   // in place of the National Day holiday (10-01..10-06 off, 10-07 and
//   // 10-08 working).
#ifndef DUTYGRAPH_SCHEDULE_H_
#define DUTYGRAPH_SCHEDULE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dutygraph/calendar.h"
#include "dutygraph/date.h"
#include "dutygraph/period.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_data.h"

namespace dutygraph {

// ---------------------------------------------------------------------------
// Cadences
// ---------------------------------------------------------------------------

// Which occurrences to list. Empty fields do not filter.
struct OccurrenceFilter {
  // Cadence ids (CadenceData::id). An unknown id is NOT_FOUND.
  std::vector<std::string> cadences;
  // Only occurrences this unit owns (resolved as of each due date, so a
  // unit renamed before the due date matches through its successor).
  std::optional<UnitIndex> unit;
};

// One occurrence of a cadence.
struct Occurrence {
  uint32_t cadence = 0;             // index into plan.data().cadences
  std::optional<GroupIndex> group;  // group_lead, group_office: the group
  std::optional<UnitIndex> member;  // unit_set_members: the member
  Period period;                    // the period reported on
  std::string period_label;         // period.Label(): 2023年3月中旬
  Date due;
  std::string_view kind;  // briefing, circular, ... (the cadence's)
  std::vector<UnitIndex> owner_units;  // plan order, no duplicates
  std::vector<PostHolder> owner_posts;
  std::vector<UnitIndex> recipient_units;  // plan order, no duplicates
  std::vector<PostHolder> recipient_posts;
  bool provisional = false;  // the due date relied on a year with no notice
};

// A read-only view of one occurrence: an OccurrenceTable row or an
// Occurrence. The same field names as Occurrence; the label, kind and spans
// are borrowed from the table (or Occurrence) they view.
struct OccurrenceView {
  uint32_t cadence = 0;
  std::optional<GroupIndex> group;
  std::optional<UnitIndex> member;
  Period period;
  std::string_view period_label;
  Date due;
  std::string_view kind;
  std::span<const UnitIndex> owner_units;
  std::span<const PostHolder> owner_posts;
  std::span<const UnitIndex> recipient_units;
  std::span<const PostHolder> recipient_posts;
  bool provisional = false;

  // A view of `occurrence` (which must outlive it).
  static OccurrenceView Of(const Occurrence& occurrence);
  // A self-contained copy.
  Occurrence ToOccurrence() const;
};

// OccurrenceTable
//
// The answer of CadenceOccurrenceTable(): the same occurrences, in the same
// order, as CadenceOccurrences() lists, stored flat. A row is three indexes
// (its period block, its group or member, its owners); what rows share is
// stored once: per (cadence, period) the period, its label, due date and
// recipients; per (cadence, group) its owners for as long as no tenure or
// unit change alters them. 256,000 occurrences take about 4 MB instead of
// about 78 MB of Occurrence values (docs/benchmarks.md).
//
// Rows are read by index (`table[i]`, an OccurrenceView) or iterated
// (`for (OccurrenceView o : table)`). Views and spans borrow from the table
// and stay valid while it lives and is not assigned to; `kind` is borrowed
// from the Plan. Thread safety: immutable once returned; any number of
// threads may read one table.
class OccurrenceTable {
 public:
  OccurrenceTable() = default;

  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  OccurrenceView operator[](size_t row) const;

  // True if any row's due date relied on a year with no notice.
  bool any_provisional() const;

  // Every row as a self-contained Occurrence (CadenceOccurrences()).
  std::vector<Occurrence> ToOccurrences() const;

  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = OccurrenceView;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = OccurrenceView;
    Iterator() = default;
    OccurrenceView operator*() const { return (*table_)[row_]; }
    Iterator& operator++() {
      ++row_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++row_;
      return before;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) {
      return a.row_ == b.row_;
    }

   private:
    friend class OccurrenceTable;
    Iterator(const OccurrenceTable* table, size_t row)
        : table_(table), row_(row) {}
    const OccurrenceTable* table_ = nullptr;
    size_t row_ = 0;
  };
  Iterator begin() const { return Iterator(this, 0); }
  Iterator end() const { return Iterator(this, rows_.size()); }

 private:
  friend class OccurrenceTableBuilder;  // src/schedule/cadences.cc

  // Ranges into units_ and posts_: one owner or recipient list.
  struct Parties {
    uint32_t units_begin = 0, units_end = 0;
    uint32_t posts_begin = 0, posts_end = 0;
  };
  // One (cadence, period): what all its rows share.
  struct Block {
    Period period;
    Date due;
    uint32_t cadence = 0;
    bool provisional = false;
    bool by_group = false;   // rows carry a group
    bool by_member = false;  // rows carry a member
    std::string_view kind;
    std::string label;
    uint32_t recipients = 0;  // index into parties_
  };
  struct Row {
    uint32_t block;   // index into blocks_
    uint32_t who;     // the group or member index (unused otherwise)
    uint32_t owners;  // index into parties_
  };
  std::span<const UnitIndex> Units(const Parties& p) const {
    return std::span<const UnitIndex>(units_).subspan(
        p.units_begin, p.units_end - p.units_begin);
  }
  std::span<const PostHolder> Posts(const Parties& p) const {
    return std::span<const PostHolder>(posts_).subspan(
        p.posts_begin, p.posts_end - p.posts_begin);
  }

  std::vector<Block> blocks_;
  std::vector<Row> rows_;
  std::vector<Parties> parties_;
  std::vector<UnitIndex> units_;
  std::vector<PostHolder> posts_;
};

// CadenceOccurrenceTable()
//
// The occurrences whose due date lies in [from, to], sorted by due date,
// then cadence index, then group, then member. Due dates are computed once
// per (cadence, period), recipients once per (cadence, period), and a
// group's owners once per stretch of dates in which none of its posts'
// tenures and no unit change alters them. Errors: INVALID_ARGUMENT if
// from > to; NOT_FOUND for an unknown cadence id in `filter`; calendar
// errors prefixed with the cadence id and period ("cadence
// 'c_dekad_briefing', 2027年1月上旬: no official holiday schedule for 2027
// ...").
absl::StatusOr<OccurrenceTable> CadenceOccurrenceTable(
    const Plan& plan, const Calendar& calendar, Date from, Date to,
    const OccurrenceFilter& filter = {});

// CadenceOccurrences()
//
// CadenceOccurrenceTable() as self-contained Occurrence values (same rows,
// order and errors). Convenient for a few occurrences; for many, the table
// is over ten times faster (each Occurrence allocates a label and four
// vectors).
absl::StatusOr<std::vector<Occurrence>> CadenceOccurrences(
    const Plan& plan, const Calendar& calendar, Date from, Date to,
    const OccurrenceFilter& filter = {});

// CadenceDueDate()
//
// The due date `cadence`'s rule gives for `period` on `calendar` (no owner
// resolution). INVALID_ARGUMENT for an unknown rule or roll, a period of
// another kind than the cadence's, or n/day < 1 where the rule needs them.
absl::StatusOr<CalendarResult<Date>> CadenceDueDate(const CadenceData& cadence,
                                                    const Period& period,
                                                    const Calendar& calendar);

// ---------------------------------------------------------------------------
// Deadlines and reminders
// ---------------------------------------------------------------------------

// The policy default: remind three working days before a due date.
inline constexpr int kDefaultReminderWorkingDays = 3;

struct DeadlineOptions {
  // Dates of the events relative deadlines count from, by
  // DeadlineData::after. When absent, "交办" and "印发" default to the plan's
  // issue date; any other missing event is FAILED_PRECONDITION.
  std::map<std::string, Date, std::less<>> events;
  // Working days between a reminder and its due date; 0: no reminders.
  int reminder_working_days = kDefaultReminderWorkingDays;
  // TasksOverdueAsOf() looks back to this date; default: the plan's issue
  // date, else January 1 of the plan year.
  std::optional<Date> overdue_since;
};

// One due date of one task deadline.
struct TaskDue {
  TaskIndex task;
  uint32_t deadline = 0;  // index into plan.task(task).deadlines
  Date due;
  std::optional<Date> reminder;  // nullopt when reminder_working_days is 0
  std::string period_label;      // recurring: the period; else empty
  bool provisional = false;
};

// TaskDueDates()
//
// Every due date of `task`'s deadlines that falls in [from, to], by date then
// deadline index. Errors: INVALID_ARGUMENT for from > to, a task index out of
// range, or a deadline lacking what its kind needs (a by/end_of_period
// without date, a recurring without period); FAILED_PRECONDITION for a
// relative deadline whose event has no date; calendar errors as above.
absl::StatusOr<std::vector<TaskDue>> TaskDueDates(
    const Plan& plan, const Calendar& calendar, TaskIndex task, Date from,
    Date to, const DeadlineOptions& options = {});

// TasksDueBetween()
//
// The due dates in [from, to] of every task (of `unit`, when given: a task
// where the unit, resolved as of the due date, has any role — directly,
// through a set or group, or inherited), sorted by due date, then task, then
// deadline. Errors as TaskDueDates().
absl::StatusOr<std::vector<TaskDue>> TasksDueBetween(
    const Plan& plan, const Calendar& calendar, std::optional<UnitIndex> unit,
    Date from, Date to, const DeadlineOptions& options = {});

// TasksOverdueAsOf()
//
// The due dates that have passed by `on`: those in [overdue_since, on - 1].
// Without completion tracking (a later issue) a due date that has passed is
// overdue. Ordered and filtered as TasksDueBetween(). INVALID_ARGUMENT if
// `on` is not after the look-back date.
absl::StatusOr<std::vector<TaskDue>> TasksOverdueAsOf(
    const Plan& plan, const Calendar& calendar, std::optional<UnitIndex> unit,
    Date on, const DeadlineOptions& options = {});

// ResolveDeadlineText()
//
// A deadline as a plan writes it, as DeadlineData (kind, text, and date,
// period, working_days/after or day). `plan_year` dates the phrases without
// a year. Spaces are ignored ("5 月以前"). Interpretations (docs/schedules.md):
//   年底前, 年底, 到年底, 年内, 年末, 全年, YYYY年(底)(前)  by YYYY-12-31
//   N月底前, N月底, N月末                     by the last day of month N
//   N月以前, N月前, N月之前                   by the last day of month N-1
//   N月D日前                                  by that day
//   上半年, 上半年底(前)                      end_of_period half-year, 06-30
//   下半年                                    end_of_period half-year, 12-31
//   N季度前, 第N季度前 (N = 2..4)             end_of_period quarter, the end
//                                             of quarter N-1 (四季度前: 09-30)
//   N季度末, N季度底(前)                      end_of_period quarter, its end
//   每月D日前, 每月D号前                      recurring month, day D
//   每旬/每周/每月/每季度/每半年              recurring, day 0 (period end)
//   [E之日起|E后]N个工作日内                  relative: N working days after
//                                             E (default 交办)
// Numbers may be Arabic or Chinese (五, 十二). INVALID_ARGUMENT quoting the
// text for anything else or an impossible date (2月30日前).
absl::StatusOr<DeadlineData> ResolveDeadlineText(std::string_view text,
                                                 int plan_year);

// ---------------------------------------------------------------------------
// Calendar-change impact
// ---------------------------------------------------------------------------

// A computed due date that differs between two calendars.
struct DueDateChange {
  // Exactly one of `occurrence_of` (a cadence index) and `task` is set.
  std::optional<uint32_t> occurrence_of;
  std::optional<GroupIndex> group;  // occurrences: as in Occurrence
  std::optional<UnitIndex> member;
  std::optional<TaskIndex> task;
  uint32_t deadline = 0;     // tasks: the deadline index
  std::string period_label;  // occurrences, recurring deadlines
  Date before;
  Date after;
};

// DueDateChanges()
//
// Every cadence occurrence and task due date whose date in [from, to] under
// either calendar differs between `before` and `after` (e.g. the built-in
// calendar and one derived with a local holiday). An occurrence is matched
// across calendars by cadence, group, member and period; a deadline by task,
// deadline and period. Sorted by the earlier of the two dates, cadence
// changes before task changes on the same day. Errors as
// CadenceOccurrences() and TasksDueBetween().
absl::StatusOr<std::vector<DueDateChange>> DueDateChanges(
    const Plan& plan, const Calendar& before, const Calendar& after, Date from,
    Date to, const DeadlineOptions& options = {});

}  // namespace dutygraph

#endif  // DUTYGRAPH_SCHEDULE_H_
