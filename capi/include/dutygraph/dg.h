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
 *    DG_INVALID_ARGUMENT. Every dg_*_free accepts NULL.
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
  DG_RESOURCE_EXHAUSTED = 8,  /* out of memory, a limit exceeded */
  DG_FAILED_PRECONDITION = 9, /* e.g. a year without an official schedule */
  DG_OUT_OF_RANGE = 11,       /* a date outside the calendar's range */
  DG_INTERNAL = 13            /* a defect in dutygraph: please report it */
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

/**
 * The same calendar under another mode (cheap: tables are shared).
 * @param out  caller-owned; release with dg_calendar_free.
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

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* DUTYGRAPH_DG_H_ */
