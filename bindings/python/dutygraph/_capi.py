"""ctypes declarations for the dutygraph C API (capi/include/dutygraph/dg.h).

This module is the single place where Python meets the C ABI: the enum
constants, the structs, opaque handle types and ONE prototype table
(`PROTOTYPES`) giving every function's return type and argument types.
Nothing is called without a prototype: ctypes' default `int` return type
would truncate 64-bit pointers.

tests/test_header_agreement.py parses dg.h and checks this file against it,
so a function added to, removed from or changed in the header fails the
tests until this table follows.

Conventions kept in the table:
  * handles are `POINTER(<opaque struct>)`, so passing the wrong kind of
    handle (or an int) is a ctypes.ArgumentError instead of a crash;
  * strings the caller must release are `POINTER(c_char)`, never `c_char_p`
    (which converts to bytes and loses the pointer dg_string_free needs);
  * input strings are `c_char_p` with an explicit length.

The library is looked up, in order, at:
  1. the path in the environment variable DUTYGRAPH_LIBRARY; if it is set it
     is the only candidate (an explicit choice is never silently replaced);
  2. a libdutygraph_c shared library next to this package (installed layouts
     that ship the library inside the package);
  3. ctypes.util.find_library('dutygraph_c') (the system search path).
Import fails with an ImportError listing what was tried, or naming both
versions when the library's major version differs from the bindings'.

Thread safety: the module is initialised once, at import; `lib`'s functions
may then be called from any thread as each C function's contract allows.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import sys
from ctypes import POINTER, c_char, c_char_p, c_int, c_int32, c_size_t
from ctypes import c_int64, c_uint32

# ---------------------------------------------------------------------------
# The version these bindings were written against (dg.h DG_VERSION_*).
# ---------------------------------------------------------------------------

DG_VERSION_MAJOR = 0
DG_VERSION_MINOR = 1
DG_VERSION_PATCH = 0
DG_VERSION_NUMBER = (
    DG_VERSION_MAJOR * 10000 + DG_VERSION_MINOR * 100 + DG_VERSION_PATCH)
DG_SOVERSION = 0

# ---------------------------------------------------------------------------
# Enum constants, mirrored from dg.h (whose values are never renumbered).
# ---------------------------------------------------------------------------

# dg_status
DG_OK = 0
DG_INVALID_ARGUMENT = 3
DG_NOT_FOUND = 5
DG_ALREADY_EXISTS = 6
DG_PERMISSION_DENIED = 7
DG_RESOURCE_EXHAUSTED = 8
DG_FAILED_PRECONDITION = 9
DG_OUT_OF_RANGE = 11
DG_INTERNAL = 13
DG_UNAVAILABLE = 14
DG_DATA_LOSS = 15

# dg_period_kind
DG_PERIOD_DEKAD = 0
DG_PERIOD_WEEK = 1
DG_PERIOD_HALF_MONTH = 2
DG_PERIOD_MONTH = 3
DG_PERIOD_QUARTER = 4
DG_PERIOD_HALF_YEAR = 5
DG_PERIOD_YEAR = 6

# dg_calendar_mode
DG_CALENDAR_STRICT = 0
DG_CALENDAR_PROVISIONAL = 1

# dg_roll_convention
DG_ROLL_FOLLOWING = 0
DG_ROLL_PRECEDING = 1
DG_ROLL_MODIFIED_FOLLOWING = 2
DG_ROLL_MODIFIED_PRECEDING = 3

# dg_day_kind
DG_DAY_WORKDAY = 0
DG_DAY_WEEKEND = 1
DG_DAY_HOLIDAY = 2
DG_DAY_MAKEUP_WORKDAY = 3

# dg_role
DG_ROLE_LEAD = 0
DG_ROLE_SUPPORT = 1
DG_ROLE_RESPONSIBLE = 2
DG_ROLE_PARTICIPATE = 3

# Role filter bits: 1 << dg_role; 0 means every role.
DG_ROLES_ALL = 0
DG_ROLE_BIT_LEAD = 1
DG_ROLE_BIT_SUPPORT = 2
DG_ROLE_BIT_RESPONSIBLE = 4
DG_ROLE_BIT_PARTICIPATE = 8

# dg_assigned_via
DG_VIA_DIRECT = 0
DG_VIA_UNIT_SET = 1
DG_VIA_GROUP = 2
DG_VIA_SUCCESSOR = 3

# dg_capacity
DG_CAPACITY_UNIT_HEAD = 0
DG_CAPACITY_SUPERVISING_LEADER = 1
DG_CAPACITY_CONVENER = 2
DG_CAPACITY_DEPUTY_CONVENER = 3
DG_CAPACITY_GUIDING = 4
DG_CAPACITY_OFFICE_DIRECTOR = 5
DG_CAPACITY_CHIEF_DISPATCHER = 6
DG_CAPACITY_ASSIGNED_POST = 7

# dg_record_kind
DG_RECORD_UNIT = 0
DG_RECORD_UNIT_SET = 1
DG_RECORD_POST = 2
DG_RECORD_PERSON = 3
DG_RECORD_GROUP = 4
DG_RECORD_TASK = 5

# dg_holder_list
DG_HOLDERS_POSTS = 0
DG_HOLDERS_CONVENERS = 1
DG_HOLDERS_DEPUTY_CONVENERS = 2
DG_HOLDERS_GUIDING = 3
DG_HOLDERS_OFFICE_DIRECTOR = 4
DG_HOLDERS_CHIEF_DISPATCHERS = 5

# dg_schedule_format
DG_FORMAT_JSON = 0
DG_FORMAT_CSV = 1
DG_FORMAT_ICS = 2

# dg_graph_focus
DG_GRAPH_FOCUS_PLAN = 0
DG_GRAPH_FOCUS_TASK = 1
DG_GRAPH_FOCUS_UNIT = 2
DG_GRAPH_FOCUS_GROUP = 3

# ---------------------------------------------------------------------------
# Scalar typedefs (all fixed width in dg.h).
# ---------------------------------------------------------------------------

dg_status = c_int32
dg_date = c_int32
dg_period_kind = c_int32
dg_calendar_mode = c_int32
dg_roll_convention = c_int32
dg_day_kind = c_int32
dg_role = c_int32
dg_assigned_via = c_int32
dg_capacity = c_int32
dg_record_kind = c_int32
dg_holder_list = c_int32
dg_schedule_format = c_int32

# date.toordinal() of 1970-01-01: a dg_date is date.toordinal() - this.
EPOCH_ORDINAL = 719163

# ---------------------------------------------------------------------------
# Opaque handles and structs.
# ---------------------------------------------------------------------------


class dg_calendar(ctypes.Structure):
    """Opaque: only ever used through dg_calendar_p."""
    _fields_ = []


dg_calendar_p = POINTER(dg_calendar)


class dg_calendar_options(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_size_t),
        ("mode", dg_calendar_mode),
    ]


class dg_day_info(ctypes.Structure):
    # The strings are borrowed from the calendar: read them with
    # ctypes.string_at(ptr, size) while the calendar lives.
    _fields_ = [
        ("struct_size", c_size_t),
        ("date", dg_date),
        ("working", c_int32),
        ("kind", dg_day_kind),
        ("provisional", c_int32),
        ("name", POINTER(c_char)),
        ("name_size", c_size_t),
        ("notice_title", POINTER(c_char)),
        ("notice_title_size", c_size_t),
        ("notice_url", POINTER(c_char)),
        ("notice_url_size", c_size_t),
    ]


class dg_plan(ctypes.Structure):
    """Opaque: only ever used through dg_plan_p."""
    _fields_ = []


class dg_accountability(ctypes.Structure):
    """Opaque: only ever used through dg_accountability_p."""
    _fields_ = []


class dg_unit_tasks(ctypes.Structure):
    """Opaque: only ever used through dg_unit_tasks_p."""
    _fields_ = []


class dg_person_tasks(ctypes.Structure):
    """Opaque: only ever used through dg_person_tasks_p."""
    _fields_ = []


class dg_events(ctypes.Structure):
    """Opaque: only ever used through dg_events_p."""
    _fields_ = []


class dg_tracker(ctypes.Structure):
    """Opaque: only ever used through dg_tracker_p."""
    _fields_ = []


dg_plan_p = POINTER(dg_plan)
dg_events_p = POINTER(dg_events)
dg_tracker_p = POINTER(dg_tracker)
dg_accountability_p = POINTER(dg_accountability)
dg_unit_tasks_p = POINTER(dg_unit_tasks)
dg_person_tasks_p = POINTER(dg_person_tasks)


class dg_view(ctypes.Structure):
    """Opaque: only ever used through dg_view_p."""
    _fields_ = []


dg_view_p = POINTER(dg_view)


class dg_publisher(ctypes.Structure):
    """Opaque: only ever used through dg_publisher_p."""
    _fields_ = []


dg_publisher_p = POINTER(dg_publisher)


# The strings of the result structs below are borrowed from the result
# object that filled them.

class dg_accountable_unit(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_size_t),
        ("role", dg_role),
        ("unit", c_uint32),
        ("via", dg_assigned_via),
        ("via_index", c_uint32),
        ("clause", c_int32),
        ("from_node", c_uint32),
        ("has_head", c_int32),
        ("head_post", c_uint32),
        ("head_vacant", c_int32),
        ("head_person", c_uint32),
        ("has_supervising", c_int32),
        ("supervising_post", c_uint32),
        ("supervising_vacant", c_int32),
        ("supervising_person", c_uint32),
        ("unit_id", POINTER(c_char)),
        ("unit_id_size", c_size_t),
        ("unit_name", POINTER(c_char)),
        ("unit_name_size", c_size_t),
    ]


class dg_post_holder(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_size_t),
        ("post", c_uint32),
        ("vacant", c_int32),
        ("person", c_uint32),
        ("post_title", POINTER(c_char)),
        ("post_title_size", c_size_t),
        ("person_name", POINTER(c_char)),
        ("person_name_size", c_size_t),
    ]


class dg_unit_task(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_size_t),
        ("task", c_uint32),
        ("role", dg_role),
        ("via", dg_assigned_via),
        ("via_index", c_uint32),
        ("clause", c_int32),
        ("task_id", POINTER(c_char)),
        ("task_id_size", c_size_t),
        ("task_path", POINTER(c_char)),
        ("task_path_size", c_size_t),
        ("task_title", POINTER(c_char)),
        ("task_title_size", c_size_t),
    ]


class dg_person_task(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_size_t),
        ("task", c_uint32),
        ("post", c_uint32),
        ("capacity", dg_capacity),
        ("has_role", c_int32),
        ("role", dg_role),
        ("has_unit", c_int32),
        ("unit", c_uint32),
        ("held_from", dg_date),
        ("held_to", dg_date),
        ("task_id", POINTER(c_char)),
        ("task_id_size", c_size_t),
        ("task_title", POINTER(c_char)),
        ("task_title_size", c_size_t),
    ]


class dg_schedule_options(ctypes.Structure):
    # cadence_ids: const char *const *, NUL-terminated UTF-8 ids.
    _fields_ = [
        ("struct_size", c_size_t),
        ("format", dg_schedule_format),
        ("has_unit", c_int32),
        ("unit", c_uint32),
        ("include_deadlines", c_int32),
        ("reminder_working_days", c_int32),
        ("cadence_ids", POINTER(c_char_p)),
        ("cadence_id_count", c_size_t),
    ]


class dg_load_options(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_size_t),
        ("max_bytes", ctypes.c_uint64),
        ("max_depth", c_int32),
        ("max_records", ctypes.c_uint64),
    ]


class dg_calendar_derive_options(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_size_t),
        ("max_bytes", ctypes.c_uint64),
        ("max_declared_days", ctypes.c_uint64),
        ("max_name_bytes", ctypes.c_uint64),
        ("max_total_declared_days", ctypes.c_uint64),
        ("max_layers", c_int32),
    ]


def calendar_derive_options_init():
    """DG_CALENDAR_DERIVE_OPTIONS_INIT."""
    options = dg_calendar_derive_options()
    options.struct_size = ctypes.sizeof(dg_calendar_derive_options)
    options.max_bytes = 16 << 20
    options.max_declared_days = 100000
    options.max_name_bytes = 1024
    options.max_total_declared_days = 1 << 20
    options.max_layers = 64
    return options


class dg_tracking_limits(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_size_t),
        ("max_event_bytes", ctypes.c_uint64),
        ("max_batch_events", ctypes.c_uint64),
        ("max_policy_bytes", ctypes.c_uint64),
        ("max_depth", c_int32),
    ]


def tracking_limits_init():
    """DG_TRACKING_LIMITS_INIT."""
    limits = dg_tracking_limits()
    limits.struct_size = ctypes.sizeof(dg_tracking_limits)
    limits.max_event_bytes = 1 << 20
    limits.max_batch_events = 1000000
    limits.max_policy_bytes = 16 << 20
    limits.max_depth = 32
    return limits


def load_options_init():
    """DG_LOAD_OPTIONS_INIT."""
    options = dg_load_options()
    options.struct_size = ctypes.sizeof(dg_load_options)
    options.max_bytes = 256 << 20
    options.max_depth = 32
    options.max_records = 2000000
    return options


def schedule_options_init():
    """DG_SCHEDULE_OPTIONS_INIT."""
    options = dg_schedule_options()
    options.struct_size = ctypes.sizeof(dg_schedule_options)
    options.format = DG_FORMAT_JSON
    options.reminder_working_days = 3
    return options


class dg_graph_options(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_size_t),
        ("focus_kind", c_int32),
        ("focus", c_uint32),
        ("has_on", c_int32),
        ("on", dg_date),
        ("depth", c_int32),
        ("legend", c_int32),
        ("max_nodes", c_int32),
    ]


def graph_options_init():
    """DG_GRAPH_OPTIONS_INIT."""
    options = dg_graph_options()
    options.struct_size = ctypes.sizeof(dg_graph_options)
    options.focus_kind = DG_GRAPH_FOCUS_PLAN
    options.depth = 1
    options.legend = 1
    options.max_nodes = 1000
    return options


class dg_gantt_options(ctypes.Structure):
    # cadence_ids: const char *const *, NUL-terminated UTF-8 ids.
    _fields_ = [
        ("struct_size", c_size_t),
        ("has_unit", c_int32),
        ("unit", c_uint32),
        ("has_start", c_int32),
        ("start", dg_date),
        ("show_cadences", c_int32),
        ("reminder_working_days", c_int32),
        ("max_rows", c_int32),
        ("cadence_ids", POINTER(c_char_p)),
        ("cadence_id_count", c_size_t),
    ]


def gantt_options_init():
    """DG_GANTT_OPTIONS_INIT."""
    options = dg_gantt_options()
    options.struct_size = ctypes.sizeof(dg_gantt_options)
    options.show_cadences = 1
    options.reminder_working_days = 3
    options.max_rows = 200
    return options
class dg_store(ctypes.Structure):
    """Opaque: only ever used through dg_store_p."""
    _fields_ = []


dg_store_p = POINTER(dg_store)


class dg_store_options(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_size_t),
        ("read_only", c_int32),
        ("create_if_missing", c_int32),
        ("busy_timeout_ms", c_int32),
        ("check_integrity", c_int32),
        ("max_page_count", c_int64),
    ]


def store_options_init():
    """DG_STORE_OPTIONS_INIT."""
    return dg_store_options(ctypes.sizeof(dg_store_options), 0, 1, 5000, 1, 0)


class dg_import_options(ctypes.Structure):
    # plan_id: NUL-terminated UTF-8; known_units_json: (pointer, length).
    _fields_ = [
        ("struct_size", c_size_t),
        ("year", c_int32),
        ("plan_id", c_char_p),
        ("known_units_json", c_char_p),
        ("known_units_json_len", c_size_t),
    ]


def import_options_init():
    """DG_IMPORT_OPTIONS_INIT."""
    options = dg_import_options()
    options.struct_size = ctypes.sizeof(dg_import_options)
    return options


def struct_init(struct_type):
    """The _INIT macro of a result struct: zeroed, struct_size set."""
    value = struct_type()
    value.struct_size = ctypes.sizeof(struct_type)
    return value


def calendar_options_init(mode: int = DG_CALENDAR_STRICT):
    """DG_CALENDAR_OPTIONS_INIT, with `mode`."""
    return dg_calendar_options(ctypes.sizeof(dg_calendar_options), mode)


def day_info_init():
    """DG_DAY_INFO_INIT."""
    info = dg_day_info()
    info.struct_size = ctypes.sizeof(dg_day_info)
    return info


# ---------------------------------------------------------------------------
# The prototype table: name -> (restype, argtypes), in dg.h order.
# ---------------------------------------------------------------------------

_int_p = POINTER(c_int)
_int32_p = POINTER(c_int32)
_date_p = POINTER(dg_date)
_size_p = POINTER(c_size_t)
# char **: a caller-owned string, released with dg_string_free.
_owned_string_p = POINTER(POINTER(c_char))
_calendar_out = POINTER(dg_calendar_p)
_uint32_p = POINTER(c_uint32)
# const char **: a string borrowed from a handle.
_borrowed_string_p = POINTER(POINTER(c_char))
_plan_out = POINTER(dg_plan_p)
_int64_p = POINTER(c_int64)
_store_out = POINTER(dg_store_p)

PROTOTYPES = {
    # Versions.
    "dg_version_number": (c_uint32, []),
    "dg_version_string": (c_char_p, []),
    # Status and errors.
    "dg_last_error_message": (c_char_p, []),
    "dg_status_name": (c_char_p, [dg_status]),
    "dg_string_free": (None, [POINTER(c_char)]),
    # Dates.
    "dg_date_from_ymd": (dg_status, [_date_p, c_int32, c_int32, c_int32]),
    "dg_date_to_ymd": (dg_status, [_int32_p, _int32_p, _int32_p, dg_date]),
    "dg_date_parse": (dg_status, [_date_p, c_char_p, c_size_t]),
    "dg_date_format": (dg_status, [POINTER(c_char), c_size_t, dg_date]),
    # Periods.
    "dg_period_of": (
        dg_status, [_date_p, _date_p, dg_period_kind, dg_date, c_int32]),
    "dg_period_label": (
        dg_status, [_owned_string_p, _size_p, dg_period_kind, dg_date]),
    # Calendars.
    "dg_calendar_china_mainland": (
        dg_status, [_calendar_out, POINTER(dg_calendar_options)]),
    "dg_calendar_derive_text": (
        dg_status, [_calendar_out, dg_calendar_p, c_char_p, c_size_t]),
    "dg_calendar_derive_file": (
        dg_status, [_calendar_out, dg_calendar_p, c_char_p, c_size_t]),
    "dg_calendar_derive_text_v2": (
        dg_status, [_calendar_out, dg_calendar_p, c_char_p, c_size_t,
                    POINTER(dg_calendar_derive_options)]),
    "dg_calendar_derive_file_v2": (
        dg_status, [_calendar_out, dg_calendar_p, c_char_p, c_size_t,
                    POINTER(dg_calendar_derive_options)]),
    "dg_calendar_with_mode": (
        dg_status, [_calendar_out, dg_calendar_p, dg_calendar_mode]),
    "dg_calendar_free": (None, [dg_calendar_p]),
    "dg_calendar_is_official_year": (
        dg_status, [_int_p, dg_calendar_p, c_int32]),
    "dg_calendar_official_years": (
        dg_status, [_size_p, _int32_p, c_size_t, dg_calendar_p]),
    "dg_calendar_is_working_day": (
        dg_status, [_int_p, _int_p, dg_calendar_p, dg_date]),
    "dg_calendar_day_info": (
        dg_status, [POINTER(dg_day_info), dg_calendar_p, dg_date]),
    "dg_calendar_next_working_day": (
        dg_status, [_date_p, _int_p, dg_calendar_p, dg_date]),
    "dg_calendar_previous_working_day": (
        dg_status, [_date_p, _int_p, dg_calendar_p, dg_date]),
    "dg_calendar_add_working_days": (
        dg_status, [_date_p, _int_p, dg_calendar_p, dg_date, c_int32]),
    "dg_calendar_working_days_between": (
        dg_status, [_int32_p, _int_p, dg_calendar_p, dg_date, dg_date]),
    "dg_calendar_roll": (
        dg_status, [_date_p, _int_p, dg_calendar_p, dg_date,
                    dg_roll_convention]),
    "dg_calendar_nth_working_day": (
        dg_status, [_date_p, _int_p, dg_calendar_p, dg_period_kind, dg_date,
                    c_int32]),
    # Plans.
    "dg_plan_load_json": (
        dg_status, [_plan_out, _owned_string_p, c_char_p, c_size_t]),
    "dg_plan_load_file": (
        dg_status, [_plan_out, _owned_string_p, c_char_p, c_size_t]),
    "dg_plan_load_json_v2": (
        dg_status, [_plan_out, _owned_string_p, c_char_p, c_size_t,
                    POINTER(dg_load_options)]),
    "dg_plan_load_file_v2": (
        dg_status, [_plan_out, _owned_string_p, c_char_p, c_size_t,
                    POINTER(dg_load_options)]),
    "dg_plan_free": (None, [dg_plan_p]),
    "dg_plan_to_json": (dg_status, [_owned_string_p, _size_p, dg_plan_p]),
    "dg_plan_record_count": (dg_status, [_size_p, dg_plan_p, dg_record_kind]),
    "dg_plan_record_id": (
        dg_status, [_borrowed_string_p, _size_p, dg_plan_p, dg_record_kind,
                    c_uint32]),
    "dg_plan_record_name": (
        dg_status, [_borrowed_string_p, _size_p, dg_plan_p, dg_record_kind,
                    c_uint32]),
    "dg_plan_task_path": (
        dg_status, [_borrowed_string_p, _size_p, dg_plan_p, c_uint32]),
    "dg_plan_find": (
        dg_status, [_uint32_p, dg_plan_p, dg_record_kind, c_char_p,
                    c_size_t]),
    "dg_plan_find_unit_as_of": (
        dg_status, [_uint32_p, dg_plan_p, c_char_p, c_size_t, dg_date]),
    "dg_plan_resolve_unit": (
        dg_status, [_uint32_p, dg_plan_p, c_uint32, dg_date]),
    "dg_plan_holder_of": (
        dg_status, [_int_p, _uint32_p, dg_plan_p, c_uint32, dg_date]),
    # Accountability of a task.
    "dg_accountability_new": (dg_status, [POINTER(dg_accountability_p)]),
    "dg_accountability_free": (None, [dg_accountability_p]),
    "dg_plan_accountability": (
        dg_status, [dg_accountability_p, dg_plan_p, c_uint32, dg_date]),
    "dg_accountability_unit_count": (
        dg_status, [_size_p, dg_accountability_p]),
    "dg_accountability_unit_at": (
        dg_status, [POINTER(dg_accountable_unit), dg_accountability_p,
                    c_size_t]),
    "dg_accountability_group": (
        dg_status, [_int_p, _uint32_p, dg_accountability_p]),
    "dg_accountability_office_host": (
        dg_status, [_int_p, _uint32_p, dg_accountability_p]),
    "dg_accountability_holder_count": (
        dg_status, [_size_p, dg_accountability_p, dg_holder_list]),
    "dg_accountability_holder_at": (
        dg_status, [POINTER(dg_post_holder), dg_accountability_p,
                    dg_holder_list, c_size_t]),
    # Tasks of a unit.
    "dg_unit_tasks_new": (dg_status, [POINTER(dg_unit_tasks_p)]),
    "dg_unit_tasks_free": (None, [dg_unit_tasks_p]),
    "dg_plan_tasks_of_unit": (
        dg_status, [dg_unit_tasks_p, dg_plan_p, c_uint32, dg_date, c_uint32]),
    "dg_unit_tasks_count": (dg_status, [_size_p, dg_unit_tasks_p]),
    "dg_unit_tasks_at": (
        dg_status, [POINTER(dg_unit_task), dg_unit_tasks_p, c_size_t]),
    # Tasks of a person.
    "dg_person_tasks_new": (dg_status, [POINTER(dg_person_tasks_p)]),
    "dg_person_tasks_free": (None, [dg_person_tasks_p]),
    "dg_plan_tasks_of_person": (
        dg_status, [dg_person_tasks_p, dg_plan_p, c_uint32, dg_date,
                    dg_date]),
    "dg_person_tasks_count": (dg_status, [_size_p, dg_person_tasks_p]),
    "dg_person_tasks_at": (
        dg_status, [POINTER(dg_person_task), dg_person_tasks_p, c_size_t]),
    # Answers as JSON and CSV.
    "dg_plan_accountability_json": (
        dg_status, [_owned_string_p, _size_p, dg_plan_p, c_uint32, dg_date]),
    "dg_plan_tasks_of_unit_json": (
        dg_status, [_owned_string_p, _size_p, dg_plan_p, c_uint32, dg_date,
                    c_uint32]),
    "dg_plan_tasks_of_person_json": (
        dg_status, [_owned_string_p, _size_p, dg_plan_p, c_uint32, dg_date,
                    dg_date]),
    "dg_plan_workloads_json": (
        dg_status, [_owned_string_p, _size_p, dg_plan_p, dg_date]),
    "dg_plan_raci_csv": (
        dg_status, [_owned_string_p, _size_p, dg_plan_p, dg_date]),
    "dg_plan_lints_json": (
        dg_status, [_owned_string_p, _size_p, dg_plan_p, dg_date]),
    # Scoped views.
    "dg_view_new_for_unit": (
        dg_status, [POINTER(dg_view_p), dg_plan_p, c_uint32, dg_date]),
    "dg_view_new_for_post": (
        dg_status, [POINTER(dg_view_p), dg_plan_p, c_uint32, dg_date]),
    "dg_view_free": (None, [dg_view_p]),
    "dg_view_json": (dg_status, [_owned_string_p, _size_p, dg_view_p]),
    "dg_view_find_task": (
        dg_status, [_uint32_p, dg_view_p, c_char_p, c_size_t]),
    "dg_view_accountability": (
        dg_status, [dg_accountability_p, dg_view_p, c_uint32]),
    "dg_view_tasks_of_unit": (
        dg_status, [dg_unit_tasks_p, dg_view_p, c_uint32, c_uint32]),
    "dg_view_tasks_of_person": (
        dg_status, [dg_person_tasks_p, dg_view_p, c_uint32, dg_date,
                    dg_date]),
    "dg_view_accountability_json": (
        dg_status, [_owned_string_p, _size_p, dg_view_p, c_uint32]),
    "dg_view_tasks_of_unit_json": (
        dg_status, [_owned_string_p, _size_p, dg_view_p, c_uint32, c_uint32]),
    "dg_view_tasks_of_person_json": (
        dg_status, [_owned_string_p, _size_p, dg_view_p, c_uint32, dg_date,
                    dg_date]),
    "dg_view_workloads_json": (
        dg_status, [_owned_string_p, _size_p, dg_view_p]),
    "dg_view_raci_csv": (dg_status, [_owned_string_p, _size_p, dg_view_p]),
    "dg_view_lints_json": (dg_status, [_owned_string_p, _size_p, dg_view_p]),
    # Publishing plan versions.
    "dg_publisher_new": (dg_status, [POINTER(dg_publisher_p), dg_plan_p]),
    "dg_publisher_free": (None, [dg_publisher_p]),
    "dg_publisher_publish": (
        dg_status, [POINTER(ctypes.c_uint64), dg_publisher_p, dg_plan_p]),
    "dg_publisher_current": (
        dg_status, [_plan_out, POINTER(ctypes.c_uint64), dg_publisher_p]),
    # Schedules.
    "dg_plan_schedule": (
        dg_status, [_owned_string_p, _size_p, dg_plan_p, dg_calendar_p,
                    dg_date, dg_date, POINTER(dg_schedule_options)]),
    "dg_plan_tasks_due": (
        dg_status, [_owned_string_p, _size_p, dg_plan_p, dg_calendar_p,
                    dg_date, dg_date, POINTER(dg_schedule_options)]),
    "dg_plan_tasks_overdue": (
        dg_status, [_owned_string_p, _size_p, dg_plan_p, dg_calendar_p,
                    dg_date, POINTER(dg_schedule_options)]),
    "dg_plan_critical_path": (
        dg_status, [_owned_string_p, _size_p, dg_plan_p, dg_calendar_p,
                    dg_date, _int32_p, c_size_t]),
    # Schedules through a view.
    "dg_view_schedule": (
        dg_status, [_owned_string_p, _size_p, dg_view_p, dg_calendar_p,
                    dg_date, dg_date, POINTER(dg_schedule_options)]),
    "dg_view_tasks_due": (
        dg_status, [_owned_string_p, _size_p, dg_view_p, dg_calendar_p,
                    dg_date, dg_date, POINTER(dg_schedule_options)]),
    "dg_view_tasks_overdue": (
        dg_status, [_owned_string_p, _size_p, dg_view_p, dg_calendar_p,
                    dg_date, POINTER(dg_schedule_options)]),
    "dg_view_critical_path": (
        dg_status, [_owned_string_p, _size_p, dg_view_p, dg_calendar_p,
                    dg_date, _int32_p, c_size_t]),
    "dg_resolve_deadline_text": (
        dg_status, [_owned_string_p, _size_p, c_char_p, c_size_t, c_int32]),
    "dg_plan_due_date_changes": (
        dg_status, [_owned_string_p, _size_p, dg_plan_p, dg_calendar_p,
                    dg_calendar_p, dg_date, dg_date]),
    # Pictures.
    "dg_plan_graph_dot": (
        dg_status, [_owned_string_p, _size_p, dg_plan_p,
                    POINTER(dg_graph_options)]),
    "dg_plan_gantt_svg": (
        dg_status, [_owned_string_p, _size_p, dg_plan_p, dg_calendar_p,
                    dg_date, dg_date, POINTER(dg_gantt_options)]),
    "dg_view_gantt_svg": (
        dg_status, [_owned_string_p, _size_p, dg_view_p, dg_calendar_p,
                    dg_date, dg_date, POINTER(dg_gantt_options)]),
    # The store.
    "dg_store_open": (
        dg_status, [_store_out, c_char_p, c_size_t,
                    POINTER(dg_store_options)]),
    "dg_store_free": (None, [dg_store_p]),
    "dg_store_init": (
        dg_status, [_int64_p, dg_store_p, c_char_p, c_size_t, dg_date]),
    "dg_store_add_plan": (
        dg_status, [_int64_p, dg_store_p, c_char_p, c_size_t, dg_date]),
    "dg_store_plan_json": (
        dg_status, [_owned_string_p, _size_p, _int64_p, dg_store_p, c_int,
                    dg_date]),
    "dg_store_append_jsonl": (
        dg_status, [_size_p, _size_p, dg_store_p, c_char_p, c_size_t]),
    "dg_store_append_events": (
        dg_status, [_size_p, _size_p, dg_store_p, dg_plan_p, dg_calendar_p,
                    c_char_p, c_size_t]),
    "dg_store_event_count": (dg_status, [_int64_p, dg_store_p]),
    "dg_store_read_events": (
        dg_status, [_owned_string_p, _size_p, _int64_p, dg_store_p, c_int64,
                    c_size_t, c_char_p, c_size_t]),
    "dg_store_info_json": (
        dg_status, [_owned_string_p, _size_p, dg_store_p]),
    "dg_store_check_integrity": (dg_status, [dg_store_p]),
    # Tracking.
    "dg_events_new": (
        dg_status, [POINTER(dg_events_p), dg_plan_p, dg_calendar_p]),
    "dg_events_new_v2": (
        dg_status, [POINTER(dg_events_p), dg_plan_p, dg_calendar_p,
                    POINTER(dg_tracking_limits)]),
    "dg_events_free": (None, [dg_events_p]),
    "dg_events_append_json": (
        dg_status, [_int_p, dg_events_p, c_char_p, c_size_t]),
    "dg_events_append_jsonl": (
        dg_status, [_size_p, dg_events_p, c_char_p, c_size_t, c_char_p,
                    c_size_t]),
    "dg_events_load_store": (dg_status, [_size_p, dg_events_p, dg_store_p]),
    "dg_store_snapshot": (
        dg_status, [_plan_out, POINTER(dg_events_p), _int64_p, dg_store_p,
                    dg_calendar_p, c_int, dg_date]),
    "dg_events_count": (dg_status, [_size_p, dg_events_p]),
    "dg_events_to_jsonl": (
        dg_status, [_owned_string_p, _size_p, dg_events_p]),
    "dg_tracker_new": (
        dg_status, [POINTER(dg_tracker_p), dg_plan_p, dg_calendar_p, c_char_p,
                    c_size_t]),
    "dg_tracker_new_v2": (
        dg_status, [POINTER(dg_tracker_p), dg_plan_p, dg_calendar_p, c_char_p,
                    c_size_t, POINTER(dg_tracking_limits)]),
    "dg_tracker_free": (None, [dg_tracker_p]),
    "dg_status_json": (
        dg_status, [_owned_string_p, _size_p, dg_tracker_p, dg_events_p,
                    dg_date, c_char_p, c_size_t]),
    "dg_escalations_json": (
        dg_status, [_owned_string_p, _size_p, dg_tracker_p, dg_events_p,
                    dg_date]),
    "dg_rank_json": (
        dg_status, [_owned_string_p, _size_p, dg_tracker_p, dg_events_p,
                    c_char_p, c_size_t, dg_period_kind, dg_date, c_char_p,
                    c_size_t]),
    "dg_ledger_csv": (
        dg_status, [_owned_string_p, _size_p, dg_tracker_p, dg_events_p,
                    dg_date]),
    "dg_lifecycle_json": (
        dg_status, [_owned_string_p, _size_p, dg_tracker_p, dg_events_p,
                    c_char_p, c_size_t]),
    "dg_import_text": (
        dg_status, [_owned_string_p, _size_p, _owned_string_p, c_char_p,
                    c_size_t, POINTER(dg_import_options)]),
}

# ---------------------------------------------------------------------------
# Loading.
# ---------------------------------------------------------------------------

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))

if sys.platform == "win32":
    _LOCAL_PATTERNS = ("dutygraph_c.dll",)
elif sys.platform == "darwin":
    _LOCAL_PATTERNS = ("libdutygraph_c.dylib", "libdutygraph_c.*.dylib")
else:
    _LOCAL_PATTERNS = ("libdutygraph_c.so", "libdutygraph_c.so.*")


def _candidates():
    """(where it was found, path or name) pairs, in lookup order."""
    explicit = os.environ.get("DUTYGRAPH_LIBRARY")
    if explicit:
        return [("DUTYGRAPH_LIBRARY", explicit)]
    found = []
    for pattern in _LOCAL_PATTERNS:
        # Shortest first: the SONAME link before a fully versioned file.
        paths = sorted(glob.glob(os.path.join(_PACKAGE_DIR, pattern)), key=len)
        found += [("next to the package", path) for path in paths]
    system = ctypes.util.find_library("dutygraph_c")
    if system:
        found.append(("ctypes.util.find_library('dutygraph_c')", system))
    return found


def _load_library():
    tried = []
    for where, path in _candidates():
        try:
            return ctypes.CDLL(path)
        except OSError as error:
            tried.append(f"  {where}: {error}")
    if not os.environ.get("DUTYGRAPH_LIBRARY"):
        tried.insert(0, "  DUTYGRAPH_LIBRARY: not set")
        if not any(line.startswith("  next to") for line in tried):
            tried.append(f"  next to the package: no "
                         f"{' or '.join(_LOCAL_PATTERNS)} in {_PACKAGE_DIR}")
        if ctypes.util.find_library("dutygraph_c") is None:
            tried.append(
                "  ctypes.util.find_library('dutygraph_c'): not found")
    raise ImportError(
        "dutygraph: cannot load the C library libdutygraph_c; tried:\n" +
        "\n".join(tried) +
        "\nSet DUTYGRAPH_LIBRARY to the full path of libdutygraph_c.so.")


def _version_text(number):
    return f"{number // 10000}.{number // 100 % 100}.{number % 100}"


def _check_version(library):
    """Returns the library's DG_VERSION_NUMBER; refuses another major."""
    function = library.dg_version_number
    function.restype, function.argtypes = PROTOTYPES["dg_version_number"]
    loaded = int(function())
    if loaded // 10000 != DG_VERSION_MAJOR:
        raise ImportError(
            f"dutygraph: the C library {library._name} is version "
            f"{_version_text(loaded)} (DG_VERSION_NUMBER {loaded}), but these "
            f"bindings were written for {_version_text(DG_VERSION_NUMBER)} "
            f"(DG_VERSION_NUMBER {DG_VERSION_NUMBER}) and need major version "
            f"{DG_VERSION_MAJOR}; install matching versions")
    return loaded


def _apply_prototypes(library):
    missing = []
    for name, (restype, argtypes) in PROTOTYPES.items():
        function = getattr(library, name, None)
        if function is None:
            missing.append(name)
            continue
        function.restype = restype
        function.argtypes = argtypes
    if missing:
        raise ImportError(
            f"dutygraph: the C library {library._name} lacks "
            f"{', '.join(missing)}: it is older than the bindings, which were "
            f"written for version {_version_text(DG_VERSION_NUMBER)}")


lib = _load_library()
LOADED_VERSION_NUMBER = _check_version(lib)
_apply_prototypes(lib)
