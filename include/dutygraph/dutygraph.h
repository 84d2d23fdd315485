// dutygraph/dutygraph.h — the umbrella header of the C++ API.
//
// dutygraph answers, for an implementation plan: who is accountable for what
// on a given date, when everything is due on the official working-day
// calendar, and which escalation is due to whom, and why.
//
// The C++ API is source-compatible only; the binary contract is the C API in
// dutygraph/dg.h. Fallible calls return absl::Status / absl::StatusOr and
// throw nothing.
#ifndef DUTYGRAPH_DUTYGRAPH_H_
#define DUTYGRAPH_DUTYGRAPH_H_

#include "dutygraph/calendar.h"
#include "dutygraph/critical_path.h"
#include "dutygraph/date.h"
#include "dutygraph/events.h"
#include "dutygraph/import.h"
#include "dutygraph/period.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_answers_json.h"
#include "dutygraph/plan_data.h"
#include "dutygraph/plan_graph.h"
#include "dutygraph/plan_json.h"
#include "dutygraph/plan_publisher.h"
#include "dutygraph/plan_view.h"
#include "dutygraph/schedule.h"
#include "dutygraph/schedule_export.h"
#include "dutygraph/schedule_gantt.h"
#include "dutygraph/store.h"
#include "dutygraph/tracking.h"
#include "dutygraph/tracking_store.h"
#include "dutygraph/version.h"
#include "dutygraph/view_schedule.h"

#endif  // DUTYGRAPH_DUTYGRAPH_H_
