// Task deadlines: due dates, reminders, due/overdue lists, semantic deadline
// text, and what a calendar change moves (include/dutygraph/schedule.h,
// docs/schedules.md).
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "dutygraph/calendar.h"
#include "dutygraph/schedule.h"
#include "schedule/schedule_internal.h"
#include "util/status_macros.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dutygraph {
namespace {

using internal::AsAbsl;
using internal::WithContext;

// A due date with the period it belongs to (recurring deadlines), kept to
// match dates across calendars.
struct DueItem {
  TaskDue due;
  std::optional<Period> period;
};

std::string DeadlineContext(const Plan& plan, TaskIndex task, uint32_t k) {
  const TaskData& t = plan.task(task);
  return absl::StrCat("task '", t.id, "' deadline ", k, " '",
                      t.deadlines[k].text, "'");
}

absl::StatusOr<Date> EventDate(const Plan& plan, const DeadlineData& d,
                               const DeadlineOptions& options) {
  const std::string event = d.after.empty() ? "交办" : d.after;
  auto it = options.events.find(event);
  if (it != options.events.end()) return it->second;
  if ((event == "交办" || event == "印发") && plan.data().plan.issue_date) {
    return *plan.data().plan.issue_date;
  }
  return absl::FailedPreconditionError(
      absl::StrCat("relative to '", event,
                   "', which has no date: give it in DeadlineOptions::events"));
}

// Appends the due dates of deadline `k` of `task` in [from, to].
absl::Status DeadlineDueDates(const Plan& plan, const Calendar& calendar,
                              TaskIndex task, uint32_t k, Date from, Date to,
                              const DeadlineOptions& options,
                              std::vector<DueItem>* out) {
  const DeadlineData& d = plan.task(task).deadlines[k];
  auto add = [&](CalendarResult<Date> due,
                 std::optional<Period> period) -> absl::Status {
    DueItem item{TaskDue{}, period};
    item.due.task = task;
    item.due.deadline = k;
    item.due.due = due.value;
    item.due.provisional = due.provisional;
    if (period) item.due.period_label = period->Label();
    if (options.reminder_working_days > 0) {
      DG_ASSIGN_OR_RETURN(
          CalendarResult<Date> remind,
          calendar.AddWorkingDays(due.value, -options.reminder_working_days));
      item.due.reminder = remind.value;
      item.due.provisional = item.due.provisional || remind.provisional;
    }
    out->push_back(std::move(item));
    return absl::OkStatus();
  };
  if (d.kind == "by" || d.kind == "end_of_period") {
    if (!d.date) {
      return absl::InvalidArgumentError(
          absl::StrCat("kind '", d.kind, "' needs a date"));
    }
    if (*d.date < from || *d.date > to) return absl::OkStatus();
    return add(CalendarResult<Date>{*d.date, false}, std::nullopt);
  }
  if (d.kind == "relative") {
    if (d.working_days < 1) {
      return absl::InvalidArgumentError(absl::StrCat(
          "kind 'relative' needs working_days >= 1, got ", d.working_days));
    }
    DG_ASSIGN_OR_RETURN(Date event, EventDate(plan, d, options));
    DG_ASSIGN_OR_RETURN(CalendarResult<Date> due,
                        calendar.AddWorkingDays(event, d.working_days));
    if (due.value < from || due.value > to) return absl::OkStatus();
    return add(due, std::nullopt);
  }
  if (d.kind == "recurring") {
    if (!d.period) {
      return absl::InvalidArgumentError("kind 'recurring' needs a period");
    }
    // The same walk as a cadence: day `day` rolled forward (顺延), or the
    // period's last working day.
    CadenceData rhythm;
    rhythm.id = plan.task(task).id;
    rhythm.period = *d.period;
    rhythm.due_rule = d.day > 0 ? "fixed_day" : "last_working_day";
    rhythm.due_day = d.day;
    rhythm.due_roll = "following";
    return internal::ForEachDuePeriod(
        rhythm, calendar, from, to,
        [&](const Period& period, CalendarResult<Date> due) {
          return add(due, period);
        });
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown deadline kind '", d.kind,
                   "' (expected by, end_of_period, relative or recurring)"));
}

