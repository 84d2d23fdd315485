// capi/dg_picture.cc — the C API's pictures (see dutygraph/dg.h,
// "Pictures"): the responsibility graph as DOT and the schedule as SVG, both
// rendered by the C++ library (plan_graph.h, schedule_gantt.h).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "dutygraph/critical_path.h"
#include "dutygraph/date.h"
#include "dutygraph/dg.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_graph.h"
#include "dutygraph/schedule_gantt.h"
#include "dutygraph/view_schedule.h"
#include "guard.h"
#include "handles.h"

namespace {

using dutygraph::Date;
using dutygraph::capi::ApiCall;
using dutygraph::capi::NewCString;
using dutygraph::capi::ZeroOut;

std::string ToString(int64_t n) { return std::to_string(n); }

dg_status CheckFlag(int32_t value, std::string_view name,
                    const ApiCall& call) {
  if (value == 0 || value == 1) return DG_OK;
  return call.Fail(DG_INVALID_ARGUMENT, {"opts->", name, " is ",
                                         ToString(value),
                                         "; it must be 0 or 1"});
}

dg_status CheckStructSize(size_t declared, size_t min_size,
                          std::string_view type, const ApiCall& call) {
  if (declared >= min_size) return DG_OK;
  return call.Fail(DG_INVALID_ARGUMENT,
                   {"opts->struct_size is ", ToString(declared),
                    ", smaller than the first fields of ", type, " (",
                    ToString(min_size), " bytes); initialise it with the ",
                    "_INIT macro"});
}

dg_status ReadGraphOptions(const dg_graph_options* opts,
                           dutygraph::GraphFocus* focus,
                           dutygraph::PlanGraphOptions* out,
                           const ApiCall& call) {
  if (opts == nullptr) return DG_OK;
  const size_t declared = opts->struct_size;
  if (dg_status s = CheckStructSize(
          declared, DG_FIELD_END(dg_graph_options, focus), "dg_graph_options",
          call);
      s != DG_OK) {
    return s;
  }
  if (opts->focus_kind < DG_GRAPH_FOCUS_PLAN ||
      opts->focus_kind > DG_GRAPH_FOCUS_GROUP) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     {"opts->focus_kind ", ToString(opts->focus_kind),
                      " is not a dg_graph_focus (PLAN=0, TASK=1, UNIT=2, "
                      "GROUP=3)"});
  }
  focus->kind = static_cast<dutygraph::GraphFocusKind>(opts->focus_kind);
  focus->index = opts->focus;
  auto has = [declared](size_t end) { return declared >= end; };
  if (has(DG_FIELD_END(dg_graph_options, on))) {
    if (dg_status s = CheckFlag(opts->has_on, "has_on", call); s != DG_OK) {
      return s;
    }
    if (opts->has_on == 1) {
      Date on;
      if (dg_status s = call.CheckDate(&on, opts->on, "opts->on");
          s != DG_OK) {
        return s;
      }
      out->on = on;
    }
  }
  if (has(DG_FIELD_END(dg_graph_options, depth))) out->depth = opts->depth;
  if (has(DG_FIELD_END(dg_graph_options, legend))) {
    if (dg_status s = CheckFlag(opts->legend, "legend", call); s != DG_OK) {
      return s;
    }
    out->legend = opts->legend == 1;
  }
  if (has(DG_FIELD_END(dg_graph_options, max_nodes))) {
    out->max_nodes = opts->max_nodes;
  }
  return DG_OK;
}

