"""dutygraph: the official China working-day calendar, reporting periods and
the responsibility graph of implementation plans.

A Pythonic layer over the dutygraph C API (libdutygraph_c). Dates are
`datetime.date` in and out; results are plain Python values; failures raise
`dutygraph.Error` subclasses carrying the C status and message.

    >>> import datetime, dutygraph
    >>> cal = dutygraph.Calendar()          # China mainland, strict mode
    >>> cal.add_working_days(datetime.date(2023, 9, 28), 1)
    datetime.date(2023, 10, 7)
    >>> cal.holiday_name(datetime.date(2023, 10, 1))
    '中秋节、国庆节'
    >>> dutygraph.Period.of(datetime.date(2023, 3, 15), '旬').label
    '2023年3月中旬'

A Plan answers who is accountable for what, as of a date:

    >>> plan = dutygraph.Plan.load('tests/data/small_plan.json')
    >>> who = plan.accountability('4/二/（一）/1', datetime.date(2023, 5, 1))
    >>> [u.unit.name for u in who.leads], who.chief_dispatchers[0].person.name
    (['市财政局'], '于新凡')

and when everything in it is due, on the official calendar:

    >>> plan = dutygraph.Plan.load('examples/hengyang-2023/plan.json')
    >>> s = plan.schedule(dutygraph.Calendar(), datetime.date(2023, 9, 21),
    ...                   datetime.date(2023, 10, 31),
    ...                   cadences=['c_dekad_briefing'])
    >>> s.occurrences[0].period.label, s.occurrences[0].due
    ('2023年9月中旬', datetime.date(2023, 9, 22))

Years without a published holiday notice are never answered silently. A
strict calendar (the default) raises FailedPreconditionError naming the
year; a provisional one (`Calendar(provisional=True)`) assumes weekends only
there, and every answer that relied on such a year issues a
`ProvisionalWarning` naming the date. Filter it, or make it an error, with
the `warnings` module:

    warnings.simplefilter('error', dutygraph.ProvisionalWarning)

Argument types are checked before anything reaches C: a date argument must be
a `datetime.date` and not a `datetime.datetime` (whose time of day and time
zone the calendar cannot honour: pass `dt.date()`), nor ISO text (parse it
with `datetime.date.fromisoformat`); counts must be `int` (not `bool`). A
wrong type raises TypeError; a well-typed but invalid value (an unknown
period kind, a count outside the 32-bit range) raises InvalidArgumentError or
OutOfRangeError, like the C library does for its own checks.

Thread safety: a Calendar or a Plan is immutable; its methods may be called
from any number of threads at once. close() must not race with calls on the
same object. Period, Day, Record and the answer dataclasses are immutable
values.
"""

from __future__ import annotations

import ctypes
import dataclasses
import datetime
import json
import operator
import os
import warnings

from . import _capi
from ._capi import lib as _lib

__all__ = [
    "Accountability",
    "AccountableUnit",
    "AlreadyExistsError",
    "AppendResult",
    "Calendar",
    "CriticalPath",
    "Deadline",
    "DueDateChange",
    "DAY_KINDS",
    "Day",
    "DataLossError",
    "Error",
    "EventLog",
    "FailedPreconditionError",
    "Holder",
    "ImportDiagnostic",
    "ImportResult",
    "InternalError",
    "InvalidArgumentError",
    "Lint",
    "NotFoundError",
    "Occurrence",
    "OutOfRangeError",
    "PERIOD_KINDS",
    "PermissionDeniedError",
    "Period",
    "PersonTask",
    "Plan",
    "PlanError",
    "PlanPublisher",
    "PlanView",
    "PostRef",
    "ProvisionalWarning",
    "RECORD_KINDS",
    "ROLES",
    "ROLL_CONVENTIONS",
    "Record",
    "Ref",
    "ResourceExhaustedError",
    "SCHEDULE_FORMATS",
    "Schedule",
    "Store",
    "TaskDue",
    "TaskRef",
    "TaskSchedule",
    "Tracker",
    "UnavailableError",
    "UnitTask",
    "ViewedTask",
    "Workload",
    "import_text",
    "library_version",
    "resolve_deadline_text",
]

__version__ = _capi._version_text(_capi.DG_VERSION_NUMBER)


def library_version() -> str:
    """The version of the loaded C library, e.g. '0.1.0'."""
    return _lib.dg_version_string().decode("ascii")


# ---------------------------------------------------------------------------
# Errors and warnings.
# ---------------------------------------------------------------------------


class Error(Exception):
    """A failure reported by dutygraph.

    Attributes:
      status: the C status code (an int, e.g. 11 for DG_OUT_OF_RANGE).
      status_name: its stable name, e.g. 'DG_OUT_OF_RANGE'.
      message: the specific message, e.g. naming the offending date or line.

    >>> try:
    ...     dutygraph.Calendar().is_working_day(datetime.date(2027, 3, 1))
    ... except dutygraph.Error as e:
    ...     print(e.status_name, '2027' in e.message)
    DG_FAILED_PRECONDITION True
    """

    def __init__(self, status: int, message: str):
        super().__init__(status, message)
        self.status = int(status)
        self.status_name = _status_name(self.status)
        self.message = message

    def __str__(self):
        return f"{self.status_name}: {self.message}"


class InvalidArgumentError(Error, ValueError):
    """DG_INVALID_ARGUMENT: malformed input (bad text, unknown name, n == 0)."""


class NotFoundError(Error, LookupError):
    """DG_NOT_FOUND: an unknown name or a file that cannot be read."""


class ResourceExhaustedError(Error):
    """DG_RESOURCE_EXHAUSTED: out of memory or a limit exceeded."""


class FailedPreconditionError(Error):
    """DG_FAILED_PRECONDITION: e.g. a year without an official schedule."""


class OutOfRangeError(Error, ValueError):
    """DG_OUT_OF_RANGE: a date outside 1950-01-01..2149-12-31, and the like."""


class InternalError(Error):
    """DG_INTERNAL: a defect in dutygraph; please report it."""


class AlreadyExistsError(Error):
    """DG_ALREADY_EXISTS: an event id already stored with different JSON."""


class PermissionDeniedError(Error):
    """DG_PERMISSION_DENIED: a store file that cannot be written."""


class UnavailableError(Error):
    """DG_UNAVAILABLE: another writer held the store too long; retry."""


class DataLossError(Error):
    """DG_DATA_LOSS: a corrupted store file."""


class ProvisionalWarning(UserWarning):
    """An answer relied on a year without a published holiday notice."""


_ERROR_CLASSES = {
    _capi.DG_INVALID_ARGUMENT: InvalidArgumentError,
    _capi.DG_NOT_FOUND: NotFoundError,
    _capi.DG_RESOURCE_EXHAUSTED: ResourceExhaustedError,
    _capi.DG_FAILED_PRECONDITION: FailedPreconditionError,
    _capi.DG_OUT_OF_RANGE: OutOfRangeError,
    _capi.DG_INTERNAL: InternalError,
    _capi.DG_ALREADY_EXISTS: AlreadyExistsError,
    _capi.DG_PERMISSION_DENIED: PermissionDeniedError,
    _capi.DG_UNAVAILABLE: UnavailableError,
    _capi.DG_DATA_LOSS: DataLossError,
}


def _status_name(status):
    name = _lib.dg_status_name(status)
    return name.decode("ascii") if name else "DG_UNKNOWN"


def _error(status, message):
    return _ERROR_CLASSES.get(status, Error)(status, message)


def _check(status):
    """Raises the Error for a failed C call."""
    if status != _capi.DG_OK:
        # Read the message first: it is valid only until the next C call.
        message = _lib.dg_last_error_message() or b""
        raise _error(status, message.decode("utf-8", errors="replace"))


# ---------------------------------------------------------------------------
# Argument conversion.
# ---------------------------------------------------------------------------

_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1


def _limits_struct(limits, where, make):
    """A dict naming some fields of a limits struct (the others keep the
    defaults `make()` gives) -> that struct, or None for None. Unknown names
    are InvalidArgumentError, values out of the field's range OutOfRangeError,
    non-ints TypeError."""
    if limits is None:
        return None
    if not isinstance(limits, dict):
        raise TypeError(f"{where} 'limits' must be a dict, not "
                        f"{type(limits).__name__}")
    options = make()
    fields = dict(type(options)._fields_[1:])
    for name, value in limits.items():
        if name not in fields:
            raise _error(_capi.DG_INVALID_ARGUMENT,
                         f"{where} 'limits': unknown limit {name!r}; "
                         f"expected {', '.join(fields)}")
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{where} 'limits'[{name!r}] must be an int")
        top = _INT32_MAX if fields[name] is ctypes.c_int32 else 2**64 - 1
        if not 0 <= value <= top:
            raise _error(_capi.DG_OUT_OF_RANGE,
                         f"{where} 'limits'[{name!r}] = {value} is out "
                         f"of range")
        setattr(options, name, value)
    return options


def _date_arg(value, where):
    """datetime.date -> dg_date; `where` names the argument in errors."""
    if isinstance(value, datetime.datetime):
        raise TypeError(f"{where} must be a datetime.date, not a "
                        f"datetime.datetime (pass value.date())")
    if not isinstance(value, datetime.date):
        hint = (" (parse ISO text with datetime.date.fromisoformat)"
                if isinstance(value, str) else "")
        raise TypeError(f"{where} must be a datetime.date, not "
                        f"{type(value).__name__}{hint}")
    return value.toordinal() - _capi.EPOCH_ORDINAL


def _to_date(value):
    return datetime.date.fromordinal(value + _capi.EPOCH_ORDINAL)


def _int32_arg(value, where):
    if isinstance(value, bool):
        raise TypeError(f"{where} must be an int, not bool")
    try:
        number = operator.index(value)
    except TypeError:
        raise TypeError(f"{where} must be an int, not "
                        f"{type(value).__name__}") from None
    if not _INT32_MIN <= number <= _INT32_MAX:
        # ctypes would silently truncate it.
        raise _error(_capi.DG_OUT_OF_RANGE,
                     f"{where} = {number} is outside the 32-bit range")
    return number


def _bool_arg(value, where):
    if not isinstance(value, bool):
        raise TypeError(f"{where} must be a bool, not {type(value).__name__}")
    return value


def _choice_arg(value, choices, what, where):
    if not isinstance(value, str):
        raise TypeError(f"{where} must be a str naming a {what}, not "
                        f"{type(value).__name__}")
    try:
        return choices[value]
    except KeyError:
        raise _error(
            _capi.DG_INVALID_ARGUMENT,
            f"{where}: unknown {what} {value!r}; expected one of "
            f"{', '.join(map(repr, choices))}") from None


def _borrowed_text(pointer, size, field):
    if not pointer or size == 0:
        return ""
    raw = ctypes.string_at(pointer, size)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _error(_capi.DG_INTERNAL,
                     f"the C library returned invalid UTF-8 in {field}: "
                     f"{error}") from None


# ---------------------------------------------------------------------------
# Names of the C enums.
# ---------------------------------------------------------------------------

#: Period kinds, in dg_period_kind order.
PERIOD_KINDS = ("dekad", "week", "half-month", "month", "quarter",
                "half-year", "year")
_PERIOD_KIND_VALUES = {name: value for value, name in enumerate(PERIOD_KINDS)}
_PERIOD_KIND_VALUES.update({
    "旬": _capi.DG_PERIOD_DEKAD,
    "周": _capi.DG_PERIOD_WEEK,
    "半月": _capi.DG_PERIOD_HALF_MONTH,
    "月": _capi.DG_PERIOD_MONTH,
    "季": _capi.DG_PERIOD_QUARTER,
    "季度": _capi.DG_PERIOD_QUARTER,
    "半年": _capi.DG_PERIOD_HALF_YEAR,
    "年": _capi.DG_PERIOD_YEAR,
})

#: Roll conventions, in dg_roll_convention order.
ROLL_CONVENTIONS = ("following", "preceding", "modified-following",
                    "modified-preceding")
_ROLL_VALUES = {name: value for value, name in enumerate(ROLL_CONVENTIONS)}

#: Day kinds, in dg_day_kind order.
DAY_KINDS = ("workday", "weekend", "holiday", "makeup-workday")


def _period_kind_arg(value, where):
    return _choice_arg(value, _PERIOD_KIND_VALUES, "period kind", where)


def _day_kind_name(value):
    if not 0 <= value < len(DAY_KINDS):
        raise _error(_capi.DG_INTERNAL,
                     f"the C library returned an unknown day kind {value}")
    return DAY_KINDS[value]


# ---------------------------------------------------------------------------
# Values.
# ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Day:
    """What a calendar knows about one day (see Calendar.day()).

    Attributes:
      date: the day.
      working: whether it is a working day.
      kind: 'workday', 'weekend', 'holiday' (declared off) or
        'makeup-workday' (a weekend declared working, 调休上班).
      name: the holiday's name ('春节'), also on its make-up days; '' if none.
      notice_title: the notice declaring the day; '' if none.
      notice_url: that notice's address; '' if none.
      provisional: the day's year has no published notice (provisional mode).
    """
    date: datetime.date
    working: bool
    kind: str
    name: str
    notice_title: str
    notice_url: str
    provisional: bool