absl::Status CheckRange(Date from, Date to) {
  if (from > to) {
    return absl::InvalidArgumentError(
        absl::StrCat("from ", from.ToString(), " is after to ", to.ToString()));
  }
  return absl::OkStatus();
}

// Does `unit` (as of `on`) have any role on `task` on that day?
absl::StatusOr<bool> HasRole(const Plan& plan, TaskIndex task, UnitIndex unit,
                             Date on, Accountability* who) {
  absl::StatusOr<UnitIndex> now = plan.ResolveUnit(unit, on);
  if (!now.ok()) return false;  // abolished: no roles
  DG_RETURN_IF_ERROR(plan.AccountabilityOf(task, on, who));
  for (const AccountableUnit& u : who->units) {
    if (u.unit == *now) return true;
  }
  return false;
}

absl::StatusOr<std::vector<DueItem>> DueItems(
    const Plan& plan, const Calendar& calendar, std::optional<UnitIndex> unit,
    Date from, Date to, const DeadlineOptions& options,
    const internal::TaskFilter& include) {
  DG_RETURN_IF_ERROR(CheckRange(from, to));
  if (options.reminder_working_days < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("reminder_working_days must be >= 0, got ",
                     options.reminder_working_days));
  }
  if (unit && unit->value >= plan.data().units.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("unit index ", unit->value, " is out of range"));
  }
  std::vector<DueItem> items;
  Accountability who;
  const auto& tasks = plan.data().tasks;
  for (uint32_t t = 0; t < tasks.size(); ++t) {
    const TaskIndex task{t};
    // Excluded tasks are not even computed: their errors cannot surface.
    if (include && !include(task)) continue;
    for (uint32_t k = 0; k < tasks[t].deadlines.size(); ++k) {
      const size_t first = items.size();
      absl::Status s =
          DeadlineDueDates(plan, calendar, task, k, from, to, options, &items);
      if (!s.ok()) return WithContext(s, DeadlineContext(plan, task, k));
      if (!unit) continue;
      size_t kept = first;
      for (size_t i = first; i < items.size(); ++i) {
        DG_ASSIGN_OR_RETURN(bool mine,
                            HasRole(plan, task, *unit, items[i].due.due, &who));
        if (mine) items[kept++] = std::move(items[i]);
      }
      items.resize(kept);
    }
  }
  std::stable_sort(
      items.begin(), items.end(), [](const DueItem& a, const DueItem& b) {
        return std::make_tuple(a.due.due, a.due.task.value, a.due.deadline) <
               std::make_tuple(b.due.due, b.due.task.value, b.due.deadline);
      });
  return items;
}

std::vector<TaskDue> Unwrap(std::vector<DueItem> items) {
  std::vector<TaskDue> out;
  out.reserve(items.size());
  for (DueItem& i : items) out.push_back(std::move(i.due));
  return out;
}

// --- Deadline text ---------------------------------------------------------

