/* dutygraph/dg.h — the C API of dutygraph: the library's binary contract.
 *
 * dutygraph answers, for an implementation plan: who is accountable for what
 * on a given date, when everything is due on the official working-day
 * calendar, and which escalation is due to whom, and why. This header is the
 * single C entry point (C99; also compiles as C++). OA back ends in Java, C#,
 * Go or PHP reach it through their foreign-function interfaces.
 *
 * Conventions (the whole API follows them; see also docs/c-api.md):
 *
 *  - Every call that can fail returns a dg_status (DG_OK == 0). After a
 *    failure, dg_last_error_message() gives a specific, human-readable message
 *    on the calling thread, beginning with the function's name
 *    ("dg_calendar_roll: cal is NULL"). Read it right after the failure: the
 *    next dg_status-returning call on that thread resets it.
 *  - Out-params come first (`out` or `<name>_out`), then the handle, then the
 *    inputs. On failure every out-param is zeroed and nothing is left to free.
 *  - Handles are opaque. A NULL handle or NULL required out-param returns
 *    DG_INVALID_ARGUMENT. So does a handle of another type (a dg_calendar
 *    passed as a dg_plan: every handle carries a type tag, checked on entry)
 *    and, on a best-effort basis, a handle already freed. Every dg_*_free
 *    accepts NULL and leaves a handle of another type alone.
 *  - Ownership is stated per function: a pointer is either "borrowed from X"
 *    (valid while X lives, never freed by the caller) or "caller-owned,
 *    release with dg_string_free". Never pass dutygraph memory to free().
 *  - Strings are UTF-8 given as (pointer, length); invalid UTF-8 fails with
 *    DG_INVALID_ARGUMENT. (NULL, 0) is the empty string; NULL with a non-zero
 *    length is DG_INVALID_ARGUMENT. Returned strings are also NUL-terminated.
 *  - Dates are dg_date: days since 1970-01-01 (proleptic Gregorian), the same
 *    count as Python's date.toordinal() - 719163. Text dates are ISO
 *    YYYY-MM-DD; see dg_date_parse() and dg_date_format().
 *  - Booleans are int 0/1. Option structs begin with struct_size, grow only by
 *    appending fields, and come with an _INIT macro; the library reads only
 *    the prefix the caller declared.
 *  - Nothing throws across this boundary; an unexpected failure inside maps to
 *    DG_INTERNAL and out of memory to DG_RESOURCE_EXHAUSTED.
 *  - A signature never changes once released; a new need gets a _v2 function.
 *
 * Thread safety is stated on every declaration, as one of:
 *   any thread  — callable concurrently from any thread;
 *   immutable   — the handle is immutable: concurrent calls on one handle are
 *                 safe and there are no unsynchronised hidden caches;
 *   exclusive   — one thread at a time per handle.
 */
#ifndef DUTYGRAPH_DG_H_
#define DUTYGRAPH_DG_H_

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#if defined(DG_BUILDING_LIBRARY)
#define DG_API __declspec(dllexport)
#else
#define DG_API __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define DG_API __attribute__((visibility("default")))
#else
#define DG_API
#endif