@dataclasses.dataclass(frozen=True)
class Period:
    """A reporting period: 旬, week, half-month, month, quarter, half-year, year.

    Build one with Period.of(); `start` and `end` are both inclusive and
    `kind` is the English name (one of PERIOD_KINDS).

    >>> p = dutygraph.Period.of(datetime.date(2023, 3, 15), 'dekad')
    >>> p.start, p.end, p.label
    (datetime.date(2023, 3, 11), datetime.date(2023, 3, 20), '2023年3月中旬')
    >>> p.next().label, p.shift(-2).label
    ('2023年3月下旬', '2023年2月下旬')
    >>> datetime.date(2023, 3, 20) in p
    True
    """
    kind: str
    start: datetime.date
    end: datetime.date
    label: str

    @classmethod
    def of(cls, d: datetime.date, kind: str) -> "Period":
        """The period of `kind` containing `d`.

        `kind` is an English name ('dekad', 'week', 'half-month', 'month',
        'quarter', 'half-year', 'year') or a Chinese one (旬, 周, 半月, 月, 季,
        季度, 半年, 年). Weeks are ISO weeks (Monday–Sunday) labelled with the
        ISO week-year.
        """
        kind_value = _period_kind_arg(kind, "Period.of() argument 'kind'")
        return cls._make(kind_value,
                         _date_arg(d, "Period.of() argument 'd'"), 0)

    @classmethod
    def _make(cls, kind_value, date_value, shift):
        start, end = _capi.dg_date(), _capi.dg_date()
        _check(_lib.dg_period_of(ctypes.byref(start), ctypes.byref(end),
                                 kind_value, date_value, shift))
        label = ctypes.POINTER(ctypes.c_char)()
        size = ctypes.c_size_t()
        _check(_lib.dg_period_label(ctypes.byref(label), ctypes.byref(size),
                                    kind_value, start.value))
        try:
            text = _borrowed_text(label, size.value, "a period label")
        finally:
            _lib.dg_string_free(label)
        return cls(PERIOD_KINDS[kind_value], _to_date(start.value),
                   _to_date(end.value), text)

    def shift(self, n: int) -> "Period":
        """The period `n` steps later (n < 0: earlier), of the same kind."""
        steps = _int32_arg(n, "Period.shift() argument 'n'")
        kind_value = _period_kind_arg(self.kind, "Period.kind")
        return Period._make(
            kind_value, _date_arg(self.start, "Period.start"), steps)

    def next(self) -> "Period":
        """The following period: shift(1)."""
        return self.shift(1)

    def previous(self) -> "Period":
        """The preceding period: shift(-1)."""
        return self.shift(-1)

    @property
    def length_days(self) -> int:
        """The number of days, both ends included."""
        return (self.end - self.start).days + 1

    def __contains__(self, d):
        _date_arg(d, "the operand of 'in Period'")
        return self.start <= d <= self.end


# ---------------------------------------------------------------------------
# Calendar.
# ---------------------------------------------------------------------------


def _warn_provisional(provisional, what, stacklevel=3):
    """Warns at the caller of the public method that called this (with
    stacklevel=4: that called the helper that called this)."""
    if provisional:
        warnings.warn(
            f"{what} is provisional: it relies on a year without a published "
            f"holiday notice, where only weekends are taken as days off",
            ProvisionalWarning, stacklevel=stacklevel)


def _set_cadence_ids(options, cadences, where: str):
    """Points options.cadence_ids/cadence_id_count at `cadences` (a str or
    an iterable of ids; None leaves them unset). Returns the C array, which
    the caller must keep alive until the C call returns."""
    if cadences is None:
        return None
    ids = [cadences] if isinstance(cadences, str) else list(cadences)
    encoded = [_text_arg(i, where) for i in ids]
    for i, data in zip(ids, encoded):
        if b"\0" in data:
            raise _error(_capi.DG_INVALID_ARGUMENT,
                         f"{where}: {i!r} contains a NUL")
    keep = (ctypes.c_char_p * max(len(encoded), 1))(*encoded)
    options.cadence_ids = ctypes.cast(keep, ctypes.POINTER(ctypes.c_char_p))
    options.cadence_id_count = len(encoded)
    return keep


class _Handle:
    """What every owner of a C handle shares: `close()` (idempotent; also on
    garbage collection and at the end of a `with` block) and `_live()`,
    which refuses a closed handle. Subclasses set `_free` and `_handle`."""

    __slots__ = ()  # subclasses choose their own (Calendar has slots)

    def close(self) -> None:
        handle = getattr(self, "_handle", None)
        self._handle = None
        if handle:
            self._free(handle)

    def __del__(self):
        self.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    @property
    def closed(self) -> bool:
        return not getattr(self, "_handle", None)

    def _live(self):
        if not getattr(self, "_handle", None):
            raise ValueError(
                f"operation on a closed dutygraph.{type(self).__name__}")
        return self._handle


class Calendar(_Handle):
    """An official working-day calendar (China mainland, built in).

    Calendar() and Calendar.china_mainland() give the built-in calendar,
    2007–2026 in this release; derive_text() and derive_file() add local
    adjustments. Calendars are immutable: derivations return new ones.

    Each Calendar owns a C handle, released by close(), by leaving a `with`
    block, or when it is garbage-collected. Using a closed Calendar raises
    ValueError.

    Every day operation raises OutOfRangeError outside
    1950-01-01..2149-12-31, and, in strict mode, FailedPreconditionError
    naming the year when a day of a year without a notice is involved.

    >>> cal = dutygraph.Calendar()
    >>> cal.is_working_day(datetime.date(2023, 6, 25))   # 端午节 make-up day
    True
    >>> cal.day(datetime.date(2023, 1, 28)).kind
    'makeup-workday'
    """

    __slots__ = ("_handle", "_provisional", "__weakref__")

    # Kept on the class so __del__ works while the interpreter shuts down.
    _free = _lib.dg_calendar_free

    def __init__(self, provisional: bool = False):
        """The built-in China mainland calendar; see china_mainland()."""
        self._handle = None
        self._provisional = _bool_arg(
            provisional, "Calendar() argument 'provisional'")
        mode = (_capi.DG_CALENDAR_PROVISIONAL if provisional
                else _capi.DG_CALENDAR_STRICT)
        options = _capi.calendar_options_init(mode)
        handle = _capi.dg_calendar_p()
        _check(_lib.dg_calendar_china_mainland(ctypes.byref(handle),
                                               ctypes.byref(options)))
        self._handle = handle

    @classmethod
    def china_mainland(cls, provisional: bool = False) -> "Calendar":
        """The built-in China mainland official calendar.

        provisional=False (strict): a day of a year without a notice raises
        FailedPreconditionError. provisional=True: such days follow weekends
        only and answers issue ProvisionalWarning.
        """
        return cls(provisional)

    @classmethod
    def _adopt(cls, handle, provisional):
        calendar = cls.__new__(cls)
        calendar._handle = handle
        calendar._provisional = provisional
        return calendar

    # -- Lifetime ----------------------------------------------------------

    def close(self) -> None:
        """Releases the C handle. Idempotent."""
        handle = getattr(self, "_handle", None)
        self._handle = None
        if handle:
            self._free(handle)

    def __repr__(self):
        state = " closed" if self.closed else ""
        mode = "provisional" if self._provisional else "strict"
        return f"<dutygraph.Calendar {mode}{state}>"

    def _derived(self, function, *args, provisional=None):
        handle = _capi.dg_calendar_p()
        _check(function(ctypes.byref(handle), self._live(), *args))
        return Calendar._adopt(
            handle, self._provisional if provisional is None else provisional)

    # -- Derivation --------------------------------------------------------

    @staticmethod
    def _limits(limits, where):
        """A dict of limits (see derive_text) -> dg_calendar_derive_options
        (the others keep their defaults), or None."""
        return _limits_struct(limits, where,
                              _capi.calendar_derive_options_init)

    def derive_text(self, text: str, limits: dict = None) -> "Calendar":
        """This calendar with the adjustments in `text` applied on top.

        `text` is in the calendar file format (`notice YEAR URL TITLE`,
        `off DATE[..DATE] NAME`, `work DATE[..DATE] NAME`, `#` comments). A
        notice makes its year official. The mode is kept. A malformed line
        raises InvalidArgumentError naming the line ('<text>:3: ...').

        ResourceExhaustedError past a limit. `limits` raises or lowers them:
        a dict with any of max_bytes (default 16 MiB), max_declared_days
        (100000), max_name_bytes (1024), max_total_declared_days (1048576)
        and max_layers (64); each at least 1 (InvalidArgumentError
        otherwise). docs/hostile-input.md explains them.

        >>> local = dutygraph.Calendar().derive_text('off 2023-10-09 调休\\n')
        >>> local.is_working_day(datetime.date(2023, 10, 9))
        False
        """
        options = self._limits(limits, "Calendar.derive_text() argument")
        if not isinstance(text, str):
            raise TypeError(f"Calendar.derive_text() argument 'text' must be "
                            f"str, not {type(text).__name__}")
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as error:
            raise _error(_capi.DG_INVALID_ARGUMENT,
                         f"Calendar.derive_text() argument 'text' is not "
                         f"valid Unicode: {error}") from None
        if options is not None:
            return self._derived(_lib.dg_calendar_derive_text_v2, data,
                                 len(data), ctypes.byref(options))
        return self._derived(_lib.dg_calendar_derive_text, data, len(data))

    def derive_file(self, path, limits: dict = None) -> "Calendar":
        """As derive_text(), reading the file at `path` (str or PathLike).

        Raises NotFoundError if the file cannot be read. `limits` as in
        derive_text(); a file larger than max_bytes is refused unread.
        """
        options = self._limits(limits, "Calendar.derive_file() argument")
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"Calendar.derive_file() argument 'path' must be "
                            f"str or os.PathLike, not {type(path).__name__}")
        path = os.fspath(path)
        data = path if isinstance(path, bytes) else os.fsencode(path)
        if options is not None:
            return self._derived(_lib.dg_calendar_derive_file_v2, data,
                                 len(data), ctypes.byref(options))
        return self._derived(_lib.dg_calendar_derive_file, data, len(data))

    def with_mode(self, provisional: bool) -> "Calendar":
        """The same calendar in provisional (True) or strict (False) mode."""
        provisional = _bool_arg(
            provisional, "Calendar.with_mode() argument 'provisional'")
        mode = (_capi.DG_CALENDAR_PROVISIONAL if provisional
                else _capi.DG_CALENDAR_STRICT)
        return self._derived(_lib.dg_calendar_with_mode, mode,
                             provisional=provisional)

    @property
    def provisional(self) -> bool:
        """True in provisional mode, False in strict mode."""
        return self._provisional

    # -- Official years ----------------------------------------------------

    def is_official_year(self, year: int) -> bool:
        """Whether `year` has a published notice in this calendar."""
        year = _int32_arg(year, "Calendar.is_official_year() argument 'year'")
        official = ctypes.c_int()
        _check(_lib.dg_calendar_is_official_year(ctypes.byref(official),
                                                 self._live(), year))
        return bool(official.value)

    def official_years(self) -> list:
        """The years with a published notice, ascending.

        >>> dutygraph.Calendar().official_years()[:3]
        [2007, 2008, 2009]
        """
        handle = self._live()
        count = ctypes.c_size_t()
        _check(_lib.dg_calendar_official_years(ctypes.byref(count), None, 0,
                                               handle))
        years = (ctypes.c_int32 * count.value)()
        _check(_lib.dg_calendar_official_years(ctypes.byref(count), years,
                                               len(years), handle))
        return list(years[:min(count.value, len(years))])

    # -- Days ----------------------------------------------------------------

    def is_working_day(self, d: datetime.date) -> bool:
        """Whether `d` is a working day (make-up weekends included)."""
        value = _date_arg(d, "Calendar.is_working_day() argument 'd'")
        working, provisional = ctypes.c_int(), ctypes.c_int()
        _check(_lib.dg_calendar_is_working_day(
            ctypes.byref(working), ctypes.byref(provisional), self._live(),
            value))
        _warn_provisional(provisional.value, f"is_working_day({d})")
        return bool(working.value)

    def _day(self, value):
        info = _capi.day_info_init()
        _check(_lib.dg_calendar_day_info(ctypes.byref(info), self._live(),
                                         value))
        return Day(
            date=_to_date(info.date),
            working=bool(info.working),
            kind=_day_kind_name(info.kind),
            name=_borrowed_text(info.name, info.name_size, "a day's name"),
            notice_title=_borrowed_text(info.notice_title,
                                        info.notice_title_size,
                                        "a day's notice title"),
            notice_url=_borrowed_text(info.notice_url, info.notice_url_size,
                                      "a day's notice URL"),
            provisional=bool(info.provisional))

    def day(self, d: datetime.date) -> Day:
        """Everything the calendar knows about `d`, as a Day.

        >>> day = dutygraph.Calendar().day(datetime.date(2023, 10, 1))
        >>> day.working, day.kind, day.name
        (False, 'holiday', '中秋节、国庆节')
        """
        day = self._day(_date_arg(d, "Calendar.day() argument 'd'"))
        _warn_provisional(day.provisional, f"day({d})")
        return day

    def holiday_name(self, d: datetime.date) -> str:
        """The holiday name of `d` ('春节' on its days off and on its make-up
        working days), or '' if it has none."""
        day = self._day(_date_arg(d, "Calendar.holiday_name() argument 'd'"))
        _warn_provisional(day.provisional, f"holiday_name({d})")
        return day.name

    def days(self, start: datetime.date, end: datetime.date) -> list:
        """The Day of every date from `start` to `end`, both included.

        Raises InvalidArgumentError when end < start. Provisional days issue
        a single ProvisionalWarning naming the first and last of them.
        """
        first = _date_arg(start, "Calendar.days() argument 'start'")
        last = _date_arg(end, "Calendar.days() argument 'end'")
        if last < first:
            raise _error(_capi.DG_INVALID_ARGUMENT,
                         f"Calendar.days(): end {end} is before start {start}")
        result = [self._day(value) for value in range(first, last + 1)]
        provisional = [day.date for day in result if day.provisional]
        if provisional:
            _warn_provisional(
                True, f"days({start}, {end}) for {len(provisional)} day(s), "
                f"{provisional[0]}..{provisional[-1]},")
        return result

    # -- Working-day arithmetic ----------------------------------------------

    def _date_call(self, function, *args):
        out, provisional = _capi.dg_date(), ctypes.c_int()
        _check(function(ctypes.byref(out), ctypes.byref(provisional),
                        self._live(), *args))
        return _to_date(out.value), provisional.value

    def next_working_day(self, d: datetime.date) -> datetime.date:
        """The first working day strictly after `d`."""
        result, provisional = self._date_call(
            _lib.dg_calendar_next_working_day,
            _date_arg(d, "Calendar.next_working_day() argument 'd'"))
        _warn_provisional(provisional, f"next_working_day({d}) = {result}")
        return result

    def previous_working_day(self, d: datetime.date) -> datetime.date:
        """The last working day strictly before `d`."""
        result, provisional = self._date_call(
            _lib.dg_calendar_previous_working_day,
            _date_arg(d, "Calendar.previous_working_day() argument 'd'"))
        _warn_provisional(provisional, f"previous_working_day({d}) = {result}")
        return result

    def add_working_days(self, d: datetime.date, n: int) -> datetime.date:
        """n > 0: the n-th working day strictly after `d`; n < 0: the |n|-th
        strictly before; n == 0: `d` itself.

        >>> cal = dutygraph.Calendar()
        >>> cal.add_working_days(datetime.date(2023, 10, 7), -1)
        datetime.date(2023, 9, 28)
        """
        result, provisional = self._date_call(
            _lib.dg_calendar_add_working_days,
            _date_arg(d, "Calendar.add_working_days() argument 'd'"),
            _int32_arg(n, "Calendar.add_working_days() argument 'n'"))
        _warn_provisional(provisional,
                          f"add_working_days({d}, {n}) = {result}")
        return result

    def working_days_between(self, a: datetime.date, b: datetime.date) -> int:
        """The number of working days in (a, b]; negative when b < a.

        So working_days_between(a, add_working_days(a, n)) == n for n >= 0.
        """
        count, provisional = ctypes.c_int32(), ctypes.c_int()
        _check(_lib.dg_calendar_working_days_between(
            ctypes.byref(count), ctypes.byref(provisional), self._live(),
            _date_arg(a, "Calendar.working_days_between() argument 'a'"),
            _date_arg(b, "Calendar.working_days_between() argument 'b'")))
        _warn_provisional(provisional.value,
                          f"working_days_between({a}, {b}) = {count.value}")
        return count.value

    def roll(self, d: datetime.date,
             convention: str = "following") -> datetime.date:
        """`d` if it is a working day, else rolled by `convention`.

        'following' (the next working day), 'preceding' (the previous one),
        'modified-following' (following unless that leaves the month, then
        preceding) or 'modified-preceding' (the reverse).

        >>> dutygraph.Calendar().roll(datetime.date(2023, 9, 30),
        ...                           'modified-following')
        datetime.date(2023, 9, 28)
        """
        result, provisional = self._date_call(
            _lib.dg_calendar_roll,
            _date_arg(d, "Calendar.roll() argument 'd'"),
            _choice_arg(convention, _ROLL_VALUES, "roll convention",
                        "Calendar.roll() argument 'convention'"))
        _warn_provisional(provisional,
                          f"roll({d}, {convention!r}) = {result}")
        return result

    def _nth(self, d, kind, n, method):
        return self._date_call(
            _lib.dg_calendar_nth_working_day,
            _period_kind_arg(kind, f"Calendar.{method}() argument 'kind'"),
            _date_arg(d, f"Calendar.{method}() argument 'd'"),
            _int32_arg(n, f"Calendar.{method}() argument 'n'"))

    def nth_working_day(self, d: datetime.date, kind: str,
                        n: int) -> datetime.date:
        """The n-th working day of the period of `kind` containing `d`.

        n >= 1 counts from the period's start (1: the first working day),
        n <= -1 from its end (-1: the last). InvalidArgumentError for n == 0;
        OutOfRangeError when the period has fewer than |n| working days.

        >>> dutygraph.Calendar().nth_working_day(datetime.date(2023, 10, 15),
        ...                                      'month', 1)
        datetime.date(2023, 10, 7)
        """
        result, provisional = self._nth(d, kind, n, "nth_working_day")
        _warn_provisional(provisional,
                          f"nth_working_day({d}, {kind!r}, {n}) = {result}")
        return result

    def last_working_day(self, d: datetime.date, kind: str) -> datetime.date:
        """The last working day of the period of `kind` containing `d`."""
        result, provisional = self._nth(d, kind, -1, "last_working_day")
        _warn_provisional(provisional,
                          f"last_working_day({d}, {kind!r}) = {result}")
        return result


