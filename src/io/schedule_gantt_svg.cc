// io/schedule_gantt_svg.cc — the Gantt-style schedule picture
// (dutygraph/schedule_gantt.h), written as plain SVG text.
//
// SVG is simple enough to write directly, and doing so keeps the picture's
// geometry exact and testable (a bar's x is a function of its date), which a
// layout engine would not promise. Coordinates are printed with one decimal
// through absl::StrFormat, so the bytes are the same on every run.
#include "dutygraph/schedule_gantt.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_format.h"
#include "dutygraph/critical_path.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_view.h"
#include "dutygraph/schedule.h"
#include "dutygraph/view_schedule.h"
#include "util/status_macros.h"

namespace dutygraph {
namespace {

constexpr double kLeft = 320;        // label column width
constexpr double kChartWidth = 960;  // the day axis, at most
constexpr double kRowHeight = 22;
constexpr double kTop = 64;          // title and axis
constexpr double kLegendHeight = 40;
constexpr std::string_view kCritical = "#d62728";
constexpr std::string_view kNormal = "#1f77b4";

std::string Num(double v) { return absl::StrFormat("%.1f", v); }

// Text for XML content and attribute values; characters XML 1.0 forbids
// become spaces.
std::string Xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        out += (static_cast<unsigned char>(c) < 0x20 && c != '\t' &&
                c != '\n' && c != '\r')
                   ? ' '
                   : c;
    }
  }
  return out;
}

// `text` cut to about `columns` display columns (CJK counts two), with "…".
std::string Truncate(std::string_view text, int columns) {
  int used = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char lead = static_cast<unsigned char>(text[pos]);
    size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (pos + len > text.size()) len = 1;
    const int width = len >= 3 ? 2 : 1;
    if (used + width > columns) {
      return std::string(text.substr(0, pos)) + "…";
    }
    used += width;
    pos += len;
  }
  return std::string(text);
}

struct TaskRow {
  TaskIndex task;
  std::vector<const TaskDue*> dues;
  bool scheduled = false;  // the critical path places it
};

class GanttWriter {
 public:
  GanttWriter(Date from, Date to) : from_(from), to_(to) {
    const int days = (to - from) + 1;
    // A whole number of tenths, so that printed coordinates are exact.
    day_ = std::clamp(static_cast<int>(kChartWidth * 10 / days), 10, 280) / 10.0;
    width_ = kLeft + day_ * days + 20;
  }

  double X(Date d) const { return kLeft + (d - from_) * day_; }
  double day() const { return day_; }
  double width() const { return width_; }
  Date Clip(Date d) const { return std::clamp(d, from_, to_); }
  bool InRange(Date d) const { return d >= from_ && d <= to_; }

  std::string Diamond(Date d, double y, double r, std::string_view cls,
                      std::string_view fill, std::string_view tip = "") const {
    const double cx = X(d) + day_ / 2;
    std::string out = "<path class=\"" + std::string(cls) + "\" data-date=\"" +
                      d.ToString() + "\" d=\"M" + Num(cx) + " " + Num(y - r) +
                      " L" + Num(cx + r) + " " + Num(y) + " L" + Num(cx) + " " +
                      Num(y + r) + " L" + Num(cx - r) + " " + Num(y) +
                      " Z\" fill=\"" + std::string(fill) + "\"";
    if (tip.empty()) return out + "/>";
    return out + "><title>" + Xml(tip) + "</title></path>";
  }

 private:
  Date from_, to_;
  double day_ = 1;
  double width_ = 0;
};

// The critical path of a view's tasks (view_schedule.h) laid out as the
// plan's answer is, by TaskIndex: hidden tasks get no entry the picture
// reads (they are never in the network), so no bar, row or link of theirs
// is drawn.
CriticalPathAnswer ByTaskIndex(const Plan& plan,
                               const ViewCriticalPathAnswer& answer) {
  CriticalPathAnswer out;
  out.tasks.resize(plan.data().tasks.size());
  for (const ViewTaskSchedule& t : answer.tasks) {
    out.tasks[t.task.value] = t.times;
  }
  out.critical_tasks = answer.critical_tasks;
  out.critical_paths = answer.critical_paths;
  out.critical_paths_truncated = answer.critical_paths_truncated;
  return out;
}