// Reads a deadline phrase left to right.
class Phrase {
 public:
  explicit Phrase(std::string_view s) : s_(s) {}
  bool done() const { return s_.empty(); }
  std::string_view rest() const { return s_; }
  bool Eat(std::string_view lit) {
    if (s_.substr(0, lit.size()) != lit) return false;
    s_.remove_prefix(lit.size());
    return true;
  }
  template <typename... Lits>
  bool EatAny(Lits... lits) {
    return (Eat(lits) || ...);
  }
  // 前, 以前, 之前 (optional).
  void EatBefore() { EatAny("以前", "之前", "前"); }
  // A number in ASCII digits or Chinese numerals up to 99; nullopt (nothing
  // consumed) if none.
  std::optional<int> Number() {
    size_t i = 0;
    int value = 0;
    while (i < s_.size() && s_[i] >= '0' && s_[i] <= '9' && i < 4) {
      value = value * 10 + (s_[i] - '0');
      ++i;
    }
    if (i > 0) {
      s_.remove_prefix(i);
      return value;
    }
    static constexpr std::string_view kDigits[] = {
        "零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    int tens = -1, units = -1;
    std::string_view save = s_;
    auto digit = [&]() -> int {
      for (int d = 0; d < 10; ++d) {
        if (Eat(kDigits[d])) return d;
      }
      if (Eat("两")) return 2;
      return -1;
    };
    units = digit();
    if (Eat("十")) {
      tens = units < 0 ? 1 : units;
      units = digit();
      return tens * 10 + std::max(units, 0);
    }
    if (units < 0) s_ = save;
    return units < 0 ? std::nullopt : std::optional<int>(units);
  }
  // Four ASCII digits then 年.
  std::optional<int> Year() {
    if (s_.size() < 7) return std::nullopt;
    for (int i = 0; i < 4; ++i) {
      if (s_[i] < '0' || s_[i] > '9') return std::nullopt;
    }
    if (s_.substr(4, 3) != "年") return std::nullopt;
    const int y = (s_[0] - '0') * 1000 + (s_[1] - '0') * 100 +
                  (s_[2] - '0') * 10 + (s_[3] - '0');
    s_.remove_prefix(7);
    return y;
  }

 private:
  std::string_view s_;
};

std::string WithoutSpaces(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' || text[i] == '\t') continue;
    if (text.substr(i, 3) == "\u3000") {
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

absl::StatusOr<Date> LastDayOfMonth(int year, int month) {
  if (month == 12) return Date::FromYmd(year, 12, 31);
  DG_ASSIGN_OR_RETURN(Date first_of_next, Date::FromYmd(year, month + 1, 1));
  return first_of_next - 1;
}

}  // namespace

absl::StatusOr<std::vector<TaskDue>> TaskDueDates(
    const Plan& plan, const Calendar& calendar, TaskIndex task, Date from,
    Date to, const DeadlineOptions& options) {
  DG_RETURN_IF_ERROR(CheckRange(from, to));
  if (task.value >= plan.data().tasks.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("task index ", task.value, " is out of range"));
  }
  std::vector<DueItem> items;
  for (uint32_t k = 0; k < plan.task(task).deadlines.size(); ++k) {
    absl::Status s =
        DeadlineDueDates(plan, calendar, task, k, from, to, options, &items);
    if (!s.ok()) return WithContext(s, DeadlineContext(plan, task, k));
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const DueItem& a, const DueItem& b) {
                     return std::make_pair(a.due.due, a.due.deadline) <
                            std::make_pair(b.due.due, b.due.deadline);
                   });
  return Unwrap(std::move(items));
}

absl::StatusOr<std::vector<TaskDue>> internal::TasksDueAmong(
    const Plan& plan, const Calendar& calendar, std::optional<UnitIndex> unit,
    Date from, Date to, const DeadlineOptions& options,
    const TaskFilter& include) {
  DG_ASSIGN_OR_RETURN(
      std::vector<DueItem> items,
      DueItems(plan, calendar, unit, from, to, options, include));
  return Unwrap(std::move(items));
}

absl::StatusOr<std::vector<TaskDue>> TasksDueBetween(
    const Plan& plan, const Calendar& calendar, std::optional<UnitIndex> unit,
    Date from, Date to, const DeadlineOptions& options) {
  return internal::TasksDueAmong(plan, calendar, unit, from, to, options,
                                 nullptr);
}

absl::StatusOr<std::vector<TaskDue>> TasksOverdueAsOf(
    const Plan& plan, const Calendar& calendar, std::optional<UnitIndex> unit,
    Date on, const DeadlineOptions& options) {
  return internal::TasksOverdueAmong(plan, calendar, unit, on, options,
                                     nullptr);
}

absl::StatusOr<std::vector<TaskDue>> internal::TasksOverdueAmong(
    const Plan& plan, const Calendar& calendar, std::optional<UnitIndex> unit,
    Date on, const DeadlineOptions& options, const TaskFilter& include) {
  std::optional<Date> since = options.overdue_since;
  if (!since) since = plan.data().plan.issue_date;
  if (!since && plan.data().plan.year != 0) {
    DG_ASSIGN_OR_RETURN(since, Date::FromYmd(plan.data().plan.year, 1, 1));
  }
  if (!since) {
    return absl::InvalidArgumentError(
        "the plan has neither an issue date nor a year: set "
        "DeadlineOptions::overdue_since");
  }
  if (on <= *since) {
    return absl::InvalidArgumentError(
        absl::StrCat("on ", on.ToString(), " is not after the look-back date ",
                     since->ToString()));
  }
  return TasksDueAmong(plan, calendar, unit, *since, on - 1, options, include);
}