# ---------------------------------------------------------------------------
# Plans: the responsibility graph.
# ---------------------------------------------------------------------------


class PlanError(InvalidArgumentError):
    """A plan document that cannot be loaded (DG_INVALID_ARGUMENT).

    Attributes:
      diagnostics: every problem found, as (pointer, message) pairs: the JSON
        Pointer of the offending value ('' for the document as a whole) and
        what is wrong there.

    >>> try:
    ...     dutygraph.Plan.from_json('{"format": "dutygraph/plan@1"}')
    ... except dutygraph.PlanError as e:
    ...     print(e.diagnostics[0])
    ('', "missing required key 'plan'")
    """

    def __init__(self, status: int, message: str, diagnostics):
        super().__init__(status, message)
        self.diagnostics = list(diagnostics)


#: Roles, in dg_role order.
ROLES = ("lead", "support", "responsible", "participate")
_ROLE_VALUES = {name: value for value, name in enumerate(ROLES)}

#: Record kinds, in dg_record_kind order.
RECORD_KINDS = ("unit", "unit_set", "post", "person", "group", "task")
_RECORD_KIND_VALUES = {name: value for value, name in enumerate(RECORD_KINDS)}

_UINT32_MAX = 2**32 - 1


@dataclasses.dataclass(frozen=True)
class Record:
    """A record of a plan, found by Plan.find_*() or listed by records().

    Attributes:
      kind: one of RECORD_KINDS.
      index: its position in the plan's array of that kind.
      id: its id ('fgw').
      name: its name; the title for posts and task-tree nodes.
      path: a task-tree node's numbering ('4/二/（一）/1'); '' otherwise.
    """
    kind: str
    index: int
    id: str
    name: str
    path: str = ""


@dataclasses.dataclass(frozen=True)
class Ref:
    """A unit, group or person in an answer: its id and name."""
    id: str
    name: str


@dataclasses.dataclass(frozen=True)
class PostRef:
    """A post in an answer: its id and title."""
    id: str
    title: str


@dataclasses.dataclass(frozen=True)
class TaskRef:
    """A task-tree node in an answer: its id, path and title."""
    id: str
    path: str
    title: str


@dataclasses.dataclass(frozen=True)
class Holder:
    """A post and who held it on the asked date (None: vacant)."""
    post: PostRef
    person: "Ref | None"
    vacant: bool


@dataclasses.dataclass(frozen=True)
class AccountableUnit:
    """One unit's role on a task.

    Attributes:
      role: one of ROLES.
      unit: the unit carrying it on the date (a successor after a rename).
      via: 'direct', 'unit_set', 'group' or 'successor'.
      via_id: the id of the unit set, group or predecessor unit; None when
        direct.
      clause: the index of the clause that assigns it; None: the node itself.
      from_node: the id of the node that assigns it (the task or a parent).
      head: the unit's head post and its holder, if it has one.
      supervising: its supervising leader's post (分管领导), if any.
    """
    role: str
    unit: Ref
    via: str
    via_id: "str | None"
    clause: "int | None"
    from_node: str
    head: "Holder | None"
    supervising: "Holder | None"


@dataclasses.dataclass(frozen=True)
class Accountability:
    """Who is accountable for a task on a date (Plan.accountability()).

    `units` lists leads, then supports, responsibles and participants, in
    document order within a role; units a parent node assigns follow the
    node's own. The group is the nearest one supervising the task or a node
    above it; chief_dispatchers are the conveners of the dispatch group
    above that (总调度).
    """
    task: TaskRef
    on: datetime.date
    units: tuple
    posts: tuple
    group: "Ref | None"
    conveners: tuple
    deputy_conveners: tuple
    guiding: tuple
    office_host: "Ref | None"
    office_director: "Holder | None"
    chief_dispatchers: tuple

    def with_role(self, role: str) -> tuple:
        """The accountable units of `role` ('lead', ...)."""
        _choice_arg(role, _ROLE_VALUES, "role",
                    "Accountability.with_role() argument 'role'")
        return tuple(unit for unit in self.units if unit.role == role)

    @property
    def leads(self) -> tuple:
        """The lead units (牵头), co-leads included."""
        return self.with_role("lead")


@dataclasses.dataclass(frozen=True)
class UnitTask:
    """One task-tree node where a unit has a role (Plan.tasks_of_unit())."""
    task: TaskRef
    role: str
    via: str
    via_id: "str | None"
    clause: "int | None"


@dataclasses.dataclass(frozen=True)
class PersonTask:
    """How a person is tied to a task through a post (Plan.tasks_of_person()).

    Attributes:
      capacity: 'unit_head', 'supervising_leader', 'convener',
        'deputy_convener', 'guiding', 'office_director', 'chief_dispatcher'
        or 'assigned_post'.
      role: the unit's (or post's) role for the capacities that have one.
      unit: the unit through which, if any.
      start, end: the days of the asked range on which the person held the
        post (inclusive).
    """
    task: TaskRef
    post: PostRef
    capacity: str
    role: "str | None"
    unit: "Ref | None"
    start: datetime.date
    end: datetime.date


@dataclasses.dataclass(frozen=True)
class Workload:
    """A unit's count of task-tree nodes by role (Plan.workloads())."""
    unit: Ref
    lead: int
    support: int
    responsible: int
    participate: int
    total: int


@dataclasses.dataclass(frozen=True)
class Lint:
    """A finding of Plan.lints(): severity 'error' or 'warning', a stable
    code, the JSON Pointer of the record concerned, and a message."""
    severity: str
    code: str
    pointer: str
    message: str


# --- From the C library's JSON answers (docs/plan-queries.md) -------------


def _ref(value):
    return None if value is None else Ref(value["id"], value["name"])


def _post_ref(value):
    return PostRef(value["id"], value["title"])


def _task_ref(value):
    return TaskRef(value["id"], value["path"], value["title"])


def _holder(value):
    if value is None:
        return None
    return Holder(_post_ref(value["post"]), _ref(value["person"]),
                  value["vacant"])


def _holders(values):
    return tuple(_holder(value) for value in values)


def _accountability(value):
    return Accountability(
        task=_task_ref(value["task"]),
        on=datetime.date.fromisoformat(value["on"]),
        units=tuple(
            AccountableUnit(role=u["role"], unit=_ref(u["unit"]),
                            via=u["via"], via_id=u["via_id"],
                            clause=u["clause"], from_node=u["from_node"],
                            head=_holder(u["head"]),
                            supervising=_holder(u["supervising"]))
            for u in value["units"]),
        posts=_holders(value["posts"]),
        group=_ref(value["group"]),
        conveners=_holders(value["conveners"]),
        deputy_conveners=_holders(value["deputy_conveners"]),
        guiding=_holders(value["guiding"]),
        office_host=_ref(value["office_host"]),
        office_director=_holder(value["office_director"]),
        chief_dispatchers=_holders(value["chief_dispatchers"]))


@dataclasses.dataclass(frozen=True)
class Occurrence:
    """One occurrence of a cadence (Plan.schedule()).

    Attributes:
      due: its due date on the calendar.
      cadence: the cadence's id and name (Ref).
      kind: what is due: 'briefing', 'circular', 'summary', 'dispatch', ...
      period: the Period reported on (label '2023年9月下旬').
      group: the group it is owed by (group_lead, group_office), else None.
      member: the unit-set member it is owed by (unit_set_members), else None.
      owner_units, owner_posts: who owes it, resolved as of the due date
        (tuples of Ref and of Holder).
      recipient_units, recipient_posts: to whom.
      provisional: the due date relied on a year without a notice.
    """
    due: datetime.date
    cadence: Ref
    kind: str
    period: Period
    group: "Ref | None"
    member: "Ref | None"
    owner_units: tuple
    owner_posts: tuple
    recipient_units: tuple
    recipient_posts: tuple
    provisional: bool


@dataclasses.dataclass(frozen=True)
class TaskDue:
    """One due date of a task deadline (Plan.tasks_due(), tasks_overdue()).

    Attributes:
      due: the due date (stated dates as stated: 年底前 = 12-31, even a
        Sunday).
      task: the task.
      deadline: the index of the deadline among the task's deadlines.
      deadline_kind: 'by', 'end_of_period', 'relative' or 'recurring'.
      deadline_text: as the plan writes it ('年底前').
      period_label: recurring deadlines: the period; else ''.
      reminder: the reminder date, or None when reminders are off.
      provisional: the date relied on a year without a notice.
    """
    due: datetime.date
    task: TaskRef
    deadline: int
    deadline_kind: "str | None"
    deadline_text: "str | None"
    period_label: str
    reminder: "datetime.date | None"
    provisional: bool


@dataclasses.dataclass(frozen=True)
class Schedule:
    """Plan.schedule()'s answer: cadence occurrences and (with
    deadlines=True) task due dates, each sorted by due date."""
    occurrences: tuple
    deadlines: tuple


@dataclasses.dataclass(frozen=True)
class TaskSchedule:
    """One task's times in Plan.critical_path(): offsets in working days
    from the project's working day 0 (starts inclusive, finishes exclusive)
    and the dates they fall on (a task's finish date is its last day)."""
    task: TaskRef
    duration: int
    earliest_start: int
    earliest_finish: int
    latest_start: int
    latest_finish: int
    total_float: int
    critical: bool
    earliest_start_date: datetime.date
    earliest_finish_date: datetime.date
    latest_start_date: datetime.date
    latest_finish_date: datetime.date
    # Through a view (PlanView.critical_path()): a dependency from or to a
    # task the view does not show was not followed (nothing about it given).
    predecessor_outside_view: bool = False
    successor_outside_view: bool = False


@dataclasses.dataclass(frozen=True)
class CriticalPath:
    """Plan.critical_path()'s answer.

    Attributes:
      start_date: working day 0; duration: working days; finish_date: the
        project's last working day; latest_finish, float: see
        docs/schedules.md; provisional: a date relied on a year without a
        notice.
      critical_tasks: ids of the critical tasks (a topological order).
      critical_paths: chains of critical task ids; truncated: more exist.
      tasks: one TaskSchedule per task-tree node, in plan order.
    """
    start_date: datetime.date
    duration: int
    finish_date: datetime.date
    latest_finish: int
    float: int
    provisional: bool
    critical_tasks: tuple
    critical_paths: tuple
    truncated: bool
    tasks: tuple

    def task(self, task_id: str) -> TaskSchedule:
        """The times of the task with id `task_id` (KeyError if none)."""
        for entry in self.tasks:
            if entry.task.id == task_id:
                return entry
        raise KeyError(task_id)