// The picture of the whole plan (`view` null) or of what `view` sees: its
// due dates, occurrences and critical path (view_schedule.h).
absl::StatusOr<std::string> GanttSvg(const Plan& plan, const PlanView* view,
                                     const Calendar& calendar, Date from,
                                     Date to, const GanttOptions& options) {
  if (to < from) {
    return absl::InvalidArgumentError("the range ends (" + to.ToString() +
                                      ") before it starts (" +
                                      from.ToString() + ")");
  }
  if ((to - from) + 1 > kMaxGanttDays) {
    return absl::InvalidArgumentError(
        "the range " + from.ToString() + ".." + to.ToString() + " has " +
        std::to_string((to - from) + 1) + " days; a picture shows at most " +
        std::to_string(kMaxGanttDays));
  }
  if (options.max_rows < 1) {
    return absl::InvalidArgumentError(
        "max_rows " + std::to_string(options.max_rows) + " must be at least 1");
  }
  if (options.unit && options.unit->value >= plan.data().units.size()) {
    return absl::InvalidArgumentError(
        "unit index " + std::to_string(options.unit->value) +
        " is out of range: the plan has " +
        std::to_string(plan.data().units.size()) + " units");
  }
  const Date start =
      options.project_start.value_or(plan.data().plan.issue_date.value_or(from));

  // ---- the data -------------------------------------------------------------
  DG_ASSIGN_OR_RETURN(
      std::vector<TaskDue> dues,
      view ? TasksDueBetween(*view, calendar, options.unit, from, to,
                             options.deadlines)
           : TasksDueBetween(plan, calendar, options.unit, from, to,
                             options.deadlines));
  std::vector<Occurrence> occurrences;
  if (options.show_cadences) {
    OccurrenceFilter filter;
    filter.cadences = options.cadences;
    filter.unit = options.unit;
    DG_ASSIGN_OR_RETURN(
        occurrences,
        view ? CadenceOccurrences(*view, calendar, from, to, filter)
             : CadenceOccurrences(plan, calendar, from, to, filter));
  }
  // The critical path, when the plan gives it something to schedule.
  const std::vector<int32_t> durations = PlanDurations(plan);
  std::vector<bool> in_network(plan.data().tasks.size(), false);
  bool any_network = false;
  auto shown = [view](TaskIndex t) { return !view || view->Sees(t); };
  for (uint32_t i = 0; i < durations.size(); ++i) {
    if (durations[i] > 0 && shown(TaskIndex{i})) {
      in_network[i] = any_network = true;
    }
  }
  for (const DependencyData& d : plan.data().dependencies) {
    for (const std::string& id : {d.from, d.to}) {
      if (auto t = plan.FindTask(id); t.ok() && shown(*t)) {
        in_network[t->value] = any_network = true;
      }
    }
  }
  std::optional<CriticalPathAnswer> cp;
  if (any_network && view) {
    DG_ASSIGN_OR_RETURN(ViewCriticalPathAnswer answer,
                        ComputeCriticalPath(*view, {}, calendar, start));
    cp = ByTaskIndex(plan, answer);
  } else if (any_network) {
    DG_ASSIGN_OR_RETURN(cp, ComputeCriticalPath(plan, {}, calendar, start));
  }

  // ---- the rows -------------------------------------------------------------
  std::map<uint32_t, TaskRow> rows;  // by task index: plan order
  for (const TaskDue& d : dues) {
    TaskRow& row = rows[d.task.value];
    row.task = d.task;
    row.dues.push_back(&d);
  }
  Accountability who;
  if (cp) {
    for (uint32_t i = 0; i < cp->tasks.size(); ++i) {
      if (!in_network[i]) continue;
      const TaskSchedule& s = cp->tasks[i];
      if (s.earliest_finish_date < from || s.earliest_start_date > to) continue;
      if (options.unit) {
        DG_RETURN_IF_ERROR(plan.AccountabilityOf(TaskIndex{i}, from, &who));
        const bool has_role =
            std::any_of(who.units.begin(), who.units.end(),
                        [&](const AccountableUnit& u) {
                          return u.unit == *options.unit;
                        });
        if (!has_role) continue;
      }
      TaskRow& row = rows[i];
      row.task = TaskIndex{i};
      row.scheduled = true;
    }
  }
  // Cadence rows: distinct due dates per cadence, in cadence order.
  std::map<uint32_t, std::map<Date, std::vector<const Occurrence*>>> cadences;
  for (const Occurrence& o : occurrences) {
    cadences[o.cadence][o.due].push_back(&o);
  }
  const size_t row_count = rows.size() + cadences.size();
  if (row_count > static_cast<size_t>(options.max_rows)) {
    return absl::ResourceExhaustedError(
        "the picture would have " + std::to_string(row_count) +
        " rows, more than " + std::to_string(options.max_rows) +
        "; narrow the range, pick a unit or fewer cadences");
  }
  // Cadence names the plan repeats get their id too.
  std::map<std::string, int> name_count;
  for (const auto& [c, _] : cadences) {
    ++name_count[plan.data().cadences[c].name];
  }

  // ---- the picture ----------------------------------------------------------
  GanttWriter w(from, to);
  const double chart_top = kTop;
  const double chart_height = std::max<double>(1, row_count) * kRowHeight;
  const double height = chart_top + chart_height + kLegendHeight + 10;
  std::string svg;
  svg += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Num(w.width()) +
         "\" height=\"" + Num(height) + "\" viewBox=\"0 0 " + Num(w.width()) +
         " " + Num(height) + "\" font-family=\"sans-serif\" font-size=\"12\" " +
         "data-from=\"" + from.ToString() + "\" data-to=\"" + to.ToString() +
         "\" data-left=\"" + Num(kLeft) + "\" data-day-width=\"" +
         Num(w.day()) + "\">\n";
  const PlanInfo& info = plan.data().plan;
  std::string title = options.title;
  if (title.empty()) {
    title = (info.title.empty() ? info.id : info.title) + "  " +
            from.ToString() + " .. " + to.ToString();
    if (options.unit) title += "  " + plan.unit(*options.unit).name;
    if (view) title += "  (" + view->viewer() + ")";
  }
  svg += "<title>" + Xml(title) + "</title>\n";
  svg += "<rect class=\"background\" x=\"0\" y=\"0\" width=\"" +
         Num(w.width()) + "\" height=\"" + Num(height) + "\" fill=\"#ffffff\"/>\n";
  svg += "<text class=\"title\" x=\"10\" y=\"20\" font-size=\"15\" "
         "font-weight=\"bold\">" + Xml(title) + "</text>\n";

  // Non-working days, shaded.
  svg += "<g class=\"calendar\">\n";
  for (Date d = from; d <= to; d = d + 1) {
    DG_ASSIGN_OR_RETURN(CalendarResult<bool> working,
                        calendar.IsWorkingDay(d));
    if (working.value) continue;
    svg += "<rect class=\"off\" data-date=\"" + d.ToString() + "\" x=\"" +
           Num(w.X(d)) + "\" y=\"" + Num(chart_top) + "\" width=\"" +
           Num(w.day()) + "\" height=\"" + Num(chart_height) +
           "\" fill=\"#eeeeee\"/>\n";
  }
  svg += "</g>\n";

  // The axis: a line and label at each month's first day (and the range's).
  svg += "<g class=\"axis\">\n";
  for (Date d = from; d <= to; d = d + 1) {
    if (d != from && d.day() != 1) continue;
    const std::string label = (d == from || d.month() == 1)
                                  ? absl::StrFormat("%d年%d月", d.year(), d.month())
                                  : absl::StrFormat("%d月", d.month());
    svg += "<line class=\"month\" data-date=\"" + d.ToString() + "\" x1=\"" +
           Num(w.X(d)) + "\" y1=\"" + Num(chart_top - 18) + "\" x2=\"" +
           Num(w.X(d)) + "\" y2=\"" + Num(chart_top + chart_height) +
           "\" stroke=\"#bbbbbb\" stroke-width=\"0.6\"/>\n";
    svg += "<text x=\"" + Num(w.X(d) + 2) + "\" y=\"" + Num(chart_top - 6) +
           "\" fill=\"#555555\" font-size=\"11\">" + Xml(label) + "</text>\n";
  }
  svg += "</g>\n";

  double y = chart_top;
  const auto row_label = [&](const std::string& text, std::string_view tip) {
    return "<text class=\"label\" x=\"10\" y=\"" + Num(y + 15) + "\">" +
           "<title>" + Xml(tip) + "</title>" + Xml(Truncate(text, 44)) +
           "</text>";
  };

  // Task rows.
  std::map<uint32_t, double> row_middle;  // by task index
  for (const auto& [index, row] : rows) {
    const TaskData& task = plan.task(row.task);
    const double mid = y + kRowHeight / 2;
    row_middle[index] = mid;
    svg += "<g class=\"task\" data-task=\"" + Xml(task.id) + "\">";
    const std::string key = task.path.empty() ? task.id : task.path;
    svg += row_label(key + " " + task.title, task.id);
    const TaskSchedule* s =
        row.scheduled && cp ? &cp->tasks[row.task.value] : nullptr;
    if (s != nullptr && s->duration > 0) {
      const Date a = w.Clip(s->earliest_start_date);
      const Date b = w.Clip(s->earliest_finish_date);
      svg += "<rect class=\"bar" + std::string(s->critical ? " critical" : "") +
             "\" data-start=\"" + s->earliest_start_date.ToString() +
             "\" data-end=\"" + s->earliest_finish_date.ToString() +
             "\" x=\"" + Num(w.X(a)) + "\" y=\"" + Num(y + 5) +
             "\" width=\"" + Num(w.X(b) - w.X(a) + w.day()) +
             "\" height=\"" + Num(kRowHeight - 10) + "\" rx=\"2\" fill=\"" +
             std::string(s->critical ? kCritical : kNormal) + "\"><title>" +
             Xml(key + ": " + s->earliest_start_date.ToString() + " .. " +
                 s->earliest_finish_date.ToString() + ", " +
                 std::to_string(s->duration) + " working days, float " +
                 std::to_string(s->total_float)) +
             "</title></rect>";
      if (s->total_float > 0 && s->latest_finish_date > s->earliest_finish_date &&
          s->earliest_finish_date < to) {
        const Date fa = w.Clip(s->earliest_finish_date + 1);
        const Date fb = w.Clip(s->latest_finish_date);
        svg += "<line class=\"float\" data-end=\"" +
               s->latest_finish_date.ToString() + "\" x1=\"" + Num(w.X(fa)) +
               "\" y1=\"" + Num(mid) + "\" x2=\"" + Num(w.X(fb) + w.day()) +
               "\" y2=\"" + Num(mid) +
               "\" stroke=\"#999999\" stroke-width=\"2\"/>";
      }
    } else if (s != nullptr && w.InRange(s->earliest_start_date)) {
      svg += w.Diamond(s->earliest_start_date, mid, 6,
                       s->critical ? "milestone critical" : "milestone",
                       s->critical ? kCritical : kNormal);
    } else if (!row.dues.empty() && row.dues.front()->due >= start) {
      const Date a = w.Clip(start);
      const Date b = row.dues.front()->due;
      svg += "<rect class=\"window\" data-start=\"" + start.ToString() +
             "\" data-end=\"" + b.ToString() + "\" x=\"" + Num(w.X(a)) +
             "\" y=\"" + Num(y + 8) + "\" width=\"" +
             Num(w.X(b) - w.X(a) + w.day()) + "\" height=\"" +
             Num(kRowHeight - 16) + "\" fill=\"#9ecae1\" opacity=\"0.6\"/>";
    }
    for (const TaskDue* d : row.dues) {
      if (d->reminder && w.InRange(*d->reminder)) {
        const double cx = w.X(*d->reminder) + w.day() / 2;
        svg += "<line class=\"reminder\" data-date=\"" +
               d->reminder->ToString() + "\" x1=\"" + Num(cx) + "\" y1=\"" +
               Num(y + 4) + "\" x2=\"" + Num(cx) + "\" y2=\"" +
               Num(y + kRowHeight - 4) +
               "\" stroke=\"#ff7f0e\" stroke-width=\"1.5\"/>";
      }
      const DeadlineData& deadline = task.deadlines[d->deadline];
      svg += w.Diamond(d->due, mid, 6, "due", "#000000",
                       d->due.ToString() + " " +
                           (deadline.text.empty() ? deadline.kind
                                                  : deadline.text));
    }
    svg += "</g>\n";
    y += kRowHeight;
  }

  // Dependency links between drawn, scheduled tasks: from the end of the
  // predecessor to the start of the successor; red along a critical path.
  if (cp) {
    std::set<std::pair<uint32_t, uint32_t>> critical_links;
    for (const std::vector<TaskIndex>& path : cp->critical_paths) {
      for (size_t i = 1; i < path.size(); ++i) {
        critical_links.insert({path[i - 1].value, path[i].value});
      }
    }
    svg += "<g class=\"links\" fill=\"none\">\n";
    for (const DependencyData& d : plan.data().dependencies) {
      absl::StatusOr<TaskIndex> a = plan.FindTask(d.from);
      absl::StatusOr<TaskIndex> b = plan.FindTask(d.to);
      if (!a.ok() || !b.ok()) continue;
      const auto ya = row_middle.find(a->value);
      const auto yb = row_middle.find(b->value);
      if (ya == row_middle.end() || yb == row_middle.end() ||
          !rows[a->value].scheduled || !rows[b->value].scheduled) {
        continue;
      }
      const TaskSchedule& sa = cp->tasks[a->value];
      const TaskSchedule& sb = cp->tasks[b->value];
      const double x1 =
          w.X(w.Clip(sa.earliest_finish_date)) + (sa.duration > 0 ? w.day() : w.day() / 2);
      const double x2 =
          w.X(w.Clip(sb.earliest_start_date)) + (sb.duration > 0 ? 0 : w.day() / 2);
      const bool critical = critical_links.count({a->value, b->value}) > 0;
      const double bend = std::max(x1, x2 - 4);
      svg += "<path class=\"link" + std::string(critical ? " critical" : "") +
             "\" data-from=\"" + Xml(d.from) + "\" data-to=\"" + Xml(d.to) +
             "\" d=\"M" + Num(x1) + " " + Num(ya->second) + " L" + Num(bend) +
             " " + Num(ya->second) + " L" + Num(bend) + " " + Num(yb->second) +
             " L" + Num(x2) + " " + Num(yb->second) + "\" stroke=\"" +
             std::string(critical ? kCritical : "#888888") +
             "\" stroke-width=\"1\"/>\n";
    }
    svg += "</g>\n";
  }

  // Cadence rows.
  for (const auto& [c, by_date] : cadences) {
    const CadenceData& cadence = plan.data().cadences[c];
    std::string label = cadence.name.empty() ? cadence.id : cadence.name;
    if (name_count[cadence.name] > 1) label += " [" + cadence.id + "]";
    svg += "<g class=\"cadence\" data-cadence=\"" + Xml(cadence.id) + "\">";
    svg += row_label(label, cadence.id);
    for (const auto& [due, list] : by_date) {
      const double cx = w.X(due) + w.day() / 2;
      std::string tip = due.ToString() + " " + label;
      std::set<std::string> periods;
      for (const Occurrence* o : list) periods.insert(o->period_label);
      for (const std::string& p : periods) tip += " " + p;
      if (list.size() > 1) tip += " (" + std::to_string(list.size()) + ")";
      svg += "<line class=\"mark\" data-date=\"" + due.ToString() + "\" x1=\"" +
             Num(cx) + "\" y1=\"" + Num(y + 4) + "\" x2=\"" + Num(cx) +
             "\" y2=\"" + Num(y + kRowHeight - 4) +
             "\" stroke=\"#6a3d9a\" stroke-width=\"2\"><title>" + Xml(tip) +
             "</title></line>";
    }
    svg += "</g>\n";
    y += kRowHeight;
  }
  if (row_count == 0) {
    svg += "<text class=\"empty\" x=\"10\" y=\"" + Num(y + 15) +
           "\" fill=\"#777777\">nothing due in this range</text>\n";
    y += kRowHeight;
  }

  // Legend.
  const double ly = y + 22;
  svg += "<g class=\"legend\" font-size=\"11\">";
  double lx = 10;
  const auto item = [&](const std::string& shape, std::string_view text) {
    svg += shape + "<text x=\"" + Num(lx + 18) + "\" y=\"" + Num(ly + 4) +
           "\">" + Xml(text) + "</text>";
    lx += 18 + 12 * static_cast<double>(text.size()) / 2.2 + 24;
  };
  const auto swatch = [&](std::string_view fill) {
    return "<rect x=\"" + Num(lx) + "\" y=\"" + Num(ly - 5) +
           "\" width=\"14\" height=\"10\" fill=\"" + std::string(fill) + "\"/>";
  };
  item(swatch(kCritical), "critical");
  item(swatch(kNormal), "scheduled");
  item(swatch("#9ecae1"), "open until due");
  item("<path d=\"M" + Num(lx + 7) + " " + Num(ly - 6) + " L" + Num(lx + 13) +
           " " + Num(ly) + " L" + Num(lx + 7) + " " + Num(ly + 6) + " L" +
           Num(lx + 1) + " " + Num(ly) + " Z\" fill=\"#000000\"/>",
       "due");
  item("<line x1=\"" + Num(lx + 7) + "\" y1=\"" + Num(ly - 6) + "\" x2=\"" +
           Num(lx + 7) + "\" y2=\"" + Num(ly + 6) +
           "\" stroke=\"#ff7f0e\" stroke-width=\"1.5\"/>",
       "reminder");
  item("<line x1=\"" + Num(lx + 7) + "\" y1=\"" + Num(ly - 6) + "\" x2=\"" +
           Num(lx + 7) + "\" y2=\"" + Num(ly + 6) +
           "\" stroke=\"#6a3d9a\" stroke-width=\"2\"/>",
       "cadence due");
  item(swatch("#eeeeee"), "non-working day");
  svg += "</g>\n";
  svg += "</svg>\n";
  return svg;
}

}  // namespace

absl::StatusOr<std::string> ScheduleGanttSvg(const Plan& plan,
                                             const Calendar& calendar,
                                             Date from, Date to,
                                             const GanttOptions& options) {
  return GanttSvg(plan, nullptr, calendar, from, to, options);
}

absl::StatusOr<std::string> ScheduleGanttSvg(const PlanView& view,
                                             const Calendar& calendar,
                                             Date from, Date to,
                                             const GanttOptions& options) {
  return GanttSvg(view.plan(), &view, calendar, from, to, options);
}

}  // namespace dutygraph