absl::StatusOr<DeadlineData> ResolveDeadlineText(std::string_view text,
                                                 int plan_year) {
  // Messages quote the text: it must be valid UTF-8 itself (hostile-input
  // catalogue, DeadlineHostileTest.invalid_utf8).
  DG_RETURN_IF_ERROR(internal::ValidateUtf8(text, "deadline text"));
  const std::string normal = WithoutSpaces(text);
  auto bad = [&](std::string_view why) {
    return absl::InvalidArgumentError(
        absl::StrCat("deadline text '", AsAbsl(text), "': ", AsAbsl(why)));
  };
  DeadlineData d;
  d.text = std::string(text);
  Phrase p(normal);
  auto finish = [&]() -> absl::StatusOr<DeadlineData> {
    if (!p.done()) {
      return bad(absl::StrCat("cannot read '", AsAbsl(p.rest()),
                              "' (see docs/schedules.md for the phrases)"));
    }
    return d;
  };
  auto by =
      [&](absl::StatusOr<Date> date, std::string_view kind,
          std::optional<PeriodKind> period) -> absl::StatusOr<DeadlineData> {
    if (!date.ok()) return bad(internal::AsStd(date.status().message()));
    d.kind = std::string(kind);
    d.date = *date;
    d.period = period;
    return finish();
  };

  // Recurring: 每月5日前, 每季度.
  if (p.Eat("每")) {
    d.kind = "recurring";
    if (p.Eat("月")) {
      d.period = PeriodKind::kMonth;
      if (std::optional<int> day = p.Number()) {
        if (!p.EatAny("日", "号")) return bad("expected 日 after the day");
        if (*day < 1 || *day > 31) return bad("day of month out of 1..31");
        d.day = *day;
        p.EatBefore();
      }
      return finish();
    }
    if (p.Eat("旬")) {
      d.period = PeriodKind::kDekad;
    } else if (p.EatAny("周", "星期")) {
      d.period = PeriodKind::kWeek;
    } else if (p.Eat("半月")) {
      d.period = PeriodKind::kHalfMonth;
    } else if (p.EatAny("季度", "季")) {
      d.period = PeriodKind::kQuarter;
    } else if (p.Eat("半年")) {
      d.period = PeriodKind::kHalfYear;
    } else if (p.Eat("年")) {
      d.period = PeriodKind::kYear;
    } else {
      return bad("unknown period after 每");
    }
    return finish();
  }

  // Relative: [E之日起|E后]N个工作日内.
  const size_t days_at = normal.find("个工作日内");
  if (days_at != std::string::npos) {
    std::string_view head(normal.data(), days_at);
    // The number is the longest tail of `head` that reads as one.
    size_t start = head.size();
    std::optional<int> n;
    for (size_t i = head.size(); i-- > 0;) {
      Phrase tail(head.substr(i));
      std::optional<int> v = tail.Number();
      if (v && tail.done()) {
        start = i;
        n = v;
      }
    }
    if (!n || *n < 1) return bad("expected a number of working days");
    // Number() reads at most four digits: a longer run is too many days,
    // not an event named by its leading digits (DeadlineHostileTest.
    // huge_working_days).
    if (start > 0 && head[start - 1] >= '0' && head[start - 1] <= '9') {
      return bad("the number of working days is too large (at most 9999)");
    }
    std::string_view event = head.substr(0, start);
    for (std::string_view suffix : {"之日起", "起", "后"}) {
      if (event.size() >= suffix.size() &&
          event.substr(event.size() - suffix.size()) == suffix) {
        event.remove_suffix(suffix.size());
        break;
      }
    }
    d.kind = "relative";
    d.working_days = *n;
    d.after = event.empty() ? "交办" : std::string(event);
    p = Phrase(
        std::string_view(normal).substr(days_at + sizeof("个工作日内") - 1));
    return finish();
  }

  p.EatAny("到", "在", "于");
  int year = plan_year;
  const std::optional<int> explicit_year = p.Year();
  if (explicit_year) year = *explicit_year;
  if (year < Date::kMinYear || year > Date::kMaxYear) {
    return bad(absl::StrCat("year ", year, " out of range"));
  }
  if (explicit_year && p.done()) {  // 2023年
    return by(Date::FromYmd(year, 12, 31), "by", std::nullopt);
  }
  if (explicit_year ? p.EatAny("底", "末", "内")
                    : p.EatAny("年底", "年末", "年内", "全年")) {
    p.EatBefore();
    return by(Date::FromYmd(year, 12, 31), "by", std::nullopt);
  }
  if (p.Eat("上半年")) {
    p.EatAny("底", "末");
    p.EatBefore();
    return by(Date::FromYmd(year, 6, 30), "end_of_period",
              PeriodKind::kHalfYear);
  }
  if (p.Eat("下半年")) {
    p.EatAny("底", "末");
    p.EatBefore();
    return by(Date::FromYmd(year, 12, 31), "end_of_period",
              PeriodKind::kHalfYear);
  }
  const bool ordinal = p.Eat("第");
  std::optional<int> n = p.Number();
  if (!n) return bad("expected a month, quarter or year phrase");
  if (p.EatAny("季度", "季")) {
    if (*n < 1 || *n > 4) return bad("quarter out of 1..4");
    if (p.EatAny("末", "底")) {  // the end of quarter N
      p.EatBefore();
      return by(LastDayOfMonth(year, *n * 3), "end_of_period",
                PeriodKind::kQuarter);
    }
    if (p.EatAny("以前", "之前", "前")) {  // before quarter N begins
      if (*n == 1) return bad("一季度前 would fall in the year before");
      return by(LastDayOfMonth(year, (*n - 1) * 3), "end_of_period",
                PeriodKind::kQuarter);
    }
    return bad("expected 前 or 末 after the quarter");
  }
  if (ordinal) return bad("expected 季度 after 第N");
  if (!p.Eat("月")) return bad("expected 月 or 季度 after the number");
  if (*n < 1 || *n > 12) return bad("month out of 1..12");
  if (p.EatAny("底", "末")) {
    p.EatBefore();
    return by(LastDayOfMonth(year, *n), "by", std::nullopt);
  }
  if (p.EatAny("以前", "之前", "前")) {  // before month N begins
    if (*n == 1) return bad("1月以前 would fall in the year before");
    return by(LastDayOfMonth(year, *n - 1), "by", std::nullopt);
  }
  std::optional<int> day = p.Number();
  if (!day || !p.EatAny("日", "号")) return bad("expected 底, 前 or a day");
  p.EatBefore();
  return by(Date::FromYmd(year, *n, *day), "by", std::nullopt);
}