@dataclasses.dataclass(frozen=True)
class Deadline:
    """A deadline text read by resolve_deadline_text().

    Attributes:
      kind: 'by', 'end_of_period', 'relative' or 'recurring'.
      text: the text read.
      date: by, end_of_period: the date; else None.
      period: end_of_period, recurring: a period kind name; else None.
      working_days, after: relative: N working days after event `after`.
      day: recurring: the day of the period (0: its last working day).
    """
    kind: str
    text: str
    date: "datetime.date | None"
    period: "str | None"
    working_days: int
    after: str
    day: int


@dataclasses.dataclass(frozen=True)
class DueDateChange:
    """A due date that a calendar change moves (Plan.due_date_changes()).

    type is 'occurrence' (cadence, group, member set as in Occurrence) or
    'deadline' (task and deadline index set); period is the period label
    ('' for a non-recurring deadline); before and after are the dates under
    the two calendars.
    """
    type: str
    cadence: "Ref | None"
    group: "Ref | None"
    member: "Ref | None"
    task: "TaskRef | None"
    deadline: "int | None"
    period: str
    before: datetime.date
    after: datetime.date


def _iso(value):
    return None if value is None else datetime.date.fromisoformat(value)


def _refs(values):
    return tuple(_ref(value) for value in values)


def _occurrence(value):
    period = value["period"]
    return Occurrence(
        due=_iso(value["due"]), cadence=_ref(value["cadence"]),
        kind=value["kind"],
        period=Period(period["kind"], _iso(period["start"]),
                      _iso(period["end"]), period["label"]),
        group=_ref(value["group"]), member=_ref(value["member"]),
        owner_units=_refs(value["owners"]["units"]),
        owner_posts=_holders(value["owners"]["posts"]),
        recipient_units=_refs(value["recipients"]["units"]),
        recipient_posts=_holders(value["recipients"]["posts"]),
        provisional=value["provisional"])


def _task_due(value):
    deadline = value["deadline"]
    return TaskDue(
        due=_iso(value["due"]), task=_task_ref(value["task"]),
        deadline=deadline["index"], deadline_kind=deadline["kind"],
        deadline_text=deadline["text"], period_label=value["period_label"],
        reminder=_iso(value["reminder"]), provisional=value["provisional"])


def _critical_path(value):
    project = value["project"]
    return CriticalPath(
        start_date=_iso(project["start_date"]),
        duration=project["duration"],
        finish_date=_iso(project["finish_date"]),
        latest_finish=project["latest_finish"], float=project["float"],
        provisional=project["provisional"],
        critical_tasks=tuple(value["critical_tasks"]),
        critical_paths=tuple(tuple(path) for path in value["critical_paths"]),
        truncated=value["critical_paths_truncated"],
        tasks=tuple(
            TaskSchedule(
                task=_task_ref(t["task"]), duration=t["duration"],
                earliest_start=t["earliest_start"],
                earliest_finish=t["earliest_finish"],
                latest_start=t["latest_start"],
                latest_finish=t["latest_finish"],
                total_float=t["total_float"], critical=t["critical"],
                earliest_start_date=_iso(t["earliest_start_date"]),
                earliest_finish_date=_iso(t["earliest_finish_date"]),
                latest_start_date=_iso(t["latest_start_date"]),
                latest_finish_date=_iso(t["latest_finish_date"]),
                predecessor_outside_view=t.get("predecessor_outside_view",
                                               False),
                successor_outside_view=t.get("successor_outside_view", False))
            for t in value["tasks"]))


def _due_date_change(value):
    return DueDateChange(
        type=value["type"], cadence=_ref(value["cadence"]),
        group=_ref(value["group"]), member=_ref(value["member"]),
        task=None if value["task"] is None else _task_ref(value["task"]),
        deadline=value["deadline"], period=value["period"],
        before=_iso(value["before"]), after=_iso(value["after"]))


#: Renderings of schedule answers: 'objects' (dataclasses) or the C
#: library's text ('json', 'csv', 'ics'; docs/schedules.md).
SCHEDULE_FORMATS = ("objects", "json", "csv", "ics")
_FORMAT_VALUES = {
    "objects": _capi.DG_FORMAT_JSON,
    "json": _capi.DG_FORMAT_JSON,
    "csv": _capi.DG_FORMAT_CSV,
    "ics": _capi.DG_FORMAT_ICS,
}


def _calendar_arg(value, where):
    if not isinstance(value, Calendar):
        raise TypeError(f"{where} must be a dutygraph.Calendar, not "
                        f"{type(value).__name__}")
    return value._live()


def resolve_deadline_text(text: str, year: int) -> Deadline:
    """Reads a deadline as a plan writes it; `year` dates the phrases that
    state none. Interpretations: docs/schedules.md ("Deadline text").

    >>> dutygraph.resolve_deadline_text('四季度前', 2023).date
    datetime.date(2023, 9, 30)

    Raises InvalidArgumentError quoting the text when it cannot be read.
    """
    data = _text_arg(text, "resolve_deadline_text() argument 'text'")
    plan_year = _int32_arg(year, "resolve_deadline_text() argument 'year'")
    value = json.loads(_owned_text(_lib.dg_resolve_deadline_text, data,
                                   len(data), plan_year,
                                   what="a resolved deadline"))
    return Deadline(kind=value["kind"], text=value["text"],
                    date=_iso(value["date"]), period=value["period"],
                    working_days=value["working_days"], after=value["after"],
                    day=value["day"])


@dataclasses.dataclass(frozen=True)
class ImportDiagnostic:
    """Something import_text() was unsure about, or a rule it applied."""
    line: int       # 1-based line of the text, 0: the whole text
    severity: str   # "warning" (check it) or "info"
    code: str       # stable key: new_unit, prefix_restored, ... (docs/import.md)
    message: str


@dataclasses.dataclass(frozen=True)
class ImportResult:
    """What import_text() read: the plan JSON and the diagnostics."""
    plan_json: str
    diagnostics: tuple

    def plan(self) -> "Plan":
        """The imported plan, loaded (it always validates)."""
        return Plan.from_json(self.plan_json)


def import_text(text: str, *, year: int = 0, plan_id: str = None,
                known_units=None) -> ImportResult:
    """Reads the text of an official implementation plan (实施方案), OCR
    noise and all, as a plan (docs/import.md).

    `year` is the plan year (0: from the document); `plan_id` the plan's id
    (default "imported"); `known_units` the jurisdiction's known units: a
    Plan, or the text of a plan JSON, whose units and unit sets names in the
    text resolve to (other names become new units, flagged as warnings).

    >>> r = dutygraph.import_text('某市2023年方案\\n1.甲。做甲。（市发改委牵头）\\n')
    >>> json.loads(r.plan_json)['tasks'][1]['assignments'][0]['as_written']
    '市发改委'

    Raises InvalidArgumentError for a text with no content, a year outside
    1400..9999 or a known-units JSON that is not a plan.
    """
    data = _text_arg(text, "import_text() argument 'text'")
    options = _capi.import_options_init()
    options.year = _int32_arg(year, "import_text() argument 'year'")
    if plan_id is not None:
        options.plan_id = _text_arg(plan_id, "import_text() argument 'plan_id'")
    if known_units is not None:
        if isinstance(known_units, Plan):
            known_units = known_units.to_json()
        known = _text_arg(known_units, "import_text() argument 'known_units'")
        options.known_units_json = known
        options.known_units_json_len = len(known)
    plan_out = ctypes.POINTER(ctypes.c_char)()
    size = ctypes.c_size_t()
    diagnostics_out = ctypes.POINTER(ctypes.c_char)()
    _check(_lib.dg_import_text(ctypes.byref(plan_out), ctypes.byref(size),
                               ctypes.byref(diagnostics_out), data, len(data),
                               ctypes.byref(options)))
    try:
        plan_json = _borrowed_text(plan_out, size.value, "the imported plan")
        raw = ctypes.string_at(diagnostics_out) if diagnostics_out else b"[]"
        diagnostics = tuple(ImportDiagnostic(**d) for d in json.loads(raw.decode("utf-8")))
    finally:
        _lib.dg_string_free(plan_out)
        _lib.dg_string_free(diagnostics_out)
    return ImportResult(plan_json=plan_json, diagnostics=diagnostics)


def _text_arg(value, where):
    """str -> UTF-8 bytes; `where` names the argument in errors."""
    if not isinstance(value, str):
        raise TypeError(f"{where} must be str, not {type(value).__name__}")
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise _error(_capi.DG_INVALID_ARGUMENT,
                     f"{where} is not valid Unicode: {error}") from None


def _owned_text(function, *args, what):
    """Calls a dg_* function returning a caller-owned string; frees it."""
    out = ctypes.POINTER(ctypes.c_char)()
    size = ctypes.c_size_t()
    _check(function(ctypes.byref(out), ctypes.byref(size), *args))
    try:
        return _borrowed_text(out, size.value, what)
    finally:
        _lib.dg_string_free(out)