dg_status ReadGanttOptions(const dg_gantt_options* opts,
                           const dutygraph::Plan& plan,
                           dutygraph::GanttOptions* out, const ApiCall& call) {
  if (opts == nullptr) return DG_OK;
  const size_t declared = opts->struct_size;
  if (dg_status s = CheckStructSize(declared,
                                    DG_FIELD_END(dg_gantt_options, unit),
                                    "dg_gantt_options", call);
      s != DG_OK) {
    return s;
  }
  auto has = [declared](size_t end) { return declared >= end; };
  if (dg_status s = CheckFlag(opts->has_unit, "has_unit", call); s != DG_OK) {
    return s;
  }
  if (opts->has_unit == 1) {
    const size_t count = plan.data().units.size();
    if (opts->unit >= count) {
      return call.Fail(DG_OUT_OF_RANGE,
                       {"opts->unit ", ToString(opts->unit),
                        " is out of range: the plan has ", ToString(count),
                        " units"});
    }
    out->unit = dutygraph::UnitIndex{opts->unit};
  }
  if (has(DG_FIELD_END(dg_gantt_options, start))) {
    if (dg_status s = CheckFlag(opts->has_start, "has_start", call);
        s != DG_OK) {
      return s;
    }
    if (opts->has_start == 1) {
      Date start;
      if (dg_status s = call.CheckDate(&start, opts->start, "opts->start");
          s != DG_OK) {
        return s;
      }
      out->project_start = start;
    }
  }
  if (has(DG_FIELD_END(dg_gantt_options, show_cadences))) {
    if (dg_status s = CheckFlag(opts->show_cadences, "show_cadences", call);
        s != DG_OK) {
      return s;
    }
    out->show_cadences = opts->show_cadences == 1;
  }
  if (has(DG_FIELD_END(dg_gantt_options, reminder_working_days))) {
    const int32_t n = opts->reminder_working_days;
    if (n < 0 || n > dutygraph::kMaxWorkingDays) {
      return call.Fail(DG_INVALID_ARGUMENT,
                       {"opts->reminder_working_days is ", ToString(n),
                        "; it must be 0 (no reminders) to ",
                        ToString(dutygraph::kMaxWorkingDays)});
    }
    out->deadlines.reminder_working_days = n;
  }
  if (has(DG_FIELD_END(dg_gantt_options, max_rows))) {
    out->max_rows = opts->max_rows;
  }
  if (has(DG_FIELD_END(dg_gantt_options, cadence_id_count))) {
    const size_t count = opts->cadence_id_count;
    if (count > 0 && opts->cadence_ids == nullptr) {
      return call.Fail(DG_INVALID_ARGUMENT,
                       {"opts->cadence_ids is NULL but "
                        "opts->cadence_id_count is ",
                        ToString(count)});
    }
    for (size_t i = 0; i < count; ++i) {
      const std::string where = "opts->cadence_ids[" + ToString(i) + "]";
      const char* id = opts->cadence_ids[i];
      if (id == nullptr) return call.NullArgument(where);
      std::string_view checked;
      if (dg_status s = call.CheckText(&checked, id, std::strlen(id), where);
          s != DG_OK) {
        return s;
      }
      out->cadences.emplace_back(checked);
    }
  }
  return DG_OK;
}

dg_status ReturnText(char** out, size_t* size_out,
                     const absl::StatusOr<std::string>& text,
                     const ApiCall& call) {
  if (!text.ok()) return call.FromStatus(text.status());
  return NewCString(out, size_out, *text, call);
}

}  // namespace

dg_status dg_plan_graph_dot(char** out, size_t* size_out, const dg_plan* plan,
                            const dg_graph_options* opts) noexcept {
  DG_API_GUARD({
    ZeroOut(out, size_out);
    if (out == nullptr) return call.NullArgument("out");
    if (plan == nullptr) return call.NullArgument("plan");
    dutygraph::GraphFocus focus;
    dutygraph::PlanGraphOptions options;
    if (dg_status s = ReadGraphOptions(opts, &focus, &options, call);
        s != DG_OK) {
      return s;
    }
    return ReturnText(out, size_out,
                      dutygraph::PlanGraphDot(plan->plan, focus, options),
                      call);
  });
}

dg_status dg_plan_gantt_svg(char** out, size_t* size_out, const dg_plan* plan,
                            const dg_calendar* cal, dg_date from, dg_date to,
                            const dg_gantt_options* opts) noexcept {
  DG_API_GUARD({
    ZeroOut(out, size_out);
    if (out == nullptr) return call.NullArgument("out");
    if (plan == nullptr) return call.NullArgument("plan");
    if (cal == nullptr) return call.NullArgument("cal");
    Date first, last;
    if (dg_status s = call.CheckDate(&first, from, "from"); s != DG_OK) {
      return s;
    }
    if (dg_status s = call.CheckDate(&last, to, "to"); s != DG_OK) return s;
    dutygraph::GanttOptions options;
    if (dg_status s = ReadGanttOptions(opts, plan->plan, &options, call);
        s != DG_OK) {
      return s;
    }
    return ReturnText(out, size_out,
                      dutygraph::ScheduleGanttSvg(plan->plan, cal->calendar,
                                                  first, last, options),
                      call);
  });
}

dg_status dg_view_gantt_svg(char** out, size_t* size_out, const dg_view* view,
                            const dg_calendar* cal, dg_date from, dg_date to,
                            const dg_gantt_options* opts) noexcept {
  DG_API_GUARD({
    ZeroOut(out, size_out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = dutygraph::capi::CheckHandle(call, view, "view");
        s != DG_OK) {
      return s;
    }
    if (dg_status s = dutygraph::capi::CheckHandle(call, cal, "cal");
        s != DG_OK) {
      return s;
    }
    Date first, last;
    if (dg_status s = call.CheckDate(&first, from, "from"); s != DG_OK) {
      return s;
    }
    if (dg_status s = call.CheckDate(&last, to, "to"); s != DG_OK) return s;
    dutygraph::GanttOptions options;
    if (dg_status s =
            ReadGanttOptions(opts, view->view.plan(), &options, call);
        s != DG_OK) {
      return s;
    }
    return ReturnText(out, size_out,
                      dutygraph::ScheduleGanttSvg(view->view, cal->calendar,
                                                  first, last, options),
                      call);
  });
}