#ifdef __cplusplus
#define DG_NOEXCEPT noexcept
extern "C" {
#else
#define DG_NOEXCEPT
#endif

/* ------------------------------------------------------------------------ */
/* Versions                                                                  */
/* ------------------------------------------------------------------------ */

#define DG_VERSION_MAJOR 0
#define DG_VERSION_MINOR 1
#define DG_VERSION_PATCH 0
/** MAJOR * 10000 + MINOR * 100 + PATCH. */
#define DG_VERSION_NUMBER \
  (DG_VERSION_MAJOR * 10000 + DG_VERSION_MINOR * 100 + DG_VERSION_PATCH)
#define DG_VERSION_STRING "0.1.0"
/** Changes only when the binary interface breaks. */
#define DG_SOVERSION 0

/**
 * @return DG_VERSION_NUMBER of the library actually loaded; bindings compare
 *         it with the header they were written against.
 * Thread safety: any thread.
 */
DG_API uint32_t dg_version_number(void) DG_NOEXCEPT;

/**
 * @return the loaded library's version text, e.g. "0.1.0". Static storage.
 * Thread safety: any thread.
 */
DG_API const char *dg_version_string(void) DG_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Status and errors                                                         */
/* ------------------------------------------------------------------------ */

/** Fixed width. Values equal absl::StatusCode and are never renumbered. */
typedef int32_t dg_status;
enum {
  DG_OK = 0,
  DG_INVALID_ARGUMENT = 3,    /* malformed input, NULL handle, bad UTF-8 */
  DG_NOT_FOUND = 5,           /* an unknown name, a missing file */
  DG_ALREADY_EXISTS = 6,      /* an id already stored with other content */
  DG_PERMISSION_DENIED = 7,   /* a file that cannot be written */
  DG_RESOURCE_EXHAUSTED = 8,  /* out of memory, a limit exceeded, disk full */
  DG_FAILED_PRECONDITION = 9, /* e.g. a year without an official schedule */
  DG_OUT_OF_RANGE = 11,       /* a date outside the calendar's range */
  DG_INTERNAL = 13,           /* a defect in dutygraph: please report it */
  DG_UNAVAILABLE = 14,        /* busy (another writer), an I/O error: retry */
  DG_DATA_LOSS = 15           /* a corrupted store file */
};

/**
 * @return the message of the last call on this thread if it failed, else "".
 *         Every function returning dg_status resets it on entry; functions
 *         that cannot fail (versions, dg_status_name, dg_*_free) leave it.
 *         Never NULL. Borrowed: valid until the next dg_status-returning call
 *         on this thread.
 * Thread safety: any thread (the message is thread-local).
 */
DG_API const char *dg_last_error_message(void) DG_NOEXCEPT;

/**
 * @return the stable name of a status ("DG_OUT_OF_RANGE"), or "DG_UNKNOWN".
 *         Static storage.
 * Thread safety: any thread.
 */
DG_API const char *dg_status_name(dg_status status) DG_NOEXCEPT;

/**
 * Releases a caller-owned string returned by dutygraph. NULL is a no-op.
 * Thread safety: any thread (each string once).
 */
DG_API void dg_string_free(char *s) DG_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Dates                                                                     */
/* ------------------------------------------------------------------------ */

/** Days since 1970-01-01 (proleptic Gregorian). Years 1400..9999. */
typedef int32_t dg_date;

/**
 * @param out   receives the date.
 * @param year, month, day  the calendar date (month 1..12).
 * @return DG_INVALID_ARGUMENT for an impossible date (2023-02-30),
 *         DG_OUT_OF_RANGE for a year outside 1400..9999.
 * Thread safety: any thread.
 */
DG_API dg_status dg_date_from_ymd(dg_date *out, int32_t year, int32_t month,
                                  int32_t day) DG_NOEXCEPT;

/**
 * Splits a date into year, month (1..12) and day (1..31).
 * @return DG_OUT_OF_RANGE if `date` is outside years 1400..9999.
 * Thread safety: any thread.
 */
DG_API dg_status dg_date_to_ymd(int32_t *year_out, int32_t *month_out,
                                int32_t *day_out, dg_date date) DG_NOEXCEPT;

/**
 * Parses exactly "YYYY-MM-DD".
 * @return DG_INVALID_ARGUMENT with the offending text quoted.
 * Thread safety: any thread.
 */
DG_API dg_status dg_date_parse(dg_date *out, const char *text,
                               size_t text_len) DG_NOEXCEPT;

/**
 * Writes "YYYY-MM-DD" and a terminating NUL into `out`.
 * @param out_size  at least 11; else DG_INVALID_ARGUMENT (and out[0] is set
 *                  to NUL when out_size > 0).
 * @param out       receives the text; at least `out_size` bytes.
 * @param date      the date to write.
 * Thread safety: any thread.
 */
DG_API dg_status dg_date_format(char *out, size_t out_size,
                                dg_date date) DG_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Periods (旬 / week / half-month / month / quarter / half-year / year)      */
/* ------------------------------------------------------------------------ */

/** Stable values, equal to dutygraph::PeriodKind. */
typedef int32_t dg_period_kind;
enum {
  DG_PERIOD_DEKAD = 0,      /* 旬: 1–10, 11–20, 21–month end */
  DG_PERIOD_WEEK = 1,       /* ISO week, Monday–Sunday */
  DG_PERIOD_HALF_MONTH = 2, /* 1–15, 16–month end */
  DG_PERIOD_MONTH = 3,
  DG_PERIOD_QUARTER = 4,
  DG_PERIOD_HALF_YEAR = 5,
  DG_PERIOD_YEAR = 6
};

/**
 * The period of `kind` containing `date`, shifted by `shift` periods
 * (0: the period itself; 1: the next; -1: the previous).
 * @param start_out, end_out  receive the first and last day (inclusive).
 * @param kind   the period kind (DG_PERIOD_*).
 * @param date   any day of the period.
 * @param shift  periods to move (0: this one).
 * @return DG_INVALID_ARGUMENT for an unknown kind; DG_OUT_OF_RANGE past the
 *         representable dates.
 * Thread safety: any thread.
 */
DG_API dg_status dg_period_of(dg_date *start_out, dg_date *end_out,
                              dg_period_kind kind, dg_date date,
                              int32_t shift) DG_NOEXCEPT;

/**
 * The Chinese label of the period of `kind` containing `date`
 * ("2023年3月中旬", "2023年第12周", "2023年第二季度", "2023年上半年").
 * @param label_out  caller-owned, NUL-terminated; release with dg_string_free.
 * @param size_out   receives its length in bytes (may be NULL).
 * @param kind       the period kind (DG_PERIOD_*).
 * @param date       any day of the period.
 * Thread safety: any thread.
 */
DG_API dg_status dg_period_label(char **label_out, size_t *size_out,
                                 dg_period_kind kind,
                                 dg_date date) DG_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Calendars                                                                 */
/* ------------------------------------------------------------------------ */

/** Opaque, immutable. Thread safety: immutable. */
typedef struct dg_calendar dg_calendar;

/** Stable values, equal to dutygraph::CalendarMode. */
typedef int32_t dg_calendar_mode;
enum {
  DG_CALENDAR_STRICT = 0,     /* a year without a notice is an error */
  DG_CALENDAR_PROVISIONAL = 1 /* weekends only there; results flagged */
};

/** Stable values, equal to dutygraph::RollConvention. */
typedef int32_t dg_roll_convention;
enum {
  DG_ROLL_FOLLOWING = 0,
  DG_ROLL_PRECEDING = 1,
  DG_ROLL_MODIFIED_FOLLOWING = 2,
  DG_ROLL_MODIFIED_PRECEDING = 3
};

/** Stable values, equal to dutygraph::DayKind. */
typedef int32_t dg_day_kind;
enum {
  DG_DAY_WORKDAY = 0,       /* Monday–Friday, no notice about it */
  DG_DAY_WEEKEND = 1,       /* Saturday–Sunday, no notice about it */
  DG_DAY_HOLIDAY = 2,       /* declared off (放假) */
  DG_DAY_MAKEUP_WORKDAY = 3 /* declared working (调休上班) */
};

/** Options for dg_calendar_china_mainland(). struct_size must cover `mode`,
 *  else DG_INVALID_ARGUMENT. */
typedef struct dg_calendar_options {
  size_t struct_size;    /* sizeof(dg_calendar_options) */
  dg_calendar_mode mode; /* DG_CALENDAR_STRICT by default */
} dg_calendar_options;
#define DG_CALENDAR_OPTIONS_INIT \
  { sizeof(dg_calendar_options), DG_CALENDAR_STRICT }

/** What the calendar knows about one day; filled by dg_calendar_day_info().
 *  struct_size must cover `date`, else DG_INVALID_ARGUMENT; only the fields
 *  within struct_size are written. On failure they are zeroed (strings
 *  NULL); on success strings are never NULL. */
typedef struct dg_day_info {
  size_t struct_size;     /* set by the caller: sizeof(dg_day_info) */
  dg_date date;
  int32_t working;        /* 1 or 0 */
  dg_day_kind kind;
  int32_t provisional;    /* 1 if the day's year has no notice */
  const char *name;       /* holiday name or "" — borrowed from the calendar */
  size_t name_size;
  const char *notice_title; /* declaring notice or "" — borrowed */
  size_t notice_title_size;
  const char *notice_url;   /* its address or "" — borrowed */
  size_t notice_url_size;
} dg_day_info;
#define DG_DAY_INFO_INIT \
  { sizeof(dg_day_info), 0, 0, 0, 0, NULL, 0, NULL, 0, NULL, 0 }

/**
 * The built-in China mainland official calendar (2007–2026 in this release).
 * @param out   caller-owned; release with dg_calendar_free.
 * @param opts  NULL for defaults (strict).
 * @return DG_INVALID_ARGUMENT for an unknown mode or a bad struct_size.
 * Thread safety: any thread.
 */
DG_API dg_status dg_calendar_china_mainland(
    dg_calendar **out, const dg_calendar_options *opts) DG_NOEXCEPT;

/**
 * A new calendar: `base` with the adjustments in `text` (the calendar file
 * format of docs/calendar.md: `off`/`work`/`notice` lines) applied on top.
 * Errors name the line: "<text>:3: bad date '2023-02-30' ...".
 * @param out  caller-owned; release with dg_calendar_free.
 * @param base  the calendar the adjustments apply to; unchanged.
 * @param text, text_len  the calendar file text, UTF-8.
 * Thread safety: immutable (on base).
 */
DG_API dg_status dg_calendar_derive_text(dg_calendar **out,
                                         const dg_calendar *base,
                                         const char *text,
                                         size_t text_len) DG_NOEXCEPT;

/**
 * As dg_calendar_derive_text(), reading the UTF-8 path `path`.
 * @return DG_NOT_FOUND if the file cannot be read.
 * Thread safety: immutable (on base).
 */
DG_API dg_status dg_calendar_derive_file(dg_calendar **out,
                                         const dg_calendar *base,
                                         const char *path,
                                         size_t path_len) DG_NOEXCEPT;

/** Limits against hostile calendar text for dg_calendar_derive_text_v2() and
 *  dg_calendar_derive_file_v2(); NULL for the defaults of the _INIT macro
 *  (those of dg_calendar_derive_text()). struct_size must cover `max_bytes`,
 *  else DG_INVALID_ARGUMENT; fields past struct_size keep their defaults.
 *  Every limit must be at least 1, else DG_INVALID_ARGUMENT naming the
 *  field. Exceeding a limit is DG_RESOURCE_EXHAUSTED naming it, its value
 *  and where ("<text>:9: ... the limit is 100000 (max_declared_days)"); a
 *  file over max_bytes is refused before it is read (docs/hostile-input.md).
 *  A range of more than 366 days is a format error, not a limit. */
typedef struct dg_calendar_derive_options {
  size_t struct_size;         /* sizeof(dg_calendar_derive_options) */
  uint64_t max_bytes;         /* one text or file; default 16 MiB */
  uint64_t max_declared_days; /* days one text declares; default 100000 */
  uint64_t max_name_bytes;    /* one day's name; default 1024 */
  uint64_t max_total_declared_days; /* in every layer of the derived
                                       calendar; default 1048576 */
  int32_t max_layers; /* layers of the derived calendar, the built-in data
                         included; default 64 */
} dg_calendar_derive_options;
#define DG_CALENDAR_DERIVE_OPTIONS_INIT                                  \
  { sizeof(dg_calendar_derive_options), UINT64_C(16777216),              \
    UINT64_C(100000), UINT64_C(1024), UINT64_C(1048576), 64 }

/**
 * dg_calendar_derive_text() under the limits of `opts` (NULL: the defaults).
 * @param out  caller-owned; release with dg_calendar_free.
 * @param base  the calendar the adjustments apply to; unchanged.
 * @param text, text_len  the calendar file text, UTF-8.
 * @param opts  the limits; NULL for DG_CALENDAR_DERIVE_OPTIONS_INIT.
 * @return as dg_calendar_derive_text(); DG_INVALID_ARGUMENT for a bad
 *         struct_size or a limit below 1; DG_RESOURCE_EXHAUSTED past a limit.
 * Thread safety: immutable (on base).
 */
DG_API dg_status dg_calendar_derive_text_v2(
    dg_calendar **out, const dg_calendar *base, const char *text,
    size_t text_len, const dg_calendar_derive_options *opts) DG_NOEXCEPT;

/**
 * dg_calendar_derive_file() under the limits of `opts` (NULL: the defaults).
 * @param out  caller-owned; release with dg_calendar_free.
 * @param base  the calendar the adjustments apply to; unchanged.
 * @param path, path_len  the calendar file's path, UTF-8.
 * @param opts  the limits; NULL for DG_CALENDAR_DERIVE_OPTIONS_INIT.
 * @return as dg_calendar_derive_file(); DG_INVALID_ARGUMENT for a bad
 *         struct_size or a limit below 1; DG_RESOURCE_EXHAUSTED past a limit
 *         (a file larger than max_bytes is not read).
 * Thread safety: immutable (on base).
 */
DG_API dg_status dg_calendar_derive_file_v2(
    dg_calendar **out, const dg_calendar *base, const char *path,
    size_t path_len, const dg_calendar_derive_options *opts) DG_NOEXCEPT;

/**
 * The same calendar under another mode (cheap: tables are shared).
 * @param out  caller-owned; release with dg_calendar_free.
 * @param cal   the calendar; unchanged.
 * @param mode  DG_CALENDAR_STRICT or DG_CALENDAR_PROVISIONAL.
 * Thread safety: immutable (on cal).
 */
DG_API dg_status dg_calendar_with_mode(dg_calendar **out,
                                       const dg_calendar *cal,
                                       dg_calendar_mode mode) DG_NOEXCEPT;

/** Releases a calendar. NULL is a no-op. Thread safety: exclusive. */
DG_API void dg_calendar_free(dg_calendar *cal) DG_NOEXCEPT;

/**
 * Whether `year` has a published notice in `cal`.
 * Thread safety: immutable.
 */
DG_API dg_status dg_calendar_is_official_year(int *official_out,
                                              const dg_calendar *cal,
                                              int32_t year) DG_NOEXCEPT;

/**
 * The official years in ascending order. Writes min(count, capacity) years to
 * `years_out` (which may be NULL when capacity is 0) and the full count to
 * `count_out`: call once with capacity 0 to size the buffer.
 * Thread safety: immutable.
 */
DG_API dg_status dg_calendar_official_years(size_t *count_out,
                                            int32_t *years_out,
                                            size_t capacity,
                                            const dg_calendar *cal) DG_NOEXCEPT;

/*
 * Day operations. For each: `provisional_out` may be NULL; when given it
 * receives 1 if the answer relied on a year without a notice (possible only
 * in provisional mode). Errors: DG_OUT_OF_RANGE outside 1950-01-01..
 * 2149-12-31; DG_FAILED_PRECONDITION in strict mode for a day of a year
 * without a notice (the message names the year).
 * Thread safety: immutable.
 */
DG_API dg_status dg_calendar_is_working_day(int *working_out,
                                            int *provisional_out,
                                            const dg_calendar *cal,
                                            dg_date date) DG_NOEXCEPT;

/** Fills `info_out` (whose struct_size the caller sets); strings borrowed
 *  from `cal`. Thread safety: immutable. */
DG_API dg_status dg_calendar_day_info(dg_day_info *info_out,
                                      const dg_calendar *cal,
                                      dg_date date) DG_NOEXCEPT;

/** The first working day strictly after `date`. Thread safety: immutable. */
DG_API dg_status dg_calendar_next_working_day(dg_date *out,
                                              int *provisional_out,
                                              const dg_calendar *cal,
                                              dg_date date) DG_NOEXCEPT;

/** The last working day strictly before `date`. Thread safety: immutable. */
DG_API dg_status dg_calendar_previous_working_day(dg_date *out,
                                                  int *provisional_out,
                                                  const dg_calendar *cal,
                                                  dg_date date) DG_NOEXCEPT;

/**
 * n > 0: the n-th working day strictly after `date`; n < 0: the |n|-th
 * strictly before; n == 0: `date` itself.
 * Thread safety: immutable.
 */
DG_API dg_status dg_calendar_add_working_days(dg_date *out,
                                              int *provisional_out,
                                              const dg_calendar *cal,
                                              dg_date date,
                                              int32_t n) DG_NOEXCEPT;

/**
 * The number of working days in (from, to]; negative when to < from.
 * Thread safety: immutable.
 */
DG_API dg_status dg_calendar_working_days_between(int32_t *count_out,
                                                  int *provisional_out,
                                                  const dg_calendar *cal,
                                                  dg_date from,
                                                  dg_date to) DG_NOEXCEPT;

/** `date` if a working day, else rolled by `convention`.
 *  Thread safety: immutable. */
DG_API dg_status dg_calendar_roll(dg_date *out, int *provisional_out,
                                  const dg_calendar *cal, dg_date date,
                                  dg_roll_convention convention) DG_NOEXCEPT;

/**
 * The n-th working day of the period of `kind` containing `date`: n >= 1 from
 * the start, n <= -1 from the end (-1 = the last working day).
 * @return DG_INVALID_ARGUMENT for n == 0; DG_OUT_OF_RANGE when the period has
 *         fewer than |n| working days.
 * Thread safety: immutable.
 */
DG_API dg_status dg_calendar_nth_working_day(dg_date *out,
                                             int *provisional_out,
                                             const dg_calendar *cal,
                                             dg_period_kind kind,
                                             dg_date date,
                                             int32_t n) DG_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Plans: the responsibility graph                                           */
/* ------------------------------------------------------------------------ */
/*
 * A dg_plan is an immutable snapshot of an implementation plan, loaded from
 * the plan JSON format `dutygraph/plan@1` (docs/plan-format.md). Every
 * question is asked as of a date: tenures give a post's holder on that day (a
 * vacant post is reported, never guessed) and units renamed, merged or
 * abolished by then resolve to their successors.
 *
 * Records are addressed by their position in the plan's arrays (uint32_t
 * indexes; see dg_record_kind): find them by name with dg_plan_find(), read
 * their ids and names with dg_plan_record_id() / dg_plan_record_name().
 *
 * Answers come two ways. Typed: a caller-owned, reusable result object
 * (dg_accountability, dg_unit_tasks, dg_person_tasks) filled by a query and
 * read with _count/_at accessors; refilling one reuses its memory, so
 * steady-state queries do not allocate. A result keeps the plan snapshot it
 * was filled from alive, so the strings it lends stay valid until it is
 * refilled or freed, even after dg_plan_free(). As JSON: the _json calls
 * return a caller-owned, compact, deterministic UTF-8 document in the shapes
 * of docs/plan-queries.md, the same bytes the CLI's --json prints.
 */

/** Opaque, immutable. Thread safety: immutable. */
typedef struct dg_plan dg_plan;

/** Stable values, equal to dutygraph::Role. */
typedef int32_t dg_role;
enum {
  DG_ROLE_LEAD = 0,        /* 牵头 (several: co-leads) */
  DG_ROLE_SUPPORT = 1,     /* 配合 */
  DG_ROLE_RESPONSIBLE = 2, /* 负责, 按职责分工负责, a bare list */
  DG_ROLE_PARTICIPATE = 3  /* 参与 */
};

/** Role filters are bitmasks of (1 << dg_role); 0 means every role. */
enum {
  DG_ROLES_ALL = 0,
  DG_ROLE_BIT_LEAD = 1,
  DG_ROLE_BIT_SUPPORT = 2,
  DG_ROLE_BIT_RESPONSIBLE = 4,
  DG_ROLE_BIT_PARTICIPATE = 8
};

/** How a unit came to hold a role. Stable values, equal to
 *  dutygraph::AssignedVia. */
typedef int32_t dg_assigned_via;
enum {
  DG_VIA_DIRECT = 0,   /* the assignment names the unit */
  DG_VIA_UNIT_SET = 1, /* through a unit set (各县市区); via_index: the set */
  DG_VIA_GROUP = 2,    /* through a group's members; via_index: the group */
  DG_VIA_SUCCESSOR = 3 /* inherited from a renamed/merged unit; via_index:
                          that predecessor unit */
};

/** How a person is tied to a task through a post. Stable values, equal to
 *  dutygraph::Capacity. */
typedef int32_t dg_capacity;
enum {
  DG_CAPACITY_UNIT_HEAD = 0,          /* heads an accountable unit */
  DG_CAPACITY_SUPERVISING_LEADER = 1, /* supervises one (分管领导) */
  DG_CAPACITY_CONVENER = 2,           /* convenes the supervising group */
  DG_CAPACITY_DEPUTY_CONVENER = 3,
  DG_CAPACITY_GUIDING = 4,
  DG_CAPACITY_OFFICE_DIRECTOR = 5,
  DG_CAPACITY_CHIEF_DISPATCHER = 6, /* 总调度 */
  DG_CAPACITY_ASSIGNED_POST = 7     /* an assignment names the post */
};

/** The kinds of records a plan holds; an index is a position in the plan
 *  JSON's array of that kind. */
typedef int32_t dg_record_kind;
enum {
  DG_RECORD_UNIT = 0,     /* "units": id, name */
  DG_RECORD_UNIT_SET = 1, /* "unit_sets": id, name */
  DG_RECORD_POST = 2,     /* "posts": id, title */
  DG_RECORD_PERSON = 3,   /* "people": id, name */
  DG_RECORD_GROUP = 4,    /* "groups": id, name */
  DG_RECORD_TASK = 5      /* "tasks" (the plan tree): id, title */
};

/**
 * Parses plan JSON (docs/plan-format.md) and builds the snapshot. Every
 * problem of the document is found in one pass.
 * @param out   caller-owned; release with dg_plan_free.
 * @param diagnostics_json_out  may be NULL. On success it receives NULL. On
 *        a failure of the document (malformed or invalid JSON, invalid UTF-8,
 *        a limit exceeded) it receives a caller-owned JSON array (release
 *        with dg_string_free) listing every problem with its JSON Pointer:
 *        [{"pointer":"/tasks/3/parent","message":"unknown task 'p1.9'; did
 *        you mean 'p1.2'?"}] (pointer "" for the document as a whole). This
 *        is the one out-param that a failure can leave set; it stays NULL
 *        when an argument itself is wrong (NULL `out`, NULL `json` with a
 *        length; for dg_plan_load_file, a path that is empty, not UTF-8 or
 *        contains a NUL byte).
 * @param json, json_len  the plan JSON text, UTF-8.
 * @return DG_INVALID_ARGUMENT for an invalid document (the message lists
 *         the problems too); DG_RESOURCE_EXHAUSTED past a size, depth or
 *         record-count limit.
 * Thread safety: any thread.
 */
DG_API dg_status dg_plan_load_json(dg_plan **out, char **diagnostics_json_out,
                                   const char *json,
                                   size_t json_len) DG_NOEXCEPT;

/**
 * As dg_plan_load_json(), reading the UTF-8 path `path`.
 * @return DG_NOT_FOUND if the file cannot be read (diagnostics_json_out then
 *         receives one diagnostic with pointer "" saying why).
 * Thread safety: any thread.
 */
DG_API dg_status dg_plan_load_file(dg_plan **out, char **diagnostics_json_out,
                                   const char *path,
                                   size_t path_len) DG_NOEXCEPT;

/** Limits against hostile documents for dg_plan_load_json_v2() and
 *  dg_plan_load_file_v2(); NULL for the defaults of the _INIT macro (those
 *  of dg_plan_load_json()). struct_size must cover `max_bytes`, else
 *  DG_INVALID_ARGUMENT; fields past struct_size keep their defaults.
 *  Exceeding a limit is DG_RESOURCE_EXHAUSTED naming it, checked before the
 *  memory is allocated (docs/hostile-input.md). */
typedef struct dg_load_options {
  size_t struct_size;   /* sizeof(dg_load_options) */
  uint64_t max_bytes;   /* the document's size; default 256 MiB */
  int32_t max_depth;    /* JSON nesting, at least 1; default 32 */
  uint64_t max_records; /* array elements of every kind; default 2000000 */
} dg_load_options;
#define DG_LOAD_OPTIONS_INIT \
  { sizeof(dg_load_options), UINT64_C(268435456), 32, UINT64_C(2000000) }

/**
 * dg_plan_load_json() with the limits of `opts` (NULL: the defaults).
 * @return as dg_plan_load_json(); DG_INVALID_ARGUMENT for a bad struct_size
 *         or max_depth < 1.
 * Thread safety: any thread.
 */
DG_API dg_status dg_plan_load_json_v2(dg_plan **out,
                                      char **diagnostics_json_out,
                                      const char *json, size_t json_len,
                                      const dg_load_options *opts) DG_NOEXCEPT;

/**
 * dg_plan_load_file() with the limits of `opts` (NULL: the defaults).
 * Thread safety: any thread.
 */
DG_API dg_status dg_plan_load_file_v2(dg_plan **out,
                                      char **diagnostics_json_out,
                                      const char *path, size_t path_len,
                                      const dg_load_options *opts) DG_NOEXCEPT;

/** Releases a plan. NULL is a no-op. Results filled from it stay valid.
 *  Thread safety: exclusive. */
DG_API void dg_plan_free(dg_plan *plan) DG_NOEXCEPT;

/**
 * The plan's canonical JSON text (keys in documented order, defaults
 * omitted, 2-space indentation, ending with a newline): loading it gives
 * the same plan.
 * @param out       caller-owned, NUL-terminated; release with dg_string_free.
 * @param size_out  receives its length in bytes (may be NULL).
 * @param plan      the plan.
 * Thread safety: immutable.
 */
DG_API dg_status dg_plan_to_json(char **out, size_t *size_out,
                                 const dg_plan *plan) DG_NOEXCEPT;

/**
 * The number of records of `kind`.
 * @return DG_INVALID_ARGUMENT for an unknown kind.
 * Thread safety: immutable.
 */
DG_API dg_status dg_plan_record_count(size_t *count_out, const dg_plan *plan,
                                      dg_record_kind kind) DG_NOEXCEPT;

/**
 * The id of record `index` of `kind` ("fgw").
 * @param data_out  borrowed from `plan`: valid while it lives; NUL-terminated.
 * @param size_out  receives its length in bytes (may be NULL).
 * @param plan      the plan.
 * @param kind      the kind of record (DG_RECORD_*).
 * @param index     the record's index within its kind.
 * @return DG_INVALID_ARGUMENT for an unknown kind; DG_OUT_OF_RANGE for an
 *         index past the count.
 * Thread safety: immutable.
 */
DG_API dg_status dg_plan_record_id(const char **data_out, size_t *size_out,
                                   const dg_plan *plan, dg_record_kind kind,
                                   uint32_t index) DG_NOEXCEPT;

/**
 * The display text of record `index` of `kind`: a unit's, unit set's,
 * person's or group's name, a post's title, a task-tree node's title.
 * Borrowed like dg_plan_record_id(); the same errors.
 * Thread safety: immutable.
 */
DG_API dg_status dg_plan_record_name(const char **data_out, size_t *size_out,
                                     const dg_plan *plan, dg_record_kind kind,
                                     uint32_t index) DG_NOEXCEPT;

/**
 * The document's numbering of task-tree node `task` ("4/二/（一）/1").
 * Borrowed like dg_plan_record_id(); DG_OUT_OF_RANGE for a bad index.
 * Thread safety: immutable.
 */
DG_API dg_status dg_plan_task_path(const char **data_out, size_t *size_out,
                                   const dg_plan *plan,
                                   uint32_t task) DG_NOEXCEPT;

/**
 * Finds a record by name. Units: id, name, full name or alias (never
 * resolved to a successor: see dg_plan_find_unit_as_of); tasks: id or path;
 * unit sets and groups: id, name or alias; posts: id or title; people: id
 * or name.
 * @return DG_NOT_FOUND for an unknown name, with a did-you-mean in the
 *         message ("unknown unit '市发该委'; did you mean '市发改委'?");
 *         DG_INVALID_ARGUMENT for a name several records share (listed) or
 *         an unknown kind.
 * Thread safety: immutable.
 */
DG_API dg_status dg_plan_find(uint32_t *index_out, const dg_plan *plan,
                              dg_record_kind kind, const char *name,
                              size_t name_len) DG_NOEXCEPT;

/**
 * Finds a unit as dg_plan_find() does, then resolves it as of `on`: a unit
 * renamed or merged by then gives its successor (市银保监分局 on 2023-11-10
 * gives 衡阳金融监管分局).
 * @return as dg_plan_find(); DG_FAILED_PRECONDITION if the unit was
 *         abolished by `on`.
 * Thread safety: immutable.
 */
DG_API dg_status dg_plan_find_unit_as_of(uint32_t *index_out,
                                         const dg_plan *plan,
                                         const char *name, size_t name_len,
                                         dg_date on) DG_NOEXCEPT;

/**
 * The unit that carries unit `unit`'s duties on `on`: itself, or its
 * successor after a rename or merger.
 * @return DG_OUT_OF_RANGE for a bad index; DG_FAILED_PRECONDITION if the
 *         unit was abolished by `on`.
 * Thread safety: immutable.
 */
DG_API dg_status dg_plan_resolve_unit(uint32_t *unit_out, const dg_plan *plan,
                                      uint32_t unit, dg_date on) DG_NOEXCEPT;

/**
 * Who held post `post` on `on`.
 * @param held_out    1 if someone held it, 0 if it was vacant.
 * @param person_out  the person's index (0 when vacant).
 * @param plan        the plan.
 * @param post        the post's index.
 * @param on          the day asked about.
 * @return DG_OUT_OF_RANGE for a bad index.
 * Thread safety: immutable.
 */
DG_API dg_status dg_plan_holder_of(int *held_out, uint32_t *person_out,
                                   const dg_plan *plan, uint32_t post,
                                   dg_date on) DG_NOEXCEPT;

/* ---- Accountability of a task ------------------------------------------ */

/** Opaque, mutable: a reusable answer. Thread safety: exclusive. */
typedef struct dg_accountability dg_accountability;

/** One unit's role on a task; filled by dg_accountability_unit_at().
 *  struct_size must cover `unit`, else DG_INVALID_ARGUMENT; only the fields
 *  within struct_size are written. On failure they are zeroed (strings
 *  NULL). Strings are borrowed from the dg_accountability. */
typedef struct dg_accountable_unit {
  size_t struct_size;       /* set by the caller: sizeof(dg_accountable_unit) */
  dg_role role;
  uint32_t unit;            /* the unit carrying it on the date */
  dg_assigned_via via;
  uint32_t via_index;       /* see dg_assigned_via; 0 for DG_VIA_DIRECT */
  int32_t clause;           /* the clause of the assignment; -1: the node */
  uint32_t from_node;       /* the task or the parent node that assigns it */
  int32_t has_head;         /* 1 if the unit has a head post */
  uint32_t head_post;
  int32_t head_vacant;      /* 1 if nobody held the head post that day */
  uint32_t head_person;     /* 0 when vacant or no head post */
  int32_t has_supervising;  /* 1 if the unit has a supervising leader's post */
  uint32_t supervising_post;
  int32_t supervising_vacant;
  uint32_t supervising_person;
  const char *unit_id;      /* the unit's id and name; NUL-terminated */
  size_t unit_id_size;
  const char *unit_name;
  size_t unit_name_size;
} dg_accountable_unit;
#define DG_ACCOUNTABLE_UNIT_INIT                                            \
  { sizeof(dg_accountable_unit), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, \
    NULL, 0, NULL, 0 }

/** A post and who held it on the date; filled by
 *  dg_accountability_holder_at(). struct_size must cover `post`; the prefix
 *  rules of dg_accountable_unit apply. */
typedef struct dg_post_holder {
  size_t struct_size;       /* set by the caller: sizeof(dg_post_holder) */
  uint32_t post;
  int32_t vacant;           /* 1 if nobody held it that day */
  uint32_t person;          /* 0 when vacant */
  const char *post_title;   /* borrowed from the dg_accountability */
  size_t post_title_size;
  const char *person_name;  /* "" when vacant; borrowed */
  size_t person_name_size;
} dg_post_holder;
#define DG_POST_HOLDER_INIT \
  { sizeof(dg_post_holder), 0, 0, 0, NULL, 0, NULL, 0 }

/** The lists of post holders an accountability answer carries. */
typedef int32_t dg_holder_list;
enum {
  DG_HOLDERS_POSTS = 0,             /* posts the assignments name directly */
  DG_HOLDERS_CONVENERS = 1,         /* of the supervising group (召集人) */
  DG_HOLDERS_DEPUTY_CONVENERS = 2,  /* 副召集人 */
  DG_HOLDERS_GUIDING = 3,           /* its guiding leaders */
  DG_HOLDERS_OFFICE_DIRECTOR = 4,   /* its office director: zero or one */
  DG_HOLDERS_CHIEF_DISPATCHERS = 5  /* the dispatch group's conveners (总调度) */
};

/**
 * A new, empty accountability answer.
 * @param out  caller-owned; release with dg_accountability_free.
 * Thread safety: any thread.
 */
DG_API dg_status dg_accountability_new(dg_accountability **out) DG_NOEXCEPT;

/** Releases an answer. NULL is a no-op. Thread safety: exclusive. */
DG_API void dg_accountability_free(dg_accountability *acc) DG_NOEXCEPT;

/**
 * Who is accountable for task-tree node `task` on `on`: fills `out` (emptied
 * first; left empty on failure). Units come leads first, then supports,
 * responsibles and participants, in document order within a role; those a
 * parent node assigns (a section headed 市财政局牵头) follow the node's own.
 * @return DG_OUT_OF_RANGE for a bad task index or date.
 * Thread safety: immutable on plan, exclusive on out.
 */
DG_API dg_status dg_plan_accountability(dg_accountability *out,
                                        const dg_plan *plan, uint32_t task,
                                        dg_date on) DG_NOEXCEPT;

/** The number of accountable units. Thread safety: exclusive (as every
 *  reader of a dg_accountability: the handle is not locked). */
DG_API dg_status dg_accountability_unit_count(
    size_t *count_out, const dg_accountability *acc) DG_NOEXCEPT;

/**
 * Fills `out` with accountable unit `i`.
 * @return DG_OUT_OF_RANGE for i >= the count.
 * Thread safety: exclusive.
 */
DG_API dg_status dg_accountability_unit_at(dg_accountable_unit *out,
                                           const dg_accountability *acc,
                                           size_t i) DG_NOEXCEPT;

/**
 * The nearest group supervising the task or a node above it.
 * @param has_group_out  1 if there is one, else 0 (and *group_out is 0).
 * @param group_out      receives the group's index.
 * @param acc            an answer filled by dg_plan_accountability().
 * Thread safety: exclusive.
 */
DG_API dg_status dg_accountability_group(int *has_group_out,
                                         uint32_t *group_out,
                                         const dg_accountability *acc)
    DG_NOEXCEPT;

/**
 * The unit hosting that group's office.
 * @param has_unit_out  1 if there is one, else 0 (and *unit_out is 0).
 * @param unit_out      receives the host unit's index.
 * @param acc           an answer filled by dg_plan_accountability().
 * Thread safety: exclusive.
 */
DG_API dg_status dg_accountability_office_host(int *has_unit_out,
                                               uint32_t *unit_out,
                                               const dg_accountability *acc)
    DG_NOEXCEPT;

/**
 * The number of post holders in `list`.
 * @return DG_INVALID_ARGUMENT for an unknown list.
 * Thread safety: exclusive.
 */
DG_API dg_status dg_accountability_holder_count(size_t *count_out,
                                                const dg_accountability *acc,
                                                dg_holder_list list)
    DG_NOEXCEPT;

/**
 * Fills `out` with holder `i` of `list`.
 * @return DG_INVALID_ARGUMENT for an unknown list; DG_OUT_OF_RANGE for
 *         i >= its count.
 * Thread safety: exclusive.
 */
DG_API dg_status dg_accountability_holder_at(dg_post_holder *out,
                                             const dg_accountability *acc,
                                             dg_holder_list list,
                                             size_t i) DG_NOEXCEPT;

/* ---- Tasks of a unit ----------------------------------------------------- */

/** Opaque, mutable: a reusable answer. Thread safety: exclusive. */
typedef struct dg_unit_tasks dg_unit_tasks;

/** One task of a unit; filled by dg_unit_tasks_at(). struct_size must cover
 *  `task`; the prefix rules of dg_accountable_unit apply. Strings are
 *  borrowed from the dg_unit_tasks. */
typedef struct dg_unit_task {
  size_t struct_size;       /* set by the caller: sizeof(dg_unit_task) */
  uint32_t task;            /* the task-tree node */
  dg_role role;
  dg_assigned_via via;
  uint32_t via_index;
  int32_t clause;           /* -1: the node itself */
  const char *task_id;
  size_t task_id_size;
  const char *task_path;
  size_t task_path_size;
  const char *task_title;
  size_t task_title_size;
} dg_unit_task;
#define DG_UNIT_TASK_INIT \
  { sizeof(dg_unit_task), 0, 0, 0, 0, 0, NULL, 0, NULL, 0, NULL, 0 }

/**
 * A new, empty list of a unit's tasks.
 * @param out  caller-owned; release with dg_unit_tasks_free.
 * Thread safety: any thread.
 */
DG_API dg_status dg_unit_tasks_new(dg_unit_tasks **out) DG_NOEXCEPT;

/** Releases the list. NULL is a no-op. Thread safety: exclusive. */
DG_API void dg_unit_tasks_free(dg_unit_tasks *tasks) DG_NOEXCEPT;

/**
 * The task-tree nodes where unit `unit` (resolved as of `on`: a renamed
 * unit's successor answers for it) has a role, directly, through sets or
 * groups, or inherited from a predecessor; ordered by node, then role. Only
 * the node's own assignments count (not a parent's). Fills `out` (emptied
 * first; left empty on failure).
 * @param roles  a DG_ROLE_BIT_* mask; DG_ROLES_ALL (0) for every role.
 * @param out    receives the tasks (a dg_unit_tasks from dg_unit_tasks_new()).
 * @param plan   the plan.
 * @param unit   the unit's index.
 * @param on     the day asked about.
 * @return DG_OUT_OF_RANGE for a bad unit index or date; DG_INVALID_ARGUMENT
 *         for mask bits past DG_ROLE_BIT_PARTICIPATE; DG_FAILED_PRECONDITION
 *         if the unit was abolished by `on`.
 * Thread safety: immutable on plan, exclusive on out.
 */
DG_API dg_status dg_plan_tasks_of_unit(dg_unit_tasks *out,
                                       const dg_plan *plan, uint32_t unit,
                                       dg_date on,
                                       uint32_t roles) DG_NOEXCEPT;

/** The number of tasks in the list. Thread safety: exclusive. */
DG_API dg_status dg_unit_tasks_count(size_t *count_out,
                                     const dg_unit_tasks *tasks) DG_NOEXCEPT;

/**
 * Fills `out` with task `i` of the list.
 * @return DG_OUT_OF_RANGE for i >= the count.
 * Thread safety: exclusive.
 */
DG_API dg_status dg_unit_tasks_at(dg_unit_task *out,
                                  const dg_unit_tasks *tasks,
                                  size_t i) DG_NOEXCEPT;

/* ---- Tasks of a person --------------------------------------------------- */

/** Opaque, mutable: a reusable answer. Thread safety: exclusive. */
typedef struct dg_person_tasks dg_person_tasks;

/** How a person was tied to one task; filled by dg_person_tasks_at().
 *  struct_size must cover `task`; the prefix rules of dg_accountable_unit
 *  apply. Strings are borrowed from the dg_person_tasks. */
typedef struct dg_person_task {
  size_t struct_size;       /* set by the caller: sizeof(dg_person_task) */
  uint32_t task;            /* the task-tree node */
  uint32_t post;            /* the post through which */
  dg_capacity capacity;
  int32_t has_role;         /* 1 for unit head, supervising, assigned post */
  dg_role role;
  int32_t has_unit;         /* 1 when tied through a unit */
  uint32_t unit;
  dg_date held_from;        /* the days of the asked range on which the */
  dg_date held_to;          /* person held the post (inclusive) */
  const char *task_id;
  size_t task_id_size;
  const char *task_title;
  size_t task_title_size;
} dg_person_task;
#define DG_PERSON_TASK_INIT \
  { sizeof(dg_person_task), 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0, NULL, 0 }

/**
 * A new, empty list of a person's tasks.
 * @param out  caller-owned; release with dg_person_tasks_free.
 * Thread safety: any thread.
 */
DG_API dg_status dg_person_tasks_new(dg_person_tasks **out) DG_NOEXCEPT;

/** Releases the list. NULL is a no-op. Thread safety: exclusive. */
DG_API void dg_person_tasks_free(dg_person_tasks *tasks) DG_NOEXCEPT;

/**
 * The task-tree nodes person `person` is tied to through the posts they held
 * in [from, to] (from == to: one day), ordered by node. Fills `out` (emptied
 * first; left empty on failure).
 * @return DG_OUT_OF_RANGE for a bad person index or date;
 *         DG_INVALID_ARGUMENT when to < from.
 * Thread safety: immutable on plan, exclusive on out.
 */
DG_API dg_status dg_plan_tasks_of_person(dg_person_tasks *out,
                                         const dg_plan *plan, uint32_t person,
                                         dg_date from,
                                         dg_date to) DG_NOEXCEPT;

/** The number of entries in the list. Thread safety: exclusive. */
DG_API dg_status dg_person_tasks_count(size_t *count_out,
                                       const dg_person_tasks *tasks)
    DG_NOEXCEPT;

/**
 * Fills `out` with entry `i` of the list.
 * @return DG_OUT_OF_RANGE for i >= the count.
 * Thread safety: exclusive.
 */
DG_API dg_status dg_person_tasks_at(dg_person_task *out,
                                    const dg_person_tasks *tasks,
                                    size_t i) DG_NOEXCEPT;

/* ---- Answers as JSON and CSV ----------------------------------------------
 *
 * Each writes a caller-owned, NUL-terminated text to `*out` (release with
 * dg_string_free) and its length to `*size_out` (which may be NULL). The
 * shapes are those of docs/plan-queries.md. Errors are those of the typed
 * query with the same arguments. Thread safety: immutable.
 */

/** The accountability of `task` on `on` as JSON. Thread safety: immutable. */
DG_API dg_status dg_plan_accountability_json(char **out, size_t *size_out,
                                             const dg_plan *plan,
                                             uint32_t task,
                                             dg_date on) DG_NOEXCEPT;

/** The tasks of `unit` on `on` as JSON; `roles` as in
 *  dg_plan_tasks_of_unit(). Thread safety: immutable. */
DG_API dg_status dg_plan_tasks_of_unit_json(char **out, size_t *size_out,
                                            const dg_plan *plan,
                                            uint32_t unit, dg_date on,
                                            uint32_t roles) DG_NOEXCEPT;

/** The tasks of `person` over [from, to] as JSON. Thread safety: immutable. */
DG_API dg_status dg_plan_tasks_of_person_json(char **out, size_t *size_out,
                                              const dg_plan *plan,
                                              uint32_t person, dg_date from,
                                              dg_date to) DG_NOEXCEPT;

/** Task counts per unit and role on `on` as JSON (units with a role only,
 *  in plan order). Thread safety: immutable. */
DG_API dg_status dg_plan_workloads_json(char **out, size_t *size_out,
                                        const dg_plan *plan,
                                        dg_date on) DG_NOEXCEPT;

/**
 * The tasks × units matrix on `on` as CSV (RFC 4180 quoting, "\n" line
 * ends). Header: id,path,title and one column per unit (by name); cells L
 * (lead), S (support), R (responsible), P (participate), several joined by
 * '+'. One row per node with assignments of its own.
 * Thread safety: immutable.
 */
DG_API dg_status dg_plan_raci_csv(char **out, size_t *size_out,
                                  const dg_plan *plan,
                                  dg_date on) DG_NOEXCEPT;

/** The plan's lints on `on` (task_without_lead, no_single_lead,
 *  lead_and_support, vague_set, vacant_post, ambiguous_name), errors first,
 *  as JSON. Thread safety: immutable. */
DG_API dg_status dg_plan_lints_json(char **out, size_t *size_out,
                                    const dg_plan *plan,
                                    dg_date on) DG_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Scoped views: the plan as one unit or post sees it                         */
/* ------------------------------------------------------------------------ */
/*
 * A dg_view is a plan scoped to a viewer — a unit or a post — as of a date
 * (docs/scoped-views.md): it sees the task-tree nodes where the viewer has a
 * role (directly, through unit sets or groups, from a predecessor unit or a
 * node above), for a post also those of the units it heads or supervises,
 * of the groups it convenes, deputises, guides or directs the office of, and
 * those its assignments name; the groups it belongs to; and every node the
 * plan marks public (with the nodes below it). Queries through a view answer
 * as of its date and only about those nodes. A node outside the view is
 * DG_NOT_FOUND with the same message as one that does not exist ("task
 * index 7 is not in this view"), so a view never reveals that a hidden node
 * exists; lists leave hidden nodes out. A view holds its plan snapshot
 * alive: dg_plan_free() may come first. Hand a view, not the dg_plan, to the
 * code serving one department.
 */

/** Opaque, immutable. Thread safety: immutable. */
typedef struct dg_view dg_view;

/**
 * The view of unit `unit` (resolved as of `on`: a renamed unit's successor
 * views for it) on `on`.
 * @param out   receives the view; caller-owned, release with dg_view_free.
 * @param plan  the plan (the view keeps its snapshot; plan may be freed).
 * @param unit  the viewer's unit index.
 * @param on    the date the view answers as of.
 * @return DG_OUT_OF_RANGE for a bad unit index or date;
 *         DG_FAILED_PRECONDITION if the unit was abolished by `on`.
 * Thread safety: immutable (on plan).
 */
DG_API dg_status dg_view_new_for_unit(dg_view **out, const dg_plan *plan,
                                      uint32_t unit, dg_date on) DG_NOEXCEPT;

/**
 * The view of post `post` on `on` (see the section comment).
 * @param out   receives the view; caller-owned, release with dg_view_free.
 * @param plan  the plan (the view keeps its snapshot; plan may be freed).
 * @param post  the viewer's post index.
 * @param on    the date the view answers as of (the post's holder, the
 *              units it heads or supervises on that day).
 * @return DG_OUT_OF_RANGE for a bad post index or date.
 * Thread safety: immutable (on plan).
 */
DG_API dg_status dg_view_new_for_post(dg_view **out, const dg_plan *plan,
                                      uint32_t post, dg_date on) DG_NOEXCEPT;

/** Releases a view. NULL is a no-op. Thread safety: exclusive. */
DG_API void dg_view_free(dg_view *view) DG_NOEXCEPT;

/**
 * What the view sees, as JSON: {"viewer":"unit czj (市财政局)","on":"...",
 * "tasks":[{"index","id","path","title","reasons":["role","public",
 * "supervision","assigned_post"]}],"groups":[{"index","id","name"}]}.
 * Caller-owned; release with dg_string_free. `size_out` may be NULL.
 * Thread safety: immutable.
 */
DG_API dg_status dg_view_json(char **out, size_t *size_out,
                              const dg_view *view) DG_NOEXCEPT;

/**
 * Finds a visible node by id or path.
 * @return DG_NOT_FOUND for a node that is hidden or does not exist (the
 *         did-you-mean names visible nodes only).
 * Thread safety: immutable.
 */
DG_API dg_status dg_view_find_task(uint32_t *task_out, const dg_view *view,
                                   const char *id_or_path,
                                   size_t id_or_path_len) DG_NOEXCEPT;

/**
 * dg_plan_accountability() through the view, as of its date: fills `out`.
 * @return DG_NOT_FOUND for a node outside the view.
 * Thread safety: immutable on view, exclusive on out.
 */
DG_API dg_status dg_view_accountability(dg_accountability *out,
                                        const dg_view *view,
                                        uint32_t task) DG_NOEXCEPT;

/**
 * dg_plan_tasks_of_unit() through the view: unit `unit`'s visible tasks.
 * @return as dg_plan_tasks_of_unit().
 * Thread safety: immutable on view, exclusive on out.
 */
DG_API dg_status dg_view_tasks_of_unit(dg_unit_tasks *out, const dg_view *view,
                                       uint32_t unit,
                                       uint32_t roles) DG_NOEXCEPT;

/**
 * dg_plan_tasks_of_person() through the view: the visible ones.
 * Thread safety: immutable on view, exclusive on out.
 */
DG_API dg_status dg_view_tasks_of_person(dg_person_tasks *out,
                                         const dg_view *view, uint32_t person,
                                         dg_date from,
                                         dg_date to) DG_NOEXCEPT;

/** dg_plan_accountability_json() through the view (DG_NOT_FOUND outside
 *  it). Thread safety: immutable. */
DG_API dg_status dg_view_accountability_json(char **out, size_t *size_out,
                                             const dg_view *view,
                                             uint32_t task) DG_NOEXCEPT;

/** dg_plan_tasks_of_unit_json() through the view. Thread safety: immutable. */
DG_API dg_status dg_view_tasks_of_unit_json(char **out, size_t *size_out,
                                            const dg_view *view, uint32_t unit,
                                            uint32_t roles) DG_NOEXCEPT;

/** dg_plan_tasks_of_person_json() through the view.
 *  Thread safety: immutable. */
DG_API dg_status dg_view_tasks_of_person_json(char **out, size_t *size_out,
                                              const dg_view *view,
                                              uint32_t person, dg_date from,
                                              dg_date to) DG_NOEXCEPT;

/** dg_plan_workloads_json() counting visible nodes only.
 *  Thread safety: immutable. */
DG_API dg_status dg_view_workloads_json(char **out, size_t *size_out,
                                        const dg_view *view) DG_NOEXCEPT;

/** dg_plan_raci_csv() with the visible nodes' rows only, and columns only
 *  for units with a role on one of them. Thread safety: immutable. */
DG_API dg_status dg_view_raci_csv(char **out, size_t *size_out,
                                  const dg_view *view) DG_NOEXCEPT;

/** dg_plan_lints_json() with the findings about visible nodes only.
 *  Thread safety: immutable. */
DG_API dg_status dg_view_lints_json(char **out, size_t *size_out,
                                    const dg_view *view) DG_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Publishing plan versions                                                  */
/* ------------------------------------------------------------------------ */
/*
 * A dg_publisher holds the current version of a plan while other threads
 * query it: dg_publisher_current() hands a reader a dg_plan of the whole
 * version current at the call (never a mixture), and dg_publisher_publish()
 * makes a new plan current for the readers that come after. Readers never
 * lock. Versions are numbered 1 (the initial plan), 2, 3, ... in the order
 * they became current.
 */

/** Opaque; every call on it is safe from any thread at once.
 *  Thread safety: any thread. */
typedef struct dg_publisher dg_publisher;

/**
 * A publisher whose version 1 is `initial` (which the caller may free).
 * @param out      receives the publisher; caller-owned, release with
 *                 dg_publisher_free.
 * @param initial  the plan that becomes version 1.
 * Thread safety: any thread.
 */
DG_API dg_status dg_publisher_new(dg_publisher **out,
                                  const dg_plan *initial) DG_NOEXCEPT;

/** Releases a publisher; plans taken from it stay valid. NULL is a no-op.
 *  Thread safety: exclusive (no call on it may be running). */
DG_API void dg_publisher_free(dg_publisher *publisher) DG_NOEXCEPT;

/**
 * Makes `plan` the current version (the caller may free its handle).
 * @param version_out  receives the new version's number (may be NULL).
 * @param publisher    the publisher.
 * @param plan         the plan that becomes current.
 * Thread safety: any thread.
 */
DG_API dg_status dg_publisher_publish(uint64_t *version_out,
                                      dg_publisher *publisher,
                                      const dg_plan *plan) DG_NOEXCEPT;

/**
 * The version current at the call, as a new plan handle.
 * @param out          receives the plan; caller-owned, release with
 *                     dg_plan_free.
 * @param version_out  receives its number (may be NULL).
 * @param publisher    the publisher.
 * Thread safety: any thread.
 */
DG_API dg_status dg_publisher_current(dg_plan **out, uint64_t *version_out,
                                      const dg_publisher *publisher)
    DG_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Schedules: cadences, deadlines, critical path                             */
/* ------------------------------------------------------------------------ */
/*
 * When everything in a plan is due on a calendar (docs/schedules.md): the
 * occurrences of its cadences (旬简报, 月通报, 每周一调度...), its tasks' due
 * dates with reminders, the critical path of its dependencies, and what a
 * calendar change moves. Every answer is a caller-owned, NUL-terminated text
 * written to `*out` (release with dg_string_free) with its length in
 * `*size_out` (which may be NULL); the JSON, CSV and iCalendar renderings are
 * those of docs/schedules.md, the same bytes as the CLI's --format.
 *
 * Errors common to these calls: DG_INVALID_ARGUMENT for NULL `out`, `plan`
 * or `cal`, from > to, or a bad option; DG_OUT_OF_RANGE for a unit index
 * past the plan's units or a date outside the calendar; DG_NOT_FOUND for an
 * unknown cadence id (named); DG_FAILED_PRECONDITION from a strict calendar
 * when a due date falls in a year without a holiday notice (the message
 * names the year, e.g. 2027). A provisional calendar answers there instead.
 */

/** The renderings of schedule answers. */
typedef int32_t dg_schedule_format;
enum {
  DG_FORMAT_JSON = 0, /* compact, deterministic */
  DG_FORMAT_CSV = 1,  /* header row, RFC 4180 quoting */
  DG_FORMAT_ICS = 2   /* iCalendar (RFC 5545): one all-day VEVENT each */
};

/** Options of dg_plan_schedule(), dg_plan_tasks_due() and
 *  dg_plan_tasks_overdue(); NULL for the defaults of the _INIT macro.
 *  struct_size must cover `format`, else DG_INVALID_ARGUMENT; fields past
 *  struct_size take their defaults. */
typedef struct dg_schedule_options {
  size_t struct_size;            /* sizeof(dg_schedule_options) */
  dg_schedule_format format;     /* DG_FORMAT_JSON by default */
  int32_t has_unit;              /* 1: only what unit `unit` owns (cadences)
                                    or has a role in (deadlines), resolved as
                                    of each due date */
  uint32_t unit;                 /* a unit index; read when has_unit is 1 */
  int32_t include_deadlines;     /* dg_plan_schedule: 1 adds the tasks' due
                                    dates (not with DG_FORMAT_CSV); the
                                    task calls require 0 */
  int32_t reminder_working_days; /* reminders this many working days before
                                    a due date; 0: none; default 3 */
  const char *const *cadence_ids; /* dg_plan_schedule: only these cadences
                                     (NUL-terminated UTF-8 ids); NULL with
                                     count 0: every cadence. The task calls
                                     require count 0 */
  size_t cadence_id_count;
} dg_schedule_options;
#define DG_SCHEDULE_OPTIONS_INIT \
  { sizeof(dg_schedule_options), DG_FORMAT_JSON, 0, 0, 0, 3, NULL, 0 }

/**
 * The cadence occurrences due in [from, to] (inclusive), with their period,
 * owner and recipients resolved as of each due date, sorted by due date,
 * cadence, group, member; with include_deadlines, the tasks' due dates in
 * the range too.
 * DG_FORMAT_JSON gives {"occurrences":[...],"deadlines":[...]}
 * (the deadline list is empty without include_deadlines), DG_FORMAT_CSV the
 * occurrence table, DG_FORMAT_ICS one calendar with an event per occurrence
 * and per due date (a VALARM for each reminder).
 * Thread safety: immutable (on plan and cal).
 */
DG_API dg_status dg_plan_schedule(char **out, size_t *size_out,
                                  const dg_plan *plan, const dg_calendar *cal,
                                  dg_date from, dg_date to,
                                  const dg_schedule_options *opts) DG_NOEXCEPT;

/**
 * The tasks' due dates in [from, to], by due date, task, deadline; with
 * has_unit, only the tasks where that unit has a role. Relative deadlines
 * count from the plan's issue date (交办, 印发). JSON, CSV or ICS.
 * @return DG_INVALID_ARGUMENT for cadence ids or include_deadlines in opts.
 * Thread safety: immutable (on plan and cal).
 */
DG_API dg_status dg_plan_tasks_due(char **out, size_t *size_out,
                                   const dg_plan *plan, const dg_calendar *cal,
                                   dg_date from, dg_date to,
                                   const dg_schedule_options *opts)
    DG_NOEXCEPT;

/**
 * The due dates that have passed by `on`: those from the plan's issue date
 * (else January 1 of the plan year) to the day before `on`. There is no
 * completion tracking yet: a passed due date counts as overdue. As
 * dg_plan_tasks_due() otherwise.
 * @return DG_INVALID_ARGUMENT if `on` is not after that first day.
 * Thread safety: immutable (on plan and cal).
 */
DG_API dg_status dg_plan_tasks_overdue(char **out, size_t *size_out,
                                       const dg_plan *plan,
                                       const dg_calendar *cal, dg_date on,
                                       const dg_schedule_options *opts)
    DG_NOEXCEPT;

/**
 * The critical path of the plan's finish-to-start dependencies, as JSON:
 * earliest/latest start and finish, total float, the critical tasks and
 * paths, in working days of `cal` from `start` (working day 0: `start`, or
 * the next working day).
 * @param durations  working days per task, indexed by task index; tasks past
 *                   `durations_count` (all, when 0; `durations` may then be
 *                   NULL) take the plan's `duration_working_days` (absent:
 *                   0-day milestones).
 * @param out        receives the JSON; caller-owned, release with dg_string_free.
 * @param size_out   receives its length in bytes (may be NULL).
 * @param plan       the plan.
 * @param cal        the calendar the working days are counted on.
 * @param start      the project start.
 * @param durations_count  the number of entries in `durations`.
 * @return DG_INVALID_ARGUMENT for NULL durations with a count, a negative
 *         duration or more durations than tasks (naming the task);
 *         DG_OUT_OF_RANGE for a finish past the calendar.
 * Thread safety: immutable (on plan and cal).
 */
DG_API dg_status dg_plan_critical_path(char **out, size_t *size_out,
                                       const dg_plan *plan,
                                       const dg_calendar *cal, dg_date start,
                                       const int32_t *durations,
                                       size_t durations_count) DG_NOEXCEPT;

/**
 * Reads a deadline as a plan writes it (年底前, 6月底前, 四季度前, 每月5日前,
 * 10个工作日内 ...; docs/schedules.md "Deadline text") and returns it as the
 * JSON object {"kind","text","date","period","working_days","after","day"}
 * ("kind": by, end_of_period, relative or recurring; "date": ISO or null;
 * "period": a period kind name or null). `plan_year` dates the phrases that
 * state no year.
 * @return DG_INVALID_ARGUMENT quoting the text when it cannot be read, or
 *         for an impossible date (2月30日前).
 * Thread safety: any thread.
 */
DG_API dg_status dg_resolve_deadline_text(char **out, size_t *size_out,
                                          const char *text, size_t text_len,
                                          int32_t plan_year) DG_NOEXCEPT;

/**
 * Every cadence occurrence and task due date in [from, to] whose date
 * differs between calendar `before` and calendar `after` (e.g. the built-in
 * calendar and one derived with a local day off), as the JSON document of
 * docs/schedules.md ("C API"), sorted by the earlier of the two dates.
 * Thread safety: immutable (on plan and both calendars).
 */
DG_API dg_status dg_plan_due_date_changes(char **out, size_t *size_out,
                                          const dg_plan *plan,
                                          const dg_calendar *before,
                                          const dg_calendar *after,
                                          dg_date from,
                                          dg_date to) DG_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Schedules through a view: a department's own due dates and critical path  */
/* ------------------------------------------------------------------------ */
/*
 * The schedule calls above, answered through a dg_view (docs/scoped-views.md,
 * "Schedules"): the same renderings, holding only what the view sees. Task
 * due dates are those of the visible tasks. Cadence occurrences are those of
 * the groups the view sees, those owned by a unit the viewer acts as, and,
 * for cadences owned by the leads of tasks, those with a visible owner task
 * (its owners then the visible tasks' leads only); a cadence id the view has
 * no occurrence of is DG_NOT_FOUND ("unknown cadence 'x'", suggestions among
 * the view's own). The critical path is computed on the visible tasks alone;
 * a dependency with a hidden end is not followed, and the visible task is
 * flagged "predecessor_outside_view" / "successor_outside_view" instead,
 * naming nothing. Hand these to the code serving one department in place
 * of the dg_plan_ schedule calls.
 */

/**
 * dg_plan_schedule() through a view.
 * @param out       receives the text; caller-owned, release with dg_string_free.
 * @param size_out  receives its length in bytes (may be NULL).
 * @param view      the view.
 * @param cal       the calendar the due dates fall on.
 * @param from      the first due date listed.
 * @param to        the last due date listed.
 * @param opts      options as for dg_plan_schedule(); NULL for the defaults.
 * @return as dg_plan_schedule(); DG_NOT_FOUND for a cadence id the view has
 *         no occurrence of.
 * Thread safety: immutable (on view and cal).
 */
DG_API dg_status dg_view_schedule(char **out, size_t *size_out,
                                  const dg_view *view, const dg_calendar *cal,
                                  dg_date from, dg_date to,
                                  const dg_schedule_options *opts) DG_NOEXCEPT;

/**
 * dg_plan_tasks_due() through a view: the visible tasks' due dates.
 * @param out       receives the text; caller-owned, release with dg_string_free.
 * @param size_out  receives its length in bytes (may be NULL).
 * @param view      the view.
 * @param cal       the calendar the due dates fall on.
 * @param from      the first due date listed.
 * @param to        the last due date listed.
 * @param opts      options as for dg_plan_tasks_due(); NULL for the defaults.
 * @return as dg_plan_tasks_due().
 * Thread safety: immutable (on view and cal).
 */
DG_API dg_status dg_view_tasks_due(char **out, size_t *size_out,
                                   const dg_view *view, const dg_calendar *cal,
                                   dg_date from, dg_date to,
                                   const dg_schedule_options *opts)
    DG_NOEXCEPT;

/**
 * dg_plan_tasks_overdue() through a view: the visible tasks' passed due
 * dates.
 * @param out       receives the text; caller-owned, release with dg_string_free.
 * @param size_out  receives its length in bytes (may be NULL).
 * @param view      the view.
 * @param cal       the calendar the due dates fall on.
 * @param on        the day asked about.
 * @param opts      options as for dg_plan_tasks_overdue(); NULL for the
 *                  defaults.
 * @return as dg_plan_tasks_overdue().
 * Thread safety: immutable (on view and cal).
 */
DG_API dg_status dg_view_tasks_overdue(char **out, size_t *size_out,
                                       const dg_view *view,
                                       const dg_calendar *cal, dg_date on,
                                       const dg_schedule_options *opts)
    DG_NOEXCEPT;

/**
 * The critical path of the visible tasks, as the JSON of
 * dg_plan_critical_path() with "viewer" added, only visible tasks in
 * "tasks", and on each task "predecessor_outside_view" and
 * "successor_outside_view" (true: a dependency from or to a task the view
 * does not show was not followed; nothing about that task is given).
 * @param out        receives the JSON; caller-owned, release with dg_string_free.
 * @param size_out   receives its length in bytes (may be NULL).
 * @param view       the view.
 * @param cal        the calendar the working days are counted on.
 * @param start      the project start.
 * @param durations  working days by task index, as for
 *                   dg_plan_critical_path(); entries at indexes the view
 *                   does not show (hidden, or past the last task) are
 *                   ignored, so the call reveals nothing about them.
 * @param durations_count  the number of entries in `durations`.
 * @return DG_INVALID_ARGUMENT for NULL durations with a count or a visible
 *         task's duration outside 0..100000 (naming the task);
 *         DG_OUT_OF_RANGE for a finish past the calendar.
 * Thread safety: immutable (on view and cal).
 */
DG_API dg_status dg_view_critical_path(char **out, size_t *size_out,
                                       const dg_view *view,
                                       const dg_calendar *cal, dg_date start,
                                       const int32_t *durations,
                                       size_t durations_count) DG_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Pictures: the responsibility graph (DOT) and the schedule (SVG)           */
/* ------------------------------------------------------------------------ */
/*
 * Both return a caller-owned, NUL-terminated text in `*out` (release with
 * dg_string_free) and its length in `*size_out` (which may be NULL). The
 * text is deterministic: the same inputs give the same bytes. What is drawn
 * is described in dutygraph/plan_graph.h and dutygraph/schedule_gantt.h.
 */

/** What dg_plan_graph_dot() draws around. */
typedef int32_t dg_graph_focus;
enum {
  DG_GRAPH_FOCUS_PLAN = 0,  /* the whole plan (focus index unused) */
  DG_GRAPH_FOCUS_TASK = 1,  /* a task index (dg_plan_find DG_RECORD_TASK) */
  DG_GRAPH_FOCUS_UNIT = 2,  /* a unit index */
  DG_GRAPH_FOCUS_GROUP = 3  /* a group index */
};

/** Options of dg_plan_graph_dot(); NULL for the defaults of the _INIT
 *  macro. struct_size must cover `focus`, else DG_INVALID_ARGUMENT; fields
 *  past struct_size take their defaults. */
typedef struct dg_graph_options {
  size_t struct_size;         /* sizeof(dg_graph_options) */
  dg_graph_focus focus_kind;  /* DG_GRAPH_FOCUS_PLAN by default */
  uint32_t focus;             /* the task, unit or group index */
  int32_t has_on;             /* 1: read roles and holders as of `on`;
                                 0: as of the plan's issue date */
  dg_date on;
  int32_t depth;              /* steps from the focus, 0..16; default 1 */
  int32_t legend;             /* 1: a legend of role colours; default 1 */
  int32_t max_nodes;          /* more nodes is DG_RESOURCE_EXHAUSTED;
                                 >= 1, default 1000 */
} dg_graph_options;
#define DG_GRAPH_OPTIONS_INIT \
  { sizeof(dg_graph_options), DG_GRAPH_FOCUS_PLAN, 0u, 0, 0, 1, 1, 1000 }

/**
 * The responsibility graph around a task, unit or group (or the whole plan)
 * as Graphviz DOT text: tasks, units, groups and posts with their holders
 * on the day, edges coloured by role. Render it with Graphviz
 * (`dot -Tsvg`).
 * @param out       receives the DOT text; caller-owned, release with
 *                  dg_string_free.
 * @param size_out  receives its length in bytes; may be NULL.
 * @param plan      the plan.
 * @param opts      the focus and options; NULL: the whole plan, defaults.
 * @return DG_INVALID_ARGUMENT for NULL `out` or `plan`, a bad option (named)
 *         or a focus index out of range; DG_OUT_OF_RANGE for `on` outside
 *         the representable dates; DG_RESOURCE_EXHAUSTED when the picture
 *         would exceed max_nodes.
 * Thread safety: immutable (on plan).
 */
DG_API dg_status dg_plan_graph_dot(char **out, size_t *size_out,
                                   const dg_plan *plan,
                                   const dg_graph_options *opts) DG_NOEXCEPT;

/** Options of dg_plan_gantt_svg(); NULL for the defaults of the _INIT
 *  macro. struct_size must cover `unit`, else DG_INVALID_ARGUMENT; fields
 *  past struct_size take their defaults. */
typedef struct dg_gantt_options {
  size_t struct_size;             /* sizeof(dg_gantt_options) */
  int32_t has_unit;               /* 1: only unit `unit`'s tasks and
                                     cadence occurrences */
  uint32_t unit;
  int32_t has_start;              /* 1: the critical path and the deadline
                                     bars start at `start`; 0: the plan's
                                     issue date (else `from`) */
  dg_date start;
  int32_t show_cadences;          /* 1: cadence rows; default 1 */
  int32_t reminder_working_days;  /* reminder ticks this many working days
                                     before a due date; 0: none; default 3 */
  int32_t max_rows;               /* more rows is DG_RESOURCE_EXHAUSTED;
                                     >= 1, default 200 */
  const char *const *cadence_ids; /* only these cadences (NUL-terminated
                                     UTF-8 ids); NULL with count 0: all */
  size_t cadence_id_count;
} dg_gantt_options;
#define DG_GANTT_OPTIONS_INIT \
  { sizeof(dg_gantt_options), 0, 0u, 0, 0, 1, 3, 200, NULL, 0 }

/**
 * A Gantt-style SVG of the plan over [from, to]: a row per task with a due
 * date in the range or scheduled by the critical path (bars, the critical
 * ones red), a row per cadence with a mark at each due date, non-working
 * days shaded.
 * @param out       receives the SVG text; caller-owned, release with
 *                  dg_string_free.
 * @param size_out  receives its length in bytes; may be NULL.
 * @param plan      the plan.
 * @param cal       the calendar the due dates are computed on.
 * @param from      the first day drawn.
 * @param to        the last day drawn (at most 1100 days after `from`).
 * @param opts      options; NULL for the defaults.
 * @return DG_INVALID_ARGUMENT for NULL `out`, `plan` or `cal`, from > to, a
 *         range too long or a bad option (named); DG_OUT_OF_RANGE for a unit
 *         index past the plan's units; DG_NOT_FOUND for an unknown cadence
 *         id; DG_RESOURCE_EXHAUSTED for more rows than max_rows;
 *         DG_FAILED_PRECONDITION from a strict calendar for a year without
 *         a holiday notice.
 * Thread safety: immutable (on plan and cal).
 */
DG_API dg_status dg_plan_gantt_svg(char **out, size_t *size_out,
                                   const dg_plan *plan, const dg_calendar *cal,
                                   dg_date from, dg_date to,
                                   const dg_gantt_options *opts) DG_NOEXCEPT;

/**
 * dg_plan_gantt_svg() through a view (docs/scoped-views.md, "Schedules
 * through a view"): rows, bars and links of the visible tasks only, the
 * occurrences the view sees, the critical path of the visible tasks; the
 * default title names the viewer.
 * @param out       receives the SVG text; caller-owned, release with
 *                  dg_string_free.
 * @param size_out  receives its length in bytes; may be NULL.
 * @param view      the view.
 * @param cal       the calendar the due dates are computed on.
 * @param from      the first day drawn.
 * @param to        the last day drawn (at most 1100 days after `from`).
 * @param opts      options as for dg_plan_gantt_svg(); NULL for the
 *                  defaults.
 * @return as dg_plan_gantt_svg(); DG_NOT_FOUND for a cadence id the view
 *         has no occurrence of.
 * Thread safety: immutable (on view and cal).
 */
DG_API dg_status dg_view_gantt_svg(char **out, size_t *size_out,
                                   const dg_view *view, const dg_calendar *cal,
                                   dg_date from, dg_date to,
                                   const dg_gantt_options *opts) DG_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* The store: plan versions and the event log in one SQLite file             */
/* ------------------------------------------------------------------------ */
/*
 * A dg_store is an open store file (docs/store.md): plan versions (validated
 * plan JSON with the date each takes effect) and an append-only event log.
 * Events are JSON objects, one per line (JSON Lines), in the tracking
 * format (docs/tracking.md "Events"). Before any is stored, the tracking
 * layer checks the batch against the store's plan together with every event
 * already stored (as dg_events_append_jsonl() would), so a store filled
 * through this API never holds an event a dg_tracker would reject; each is
 * stored as its canonical text. Appending is idempotent by id: an id
 * already stored with the same content is skipped, with different content
 * the whole call fails (DG_ALREADY_EXISTS) and nothing of it is stored. A call that returned DG_OK is durable: it was
 * committed and fsync'ed (WAL, synchronous=FULL) and survives a kill -9.
 *
 * Several handles (threads or processes) may open one file: readers never
 * wait; writers take turns, waiting up to busy_timeout_ms (then
 * DG_UNAVAILABLE). Calls on one handle are serialised inside it.
 *
 * Errors name the file and what is wrong: DG_NOT_FOUND (no such file, or no
 * plan version), DG_INVALID_ARGUMENT (a bad event: "line 3: field \"date\":
 * ..."; a bad plan), DG_ALREADY_EXISTS, DG_FAILED_PRECONDITION (not a
 * dutygraph store, a newer schema, opened read-only, already initialised),
 * DG_PERMISSION_DENIED (a read-only file: reads still work),
 * DG_RESOURCE_EXHAUSTED (disk or size cap full), DG_DATA_LOSS (corrupted).
 */

/** Opaque. Thread safety: any thread (calls on one handle are serialised). */
typedef struct dg_store dg_store;

/** Options of dg_store_open(). Fields past struct_size take the defaults of
 *  DG_STORE_OPTIONS_INIT; struct_size must cover `read_only`. */
typedef struct dg_store_options {
  size_t struct_size;        /* sizeof(dg_store_options) */
  int32_t read_only;         /* 1: open for reading only; never creates */
  int32_t create_if_missing; /* 1 (default): create the file if absent */
  int32_t busy_timeout_ms;   /* wait for another writer; default 5000 */
  int32_t check_integrity;   /* 1 (default): PRAGMA quick_check at open */
  int64_t max_page_count;    /* cap on the file's pages; 0: none */
} dg_store_options;
#define DG_STORE_OPTIONS_INIT \
  { sizeof(dg_store_options), 0, 1, 5000, 1, 0 }

/**
 * Opens (or creates) the store at the UTF-8 path, migrating an older schema
 * (read-write only) and checking integrity.
 * @param out       receives the store; caller-owned, release with
 *                  dg_store_free.
 * @param path      the store file's path, UTF-8.
 * @param path_len  its length in bytes.
 * @param options   NULL: DG_STORE_OPTIONS_INIT.
 * @return DG_NOT_FOUND, DG_FAILED_PRECONDITION, DG_DATA_LOSS,
 *         DG_PERMISSION_DENIED as described above, each naming the path.
 * Thread safety: any thread.
 */
DG_API dg_status dg_store_open(dg_store **out, const char *path,
                               size_t path_len,
                               const dg_store_options *options) DG_NOEXCEPT;

/** Closes a store (every acknowledged write is already on disk) and
 *  releases the handle. NULL is a no-op. Thread safety: exclusive. */
DG_API void dg_store_free(dg_store *store) DG_NOEXCEPT;

/**
 * Stores the first plan version: plan JSON (docs/plan-format.md), validated
 * as dg_plan_load_json() does, effective from `effective`. Nothing is stored
 * on error.
 * @param version_out    may be NULL; receives 1.
 * @param store          the store.
 * @param plan_json      the plan JSON text, UTF-8.
 * @param plan_json_len  its length in bytes.
 * @param effective      the day the plan takes effect.
 * @return DG_INVALID_ARGUMENT listing the plan's problems;
 *         DG_FAILED_PRECONDITION if the store already has a plan version.
 * Thread safety: any thread.
 */
DG_API dg_status dg_store_init(int64_t *version_out, dg_store *store,
                               const char *plan_json, size_t plan_json_len,
                               dg_date effective) DG_NOEXCEPT;

/**
 * Stores the next plan version, effective from `effective` (not before the
 * latest version's: DG_FAILED_PRECONDITION). The same text with the same
 * date as the latest version stores nothing and returns that version.
 * @param version_out    may be NULL; receives the version number.
 * @param store          the store.
 * @param plan_json      the plan JSON text, UTF-8.
 * @param plan_json_len  its length in bytes.
 * @param effective      the day this version takes effect.
 * Thread safety: any thread.
 */
DG_API dg_status dg_store_add_plan(int64_t *version_out, dg_store *store,
                                   const char *plan_json, size_t plan_json_len,
                                   dg_date effective) DG_NOEXCEPT;

/**
 * The canonical JSON of the latest plan version (with `as_of` 0) or of the
 * version in effect on `on` (with `as_of` 1): load it with
 * dg_plan_load_json().
 * @param out          receives the JSON; caller-owned, release with
 *                     dg_string_free.
 * @param size_out     receives its length in bytes (may be NULL).
 * @param version_out  may be NULL; receives the version number.
 * @param store        the store.
 * @param as_of        0: the latest version; 1: the version in effect on
 *                     `on`.
 * @param on           the date read when `as_of` is 1.
 * @return DG_NOT_FOUND when there is no such version.
 * Thread safety: any thread.
 */
DG_API dg_status dg_store_plan_json(char **out, size_t *size_out,
                                    int64_t *version_out, dg_store *store,
                                    int as_of, dg_date on) DG_NOEXCEPT;

/**
 * Appends the events of a JSON Lines text (one JSON object per line; blank
 * lines skipped; CRLF accepted) in one transaction, checked against the
 * store's plan version in effect on the batch's latest event date (version
 * 1 if that date precedes it) on the built-in calendar (strict): as
 * dg_store_append_events() with NULL plan and cal.
 * @param appended_out   may be NULL; new events stored.
 * @param unchanged_out  may be NULL; ids already stored with the same
 *                       content.
 * @param store          the store.
 * @param jsonl          the events, JSON Lines, UTF-8.
 * @param jsonl_len      its length in bytes.
 * @return DG_INVALID_ARGUMENT naming the line and field of a bad event
 *         ("line 2 ('e7'): field 'percent': ..."); DG_NOT_FOUND for an
 *         unknown task, unit, cadence ... with a did-you-mean, or a store
 *         without a plan version; DG_ALREADY_EXISTS naming the id;
 *         DG_FAILED_PRECONDITION for a date in a year without a holiday
 *         notice, a store opened read-only, or a stored event the plan no
 *         longer accepts (naming its seq); DG_RESOURCE_EXHAUSTED for a full
 *         disk or an event over 1 MiB; DG_PERMISSION_DENIED (read-only
 *         file). On any error nothing of the text is stored.
 * Thread safety: any thread.
 */
DG_API dg_status dg_store_append_jsonl(size_t *appended_out,
                                       size_t *unchanged_out, dg_store *store,
                                       const char *jsonl,
                                       size_t jsonl_len) DG_NOEXCEPT;

/**
 * dg_store_append_jsonl() against a plan and calendar of the caller's
 * choice (e.g. a provisional calendar, or one with local days off).
 * @param appended_out   may be NULL; new events stored.
 * @param unchanged_out  may be NULL; ids already stored with the same
 *                       content.
 * @param store          the store.
 * @param plan           the plan the events are checked against; NULL: the
 *                       store's, as dg_store_append_jsonl() picks it.
 * @param cal            the calendar their dates are checked on; NULL: the
 *                       built-in one, strict.
 * @param jsonl          the events, JSON Lines, UTF-8.
 * @param jsonl_len      its length in bytes.
 * @return as dg_store_append_jsonl().
 * Thread safety: any thread (immutable on plan and cal).
 */
DG_API dg_status dg_store_append_events(size_t *appended_out,
                                        size_t *unchanged_out,
                                        dg_store *store, const dg_plan *plan,
                                        const dg_calendar *cal,
                                        const char *jsonl,
                                        size_t jsonl_len) DG_NOEXCEPT;

/** The number of events stored. Thread safety: any thread. */
DG_API dg_status dg_store_event_count(int64_t *count_out,
                                      dg_store *store) DG_NOEXCEPT;

/**
 * Events in append order as JSON Lines (each event's text exactly as
 * appended, then "\n"): those with seq > after_seq (0: from the first), at
 * most `limit` (SIZE_MAX: all), only task `task` if it is not empty ((NULL,
 * 0): every task).
 * @param out           receives the events; caller-owned, release with
 *                      dg_string_free ("" if none).
 * @param size_out      receives its length in bytes (may be NULL).
 * @param last_seq_out  may be NULL; the seq of the last event returned (0 if
 *                      none): pass it as after_seq to read the next page.
 * @param store         the store.
 * @param after_seq     only events with a greater seq (0: from the first).
 * @param limit         at most this many events (SIZE_MAX: all).
 * @param task          only this task's events, UTF-8; (NULL, 0): every
 *                      task.
 * @param task_len      its length in bytes.
 * Thread safety: any thread.
 */
DG_API dg_status dg_store_read_events(char **out, size_t *size_out,
                                      int64_t *last_seq_out, dg_store *store,
                                      int64_t after_seq, size_t limit,
                                      const char *task,
                                      size_t task_len) DG_NOEXCEPT;

/**
 * A summary as compact JSON: {"path","schema_version","read_only",
 * "plan_versions","latest_plan":{"version","effective","digest"} or null,
 * "event_count","last_seq","file_bytes"} — what `dutygraph db info --json`
 * prints.
 * @param out       receives the JSON; caller-owned, release with
 *                  dg_string_free.
 * @param size_out  receives its length in bytes (may be NULL).
 * @param store     the store.
 * Thread safety: any thread.
 */
DG_API dg_status dg_store_info_json(char **out, size_t *size_out,
                                    dg_store *store) DG_NOEXCEPT;

/**
 * The thorough integrity check (PRAGMA integrity_check; opening runs the
 * quicker one). @return DG_DATA_LOSS listing the first problems.
 * Thread safety: any thread.
 */
DG_API dg_status dg_store_check_integrity(dg_store *store) DG_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Tracking: events, status, escalations, rankings (docs/tracking.md)       */
/* ------------------------------------------------------------------------ */

/**
 * A dg_events is an append-only, idempotent event log for one plan on one
 * calendar: events are JSON objects (docs/tracking.md "Events"), validated
 * against the plan when appended. Thread safety: exclusive (one thread at a
 * time, readers included, while anyone appends).
 * A dg_tracker evaluates a log under a tracking policy (dutygraph/policy@1).
 * Thread safety: immutable. A tracker answers only for logs made from the
 * same dg_plan handle.
 */
typedef struct dg_events dg_events;
typedef struct dg_tracker dg_tracker;

/** Limits against hostile input for the tracking layer, for
 *  dg_events_new_v2() and dg_tracker_new_v2(); NULL for the defaults of the
 *  _INIT macro (those of dg_events_new() and dg_tracker_new()).
 *  struct_size must cover `max_event_bytes`, else DG_INVALID_ARGUMENT;
 *  fields past struct_size keep their defaults. Exceeding a limit is
 *  DG_RESOURCE_EXHAUSTED naming it ("... more than the limit
 *  max_event_bytes (1048576)"; docs/hostile-input.md). */
typedef struct dg_tracking_limits {
  size_t struct_size;        /* sizeof(dg_tracking_limits) */
  uint64_t max_event_bytes;  /* one event's JSON text; default 1 MiB */
  uint64_t max_batch_events; /* events in one JSON Lines text; default
                                1000000 */
  uint64_t max_policy_bytes; /* a policy's JSON text; default 16 MiB */
  int32_t max_depth;         /* JSON nesting of an event or a policy, at
                                least 1; default 32 */
} dg_tracking_limits;
#define DG_TRACKING_LIMITS_INIT                                       \
  { sizeof(dg_tracking_limits), UINT64_C(1048576), UINT64_C(1000000), \
    UINT64_C(16777216), 32 }

/**
 * An empty event log for `plan` on `cal` (both may be freed afterwards).
 * @param out   receives the log; caller-owned, release with dg_events_free.
 * @param plan  the plan the events are checked against.
 * @param cal   the calendar their dates are checked on.
 * Thread safety: any thread.
 */
DG_API dg_status dg_events_new(dg_events **out, const dg_plan *plan,
                               const dg_calendar *cal) DG_NOEXCEPT;

/**
 * dg_events_new() whose appends (dg_events_append_json(),
 * dg_events_append_jsonl(), dg_events_load_store()) enforce `limits`.
 * @param out     receives the log; caller-owned, release with
 *                dg_events_free.
 * @param plan    the plan the events are checked against.
 * @param cal     the calendar their dates are checked on.
 * @param limits  NULL: DG_TRACKING_LIMITS_INIT.
 * @return DG_INVALID_ARGUMENT for a NULL handle, a bad struct_size or
 *         max_depth < 1.
 * Thread safety: any thread.
 */
DG_API dg_status dg_events_new_v2(dg_events **out, const dg_plan *plan,
                                  const dg_calendar *cal,
                                  const dg_tracking_limits *limits)
    DG_NOEXCEPT;

/** Releases an event log. NULL is a no-op. Thread safety: exclusive. */
DG_API void dg_events_free(dg_events *events) DG_NOEXCEPT;

/**
 * Appends one event (a JSON object). `appended_out` (may be NULL) is 1 when
 * it was appended, 0 when the same id with the same content was already
 * there. @return DG_INVALID_ARGUMENT naming the field, or the JSON Pointer
 * of a key given twice ("duplicate key 'id' at /id (line 1, column 12
 * (byte 11))"); DG_RESOURCE_EXHAUSTED past the log's limits
 * (dg_events_new_v2()); DG_NOT_FOUND with a did-you-mean for an unknown
 * task, unit, cadence ...; DG_ALREADY_EXISTS
 * when the id is taken by different content; DG_FAILED_PRECONDITION for
 * a date in a year the calendar does not know. Nothing changes on failure.
 * Thread safety: exclusive.
 */
DG_API dg_status dg_events_append_json(int *appended_out, dg_events *events,
                                       const char *json,
                                       size_t json_len) DG_NOEXCEPT;

/**
 * Appends JSON Lines (one event per line, blank lines skipped), all or
 * nothing; errors name the line ("events.jsonl:12 ('e17'): ...", with
 * `source_name` in front, or "line 12"). `appended_out` (may be NULL): the
 * number appended (duplicates excluded). Thread safety: exclusive.
 */
DG_API dg_status dg_events_append_jsonl(size_t *appended_out,
                                        dg_events *events, const char *text,
                                        size_t text_len,
                                        const char *source_name,
                                        size_t source_name_len) DG_NOEXCEPT;

/**
 * Appends every event of `store`, in append order, to `events` (all or
 * nothing; ids already in the log with the same content are skipped). Make
 * the log from the plan the store gives for the date of interest
 * (dg_store_plan_json()), then evaluate it with a dg_tracker.
 * @param appended_out  may be NULL; receives the number appended.
 * @param events        the log.
 * @param store         the store.
 * @return DG_FAILED_PRECONDITION naming the seq of a stored event the log's
 *         plan does not accept (one written for another plan version);
 *         DG_ALREADY_EXISTS when the log holds an id with other content.
 * Thread safety: exclusive on events; any thread on store.
 */
DG_API dg_status dg_events_load_store(size_t *appended_out, dg_events *events,
                                      dg_store *store) DG_NOEXCEPT;

/**
 * Reads a store's plan version and every stored event together, in one
 * read transaction: a plan and an event log of one moment of the store,
 * even while another connection adds plan versions and events
 * (dg_store_plan_json() then dg_events_load_store() are two reads, and a
 * writer may commit between them).
 * @param plan_out     receives the plan version as a new plan; free it with
 *                     dg_plan_free().
 * @param events_out   receives a new event log on that plan and `cal`,
 *                     holding every stored event; free it with
 *                     dg_events_free().
 * @param version_out  may be NULL; receives the plan's version number.
 * @param store        the store.
 * @param cal          the calendar the events are checked on.
 * @param as_of        0: the latest version; 1: the version in effect on
 *                     `on` (the first one's when `on` precedes it).
 * @param on           the date read when `as_of` is 1.
 * @return DG_NOT_FOUND when the store has no plan version;
 *         DG_FAILED_PRECONDITION naming the seq of a stored event the plan
 *         does not accept; DG_DATA_LOSS for a stored plan that no longer
 *         loads. On any error both handles are NULL.
 * Thread safety: any thread.
 */
DG_API dg_status dg_store_snapshot(dg_plan **plan_out, dg_events **events_out,
                                   int64_t *version_out, dg_store *store,
                                   const dg_calendar *cal, int as_of,
                                   dg_date on) DG_NOEXCEPT;

/** The number of events. Thread safety: exclusive. */
DG_API dg_status dg_events_count(size_t *count_out,
                                 const dg_events *events) DG_NOEXCEPT;

/**
 * The log as canonical JSON Lines, in append order.
 * @param out       receives the text; caller-owned, NUL-terminated, release
 *                  with dg_string_free.
 * @param size_out  receives its length in bytes (may be NULL).
 * @param events    the log.
 * Thread safety: exclusive.
 */
DG_API dg_status dg_events_to_jsonl(char **out, size_t *size_out,
                                    const dg_events *events) DG_NOEXCEPT;

/**
 * A tracker for `plan` on `cal` under the policy `policy_json`
 * (dutygraph/policy@1); NULL with length 0: the plan's own escalation
 * policies with the default light rule and ranking.
 * @param out              receives the tracker; caller-owned, release with
 *                         dg_tracker_free.
 * @param plan             the plan (may be freed afterwards).
 * @param cal              the calendar working days are counted on.
 * @param policy_json      the policy JSON text, UTF-8; (NULL, 0): the
 *                         plan's own policies.
 * @param policy_json_len  its length in bytes.
 * @return DG_INVALID_ARGUMENT naming the JSON Pointer of a bad policy value
 *         or of a key given twice; DG_RESOURCE_EXHAUSTED for a policy over
 *         16 MiB or nested deeper than 32 (dg_tracker_new_v2() sets other
 *         limits); DG_NOT_FOUND for an applies_to node or indicator the
 *         plan lacks.
 * Thread safety: any thread.
 */
DG_API dg_status dg_tracker_new(dg_tracker **out, const dg_plan *plan,
                                const dg_calendar *cal,
                                const char *policy_json,
                                size_t policy_json_len) DG_NOEXCEPT;

/**
 * dg_tracker_new() reading the policy within `limits` (max_policy_bytes,
 * max_depth).
 * @param out              receives the tracker; caller-owned, release with
 *                         dg_tracker_free.
 * @param plan             the plan (may be freed afterwards).
 * @param cal              the calendar working days are counted on.
 * @param policy_json      the policy JSON text, UTF-8; (NULL, 0): the
 *                         plan's own policies.
 * @param policy_json_len  its length in bytes.
 * @param limits           NULL: DG_TRACKING_LIMITS_INIT.
 * @return as dg_tracker_new(); DG_RESOURCE_EXHAUSTED naming the limit;
 *         DG_INVALID_ARGUMENT for a bad struct_size or max_depth < 1.
 * Thread safety: any thread.
 */
DG_API dg_status dg_tracker_new_v2(dg_tracker **out, const dg_plan *plan,
                                   const dg_calendar *cal,
                                   const char *policy_json,
                                   size_t policy_json_len,
                                   const dg_tracking_limits *limits)
    DG_NOEXCEPT;

/** Releases a tracker. NULL is a no-op. Thread safety: exclusive. */
DG_API void dg_tracker_free(dg_tracker *tracker) DG_NOEXCEPT;

/**
 * Every task's status as of `on`, with roll-ups, as JSON (docs/tracking.md
 * "JSON shapes"); `unit` (name or id, NULL/0 for all): only its tasks.
 * @param out       receives the JSON; caller-owned, NUL-terminated, release
 *                  with dg_string_free.
 * @param size_out  receives its length in bytes (may be NULL).
 * @param tracker   the tracker (its plan, calendar and policy).
 * @param events    the event log, made from the tracker's plan.
 * @param on        the as-of date.
 * @param unit      a unit's name or id, UTF-8; (NULL, 0): every task.
 * @param unit_len  its length in bytes.
 * @return DG_FAILED_PRECONDITION for a log of another plan handle or a date
 *         beyond the tracking horizon; DG_NOT_FOUND for an unknown unit.
 * Thread safety: immutable on tracker; exclusive on events.
 */
DG_API dg_status dg_status_json(char **out, size_t *size_out,
                                const dg_tracker *tracker,
                                const dg_events *events, dg_date on,
                                const char *unit, size_t unit_len) DG_NOEXCEPT;

/**
 * The escalation actions due on `on`, each explained, as JSON.
 * Thread safety: immutable on tracker; exclusive on events.
 */
DG_API dg_status dg_escalations_json(char **out, size_t *size_out,
                                     const dg_tracker *tracker,
                                     const dg_events *events,
                                     dg_date on) DG_NOEXCEPT;

/**
 * The ranking of `unit_set` (name or id) over the period of `kind` that
 * contains `day`, by `formula` (id; NULL/0: the policy's first), as JSON.
 * Thread safety: immutable on tracker; exclusive on events.
 */
DG_API dg_status dg_rank_json(char **out, size_t *size_out,
                              const dg_tracker *tracker,
                              const dg_events *events, const char *unit_set,
                              size_t unit_set_len, dg_period_kind kind,
                              dg_date day, const char *formula,
                              size_t formula_len) DG_NOEXCEPT;

/**
 * The 台账 as of `on` as CSV (序号,任务,牵头单位,配合单位,完成时限,进展,状态).
 * Thread safety: immutable on tracker; exclusive on events.
 */
DG_API dg_status dg_ledger_csv(char **out, size_t *size_out,
                               const dg_tracker *tracker,
                               const dg_events *events,
                               dg_date on) DG_NOEXCEPT;

/**
 * 谁部署、谁落实、谁检查、谁整改、谁验收 for `task` (id or path), as JSON.
 * Thread safety: immutable on tracker; exclusive on events.
 */
DG_API dg_status dg_lifecycle_json(char **out, size_t *size_out,
                                   const dg_tracker *tracker,
                                   const dg_events *events, const char *task,
                                   size_t task_len) DG_NOEXCEPT;

/* ------------------------------------------------------------------------
 * Import: an official plan document's text to plan JSON (docs/import.md)
 * ------------------------------------------------------------------------ */

/** Options of dg_import_text(). Fields past struct_size keep the defaults
 *  of DG_IMPORT_OPTIONS_INIT. */
typedef struct dg_import_options {
  size_t struct_size;  /* sizeof(dg_import_options) */
  int32_t year;        /* the plan year; 0 (default): from the document */
  const char *plan_id; /* NUL-terminated UTF-8 id of the plan; NULL
                          (default): "imported" */
  const char *known_units_json; /* a plan JSON whose units and unit sets are
                                   the known units of the jurisdiction;
                                   NULL (default): none */
  size_t known_units_json_len;  /* its length in bytes */
} dg_import_options;
#define DG_IMPORT_OPTIONS_INIT \
  { sizeof(dg_import_options), 0, NULL, NULL, 0 }

/**
 * Reads the text of a Chinese implementation plan (UTF-8; OCR noise such as
 * page markers, broken lines and stray character columns allowed) and
 * writes it as plan JSON (dutygraph/plan@1, canonical, valid: it loads with
 * dg_plan_load_json).
 * @param plan_json_out         caller-owned, NUL-terminated; release with
 *                              dg_string_free.
 * @param plan_json_size_out    its length in bytes (may be NULL).
 * @param diagnostics_json_out  may be NULL; on success a caller-owned JSON
 *        array (release with dg_string_free) of what the importer was unsure
 *        about or decided by a rule: [{"line":12,"severity":"warning",
 *        "code":"new_unit","message":"..."}]; NULL on failure.
 * @param text, text_len        the document (NULL with length 0: empty).
 * @param opts                  NULL: DG_IMPORT_OPTIONS_INIT.
 * @return DG_INVALID_ARGUMENT for NULL plan_json_out, invalid UTF-8 (with
 *         the byte offset), a text with no content, a year outside
 *         1400..9999, a bad opts->struct_size, or a known-units JSON that
 *         is not a plan (the message says which); DG_RESOURCE_EXHAUSTED for
 *         a text over 64 MiB.
 * Thread safety: any thread.
 */
DG_API dg_status dg_import_text(char **plan_json_out,
                                size_t *plan_json_size_out,
                                char **diagnostics_json_out, const char *text,
                                size_t text_len,
                                const dg_import_options *opts) DG_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* DUTYGRAPH_DG_H_ */