class Plan(_Handle):
    """An implementation plan: the responsibility graph, as of any date.

    Load one with Plan.load(path) or Plan.from_json(text) (the format
    dutygraph/plan@1 of docs/plan-format.md); a document with problems
    raises PlanError listing every one of them with its JSON Pointer.

    Records (units, unit sets, posts, people, groups, task-tree nodes) are
    named by id or name in every method, or passed as the Record that a
    find_*() method returned, or as an int index. Answers are plain frozen
    dataclasses built from the C library's JSON (docs/plan-queries.md).

    Each Plan owns a C handle, released by close(), by leaving a `with` block,
    or when it is garbage-collected; answers already returned stay valid.

    >>> plan = dutygraph.Plan.load('tests/data/small_plan.json')
    >>> who = plan.accountability('4/二/（一）/1', datetime.date(2023, 5, 1))
    >>> who.leads[0].unit.name, who.leads[0].head.person.name
    ('市财政局', '雷高飞')

    Thread safety: a Plan is immutable; its methods may be called from any
    number of threads at once. close() must not race with calls on it.
    """

    __slots__ = ("_handle", "__weakref__")

    # Kept on the class so __del__ works while the interpreter shuts down.
    _free = _lib.dg_plan_free

    def __init__(self):
        raise TypeError("use Plan.load(path) or Plan.from_json(text)")

    @staticmethod
    def _limits(limits, where):
        """A dict of max_bytes / max_depth / max_records -> dg_load_options
        (the others keep their defaults), or None."""
        return _limits_struct(limits, where, _capi.load_options_init)

    @classmethod
    def _loaded(cls, function, data, options=None):
        handle = _capi.dg_plan_p()
        diagnostics = ctypes.POINTER(ctypes.c_char)()
        if options is None:
            status = function(ctypes.byref(handle), ctypes.byref(diagnostics),
                              data, len(data))
        else:
            status = function(ctypes.byref(handle), ctypes.byref(diagnostics),
                              data, len(data), ctypes.byref(options))
        if status != _capi.DG_OK:
            # Read the message first: it is valid only until the next C call.
            message = (_lib.dg_last_error_message() or b"").decode(
                "utf-8", errors="replace")
            try:
                listed = (json.loads(ctypes.string_at(diagnostics))
                          if diagnostics else None)
            finally:
                _lib.dg_string_free(diagnostics)
            if status == _capi.DG_INVALID_ARGUMENT and listed is not None:
                raise PlanError(status, message,
                                [(d["pointer"], d["message"])
                                 for d in listed])
            raise _error(status, message)
        plan = cls.__new__(cls)
        plan._handle = handle
        return plan

    @classmethod
    def load(cls, path, limits: dict = None) -> "Plan":
        """Loads the plan JSON file at `path` (str or os.PathLike).

        Raises NotFoundError if the file cannot be read, PlanError (with
        .diagnostics) if the document is invalid, ResourceExhaustedError past
        the size limits. `limits` raises or lowers them: a dict with any of
        max_bytes (default 256 MiB), max_depth (32), max_records (2000000).
        """
        options = cls._limits(limits, "Plan.load() argument")
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"Plan.load() argument 'path' must be str or "
                            f"os.PathLike, not {type(path).__name__}")
        path = os.fspath(path)
        data = path if isinstance(path, bytes) else os.fsencode(path)
        if options is not None:
            return cls._loaded(_lib.dg_plan_load_file_v2, data, options)
        return cls._loaded(_lib.dg_plan_load_file, data)

    @classmethod
    def from_json(cls, text, limits: dict = None) -> "Plan":
        """Loads a plan from its JSON text (str, or UTF-8 bytes).

        Raises PlanError (with .diagnostics) if the document is invalid,
        ResourceExhaustedError past a limit; `limits` as in Plan.load().
        """
        options = cls._limits(limits, "Plan.from_json() argument")
        if isinstance(text, (bytes, bytearray, memoryview)):
            data = bytes(text)
        elif isinstance(text, str):
            try:
                data = text.encode("utf-8")
            except UnicodeEncodeError as error:
                message = f"plan JSON text is not valid Unicode: {error}"
                raise PlanError(_capi.DG_INVALID_ARGUMENT, message,
                                [("", message)]) from None
        else:
            raise TypeError(f"Plan.from_json() argument 'text' must be str "
                            f"or bytes, not {type(text).__name__}")
        if options is not None:
            return cls._loaded(_lib.dg_plan_load_json_v2, data, options)
        return cls._loaded(_lib.dg_plan_load_json, data)

    # -- Lifetime ----------------------------------------------------------

    def close(self) -> None:
        """Releases the C handle. Idempotent."""
        handle = getattr(self, "_handle", None)
        self._handle = None
        if handle:
            self._free(handle)

    def __repr__(self):
        if self.closed:
            return "<dutygraph.Plan closed>"
        return (f"<dutygraph.Plan: {self._count(_capi.DG_RECORD_UNIT)} units, "
                f"{self._count(_capi.DG_RECORD_TASK)} task-tree nodes>")

    # -- Records -----------------------------------------------------------

    def to_json(self) -> str:
        """The plan's canonical JSON text: Plan.from_json() of it gives the
        same plan, and a canonical file reads back byte for byte."""
        return _owned_text(_lib.dg_plan_to_json, self._live(),
                           what="the plan JSON")

    def _count(self, kind):
        count = ctypes.c_size_t()
        _check(_lib.dg_plan_record_count(ctypes.byref(count), self._live(),
                                         kind))
        return count.value

    def _string(self, function, *args, what):
        data = ctypes.POINTER(ctypes.c_char)()
        size = ctypes.c_size_t()
        _check(function(ctypes.byref(data), ctypes.byref(size), self._live(),
                        *args))
        return _borrowed_text(data, size.value, what)

    def _record(self, kind_value, index):
        kind = RECORD_KINDS[kind_value]
        record_id = self._string(_lib.dg_plan_record_id, kind_value, index,
                                 what=f"a {kind} id")
        name = self._string(_lib.dg_plan_record_name, kind_value, index,
                            what=f"a {kind} name")
        path = (self._string(_lib.dg_plan_task_path, index, what="a path")
                if kind_value == _capi.DG_RECORD_TASK else "")
        return Record(kind, index, record_id, name, path)

    def records(self, kind: str) -> list:
        """Every record of `kind` (one of RECORD_KINDS), in plan order."""
        kind_value = _choice_arg(kind, _RECORD_KIND_VALUES, "record kind",
                                 "Plan.records() argument 'kind'")
        return [self._record(kind_value, index)
                for index in range(self._count(kind_value))]

    def _find(self, kind_value, name, method):
        data = _text_arg(name, f"Plan.{method}() argument 'name'")
        index = ctypes.c_uint32()
        _check(_lib.dg_plan_find(ctypes.byref(index), self._live(),
                                 kind_value, data, len(data)))
        return self._record(kind_value, index.value)

    def find_unit(self, name: str, on: datetime.date = None) -> Record:
        """The unit with id, name, full name or alias `name`.

        With `on`, a unit renamed or merged by then gives its successor
        (市银保监分局 on 2023-11-10 → 衡阳金融监管分局). Raises NotFoundError
        with a did-you-mean for an unknown name, InvalidArgumentError for a
        name several units share, FailedPreconditionError for a unit
        abolished by `on`.
        """
        if on is None:
            return self._find(_capi.DG_RECORD_UNIT, name, "find_unit")
        data = _text_arg(name, "Plan.find_unit() argument 'name'")
        day = _date_arg(on, "Plan.find_unit() argument 'on'")
        index = ctypes.c_uint32()
        _check(_lib.dg_plan_find_unit_as_of(ctypes.byref(index), self._live(),
                                            data, len(data), day))
        return self._record(_capi.DG_RECORD_UNIT, index.value)

    def find_task(self, id_or_path: str) -> Record:
        """The task-tree node with id or path `id_or_path`."""
        return self._find(_capi.DG_RECORD_TASK, id_or_path, "find_task")

    def find_group(self, name: str) -> Record:
        """The group with id, name or alias `name`."""
        return self._find(_capi.DG_RECORD_GROUP, name, "find_group")

    def find_unit_set(self, name: str) -> Record:
        """The unit set with id, name or alias `name`."""
        return self._find(_capi.DG_RECORD_UNIT_SET, name, "find_unit_set")

    def find_post(self, id_or_title: str) -> Record:
        """The post with id or title `id_or_title`."""
        return self._find(_capi.DG_RECORD_POST, id_or_title, "find_post")

    def find_person(self, id_or_name: str) -> Record:
        """The person with id or name `id_or_name`."""
        return self._find(_capi.DG_RECORD_PERSON, id_or_name, "find_person")

    def _index_arg(self, value, kind_value, where):
        """A record given as name, Record or index -> its index."""
        kind = RECORD_KINDS[kind_value]
        if isinstance(value, Record):
            if value.kind != kind:
                raise TypeError(f"{where} must be a {kind} Record, not a "
                                f"{value.kind} one")
            return value.index
        if isinstance(value, str):
            data = _text_arg(value, where)
            index = ctypes.c_uint32()
            _check(_lib.dg_plan_find(ctypes.byref(index), self._live(),
                                     kind_value, data, len(data)))
            return index.value
        if isinstance(value, int) and not isinstance(value, bool):
            if not 0 <= value <= _UINT32_MAX:
                raise _error(_capi.DG_OUT_OF_RANGE,
                             f"{where}: {kind} index {value} is out of range")
            return value
        raise TypeError(f"{where} must be a {kind} name (str), a Record or "
                        f"an index (int), not {type(value).__name__}")

    def resolve_unit(self, unit, on: datetime.date) -> Record:
        """The unit that carries `unit`'s duties on `on`: itself, or its
        successor after a rename or merger."""
        index = self._index_arg(unit, _capi.DG_RECORD_UNIT,
                                "Plan.resolve_unit() argument 'unit'")
        day = _date_arg(on, "Plan.resolve_unit() argument 'on'")
        out = ctypes.c_uint32()
        _check(_lib.dg_plan_resolve_unit(ctypes.byref(out), self._live(),
                                         index, day))
        return self._record(_capi.DG_RECORD_UNIT, out.value)

    def holder_of(self, post, on: datetime.date) -> "Record | None":
        """The person who held `post` on `on`, or None if it was vacant."""
        index = self._index_arg(post, _capi.DG_RECORD_POST,
                                "Plan.holder_of() argument 'post'")
        day = _date_arg(on, "Plan.holder_of() argument 'on'")
        held, person = ctypes.c_int(), ctypes.c_uint32()
        _check(_lib.dg_plan_holder_of(ctypes.byref(held),
                                      ctypes.byref(person), self._live(),
                                      index, day))
        return (self._record(_capi.DG_RECORD_PERSON, person.value)
                if held.value else None)

    # -- Questions ---------------------------------------------------------

    def _json(self, function, *args, what):
        return json.loads(_owned_text(function, self._live(), *args,
                                      what=what))

    def accountability(self, task, on: datetime.date) -> Accountability:
        """Who is accountable for `task` (id, path, Record or index) on `on`.

        >>> plan = dutygraph.Plan.load('tests/data/small_plan.json')
        >>> who = plan.accountability('t_warning', datetime.date(2023, 12, 1))
        >>> who.units[5].unit.name, who.units[5].via   # renamed on 11-10
        ('衡阳金融监管分局', 'successor')
        """
        index = self._index_arg(task, _capi.DG_RECORD_TASK,
                                "Plan.accountability() argument 'task'")
        day = _date_arg(on, "Plan.accountability() argument 'on'")
        return _accountability(self._json(
            _lib.dg_plan_accountability_json, index, day,
            what="an accountability answer"))

    def tasks_of_unit(self, unit, on: datetime.date, roles=None) -> list:
        """The task-tree nodes where `unit` has a role on `on`.

        The unit is resolved as of `on` (a renamed unit's successor answers
        for it); its roles come directly, through unit sets or groups, or from
        predecessors; ordered by node, then role. `roles` filters: None for
        all, a role name or an iterable of them (ROLES).
        """
        index = self._index_arg(unit, _capi.DG_RECORD_UNIT,
                                "Plan.tasks_of_unit() argument 'unit'")
        day = _date_arg(on, "Plan.tasks_of_unit() argument 'on'")
        mask = 0
        if roles is not None:
            for role in ((roles,) if isinstance(roles, str) else roles):
                mask |= 1 << _choice_arg(
                    role, _ROLE_VALUES, "role",
                    "Plan.tasks_of_unit() argument 'roles'")
        answer = self._json(_lib.dg_plan_tasks_of_unit_json, index, day, mask,
                            what="a unit's tasks")
        return [UnitTask(_task_ref(t["task"]), t["role"], t["via"],
                         t["via_id"], t["clause"])
                for t in answer["tasks"]]

    def tasks_of_person(self, person, start: datetime.date,
                        end: datetime.date = None) -> list:
        """The task-tree nodes `person` is tied to through the posts they
        held in [start, end] (end defaults to start: one day), by node.

        Raises InvalidArgumentError when end < start.
        """
        index = self._index_arg(person, _capi.DG_RECORD_PERSON,
                                "Plan.tasks_of_person() argument 'person'")
        first = _date_arg(start, "Plan.tasks_of_person() argument 'start'")
        last = (first if end is None else
                _date_arg(end, "Plan.tasks_of_person() argument 'end'"))
        answer = self._json(_lib.dg_plan_tasks_of_person_json, index, first,
                            last, what="a person's tasks")
        return [PersonTask(_task_ref(t["task"]), _post_ref(t["post"]),
                           t["capacity"], t["role"], _ref(t["unit"]),
                           datetime.date.fromisoformat(t["from"]),
                           datetime.date.fromisoformat(t["to"]))
                for t in answer["tasks"]]

    def workloads(self, on: datetime.date) -> list:
        """Each unit with a role on `on`, with its counts by role and its
        total of distinct task-tree nodes, in plan order."""
        day = _date_arg(on, "Plan.workloads() argument 'on'")
        answer = self._json(_lib.dg_plan_workloads_json, day,
                            what="the workloads")
        return [Workload(_ref(w["unit"]), w["lead"], w["support"],
                         w["responsible"], w["participate"], w["total"])
                for w in answer["workloads"]]

    def raci_csv(self, on: datetime.date) -> str:
        """The tasks × units matrix on `on` as CSV: id,path,title and a column
        per unit; cells L, S, R, P (several joined by '+')."""
        day = _date_arg(on, "Plan.raci_csv() argument 'on'")
        return _owned_text(_lib.dg_plan_raci_csv, self._live(), day,
                           what="the RACI CSV")

    def lints(self, on: datetime.date) -> list:
        """The plan's findings on `on` (task_without_lead, no_single_lead,
        lead_and_support, vague_set, vacant_post, ambiguous_name), errors
        first."""
        day = _date_arg(on, "Plan.lints() argument 'on'")
        return [Lint(l["severity"], l["code"], l["pointer"], l["message"])
                for l in self._json(_lib.dg_plan_lints_json, day,
                                    what="the lints")]

    def view(self, *, unit=None, post=None, on: datetime.date) -> "PlanView":
        """The plan as `unit` or `post` sees it on `on` (exactly one of
        them): see PlanView and docs/scoped-views.md."""
        day = _date_arg(on, "Plan.view() argument 'on'")
        if (unit is None) == (post is None):
            raise TypeError("Plan.view() needs exactly one of 'unit' and "
                            "'post'")
        handle = _capi.dg_view_p()
        if unit is not None:
            index = self._index_arg(unit, _capi.DG_RECORD_UNIT,
                                    "Plan.view() argument 'unit'")
            _check(_lib.dg_view_new_for_unit(ctypes.byref(handle),
                                             self._live(), index, day))
        else:
            index = self._index_arg(post, _capi.DG_RECORD_POST,
                                    "Plan.view() argument 'post'")
            _check(_lib.dg_view_new_for_post(ctypes.byref(handle),
                                             self._live(), index, day))
        view = PlanView.__new__(PlanView)
        view._handle = handle
        view._plan = self
        view._on = on
        return view

    # -- Schedules ---------------------------------------------------------

    def _schedule_options(self, method, unit, format, reminder_days,
                          cadences=None, deadlines=False, owner="Plan"):
        """The dg_schedule_options for a schedule method, and the format."""
        where = f"{owner}.{method}() argument"
        format_value = _choice_arg(format, _FORMAT_VALUES, "format",
                                   f"{where} 'format'")
        options = _capi.schedule_options_init()
        options.format = format_value
        if unit is not None:
            options.has_unit = 1
            options.unit = self._index_arg(unit, _capi.DG_RECORD_UNIT,
                                           f"{where} 'unit'")
        options.include_deadlines = int(_bool_arg(deadlines,
                                                  f"{where} 'deadlines'"))
        options.reminder_working_days = _int32_arg(
            reminder_days, f"{where} 'reminder_days'")
        keep = _set_cadence_ids(options, cadences, f"{where} 'cadences'")
        # `keep` owns the id array: it must outlive the C call.
        return options, keep

    def schedule(self, calendar: Calendar, start: datetime.date,
                 end: datetime.date, unit=None, cadences=None,
                 deadlines: bool = False, format: str = "objects",
                 reminder_days: int = 3):
        """The cadence occurrences due in [start, end] on `calendar`.

        unit: only what that unit (name, Record or index) owns, resolved as
        of each due date. cadences: only these cadence ids (a str or an
        iterable); an unknown id raises NotFoundError. deadlines: also the
        tasks' due dates in the range (with reminders `reminder_days`
        working days before; 0: none).

        format 'objects' returns a Schedule of Occurrence and TaskDue
        dataclasses; 'json', 'csv' and 'ics' the C library's text
        (docs/schedules.md; 'csv' cannot carry deadlines:
        InvalidArgumentError). A strict calendar raises
        FailedPreconditionError naming a year without a notice; a
        provisional one issues ProvisionalWarning (objects only: the text
        formats carry the flag themselves).
        """
        cal = _calendar_arg(calendar, "Plan.schedule() argument 'calendar'")
        first = _date_arg(start, "Plan.schedule() argument 'start'")
        last = _date_arg(end, "Plan.schedule() argument 'end'")
        options, keep = self._schedule_options(
            "schedule", unit, format, reminder_days, cadences, deadlines)
        text = _owned_text(_lib.dg_plan_schedule, self._live(), cal, first,
                           last, ctypes.byref(options), what="a schedule")
        del keep
        return self._schedule_answer(text, format)

    @staticmethod
    def _schedule_answer(text, format):
        """A schedule's text -> Schedule (format 'objects', warning when a
        due date is provisional), or the text itself."""
        if format != "objects":
            return text
        value = json.loads(text)
        answer = Schedule(
            tuple(_occurrence(o) for o in value["occurrences"]),
            tuple(_task_due(d) for d in value["deadlines"]))
        first_provisional = next(
            (item.due for item in answer.occurrences + answer.deadlines
             if item.provisional), None)
        _warn_provisional(first_provisional is not None,
                          f"the due date {first_provisional}", stacklevel=4)
        return answer

    def _dues(self, text, format):
        if format != "objects":
            return text
        dues = [_task_due(d) for d in json.loads(text)]
        first_provisional = next((d.due for d in dues if d.provisional), None)
        _warn_provisional(first_provisional is not None,
                          f"the due date {first_provisional}", stacklevel=4)
        return dues

    def tasks_due(self, calendar: Calendar, start: datetime.date,
                  end: datetime.date, unit=None, format: str = "objects",
                  reminder_days: int = 3):
        """The tasks' due dates in [start, end], by date, task, deadline.

        unit: only the tasks where that unit has a role (as of each due
        date). Returns a list of TaskDue, or the 'json'/'csv'/'ics' text.
        Relative deadlines count from the plan's issue date.
        """
        cal = _calendar_arg(calendar, "Plan.tasks_due() argument 'calendar'")
        first = _date_arg(start, "Plan.tasks_due() argument 'start'")
        last = _date_arg(end, "Plan.tasks_due() argument 'end'")
        options, _ = self._schedule_options("tasks_due", unit, format,
                                            reminder_days)
        return self._dues(
            _owned_text(_lib.dg_plan_tasks_due, self._live(), cal, first,
                        last, ctypes.byref(options), what="task due dates"),
            format)

    def tasks_overdue(self, calendar: Calendar, on: datetime.date,
                      unit=None, format: str = "objects",
                      reminder_days: int = 3):
        """The due dates that have passed by `on` (from the plan's issue
        date to the day before `on`; no completion tracking yet). As
        tasks_due() otherwise; InvalidArgumentError unless `on` is after the
        issue date."""
        cal = _calendar_arg(calendar,
                            "Plan.tasks_overdue() argument 'calendar'")
        day = _date_arg(on, "Plan.tasks_overdue() argument 'on'")
        options, _ = self._schedule_options("tasks_overdue", unit, format,
                                            reminder_days)
        return self._dues(
            _owned_text(_lib.dg_plan_tasks_overdue, self._live(), cal, day,
                        ctypes.byref(options), what="overdue task dates"),
            format)

    def critical_path(self, calendar: Calendar, start: datetime.date,
                      durations=None) -> CriticalPath:
        """The critical path of the plan's dependencies from `start`.

        durations: {task: working days} (task by id, path, Record or
        index); tasks not given take the plan's duration_working_days
        (absent: a 0-day milestone). Raises
        InvalidArgumentError for a negative duration (naming the task).

        >>> plan = dutygraph.Plan.load('tests/data/small_plan.json')
        >>> cp = plan.critical_path(dutygraph.Calendar(),
        ...     datetime.date(2023, 9, 28), {'t_hidden_debt': 2,
        ...                                  't_warning': 3})
        >>> cp.finish_date, cp.critical_tasks
        (datetime.date(2023, 10, 10), ('t_hidden_debt', 't_warning'))
        """
        cal = _calendar_arg(calendar,
                            "Plan.critical_path() argument 'calendar'")
        day = _date_arg(start, "Plan.critical_path() argument 'start'")
        array, count = self._durations_array(
            durations, "Plan.critical_path() argument",
            lambda task, where: self._index_arg(task, _capi.DG_RECORD_TASK,
                                                where))
        answer = _critical_path(json.loads(_owned_text(
            _lib.dg_plan_critical_path, self._live(), cal, day, array, count,
            what="a critical path")))
        _warn_provisional(answer.provisional, "the critical path")
        return answer

    def _durations_array(self, durations, where, index_of):
        """{task: working days} -> (int32 array by task index, count) for
        the C critical-path calls; `index_of(task, where)` finds a key's
        task index. The C array has no "not given" value, so the tasks
        below the highest index given that the dict leaves out get the
        plan's own duration_working_days (absent: 0), as the docs promise."""
        if durations is None:
            durations = {}
        if not isinstance(durations, dict):
            raise TypeError(f"{where} 'durations' must be a dict of task -> "
                            f"working days, not {type(durations).__name__}")
        by_index = {}
        for task, days in durations.items():
            index = index_of(task, f"{where} 'durations' key")
            by_index[index] = _int32_arg(days,
                                         f"{where} 'durations'[{task!r}]")
        count = max(by_index) + 1 if by_index else 0
        array = (ctypes.c_int32 * max(count, 1))()
        if len(by_index) < count:
            tasks = json.loads(self.to_json())["tasks"]
            for index in range(count):
                array[index] = tasks[index].get("duration_working_days", 0)
        for index, days in by_index.items():
            array[index] = days
        return array, count

    def due_date_changes(self, before: Calendar, after: Calendar,
                         start: datetime.date, end: datetime.date) -> list:
        """Every cadence occurrence and task due date in [start, end] whose
        date differs between calendar `before` and calendar `after` (e.g.
        the built-in one and one derived with a local day off), as
        DueDateChange values sorted by the earlier date."""
        first_cal = _calendar_arg(
            before, "Plan.due_date_changes() argument 'before'")
        second_cal = _calendar_arg(
            after, "Plan.due_date_changes() argument 'after'")
        first = _date_arg(start, "Plan.due_date_changes() argument 'start'")
        last = _date_arg(end, "Plan.due_date_changes() argument 'end'")
        value = json.loads(_owned_text(
            _lib.dg_plan_due_date_changes, self._live(), first_cal,
            second_cal, first, last, what="due date changes"))
        return [_due_date_change(c) for c in value["changes"]]

    # -- Pictures ----------------------------------------------------------

    def graph_dot(self, task=None, unit=None, group=None,
                  on: datetime.date = None, depth: int = 1,
                  legend: bool = True) -> str:
        """The responsibility graph around one task, unit or group (each a
        name, Record or index; none: the whole plan) as Graphviz DOT text:
        tasks, units, groups and posts with who held them on `on` (default:
        the plan's issue date), edges coloured by role; `depth` steps from
        the node (0..16). Render it with Graphviz, e.g.
        ``subprocess.run(["dot", "-Tsvg"], input=dot.encode(), ...)``.

        >>> plan = dutygraph.Plan.load('tests/data/small_plan.json')
        >>> 'digraph' in plan.graph_dot(task='4/二/（一）/1')
        True
        """
        where = "Plan.graph_dot() argument"
        given = [(name, value) for name, value in
                 (("task", task), ("unit", unit), ("group", group))
                 if value is not None]
        if len(given) > 1:
            raise TypeError(f"Plan.graph_dot() takes at most one of task, "
                            f"unit and group, not "
                            f"{' and '.join(n for n, _ in given)}")
        options = _capi.graph_options_init()
        if given:
            name, value = given[0]
            kind, focus = {
                "task": (_capi.DG_RECORD_TASK, _capi.DG_GRAPH_FOCUS_TASK),
                "unit": (_capi.DG_RECORD_UNIT, _capi.DG_GRAPH_FOCUS_UNIT),
                "group": (_capi.DG_RECORD_GROUP, _capi.DG_GRAPH_FOCUS_GROUP),
            }[name]
            options.focus_kind = focus
            options.focus = self._index_arg(value, kind, f"{where} '{name}'")
        if on is not None:
            options.has_on = 1
            options.on = _date_arg(on, f"{where} 'on'")
        options.depth = _int32_arg(depth, f"{where} 'depth'")
        options.legend = int(_bool_arg(legend, f"{where} 'legend'"))
        return _owned_text(_lib.dg_plan_graph_dot, self._live(),
                           ctypes.byref(options), what="a graph")

    def gantt_svg(self, calendar: Calendar, start: datetime.date,
                  end: datetime.date, unit=None, project_start=None,
                  cadences=None, show_cadences: bool = True,
                  reminder_days: int = 3) -> str:
        """A Gantt-style SVG of [start, end] on `calendar`: a row per task
        with a due date in the range or scheduled by the critical path (from
        `project_start`, default the plan's issue date; the critical tasks
        in red), a row per cadence with a mark at each due date.

        unit: only that unit's tasks and occurrences. cadences: only these
        cadence ids (a str or an iterable).
        """
        return self._gantt(_lib.dg_plan_gantt_svg, self, "Plan", calendar,
                           start, end, unit, project_start, cadences,
                           show_cadences, reminder_days)

    def _gantt(self, function, handle_owner, owner, calendar, start, end,
               unit, project_start, cadences, show_cadences, reminder_days):
        """gantt_svg() of a Plan or a PlanView (`function` takes the
        handle of `handle_owner`)."""
        where = f"{owner}.gantt_svg() argument"
        cal = _calendar_arg(calendar, f"{where} 'calendar'")
        first = _date_arg(start, f"{where} 'start'")
        last = _date_arg(end, f"{where} 'end'")
        options = _capi.gantt_options_init()
        if unit is not None:
            options.has_unit = 1
            options.unit = self._index_arg(unit, _capi.DG_RECORD_UNIT,
                                           f"{where} 'unit'")
        if project_start is not None:
            options.has_start = 1
            options.start = _date_arg(project_start,
                                      f"{where} 'project_start'")
        options.show_cadences = int(_bool_arg(show_cadences,
                                              f"{where} 'show_cadences'"))
        options.reminder_working_days = _int32_arg(
            reminder_days, f"{where} 'reminder_days'")
        keep = _set_cadence_ids(options, cadences, f"{where} 'cadences'")
        text = _owned_text(function, handle_owner._live(), cal, first,
                           last, ctypes.byref(options), what="a Gantt chart")
        del keep  # the id array had to outlive the C call
        return text