absl::StatusOr<std::vector<DueDateChange>> DueDateChanges(
    const Plan& plan, const Calendar& before, const Calendar& after, Date from,
    Date to, const DeadlineOptions& options) {
  DG_RETURN_IF_ERROR(CheckRange(from, to));
  std::vector<DueDateChange> changes;

  // Occurrences, keyed by cadence, group, member and period start.
  using OccKey = std::tuple<uint32_t, int64_t, int64_t, int32_t>;
  struct OccDates {
    std::optional<Date> before, after;
    std::optional<OccurrenceView> any;  // borrowed from the tables below
  };
  DG_ASSIGN_OR_RETURN(OccurrenceTable occ_before,
                      CadenceOccurrenceTable(plan, before, from, to));
  DG_ASSIGN_OR_RETURN(OccurrenceTable occ_after,
                      CadenceOccurrenceTable(plan, after, from, to));
  std::map<OccKey, OccDates> occ;
  auto occ_key = [](const OccurrenceView& o) {
    return OccKey{o.cadence, o.group ? int64_t{o.group->value} : -1,
                  o.member ? int64_t{o.member->value} : -1,
                  o.period.start().days_since_epoch()};
  };
  for (const OccurrenceView o : occ_before) {
    OccDates& e = occ[occ_key(o)];
    e.before = o.due;
    e.any = o;
  }
  for (const OccurrenceView o : occ_after) {
    OccDates& e = occ[occ_key(o)];
    e.after = o.due;
    e.any = o;
  }
  for (auto& [key, e] : occ) {
    const OccurrenceView& o = *e.any;
    const CadenceData& c = plan.data().cadences[o.cadence];
    // Due out of range on one calendar: compute it there for the period.
    for (auto [slot, cal] :
         {std::pair{&e.before, &before}, std::pair{&e.after, &after}}) {
      if (*slot) continue;
      absl::StatusOr<CalendarResult<Date>> due =
          CadenceDueDate(c, o.period, *cal);
      if (!due.ok()) {
        return WithContext(due.status(), absl::StrCat("cadence '", c.id, "', ",
                                                      AsAbsl(o.period_label)));
      }
      *slot = due->value;
    }
    if (*e.before == *e.after) continue;
    DueDateChange change;
    change.occurrence_of = o.cadence;
    change.group = o.group;
    change.member = o.member;
    change.period_label = std::string(o.period_label);
    change.before = *e.before;
    change.after = *e.after;
    changes.push_back(std::move(change));
  }

  // Deadlines, keyed by task, deadline and period start (-1: none). A
  // deadline due in range on one calendar only is recomputed over the
  // whole representable span of the other to find its counterpart.
  using DlKey = std::tuple<uint32_t, uint32_t, int64_t>;
  struct DlDates {
    std::optional<Date> before, after;
    std::string label;
  };
  std::map<DlKey, DlDates> dl;
  for (auto [cal, is_before] :
       {std::pair{&before, true}, std::pair{&after, false}}) {
    DG_ASSIGN_OR_RETURN(
        std::vector<DueItem> items,
        DueItems(plan, *cal, std::nullopt, from, to, options, nullptr));
    for (const DueItem& i : items) {
      DlDates& e = dl[DlKey{
          i.due.task.value, i.due.deadline,
          i.period ? i.period->start().days_since_epoch() : int64_t{-1}}];
      (is_before ? e.before : e.after) = i.due.due;
      e.label = i.due.period_label;
    }
  }
  for (auto& [key, e] : dl) {
    const auto [task, k, period_start] = key;
    for (auto [slot, cal] :
         {std::pair{&e.before, &before}, std::pair{&e.after, &after}}) {
      if (*slot) continue;
      const DeadlineData& d = plan.task(TaskIndex{task}).deadlines[k];
      if (d.kind == "by" || d.kind == "end_of_period") {
        *slot = *d.date;
        continue;
      }
      // Relative or recurring: the same deadline on the other calendar,
      // looked for around the known date.
      const Date known = e.before ? *e.before : *e.after;
      std::vector<DueItem> found;
      absl::Status s = DeadlineDueDates(
          plan, *cal, TaskIndex{task}, k, known - 400, known + 400,
          DeadlineOptions{options.events, 0, std::nullopt}, &found);
      if (!s.ok()) {
        return WithContext(s, DeadlineContext(plan, TaskIndex{task}, k));
      }
      for (const DueItem& i : found) {
        const int64_t start =
            i.period ? i.period->start().days_since_epoch() : int64_t{-1};
        if (start == period_start) *slot = i.due.due;
      }
    }
    if (!e.before || !e.after || *e.before == *e.after) continue;
    DueDateChange change;
    change.task = TaskIndex{task};
    change.deadline = k;
    change.period_label = e.label;
    change.before = *e.before;
    change.after = *e.after;
    changes.push_back(std::move(change));
  }

  std::stable_sort(changes.begin(), changes.end(),
                   [](const DueDateChange& a, const DueDateChange& b) {
                     auto key = [](const DueDateChange& c) {
                       return std::make_tuple(
                           std::min(c.before, c.after), c.task.has_value(),
                           c.occurrence_of.value_or(0),
                           c.task ? c.task->value : 0u, c.deadline);
                     };
                     return key(a) < key(b);
                   });
  return changes;
}

}  // namespace dutygraph
