// capi/version_check.cc — compile-time proof that the C header and the C++
// library agree. dg.h is the binary contract and promises that its version
// macros and enum values equal the C++ ones; any drift fails the build here
// rather than surfacing as a wrong answer in some binding.
//
// Nothing in this file generates code.

#include <cstddef>
#include <string_view>
#include <type_traits>

#include "absl/status/status.h"
#include "dutygraph/calendar.h"
#include "dutygraph/dg.h"
#include "dutygraph/period.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_data.h"
#include "dutygraph/schedule.h"
#include "dutygraph/version.h"

namespace dutygraph::capi {
namespace {

// ---- Versions ----
static_assert(kVersionMajor == DG_VERSION_MAJOR, "version.h drifted from dg.h");
static_assert(kVersionMinor == DG_VERSION_MINOR, "version.h drifted from dg.h");
static_assert(kVersionPatch == DG_VERSION_PATCH, "version.h drifted from dg.h");
static_assert(kVersionString == std::string_view(DG_VERSION_STRING),
              "version.h drifted from dg.h");
static_assert(DG_VERSION_NUMBER ==
                  kVersionMajor * 10000 + kVersionMinor * 100 + kVersionPatch,
              "DG_VERSION_NUMBER must be MAJOR * 10000 + MINOR * 100 + PATCH");

// ---- Fixed-width ABI types ----
static_assert(std::is_same_v<dg_status, int32_t>);
static_assert(std::is_same_v<dg_date, int32_t>);
static_assert(std::is_same_v<decltype(Date{}.days_since_epoch()), dg_date>);

template <typename E>
constexpr int32_t V(E e) {
  return static_cast<int32_t>(e);
}

// ---- dg_status == absl::StatusCode ----
static_assert(DG_OK == V(absl::StatusCode::kOk));
static_assert(DG_INVALID_ARGUMENT == V(absl::StatusCode::kInvalidArgument));
static_assert(DG_NOT_FOUND == V(absl::StatusCode::kNotFound));
static_assert(DG_RESOURCE_EXHAUSTED == V(absl::StatusCode::kResourceExhausted));
static_assert(DG_FAILED_PRECONDITION ==
              V(absl::StatusCode::kFailedPrecondition));
static_assert(DG_OUT_OF_RANGE == V(absl::StatusCode::kOutOfRange));
static_assert(DG_INTERNAL == V(absl::StatusCode::kInternal));
static_assert(DG_ALREADY_EXISTS == V(absl::StatusCode::kAlreadyExists));
static_assert(DG_PERMISSION_DENIED == V(absl::StatusCode::kPermissionDenied));
static_assert(DG_UNAVAILABLE == V(absl::StatusCode::kUnavailable));
static_assert(DG_DATA_LOSS == V(absl::StatusCode::kDataLoss));

// ---- dg_period_kind == PeriodKind ----
static_assert(std::is_same_v<std::underlying_type_t<PeriodKind>, int32_t>);
static_assert(DG_PERIOD_DEKAD == V(PeriodKind::kDekad));
static_assert(DG_PERIOD_WEEK == V(PeriodKind::kWeek));
static_assert(DG_PERIOD_HALF_MONTH == V(PeriodKind::kHalfMonth));
static_assert(DG_PERIOD_MONTH == V(PeriodKind::kMonth));
static_assert(DG_PERIOD_QUARTER == V(PeriodKind::kQuarter));
static_assert(DG_PERIOD_HALF_YEAR == V(PeriodKind::kHalfYear));
static_assert(DG_PERIOD_YEAR == V(PeriodKind::kYear));

// ---- dg_calendar_mode == CalendarMode ----
static_assert(DG_CALENDAR_STRICT == V(CalendarMode::kStrict));
static_assert(DG_CALENDAR_PROVISIONAL == V(CalendarMode::kProvisional));

// ---- dg_roll_convention == RollConvention ----
static_assert(DG_ROLL_FOLLOWING == V(RollConvention::kFollowing));
static_assert(DG_ROLL_PRECEDING == V(RollConvention::kPreceding));
static_assert(DG_ROLL_MODIFIED_FOLLOWING ==
              V(RollConvention::kModifiedFollowing));
static_assert(DG_ROLL_MODIFIED_PRECEDING ==
              V(RollConvention::kModifiedPreceding));

// ---- dg_day_kind == DayKind ----
static_assert(DG_DAY_WORKDAY == V(DayKind::kWorkday));
static_assert(DG_DAY_WEEKEND == V(DayKind::kWeekend));
static_assert(DG_DAY_HOLIDAY == V(DayKind::kHoliday));
static_assert(DG_DAY_MAKEUP_WORKDAY == V(DayKind::kMakeupWorkday));

// ---- dg_role == Role ----
static_assert(std::is_same_v<std::underlying_type_t<Role>, int32_t>);
static_assert(DG_ROLE_LEAD == V(Role::kLead));
static_assert(DG_ROLE_SUPPORT == V(Role::kSupport));
static_assert(DG_ROLE_RESPONSIBLE == V(Role::kResponsible));
static_assert(DG_ROLE_PARTICIPATE == V(Role::kParticipate));
static_assert(kRoleCount == 4, "a new Role needs a dg_role and a DG_ROLE_BIT_");
static_assert(DG_ROLE_BIT_LEAD == 1 << DG_ROLE_LEAD);
static_assert(DG_ROLE_BIT_SUPPORT == 1 << DG_ROLE_SUPPORT);
static_assert(DG_ROLE_BIT_RESPONSIBLE == 1 << DG_ROLE_RESPONSIBLE);
static_assert(DG_ROLE_BIT_PARTICIPATE == 1 << DG_ROLE_PARTICIPATE);

// ---- dg_assigned_via == AssignedVia ----
static_assert(std::is_same_v<std::underlying_type_t<AssignedVia>, int32_t>);
static_assert(DG_VIA_DIRECT == V(AssignedVia::kDirect));
static_assert(DG_VIA_UNIT_SET == V(AssignedVia::kUnitSet));
static_assert(DG_VIA_GROUP == V(AssignedVia::kGroup));
static_assert(DG_VIA_SUCCESSOR == V(AssignedVia::kSuccessor));

// ---- dg_capacity == Capacity ----
static_assert(std::is_same_v<std::underlying_type_t<Capacity>, int32_t>);
static_assert(DG_CAPACITY_UNIT_HEAD == V(Capacity::kUnitHead));
static_assert(DG_CAPACITY_SUPERVISING_LEADER ==
              V(Capacity::kSupervisingLeader));
static_assert(DG_CAPACITY_CONVENER == V(Capacity::kConvener));
static_assert(DG_CAPACITY_DEPUTY_CONVENER == V(Capacity::kDeputyConvener));
static_assert(DG_CAPACITY_GUIDING == V(Capacity::kGuiding));
static_assert(DG_CAPACITY_OFFICE_DIRECTOR == V(Capacity::kOfficeDirector));
static_assert(DG_CAPACITY_CHIEF_DISPATCHER == V(Capacity::kChiefDispatcher));
static_assert(DG_CAPACITY_ASSIGNED_POST == V(Capacity::kAssignedPost));

// ---- Record indexes are uint32_t on both sides ----
static_assert(std::is_same_v<decltype(UnitIndex{}.value), uint32_t>);
static_assert(std::is_same_v<decltype(AccountableUnit{}.via_index), uint32_t>);
static_assert(std::is_same_v<decltype(AccountableUnit{}.clause), int32_t>);

// ---- Option structs: struct_size first, so the prefix protocol works ----
static_assert(offsetof(dg_calendar_options, struct_size) == 0);
static_assert(offsetof(dg_day_info, struct_size) == 0);
static_assert(offsetof(dg_accountable_unit, struct_size) == 0);
static_assert(offsetof(dg_post_holder, struct_size) == 0);
static_assert(offsetof(dg_unit_task, struct_size) == 0);
static_assert(offsetof(dg_person_task, struct_size) == 0);
static_assert(offsetof(dg_schedule_options, struct_size) == 0);
static_assert(offsetof(dg_import_options, struct_size) == 0);
static_assert(offsetof(dg_calendar_derive_options, struct_size) == 0);

// ---- DG_CALENDAR_DERIVE_OPTIONS_INIT's limits are CalendarLimits{}'s ----
constexpr dg_calendar_derive_options kDeriveDefaults =
    DG_CALENDAR_DERIVE_OPTIONS_INIT;
constexpr CalendarLimits kCalendarLimits{};
static_assert(kDeriveDefaults.max_bytes == kCalendarLimits.max_bytes,
              "DG_CALENDAR_DERIVE_OPTIONS_INIT drifted from calendar.h");
static_assert(kDeriveDefaults.max_declared_days ==
              kCalendarLimits.max_declared_days);
static_assert(kDeriveDefaults.max_name_bytes == kCalendarLimits.max_name_bytes);
static_assert(kDeriveDefaults.max_total_declared_days ==
              kCalendarLimits.max_total_declared_days);
static_assert(static_cast<size_t>(kDeriveDefaults.max_layers) ==
              kCalendarLimits.max_layers);

// ---- Schedules: DG_SCHEDULE_OPTIONS_INIT's defaults are the C++ ones ----
constexpr dg_schedule_options kScheduleDefaults = DG_SCHEDULE_OPTIONS_INIT;
static_assert(kScheduleDefaults.reminder_working_days ==
                  kDefaultReminderWorkingDays,
              "DG_SCHEDULE_OPTIONS_INIT drifted from schedule.h");
static_assert(kScheduleDefaults.format == DG_FORMAT_JSON);
static_assert(std::is_same_v<dg_schedule_format, int32_t>);

}  // namespace
}  // namespace dutygraph::capi