# ---------------------------------------------------------------------------
# The store: plan versions and the event log in one SQLite file.
# ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class AppendResult:
    """What an append did: `appended` new events, `unchanged` ids already
    stored with the same JSON (no-ops)."""

    appended: int
    unchanged: int


def _event_line(event, where):
    """An event (dict, or one line of JSON text) -> its JSON text."""
    if isinstance(event, dict):
        return json.dumps(event, ensure_ascii=False, separators=(",", ":"))
    if isinstance(event, str):
        return event
    raise TypeError(f"{where} must be a dict or a str of JSON, not "
                    f"{type(event).__name__}")


class Store(_Handle):
    """A dutygraph store file (docs/store.md): plan versions and the event
    log, durable across crashes (a call that returned has been fsync'ed).

    Store(path) opens or creates the file; read_only=True only reads (and
    never creates); create=False refuses a missing file (NotFoundError).
    A file that is not a dutygraph store raises FailedPreconditionError, a
    corrupted one DataLossError.

    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), 'plan.db')
    >>> with dutygraph.Store(path) as store:
    ...     store.init(dutygraph.Plan.load('tests/data/small_plan.json'),
    ...                datetime.date(2023, 3, 3))
    ...     store.append([{"id": "e1", "kind": "assigned",
    ...                    "date": "2023-03-06", "task": "t_warning"}])
    ...     store.events(task="t_warning")[0]["kind"]
    1
    AppendResult(appended=1, unchanged=0)
    'assigned'

    Thread safety: calls on one Store are serialised inside the library, so
    it may be shared by threads; several Stores (threads or processes) may
    open one file. close() must not race with calls on it.
    """

    __slots__ = ("_handle", "__weakref__")

    _free = _lib.dg_store_free

    def __init__(self, path, *, read_only: bool = False, create: bool = True,
                 busy_timeout_ms: int = 5000, check_integrity: bool = True,
                 max_page_count: int = 0):
        self._handle = None
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"Store() argument 'path' must be str or "
                            f"os.PathLike, not {type(path).__name__}")
        path = os.fspath(path)
        data = path if isinstance(path, bytes) else os.fsencode(path)
        options = _capi.store_options_init()
        options.read_only = 1 if read_only else 0
        options.create_if_missing = 1 if create else 0
        options.busy_timeout_ms = _int32_arg(
            busy_timeout_ms, "Store() argument 'busy_timeout_ms'")
        options.check_integrity = 1 if check_integrity else 0
        if not isinstance(max_page_count, int) or max_page_count < 0:
            raise ValueError("Store() argument 'max_page_count' must be an "
                             "int >= 0")
        options.max_page_count = max_page_count
        handle = _capi.dg_store_p()
        _check(_lib.dg_store_open(ctypes.byref(handle), data, len(data),
                                  ctypes.byref(options)))
        self._handle = handle

    # -- Lifetime ----------------------------------------------------------

    def close(self) -> None:
        """Closes the store. Idempotent. Nothing is lost: every call that
        returned was already committed."""
        handle = getattr(self, "_handle", None)
        self._handle = None
        if handle:
            self._free(handle)

    def __repr__(self):
        if self.closed:
            return "<dutygraph.Store closed>"
        info = self.info()
        return (f"<dutygraph.Store {info['path']!r}: "
                f"{info['plan_versions']} plan versions, "
                f"{info['event_count']} events>")

    # -- Plan versions -----------------------------------------------------

    @staticmethod
    def _plan_text(plan, where):
        if isinstance(plan, Plan):
            return plan.to_json().encode("utf-8")
        return _text_arg(plan, where)

    def init(self, plan, effective: datetime.date) -> int:
        """Stores the first plan version (JSON text or a Plan), effective
        from `effective`; returns 1. An invalid plan raises
        InvalidArgumentError listing its problems; an initialised store
        FailedPreconditionError."""
        data = self._plan_text(plan, "Store.init() argument 'plan'")
        day = _date_arg(effective, "Store.init() argument 'effective'")
        version = ctypes.c_int64()
        _check(_lib.dg_store_init(ctypes.byref(version), self._live(), data,
                                  len(data), day))
        return version.value

    def add_plan(self, plan, effective: datetime.date) -> int:
        """Stores the next plan version; returns its number. The same plan
        and date as the latest version store nothing and return it."""
        data = self._plan_text(plan, "Store.add_plan() argument 'plan'")
        day = _date_arg(effective, "Store.add_plan() argument 'effective'")
        version = ctypes.c_int64()
        _check(_lib.dg_store_add_plan(ctypes.byref(version), self._live(),
                                      data, len(data), day))
        return version.value

    def plan_json(self, on: datetime.date = None) -> tuple:
        """(version, canonical plan JSON) of the latest version, or of the
        version in effect on `on`. NotFoundError if there is none."""
        day = 0 if on is None else _date_arg(
            on, "Store.plan_json() argument 'on'")
        out = ctypes.POINTER(ctypes.c_char)()
        size = ctypes.c_size_t()
        version = ctypes.c_int64()
        _check(_lib.dg_store_plan_json(
            ctypes.byref(out), ctypes.byref(size), ctypes.byref(version),
            self._live(), 0 if on is None else 1, day))
        try:
            return version.value, _borrowed_text(out, size.value,
                                                 "the plan JSON")
        finally:
            _lib.dg_string_free(out)

    def plan(self, on: datetime.date = None) -> Plan:
        """The latest plan version (or the one in effect on `on`), loaded."""
        return Plan.from_json(self.plan_json(on)[1])

    def snapshot(self, on: datetime.date = None,
                 calendar: "Calendar" = None) -> tuple:
        """(version, Plan, EventLog): the plan version in effect on `on`
        (the latest without it; the first one's when `on` precedes it) and
        every stored event on `calendar` (default: the built-in one), read
        in one read transaction: one moment of the store, even while
        another connection adds versions and events. NotFoundError when
        the store has no plan version."""
        day = 0 if on is None else _date_arg(
            on, "Store.snapshot() argument 'on'")
        cal = Calendar() if calendar is None else calendar
        plan_handle = _capi.dg_plan_p()
        events_handle = _capi.dg_events_p()
        version = ctypes.c_int64()
        _check(_lib.dg_store_snapshot(
            ctypes.byref(plan_handle), ctypes.byref(events_handle),
            ctypes.byref(version), self._live(),
            _calendar_arg(cal, "Store.snapshot() argument 'calendar'"),
            0 if on is None else 1, day))
        plan = Plan.__new__(Plan)
        plan._handle = plan_handle
        log = EventLog.__new__(EventLog)
        log._handle = events_handle
        log._plan = plan
        log._calendar = cal
        return version.value, plan, log

    # -- Events ------------------------------------------------------------

    def append(self, events, *, plan: "Plan" = None,
               calendar: "Calendar" = None) -> AppendResult:
        """Appends events (each a dict or one line of JSON text) in one
        transaction: all or nothing. Each is first checked by the tracking
        layer against the store's plan (the version in effect on the
        batch's latest date; or `plan`) on the built-in calendar (or
        `calendar`) together with the events already stored, then stored as
        its canonical JSON, so the store never holds an event a Tracker
        would reject. Raises InvalidArgumentError naming the line (1-based
        position) and field of a bad event, NotFoundError with a
        did-you-mean for an unknown task or unit, AlreadyExistsError for an
        id stored with different content."""
        if isinstance(events, (str, bytes, dict)):
            raise TypeError("Store.append() takes a list of events; use "
                            "append_jsonl() for JSON Lines text")
        lines = [_event_line(e, f"Store.append() event {i}")
                 for i, e in enumerate(events)]
        for i, line in enumerate(lines):
            if "\n" in line or "\r" in line or not line.strip():
                # Keep the 1-based line numbers of errors equal to positions.
                raise _error(_capi.DG_INVALID_ARGUMENT,
                             f"line {i + 1}: an event is one non-empty line "
                             f"of JSON")
        return self.append_jsonl("\n".join(lines), plan=plan,
                                 calendar=calendar)

    def append_jsonl(self, text, *, plan: "Plan" = None,
                     calendar: "Calendar" = None) -> AppendResult:
        """Appends the events of a JSON Lines text (str or UTF-8 bytes),
        checked as append() checks them."""
        if isinstance(text, (bytes, bytearray, memoryview)):
            data = bytes(text)
        else:
            data = _text_arg(text, "Store.append_jsonl() argument 'text'")
        appended = ctypes.c_size_t()
        unchanged = ctypes.c_size_t()
        if plan is None and calendar is None:
            _check(_lib.dg_store_append_jsonl(
                ctypes.byref(appended), ctypes.byref(unchanged), self._live(),
                data, len(data)))
        else:
            plan_handle = None if plan is None else _plan_arg(
                plan, "Store.append() argument 'plan'")
            cal_handle = None if calendar is None else _calendar_arg(
                calendar, "Store.append() argument 'calendar'")
            _check(_lib.dg_store_append_events(
                ctypes.byref(appended), ctypes.byref(unchanged), self._live(),
                plan_handle, cal_handle, data, len(data)))
        return AppendResult(appended.value, unchanged.value)

    def events_jsonl(self, *, after_seq: int = 0, limit: int = None,
                     task: str = None) -> str:
        """Events in append order as JSON Lines (each exactly as appended):
        after sequence number `after_seq`, at most `limit`, only `task`'s."""
        if not isinstance(after_seq, int) or after_seq < 0:
            raise ValueError("Store.events() argument 'after_seq' must be an "
                             "int >= 0")
        if limit is None:
            count = ctypes.c_size_t(-1).value  # SIZE_MAX: all
        elif isinstance(limit, int) and limit >= 0:
            count = limit
        else:
            raise ValueError("Store.events() argument 'limit' must be None "
                             "or an int >= 0")
        task_data = b"" if task is None else _text_arg(
            task, "Store.events() argument 'task'")
        out = ctypes.POINTER(ctypes.c_char)()
        size = ctypes.c_size_t()
        _check(_lib.dg_store_read_events(
            ctypes.byref(out), ctypes.byref(size), None, self._live(),
            after_seq, count, task_data, len(task_data)))
        try:
            return _borrowed_text(out, size.value, "the events")
        finally:
            _lib.dg_string_free(out)

    def events(self, *, after_seq: int = 0, limit: int = None,
               task: str = None) -> list:
        """As events_jsonl(), each event parsed into a dict."""
        text = self.events_jsonl(after_seq=after_seq, limit=limit, task=task)
        return [json.loads(line) for line in text.splitlines()]

    def event_count(self) -> int:
        count = ctypes.c_int64()
        _check(_lib.dg_store_event_count(ctypes.byref(count), self._live()))
        return count.value

    def __len__(self) -> int:
        return self.event_count()

    def info(self) -> dict:
        """{'path', 'schema_version', 'read_only', 'plan_versions',
        'latest_plan': {'version', 'effective', 'digest'} or None,
        'event_count', 'last_seq', 'file_bytes'}."""
        return json.loads(_owned_text(_lib.dg_store_info_json, self._live(),
                                      what="the store info"))

    def check_integrity(self) -> None:
        """PRAGMA integrity_check; raises DataLossError if it fails."""
        _check(_lib.dg_store_check_integrity(self._live()))


