// capi/handles.h — the structs behind the C API's opaque handles that more
// than one shim file needs. Each wraps an immutable C++ value (a shared
// pointer to read-only state), so handles are cheap and safe to share.
#ifndef DUTYGRAPH_CAPI_HANDLES_H_
#define DUTYGRAPH_CAPI_HANDLES_H_

#include "dutygraph/calendar.h"
#include "dutygraph/plan.h"

struct dg_calendar {
  dutygraph::Calendar calendar;
};

struct dg_plan {
  dutygraph::Plan plan;
};

#endif  // DUTYGRAPH_CAPI_HANDLES_H_