@dataclasses.dataclass(frozen=True)
class ViewedTask:
    """A task-tree node a view sees, and why: reasons among 'role',
    'public', 'supervision', 'assigned_post'."""
    index: int
    task: TaskRef
    reasons: tuple


class PlanView(_Handle):
    """A plan scoped to one viewer (a unit or a post) as of a date.

    Made by Plan.view(unit=... or post=..., on=...). It sees the task-tree
    nodes where the viewer has a role (directly, through unit sets or groups,
    from a predecessor or a node above), for a post also those of its units
    and groups, the groups it belongs to, and the nodes the plan marks
    public. Every query answers as of the view's date and only about those
    nodes: a node outside the view raises NotFoundError exactly as one that
    does not exist would, and lists leave hidden nodes out
    (docs/scoped-views.md).

    Tasks are named by id or path (looked up among visible nodes only), by
    a ViewedTask, or by index. Units and people are named as in Plan.

    >>> plan = dutygraph.Plan.load('tests/data/small_plan.json')
    >>> view = plan.view(unit='市金融办', on=datetime.date(2023, 6, 1))
    >>> [t.task.id for t in view.tasks()]
    ['t_warning']

    Thread safety: immutable; any number of threads may query one. The view
    keeps its plan alive.
    """

    __slots__ = ("_handle", "_plan", "_on", "__weakref__")
    _free = _lib.dg_view_free

    def __init__(self):
        raise TypeError("use Plan.view(unit=... or post=..., on=...)")

    def close(self) -> None:
        """Releases the C handle. Idempotent."""
        handle = getattr(self, "_handle", None)
        self._handle = None
        if handle:
            self._free(handle)

    def _json(self, function, *args, what):
        return json.loads(_owned_text(function, self._live(), *args,
                                      what=what))

    @property
    def on(self) -> datetime.date:
        return self._on

    def _summary(self):
        return self._json(_lib.dg_view_json, what="a view")

    @property
    def viewer(self) -> str:
        """'unit czj (市财政局)' or 'post fgw.director (市发改委主任)'."""
        return self._summary()["viewer"]

    def tasks(self) -> list:
        """The visible task-tree nodes, in plan order (ViewedTask)."""
        return [ViewedTask(t["index"], TaskRef(t["id"], t["path"], t["title"]),
                           tuple(t["reasons"]))
                for t in self._summary()["tasks"]]

    def groups(self) -> list:
        """The groups the viewer belongs to (Ref), in plan order."""
        return [Ref(g["id"], g["name"]) for g in self._summary()["groups"]]

    def find_task(self, id_or_path: str) -> int:
        """The index of a visible node; NotFoundError otherwise."""
        data = _text_arg(id_or_path, "PlanView.find_task() argument "
                                     "'id_or_path'")
        index = ctypes.c_uint32()
        _check(_lib.dg_view_find_task(ctypes.byref(index), self._live(), data,
                                      len(data)))
        return index.value

    def _task_arg(self, task, where):
        if isinstance(task, ViewedTask):
            return task.index
        if isinstance(task, str):
            return self.find_task(task)
        if isinstance(task, int) and not isinstance(task, bool):
            if not 0 <= task <= _UINT32_MAX:
                # The same answer as for a hidden node: nothing leaks.
                raise _error(_capi.DG_NOT_FOUND,
                             f"task index {task} is not in this view")
            return task
        raise TypeError(f"{where} must be a task id or path (str), a "
                        f"ViewedTask or an index (int), not "
                        f"{type(task).__name__}")

    def accountability(self, task) -> Accountability:
        """Who is accountable for a visible node on the view's date."""
        index = self._task_arg(task, "PlanView.accountability() argument "
                                     "'task'")
        return _accountability(self._json(
            _lib.dg_view_accountability_json, index,
            what="an accountability answer"))

    def tasks_of_unit(self, unit, roles=None) -> list:
        """Plan.tasks_of_unit() restricted to the visible nodes."""
        where = "PlanView.tasks_of_unit() argument"
        index = self._plan._index_arg(unit, _capi.DG_RECORD_UNIT,
                                      f"{where} 'unit'")
        mask = 0
        if roles is not None:
            for role in ((roles,) if isinstance(roles, str) else roles):
                mask |= 1 << _choice_arg(role, _ROLE_VALUES, "role",
                                         f"{where} 'roles'")
        answer = self._json(_lib.dg_view_tasks_of_unit_json, index, mask,
                            what="a unit's tasks")
        return [UnitTask(_task_ref(t["task"]), t["role"], t["via"],
                         t["via_id"], t["clause"])
                for t in answer["tasks"]]

    def tasks_of_person(self, person, start: datetime.date,
                        end: datetime.date = None) -> list:
        """Plan.tasks_of_person() restricted to the visible nodes."""
        where = "PlanView.tasks_of_person() argument"
        index = self._plan._index_arg(person, _capi.DG_RECORD_PERSON,
                                      f"{where} 'person'")
        first = _date_arg(start, f"{where} 'start'")
        last = first if end is None else _date_arg(end, f"{where} 'end'")
        answer = self._json(_lib.dg_view_tasks_of_person_json, index, first,
                            last, what="a person's tasks")
        return [PersonTask(_task_ref(t["task"]), _post_ref(t["post"]),
                           t["capacity"], t["role"], _ref(t["unit"]),
                           datetime.date.fromisoformat(t["from"]),
                           datetime.date.fromisoformat(t["to"]))
                for t in answer["tasks"]]

    def workloads(self) -> list:
        """Plan.workloads() counting the visible nodes only."""
        answer = self._json(_lib.dg_view_workloads_json, what="the workloads")
        return [Workload(_ref(w["unit"]), w["lead"], w["support"],
                         w["responsible"], w["participate"], w["total"])
                for w in answer["workloads"]]

    def raci_csv(self) -> str:
        """Plan.raci_csv() with the visible nodes' rows (and their units'
        columns) only."""
        return _owned_text(_lib.dg_view_raci_csv, self._live(),
                           what="the RACI CSV")

    def lints(self) -> list:
        """Plan.lints() with the findings about visible nodes only."""
        return [Lint(l["severity"], l["code"], l["pointer"], l["message"])
                for l in self._json(_lib.dg_view_lints_json,
                                    what="the lints")]

    # -- Schedules (docs/scoped-views.md, "Schedules") ---------------------

    def schedule(self, calendar: Calendar, start: datetime.date,
                 end: datetime.date, unit=None, cadences=None,
                 deadlines: bool = False, format: str = "objects",
                 reminder_days: int = 3):
        """Plan.schedule() through the view: the occurrences of the groups
        it sees, of cadences owned by a unit the viewer acts as, and of
        cadences owned by the leads of a visible task; with deadlines, the
        visible tasks' due dates. A cadence id the view has no occurrence
        of raises NotFoundError."""
        where = "PlanView.schedule() argument"
        cal = _calendar_arg(calendar, f"{where} 'calendar'")
        first = _date_arg(start, f"{where} 'start'")
        last = _date_arg(end, f"{where} 'end'")
        options, keep = self._plan._schedule_options(
            "schedule", unit, format, reminder_days, cadences, deadlines,
            owner="PlanView")
        text = _owned_text(_lib.dg_view_schedule, self._live(), cal, first,
                           last, ctypes.byref(options), what="a schedule")
        del keep
        return self._plan._schedule_answer(text, format)

    def tasks_due(self, calendar: Calendar, start: datetime.date,
                  end: datetime.date, unit=None, format: str = "objects",
                  reminder_days: int = 3):
        """Plan.tasks_due() over the visible tasks only."""
        where = "PlanView.tasks_due() argument"
        cal = _calendar_arg(calendar, f"{where} 'calendar'")
        first = _date_arg(start, f"{where} 'start'")
        last = _date_arg(end, f"{where} 'end'")
        options, _ = self._plan._schedule_options(
            "tasks_due", unit, format, reminder_days, owner="PlanView")
        return self._plan._dues(
            _owned_text(_lib.dg_view_tasks_due, self._live(), cal, first,
                        last, ctypes.byref(options), what="task due dates"),
            format)

    def tasks_overdue(self, calendar: Calendar, on: datetime.date,
                      unit=None, format: str = "objects",
                      reminder_days: int = 3):
        """Plan.tasks_overdue() over the visible tasks only."""
        where = "PlanView.tasks_overdue() argument"
        cal = _calendar_arg(calendar, f"{where} 'calendar'")
        day = _date_arg(on, f"{where} 'on'")
        options, _ = self._plan._schedule_options(
            "tasks_overdue", unit, format, reminder_days, owner="PlanView")
        return self._plan._dues(
            _owned_text(_lib.dg_view_tasks_overdue, self._live(), cal, day,
                        ctypes.byref(options), what="overdue task dates"),
            format)

    def critical_path(self, calendar: Calendar, start: datetime.date,
                      durations=None) -> CriticalPath:
        """The critical path of the visible tasks alone (a dependency with
        a hidden end is not followed: the task's predecessor_outside_view
        or successor_outside_view is set instead).

        durations: {task: working days}, tasks named as in accountability()
        (a hidden one raises NotFoundError).

        >>> plan = dutygraph.Plan.load('tests/data/small_plan.json')
        >>> view = plan.view(unit='市金融办', on=datetime.date(2023, 6, 1))
        >>> cp = view.critical_path(dutygraph.Calendar(),
        ...                         datetime.date(2023, 9, 28))
        >>> [(t.task.id, t.predecessor_outside_view) for t in cp.tasks]
        [('t_warning', True)]
        """
        where = "PlanView.critical_path() argument"
        cal = _calendar_arg(calendar, f"{where} 'calendar'")
        day = _date_arg(start, f"{where} 'start'")
        array, count = self._plan._durations_array(
            durations, where, self._task_arg)
        answer = _critical_path(json.loads(_owned_text(
            _lib.dg_view_critical_path, self._live(), cal, day, array, count,
            what="a critical path")))
        _warn_provisional(answer.provisional, "the critical path")
        return answer

    def gantt_svg(self, calendar: Calendar, start: datetime.date,
                  end: datetime.date, unit=None, project_start=None,
                  cadences=None, show_cadences: bool = True,
                  reminder_days: int = 3) -> str:
        """Plan.gantt_svg() of what the view sees: its tasks' rows, bars and
        links, its occurrences, the critical path of its tasks."""
        return self._plan._gantt(_lib.dg_view_gantt_svg, self, "PlanView",
                                 calendar, start, end, unit, project_start,
                                 cadences, show_cadences, reminder_days)


class PlanPublisher(_Handle):
    """The current version of a plan, swapped atomically while other threads
    query it (dg_publisher_*).

    current() returns (Plan, version): a Plan of the whole version current at
    the call, never a mixture; publish(plan) makes `plan` current for later
    readers and returns its version number (the initial plan is version 1).

    >>> plan = dutygraph.Plan.load('tests/data/small_plan.json')
    >>> publisher = dutygraph.PlanPublisher(plan)
    >>> publisher.publish(plan)
    2

    Thread safety: every method may be called from any thread at once.
    """

    __slots__ = ("_handle", "__weakref__")
    _free = _lib.dg_publisher_free

    def __init__(self, initial: Plan):
        if not isinstance(initial, Plan):
            raise TypeError(f"PlanPublisher() argument 'initial' must be a "
                            f"dutygraph.Plan, not {type(initial).__name__}")
        handle = _capi.dg_publisher_p()
        _check(_lib.dg_publisher_new(ctypes.byref(handle), initial._live()))
        self._handle = handle

    def close(self) -> None:
        """Releases the C handle. Idempotent; plans taken stay valid."""
        handle = getattr(self, "_handle", None)
        self._handle = None
        if handle:
            self._free(handle)

    def publish(self, plan: Plan) -> int:
        """Makes `plan` the current version; returns its number."""
        if not isinstance(plan, Plan):
            raise TypeError(f"PlanPublisher.publish() argument 'plan' must be "
                            f"a dutygraph.Plan, not {type(plan).__name__}")
        version = ctypes.c_uint64()
        _check(_lib.dg_publisher_publish(ctypes.byref(version), self._live(),
                                         plan._live()))
        return version.value

    def current(self) -> tuple:
        """(Plan, version) of the version current at the call."""
        handle = _capi.dg_plan_p()
        version = ctypes.c_uint64()
        _check(_lib.dg_publisher_current(ctypes.byref(handle),
                                         ctypes.byref(version), self._live()))
        plan = Plan.__new__(Plan)
        plan._handle = handle
        return plan, version.value


# ---------------------------------------------------------------------------
# Tracking: event logs and trackers (docs/tracking.md)
# ---------------------------------------------------------------------------


def _plan_arg(value, where):
    if not isinstance(value, Plan):
        raise TypeError(f"{where} must be a dutygraph.Plan, not "
                        f"{type(value).__name__}")
    return value._live()


class EventLog(_Handle):
    """An append-only, idempotent event log for one plan on one calendar.

    Events are dicts (or JSON text) in the shape of docs/tracking.md
    ("Events"); appending validates them against the plan. The same id with
    the same content is a no-op; with other content, AlreadyExistsError.

    >>> plan = dutygraph.Plan.load('tests/data/small_plan.json')
    >>> log = dutygraph.EventLog(plan, dutygraph.Calendar())
    >>> log.append({"id": "e1", "kind": "completed", "date": "2023-06-01",
    ...             "task": "t_warning"})
    True

    `limits` bounds what appends read (docs/hostile-input.md): a dict with
    any of max_event_bytes (default 1 MiB), max_batch_events (1000000),
    max_policy_bytes and max_depth (32); past one, ResourceExhaustedError
    naming it. A key given twice in an event is InvalidArgumentError naming
    its JSON Pointer.

    Keeps its plan and calendar alive. Thread safety: one thread at a time.
    """

    __slots__ = ("_handle", "_plan", "_calendar", "__weakref__")
    _free = _lib.dg_events_free

    def __init__(self, plan: Plan, calendar: Calendar, limits: dict = None):
        options = _limits_struct(limits, "EventLog() argument",
                                 _capi.tracking_limits_init)
        handle = _capi.dg_events_p()
        _check(_lib.dg_events_new_v2(
            ctypes.byref(handle), _plan_arg(plan, "EventLog() argument 'plan'"),
            _calendar_arg(calendar, "EventLog() argument 'calendar'"),
            None if options is None else ctypes.byref(options)))
        self._handle = handle
        self._plan = plan
        self._calendar = calendar

    def append(self, event) -> bool:
        """Appends one event (dict or JSON text); True if appended, False if
        the same event was already there."""
        text = event if isinstance(event, str) else json.dumps(
            event, ensure_ascii=False)
        data = _text_arg(text, "EventLog.append() argument 'event'")
        appended = ctypes.c_int()
        _check(_lib.dg_events_append_json(ctypes.byref(appended), self._live(),
                                          data, len(data)))
        return bool(appended.value)

    def append_jsonl(self, text: str, source: str = "") -> int:
        """Appends JSON Lines, all or nothing; returns how many were new.
        Errors name the line ("source:12 ('e17'): ...")."""
        data = _text_arg(text, "EventLog.append_jsonl() argument 'text'")
        name = _text_arg(source, "EventLog.append_jsonl() argument 'source'")
        count = ctypes.c_size_t()
        _check(_lib.dg_events_append_jsonl(ctypes.byref(count), self._live(),
                                           data, len(data), name, len(name)))
        return count.value

    @classmethod
    def from_store(cls, store: "Store", on: datetime.date = None,
                   calendar: "Calendar" = None) -> "EventLog":
        """A log of every event of `store`, for the store's plan version in
        effect on `on` (the latest without it; the first one's when `on`
        precedes it) on `calendar` (default: the built-in one). Evaluate it
        with Tracker(log.plan, ...).

        The plan version and the events are read together, in one read
        transaction, so a writer adding both meanwhile cannot give a
        version with events of a later one (Store.snapshot()).
        FailedPreconditionError names the seq of a stored event that plan
        version does not accept."""
        return store.snapshot(on, calendar)[2]

    @property
    def plan(self) -> "Plan":
        """The plan the log checks its events against."""
        return self._plan

    def load_store(self, store: "Store") -> int:
        """Appends every event of `store` in append order, all or nothing;
        returns how many were new."""
        if not isinstance(store, Store):
            raise TypeError(f"EventLog.load_store() argument 'store' must be "
                            f"a dutygraph.Store, not {type(store).__name__}")
        count = ctypes.c_size_t()
        _check(_lib.dg_events_load_store(ctypes.byref(count), self._live(),
                                         store._live()))
        return count.value

    def __len__(self) -> int:
        count = ctypes.c_size_t()
        _check(_lib.dg_events_count(ctypes.byref(count), self._live()))
        return count.value

    def to_jsonl(self) -> str:
        """The log as canonical JSON Lines (ids for every reference)."""
        return _owned_text(_lib.dg_events_to_jsonl, self._live(),
                           what="an event log")


class Tracker(_Handle):
    """Status, escalations, rankings, the ledger and lifecycle for a plan
    under a tracking policy (JSON text of the format dutygraph/policy@1, or
    None for the plan's own escalation policies). Answers are the JSON
    documents of docs/tracking.md, parsed into dicts and lists.

    `limits` bounds the policy text as in EventLog (max_policy_bytes,
    default 16 MiB; max_depth, 32).

    Thread safety: immutable; the EventLog it reads must not change meanwhile.
    """

    __slots__ = ("_handle", "_plan", "__weakref__")
    _free = _lib.dg_tracker_free

    def __init__(self, plan: Plan, calendar: Calendar, policy=None,
                 limits: dict = None):
        options = _limits_struct(limits, "Tracker() argument",
                                 _capi.tracking_limits_init)
        data = b"" if policy is None else _text_arg(
            policy, "Tracker() argument 'policy'")
        handle = _capi.dg_tracker_p()
        _check(_lib.dg_tracker_new_v2(
            ctypes.byref(handle), _plan_arg(plan, "Tracker() argument 'plan'"),
            _calendar_arg(calendar, "Tracker() argument 'calendar'"),
            data or None, len(data),
            None if options is None else ctypes.byref(options)))
        self._handle = handle
        self._plan = plan

    @staticmethod
    def _log(events, where):
        if not isinstance(events, EventLog):
            raise TypeError(f"{where} must be a dutygraph.EventLog, not "
                            f"{type(events).__name__}")
        return events._live()

    def status(self, events: EventLog, on: datetime.date, unit=None) -> dict:
        """Every task's status as of `on` with roll-ups (only `unit`'s tasks
        when given)."""
        log = self._log(events, "Tracker.status() argument 'events'")
        day = _date_arg(on, "Tracker.status() argument 'on'")
        name = b"" if unit is None else _text_arg(
            unit, "Tracker.status() argument 'unit'")
        return json.loads(_owned_text(_lib.dg_status_json, self._live(), log,
                                      day, name or None, len(name),
                                      what="a status report"))

    def escalations(self, events: EventLog, on: datetime.date) -> list:
        """The escalation actions due on `on`, each explained."""
        log = self._log(events, "Tracker.escalations() argument 'events'")
        day = _date_arg(on, "Tracker.escalations() argument 'on'")
        return json.loads(_owned_text(_lib.dg_escalations_json, self._live(),
                                      log, day, what="escalations"))["actions"]

    def rank(self, events: EventLog, unit_set: str, period: str,
             day: datetime.date, formula: str = "") -> dict:
        """The ranking of `unit_set` over the period of kind `period`
        (PERIOD_KINDS) containing `day`."""
        log = self._log(events, "Tracker.rank() argument 'events'")
        data = _text_arg(unit_set, "Tracker.rank() argument 'unit_set'")
        if period not in _PERIOD_KIND_VALUES:
            raise _error(_capi.DG_INVALID_ARGUMENT,
                         f"Tracker.rank() argument 'period': unknown period "
                         f"kind {period!r}; expected one of {PERIOD_KINDS}")
        when = _date_arg(day, "Tracker.rank() argument 'day'")
        formula_id = _text_arg(formula, "Tracker.rank() argument 'formula'")
        return json.loads(_owned_text(
            _lib.dg_rank_json, self._live(), log, data, len(data),
            _PERIOD_KIND_VALUES[period], when, formula_id or None,
            len(formula_id), what="a ranking"))

    def ledger_csv(self, events: EventLog, on: datetime.date) -> str:
        """The 台账 as of `on`, as CSV text."""
        log = self._log(events, "Tracker.ledger_csv() argument 'events'")
        day = _date_arg(on, "Tracker.ledger_csv() argument 'on'")
        return _owned_text(_lib.dg_ledger_csv, self._live(), log, day,
                           what="a ledger")

    def lifecycle(self, events: EventLog, task: str) -> dict:
        """谁部署、谁落实、谁检查、谁整改、谁验收 for `task` (id or path)."""
        log = self._log(events, "Tracker.lifecycle() argument 'events'")
        data = _text_arg(task, "Tracker.lifecycle() argument 'task'")
        return json.loads(_owned_text(_lib.dg_lifecycle_json, self._live(),
                                      log, data, len(data),
                                      what="a lifecycle"))
