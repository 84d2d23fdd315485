"""Tests of the dutygraph Python package against independent facts.

The truth is the State Council notices: the holiday-cn JSON (directory in
DUTYGRAPH_FACTS_DIR; tests needing it are skipped without it) and cases
worked by hand from the 2023 and 2024 notices:
  2023: 元旦 12-31..01-02 off; 春节 01-21..27 off, 01-28/29 worked;
        端午节 06-22..24 off, 06-25 worked; 中秋节、国庆节 09-29..10-06 off,
        10-07/08 worked.
  2024: 春节 02-10..17 off, 02-04 and 02-18 worked.
"""

import ctypes
import datetime
import doctest
import pickle
import re
import threading

import pytest

import dutygraph
from dutygraph import _capi

D = datetime.date
ONE_DAY = datetime.timedelta(days=1)


def date_range(first, last):
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


class FactCalendar:
    """Working days computed from the holiday-cn facts alone."""

    def __init__(self, facts, years):
        self.declared = {}
        for year in years:  # a later notice overrides an earlier one
            self.declared.update(facts.declared_days(year))
        self.first = D(min(years), 1, 1)
        self.last = D(max(years), 12, 31)

    def is_working(self, day):
        assert self.first <= day <= self.last, f"{day} is outside the facts"
        if day in self.declared:
            return not self.declared[day][0]
        return day.weekday() < 5

    def step(self, day, n):
        """add_working_days by walking day by day."""
        direction = 1 if n > 0 else -1
        remaining = abs(n)
        while remaining:
            day += direction * ONE_DAY
            if self.is_working(day):
                remaining -= 1
        return day


@pytest.fixture(scope="module")
def fact_calendar(facts):
    return FactCalendar(facts, range(2022, 2026))


def expect_error(error_class, status, function, *args):
    with pytest.raises(error_class) as caught:
        function(*args)
    error = caught.value
    assert isinstance(error, dutygraph.Error)
    assert error.status == status
    assert error.status_name == _capi.lib.dg_status_name(status).decode()
    assert str(error) == f"{error.status_name}: {error.message}"
    assert error.message, "the C library gave no message"
    return error


# ---------------------------------------------------------------------------
# The official days, against the holiday-cn facts.
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2023, 2024])
def test_every_day_of_the_year_matches_the_notice(strict, facts, year):
    notice = facts.year(year)
    declared = facts.declared_days(year)
    days = strict.days(D(year, 1, 1), D(year, 12, 31))
    assert [day.date for day in days] == list(
        date_range(D(year, 1, 1), D(year, 12, 31)))
    for day in days:
        where = f"{day.date}: {day}"
        assert not day.provisional, where
        assert strict.is_working_day(day.date) == day.working, where
        assert strict.holiday_name(day.date) == day.name, where
        if day.date in declared:
            off, name = declared[day.date]
            assert day.working == (not off), where
            assert day.kind == ("holiday" if off else "makeup-workday"), where
            assert day.name == name, where
            assert day.notice_url in notice["papers"], where
            assert f"{year}年" in day.notice_title, where
            assert "节假日安排" in day.notice_title, where
        else:
            weekend = day.date.weekday() >= 5
            assert day.working == (not weekend), where
            assert day.kind == ("weekend" if weekend else "workday"), where
            assert (day.name, day.notice_title, day.notice_url) == (
                "", "", ""), where


def test_days_declared_in_the_previous_year_by_a_notice(strict, facts):
    # The 2023 notice makes 2022-12-31 part of 元旦.
    off, name = facts.declared_days(2023)[D(2022, 12, 31)]
    day = strict.day(D(2022, 12, 31))
    assert (day.working, day.kind, day.name) == (not off, "holiday", name)
    assert day.notice_url in facts.year(2023)["papers"]


def test_official_years_are_the_years_with_a_notice(strict, facts):
    # holiday-cn has an empty 2027.json: no notice published yet.
    assert strict.official_years() == facts.years_with_notice()
    assert strict.official_years() == list(range(2007, 2027))
    for year in range(2000, 2030):
        assert strict.is_official_year(year) == (year in range(2007, 2027))


def test_next_and_previous_working_day_over_2023(strict, fact_calendar):
    for day in date_range(D(2023, 1, 1), D(2023, 12, 31)):
        assert strict.next_working_day(day) == fact_calendar.step(day, 1), day
        assert strict.previous_working_day(day) == fact_calendar.step(
            day, -1), day


@pytest.mark.parametrize("n", [1, 2, 3, 5, 10, -1, -4, -10])
def test_add_working_days_over_2023_and_2024(strict, fact_calendar, n):
    for day in date_range(D(2023, 1, 1), D(2024, 12, 31)):
        assert strict.add_working_days(day, n) == fact_calendar.step(
            day, n), (day, n)


def test_working_days_in_2023_and_2024(strict, fact_calendar):
    for year in (2023, 2024):
        count = sum(fact_calendar.is_working(day) for day in date_range(
            D(year, 1, 1), D(year, 12, 31)))
        assert strict.working_days_between(D(year - 1, 12, 31),
                                           D(year, 12, 31)) == count
        assert strict.working_days_between(D(year, 12, 31),
                                           D(year - 1, 12, 31)) == -count


@pytest.mark.parametrize("month", range(1, 13))
def test_nth_working_day_of_each_month_of_2023(strict, fact_calendar, month):
    first = D(2023, month, 1)
    last = (D(2023, month + 1, 1) if month < 12 else D(2024, 1, 1)) - ONE_DAY
    working = [day for day in date_range(first, last)
               if fact_calendar.is_working(day)]
    middle = D(2023, month, 15)
    for k, day in enumerate(working, start=1):
        assert strict.nth_working_day(middle, "month", k) == day
        assert strict.nth_working_day(middle, "月", -k) == working[-k]
    assert strict.last_working_day(middle, "month") == working[-1]
    expect_error(dutygraph.OutOfRangeError, _capi.DG_OUT_OF_RANGE,
                 strict.nth_working_day, middle, "month", len(working) + 1)
    expect_error(dutygraph.OutOfRangeError, _capi.DG_OUT_OF_RANGE,
                 strict.nth_working_day, middle, "month", -len(working) - 1)


# ---------------------------------------------------------------------------
# Hand-worked cases, method by method.
# ---------------------------------------------------------------------------


def test_is_working_day(strict):
    assert strict.is_working_day(D(2023, 1, 28))      # Sat, 春节 make-up
    assert strict.is_working_day(D(2023, 1, 29))      # Sun, 春节 make-up
    assert strict.is_working_day(D(2023, 6, 25))      # Sun, 端午节 make-up
    assert not strict.is_working_day(D(2023, 10, 1))
    assert not strict.is_working_day(D(2023, 6, 22))  # Thu, 端午节
    assert strict.is_working_day(D(2023, 6, 21))      # a plain Wednesday
    assert not strict.is_working_day(D(2023, 7, 1))   # a plain Saturday


def test_day(strict):
    assert strict.day(D(2023, 10, 1)) == dutygraph.Day(
        date=D(2023, 10, 1), working=False, kind="holiday",
        name="中秋节、国庆节",
        notice_title="国务院办公厅关于2023年部分节假日安排的通知",
        notice_url="http://www.gov.cn/zhengce/zhengceku/2022-12/08/"
                   "content_5730844.htm",
        provisional=False)
    makeup = strict.day(D(2023, 1, 28))
    assert (makeup.working, makeup.kind, makeup.name) == (
        True, "makeup-workday", "春节")
    plain = strict.day(D(2023, 7, 1))
    assert (plain.working, plain.kind, plain.name) == (False, "weekend", "")
    assert strict.day(D(2023, 7, 3)).kind == "workday"
    with pytest.raises(AttributeError):
        plain.working = True  # Day is frozen


def test_holiday_name(strict):
    assert strict.holiday_name(D(2023, 10, 1)) == "中秋节、国庆节"
    assert strict.holiday_name(D(2023, 1, 29)) == "春节"   # make-up day too
    assert strict.holiday_name(D(2023, 6, 25)) == "端午节"
    assert strict.holiday_name(D(2023, 7, 3)) == ""


def test_days(strict):
    days = strict.days(D(2023, 9, 28), D(2023, 10, 9))
    assert [day.date for day in days] == list(
        date_range(D(2023, 9, 28), D(2023, 10, 9)))
    assert [day.working for day in days] == [True] + [False] * 8 + [True] * 3
    assert strict.days(D(2023, 1, 1), D(2023, 1, 1)) == [
        strict.day(D(2023, 1, 1))]
    error = expect_error(dutygraph.InvalidArgumentError,
                         _capi.DG_INVALID_ARGUMENT, strict.days,
                         D(2023, 1, 2), D(2023, 1, 1))
    assert "2023-01-01" in error.message and "2023-01-02" in error.message


def test_next_and_previous_working_day(strict):
    assert strict.next_working_day(D(2023, 9, 28)) == D(2023, 10, 7)
    assert strict.previous_working_day(D(2023, 10, 7)) == D(2023, 9, 28)
    assert strict.next_working_day(D(2023, 1, 20)) == D(2023, 1, 28)
    # Strictly after / before, even from a working day.
    assert strict.next_working_day(D(2023, 10, 9)) == D(2023, 10, 10)
    assert strict.previous_working_day(D(2023, 10, 9)) == D(2023, 10, 8)


def test_add_working_days(strict):
    assert strict.add_working_days(D(2023, 9, 28), 1) == D(2023, 10, 7)
    assert strict.add_working_days(D(2023, 9, 28), 3) == D(2023, 10, 9)
    assert strict.add_working_days(D(2023, 10, 7), -1) == D(2023, 9, 28)
    assert strict.add_working_days(D(2023, 6, 21), 1) == D(2023, 6, 25)
    assert strict.add_working_days(D(2024, 2, 9), 1) == D(2024, 2, 18)
    assert strict.add_working_days(D(2024, 2, 3), 1) == D(2024, 2, 4)
    # n == 0 is the date itself, working or not.
    assert strict.add_working_days(D(2023, 10, 1), 0) == D(2023, 10, 1)


def test_working_days_between(strict):
    start = D(2023, 9, 20)
    for n in range(0, 40):
        end = strict.add_working_days(start, n)
        assert strict.working_days_between(start, end) == n
        assert strict.working_days_between(end, start) == -n
    assert strict.working_days_between(D(2023, 9, 28), D(2023, 10, 7)) == 1
    # (a, b]: b counts, a does not.
    assert strict.working_days_between(D(2023, 10, 6), D(2023, 10, 7)) == 1
    assert strict.working_days_between(D(2023, 10, 7), D(2023, 10, 8)) == 1
    assert strict.working_days_between(D(2023, 10, 1), D(2023, 10, 6)) == 0


@pytest.mark.parametrize("day, convention, expected", [
    (D(2023, 10, 1), "following", D(2023, 10, 7)),
    (D(2023, 10, 1), "preceding", D(2023, 9, 28)),
    (D(2023, 10, 1), "modified-following", D(2023, 10, 7)),
    (D(2023, 10, 1), "modified-preceding", D(2023, 10, 7)),  # 09-28 leaves
    (D(2023, 9, 30), "following", D(2023, 10, 7)),
    (D(2023, 9, 30), "modified-following", D(2023, 9, 28)),  # 10-07 leaves
    (D(2023, 9, 30), "preceding", D(2023, 9, 28)),
    (D(2023, 9, 30), "modified-preceding", D(2023, 9, 28)),
    (D(2023, 10, 7), "following", D(2023, 10, 7)),    # a working Saturday
    (D(2023, 10, 7), "preceding", D(2023, 10, 7)),
    (D(2023, 10, 7), "modified-following", D(2023, 10, 7)),
    (D(2023, 10, 7), "modified-preceding", D(2023, 10, 7)),
])
def test_roll(strict, day, convention, expected):
    assert strict.roll(day, convention) == expected


def test_roll_defaults_to_following_and_rejects_unknown_conventions(strict):
    assert strict.roll(D(2023, 10, 1)) == D(2023, 10, 7)
    error = expect_error(dutygraph.InvalidArgumentError,
                         _capi.DG_INVALID_ARGUMENT, strict.roll,
                         D(2023, 10, 1), "nearest")
    assert "'nearest'" in error.message
    assert "'modified-following'" in error.message


def test_nth_and_last_working_day(strict):
    mid_october = D(2023, 10, 15)
    assert strict.nth_working_day(mid_october, "month", 1) == D(2023, 10, 7)
    assert strict.nth_working_day(mid_october, "month", 3) == D(2023, 10, 9)
    assert strict.last_working_day(mid_october, "month") == D(2023, 10, 31)
    assert strict.last_working_day(D(2023, 9, 1), "month") == D(2023, 9, 28)
    assert strict.nth_working_day(D(2023, 5, 5), "year", 1) == D(2023, 1, 3)
    assert strict.last_working_day(D(2023, 5, 5), "年") == D(2023, 12, 29)
    assert strict.nth_working_day(D(2024, 2, 10), "month", 1) == D(2024, 2, 1)
    assert strict.last_working_day(D(2024, 2, 10), "month") == D(2024, 2, 29)
    assert strict.last_working_day(D(2023, 9, 1), "quarter") == D(2023, 9, 28)
    assert strict.nth_working_day(D(2023, 10, 2), "week", 1) == D(2023, 10, 7)
    # 旬 2023-10-01..10: only 07, 08, 09, 10 are working.
    assert strict.nth_working_day(D(2023, 10, 1), "旬", 4) == D(2023, 10, 10)
    expect_error(dutygraph.OutOfRangeError, _capi.DG_OUT_OF_RANGE,
                 strict.nth_working_day, D(2023, 10, 1), "dekad", 5)
    expect_error(dutygraph.InvalidArgumentError, _capi.DG_INVALID_ARGUMENT,
                 strict.nth_working_day, D(2023, 10, 1), "dekad", 0)


# ---------------------------------------------------------------------------
# Strict and provisional modes, around 2027 (no notice yet).
# ---------------------------------------------------------------------------


STRICT_2027_CALLS = [
    ("is_working_day", (D(2027, 3, 1),)),
    ("day", (D(2027, 3, 1),)),
    ("holiday_name", (D(2027, 3, 1),)),
    ("next_working_day", (D(2026, 12, 31),)),
    ("previous_working_day", (D(2027, 1, 4),)),
    ("add_working_days", (D(2026, 12, 31), 1)),
    ("working_days_between", (D(2026, 12, 1), D(2027, 1, 5))),
    ("roll", (D(2027, 1, 2), "following")),
    ("nth_working_day", (D(2027, 1, 15), "month", 1)),
    ("last_working_day", (D(2027, 1, 15), "month")),
    ("days", (D(2026, 12, 30), D(2027, 1, 2))),
]


@pytest.mark.parametrize("method, args", STRICT_2027_CALLS)
def test_strict_mode_refuses_2027(strict, method, args):
    error = expect_error(dutygraph.FailedPreconditionError,
                         _capi.DG_FAILED_PRECONDITION,
                         getattr(strict, method), *args)
    assert "2027" in error.message


def test_strict_mode_refuses_years_before_the_first_notice(strict):
    error = expect_error(dutygraph.FailedPreconditionError,
                         _capi.DG_FAILED_PRECONDITION, strict.is_working_day,
                         D(2005, 6, 1))
    assert "2005" in error.message


def test_strict_answers_that_stay_inside_official_years(strict):
    # The last working day of 2026 needs nothing from 2027.
    assert strict.next_working_day(D(2026, 12, 30)) == D(2026, 12, 31)
    assert strict.add_working_days(D(2026, 12, 31), 0) == D(2026, 12, 31)


@pytest.mark.parametrize("method, args", STRICT_2027_CALLS)
def test_provisional_mode_warns_naming_the_date(provisional, method, args):
    with pytest.warns(dutygraph.ProvisionalWarning) as record:
        getattr(provisional, method)(*args)
    assert len(record) == 1
    message = str(record[0].message)
    assert method in message
    assert any(str(arg) in message for arg in args if isinstance(arg, D))
    assert record[0].filename == __file__  # points at the caller


def test_provisional_answers_follow_weekends_only(provisional):
    with pytest.warns(dutygraph.ProvisionalWarning, match="2027-01-01"):
        # 2027-01-01 is a Friday; without a notice it is a working day.
        assert provisional.next_working_day(D(2026, 12, 31)) == D(2027, 1, 1)
    with pytest.warns(dutygraph.ProvisionalWarning, match="2027-03-06"):
        day = provisional.day(D(2027, 3, 6))
    assert day == dutygraph.Day(D(2027, 3, 6), False, "weekend", "", "", "",
                                True)
    with pytest.warns(dutygraph.ProvisionalWarning):
        assert provisional.is_working_day(D(2027, 3, 1))  # a Monday
    with pytest.warns(dutygraph.ProvisionalWarning):
        assert provisional.working_days_between(D(2027, 3, 1),
                                                D(2027, 3, 8)) == 5
    with pytest.warns(dutygraph.ProvisionalWarning, match=r"2027-01-01\.\."
                      r"2027-01-03"):
        days = provisional.days(D(2026, 12, 30), D(2027, 1, 3))
    assert [day.provisional for day in days] == [False] * 2 + [True] * 3


def test_provisional_mode_is_silent_on_official_years(provisional):
    # The autouse fixture turns any ProvisionalWarning into an error.
    assert provisional.add_working_days(D(2023, 9, 28), 1) == D(2023, 10, 7)
    assert not provisional.day(D(2023, 10, 1)).provisional
    assert provisional.next_working_day(D(2026, 12, 30)) == D(2026, 12, 31)


def test_provisional_warning_can_be_made_an_error(provisional):
    assert issubclass(dutygraph.ProvisionalWarning, UserWarning)
    with pytest.raises(dutygraph.ProvisionalWarning, match="2027-03-01"):
        provisional.is_working_day(D(2027, 3, 1))


def test_modes(strict):
    assert not strict.provisional
    relaxed = strict.with_mode(True)
    assert relaxed.provisional and relaxed is not strict
    with pytest.warns(dutygraph.ProvisionalWarning):
        assert relaxed.is_working_day(D(2027, 3, 1))
    assert not relaxed.with_mode(False).provisional
    with pytest.raises(dutygraph.FailedPreconditionError):
        relaxed.with_mode(False).is_working_day(D(2027, 3, 1))
    assert dutygraph.Calendar.china_mainland(provisional=True).provisional
    assert not dutygraph.Calendar.china_mainland().provisional


@pytest.mark.parametrize("day", [D(1949, 12, 31), D(2150, 1, 1), D(1400, 1, 1)])
@pytest.mark.parametrize("mode", [False, True])
def test_outside_the_calendar_domain(day, mode):
    calendar = dutygraph.Calendar(provisional=mode)
    error = expect_error(dutygraph.OutOfRangeError, _capi.DG_OUT_OF_RANGE,
                         calendar.is_working_day, day)
    assert str(day) in error.message
    assert isinstance(error, ValueError)


def test_results_leaving_the_domain(provisional):
    with pytest.warns(dutygraph.ProvisionalWarning):
        assert provisional.is_working_day(D(2149, 12, 31))
    expect_error(dutygraph.OutOfRangeError, _capi.DG_OUT_OF_RANGE,
                 provisional.add_working_days, D(2149, 12, 31), 5)
    expect_error(dutygraph.OutOfRangeError, _capi.DG_OUT_OF_RANGE,
                 provisional.add_working_days, D(2023, 1, 1), 2**31)


# ---------------------------------------------------------------------------
# Derived calendars.
# ---------------------------------------------------------------------------

OVERLAY = """\
# 衡阳市机关值班安排 (a local adjustment, and next year's notice early)
calendar 衡阳市机关值班安排
off  2023-10-09 衡阳市调休
notice 2027 https://example.org/notice-2027 国务院办公厅关于2027年部分节假日安排的通知
off  2027-01-01 元旦
work 2027-02-06 春节
"""


def test_derive_text_overlays_the_base(strict):
    local = strict.derive_text(OVERLAY)
    assert not local.provisional
    day = local.day(D(2023, 10, 9))
    assert (day.working, day.kind, day.name, day.notice_title) == (
        False, "holiday", "衡阳市调休", "")
    assert local.add_working_days(D(2023, 9, 28), 3) == D(2023, 10, 10)
    # The base is unchanged: derivation returns a new calendar.
    assert strict.add_working_days(D(2023, 9, 28), 3) == D(2023, 10, 9)
    # The notice makes 2027 official, in strict mode, without a warning.
    assert local.is_official_year(2027)
    assert local.official_years() == list(range(2007, 2028))
    new_year = local.day(D(2027, 1, 1))
    assert new_year == dutygraph.Day(
        D(2027, 1, 1), False, "holiday", "元旦",
        "国务院办公厅关于2027年部分节假日安排的通知",
        "https://example.org/notice-2027", False)
    assert local.day(D(2027, 2, 6)).kind == "makeup-workday"
    assert local.is_working_day(D(2027, 3, 1))
    assert local.next_working_day(D(2026, 12, 31)) == D(2027, 1, 4)


def test_derived_calendars_keep_the_mode(provisional):
    local = provisional.derive_text("off 2023-10-09 衡阳市调休\n")
    assert local.provisional
    assert not local.is_working_day(D(2023, 10, 9))
    with pytest.warns(dutygraph.ProvisionalWarning):
        local.is_working_day(D(2027, 3, 1))


def test_derived_calendar_outlives_its_base():
    base = dutygraph.Calendar()
    local = base.derive_text("off 2023-10-09 衡阳市调休\n")
    relaxed = base.with_mode(True)
    base.close()
    del base
    assert not local.is_working_day(D(2023, 10, 9))
    assert relaxed.is_working_day(D(2023, 10, 9))


def test_derive_text_syntax_error_names_the_line(strict):
    error = expect_error(dutygraph.InvalidArgumentError,
                         _capi.DG_INVALID_ARGUMENT, strict.derive_text,
                         "off 2023-10-09 a\nwork 2023-10-14 b\n"
                         "holiday 2023-10-20 c\n")
    assert re.search(r":3\b", error.message), error.message
    assert "holiday" in error.message


def test_derive_text_bad_date_names_the_line_and_the_date(strict):
    error = expect_error(dutygraph.InvalidArgumentError,
                         _capi.DG_INVALID_ARGUMENT, strict.derive_text,
                         "# comment\noff 2023-02-30 bad\n")
    assert re.search(r":2\b", error.message), error.message
    assert "2023-02-30" in error.message


def test_derive_text_needs_str(strict):
    with pytest.raises(TypeError, match="str, not bytes"):
        strict.derive_text(b"off 2023-10-09 x\n")
    # A lone surrogate cannot become UTF-8.
    expect_error(dutygraph.InvalidArgumentError, _capi.DG_INVALID_ARGUMENT,
                 strict.derive_text, "off 2023-10-09 \udcff\n")


def test_invalid_utf8_reaching_the_c_library():
    lib = _capi.lib
    base = _capi.dg_calendar_p()
    assert lib.dg_calendar_china_mainland(ctypes.byref(base), None) == (
        _capi.DG_OK)
    try:
        derived = _capi.dg_calendar_p()
        text = b"off 2023-10-09 \xff\xfe\n"
        status = lib.dg_calendar_derive_text(ctypes.byref(derived), base, text,
                                             len(text))
        message = lib.dg_last_error_message().decode("utf-8", "replace")
        assert status == _capi.DG_INVALID_ARGUMENT
        assert not derived, "an out-param was left set after a failure"
        assert "utf-8" in message.lower(), message
    finally:
        lib.dg_calendar_free(base)


def test_derive_file(strict, tmp_path):
    path = tmp_path / "衡阳.txt"
    path.write_text("off 2023-10-09 衡阳市调休\n", encoding="utf-8")
    for argument in (path, str(path)):
        local = strict.derive_file(argument)
        assert local.holiday_name(D(2023, 10, 9)) == "衡阳市调休"
    bad = tmp_path / "overlay.txt"
    bad.write_text("off 2023-10-09 a\noff 2023-13-01 b\n", encoding="utf-8")
    error = expect_error(dutygraph.InvalidArgumentError,
                         _capi.DG_INVALID_ARGUMENT, strict.derive_file, bad)
    assert "overlay.txt" in error.message and re.search(r":2\b",
                                                        error.message)
    missing = tmp_path / "missing.txt"
    error = expect_error(dutygraph.NotFoundError, _capi.DG_NOT_FOUND,
                         strict.derive_file, missing)
    assert "missing.txt" in error.message
    assert isinstance(error, LookupError)
    with pytest.raises(TypeError, match="'path'"):
        strict.derive_file(42)


def test_derive_file_refuses_a_directory(strict, tmp_path):
    expect_error(dutygraph.NotFoundError, _capi.DG_NOT_FOUND,
                 strict.derive_file, tmp_path)


def declaring_days(n):
    """Calendar text declaring exactly n days: whole-year `work` ranges under
    a notice each, cycling through 1951..2149, the last one cut short. Every
    day of 2023 comes out working, named "x"."""
    lines, year = [], 1951
    while n > 0:
        first = D(year, 1, 1)
        take = min(n, (D(year, 12, 31) - first).days + 1)
        last = first + datetime.timedelta(days=take - 1)
        lines.append(f"notice {year} - n\nwork {first}..{last} x\n")
        n -= take
        year = 1951 if year == 2149 else year + 1
    return "".join(lines)


def test_derive_limits_default_refuses_and_raised_admits(strict, tmp_path):
    text = declaring_days(100001)
    error = expect_error(dutygraph.ResourceExhaustedError,
                         _capi.DG_RESOURCE_EXHAUSTED, strict.derive_text, text)
    assert ("declares more than 100000 days; the limit is 100000 "
            "(max_declared_days)") in error.message
    lines = text.count("\n")
    assert f"<text>:{lines}:" in error.message  # the line that crossed it
    local = strict.derive_text(text, limits={"max_declared_days": 100001})
    # 2023-10-01 is 国庆节 in the built-in data; the text works it.
    assert not strict.is_working_day(D(2023, 10, 1))
    day = local.day(D(2023, 10, 1))
    assert (day.working, day.kind, day.name) == (True, "makeup-workday", "x")

    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    error = expect_error(dutygraph.ResourceExhaustedError,
                         _capi.DG_RESOURCE_EXHAUSTED, strict.derive_file, path)
    assert "big.txt:" in error.message and "max_declared_days" in error.message
    local = strict.derive_file(path, limits={"max_declared_days": 100001})
    assert local.is_working_day(D(2023, 10, 1))


def test_derive_limits_lowered_refuse_a_small_overlay(strict, tmp_path):
    overlay = "off 2023-10-09 衡阳市调休\n"
    size = len(overlay.encode())
    path = tmp_path / "衡阳.txt"
    path.write_text(overlay, encoding="utf-8")
    error = expect_error(dutygraph.ResourceExhaustedError,
                         _capi.DG_RESOURCE_EXHAUSTED, strict.derive_file, path,
                         {"max_bytes": 10})
    assert (f"is {size} bytes; the limit is 10 (max_bytes)"
            in error.message)
    assert "衡阳.txt" in error.message
    error = expect_error(dutygraph.ResourceExhaustedError,
                         _capi.DG_RESOURCE_EXHAUSTED, strict.derive_text,
                         overlay, {"max_name_bytes": 5})
    assert ("<text>:1: the day's name is 15 bytes; the limit is 5 "
            "(max_name_bytes)") in error.message
    error = expect_error(dutygraph.ResourceExhaustedError,
                         _capi.DG_RESOURCE_EXHAUSTED, strict.derive_text,
                         overlay, {"max_layers": 1})
    assert "the limit is 1 (max_layers)" in error.message
    error = expect_error(dutygraph.ResourceExhaustedError,
                         _capi.DG_RESOURCE_EXHAUSTED, strict.derive_text,
                         overlay, {"max_total_declared_days": 1})
    assert "(max_total_declared_days)" in error.message
    # The limits it does not exceed admit it; the others keep defaults.
    local = strict.derive_file(path, limits={"max_bytes": size,
                                             "max_name_bytes": 15})
    assert local.holiday_name(D(2023, 10, 9)) == "衡阳市调休"


def test_derive_limits_argument_errors(strict):
    with pytest.raises(TypeError, match="'limits' must be a dict"):
        strict.derive_text("", limits=[1])
    with pytest.raises(TypeError, match=r"'limits'\['max_bytes'\] must be "
                       "an int"):
        strict.derive_file("x.txt", limits={"max_bytes": "10"})
    error = expect_error(dutygraph.InvalidArgumentError,
                         _capi.DG_INVALID_ARGUMENT, strict.derive_text, "",
                         {"max_size": 3})
    assert "unknown limit 'max_size'" in error.message
    assert "max_declared_days" in error.message
    error = expect_error(dutygraph.InvalidArgumentError,
                         _capi.DG_INVALID_ARGUMENT, strict.derive_text, "",
                         {"max_layers": 0})
    assert "max_layers is 0; it must be at least 1" in error.message
    expect_error(dutygraph.OutOfRangeError, _capi.DG_OUT_OF_RANGE,
                 strict.derive_text, "", {"max_bytes": -1})
    expect_error(dutygraph.OutOfRangeError, _capi.DG_OUT_OF_RANGE,
                 strict.derive_text, "", {"max_layers": 2**31})


# ---------------------------------------------------------------------------
# Periods.
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("day, kind, start, end, label", [
    (D(2023, 3, 5), "dekad", D(2023, 3, 1), D(2023, 3, 10), "2023年3月上旬"),
    (D(2023, 3, 15), "dekad", D(2023, 3, 11), D(2023, 3, 20), "2023年3月中旬"),
    (D(2024, 2, 25), "旬", D(2024, 2, 21), D(2024, 2, 29), "2024年2月下旬"),
    (D(2023, 3, 22), "week", D(2023, 3, 20), D(2023, 3, 26), "2023年第12周"),
    (D(2023, 1, 1), "周", D(2022, 12, 26), D(2023, 1, 1), "2022年第52周"),
    (D(2024, 12, 31), "week", D(2024, 12, 30), D(2025, 1, 5), "2025年第1周"),
    (D(2023, 3, 15), "half-month", D(2023, 3, 1), D(2023, 3, 15),
     "2023年3月上半月"),
    (D(2023, 2, 16), "半月", D(2023, 2, 16), D(2023, 2, 28), "2023年2月下半月"),
    (D(2023, 3, 31), "month", D(2023, 3, 1), D(2023, 3, 31), "2023年3月"),
    (D(2023, 5, 10), "quarter", D(2023, 4, 1), D(2023, 6, 30),
     "2023年第二季度"),
    (D(2023, 12, 31), "季度", D(2023, 10, 1), D(2023, 12, 31),
     "2023年第四季度"),
    (D(2023, 6, 30), "half-year", D(2023, 1, 1), D(2023, 6, 30),
     "2023年上半年"),
    (D(2023, 7, 1), "半年", D(2023, 7, 1), D(2023, 12, 31), "2023年下半年"),
    (D(2023, 7, 1), "year", D(2023, 1, 1), D(2023, 12, 31), "2023年"),
])
def test_period_of(day, kind, start, end, label):
    period = dutygraph.Period.of(day, kind)
    assert (period.start, period.end, period.label) == (start, end, label)
    assert period.kind in dutygraph.PERIOD_KINDS
    assert day in period
    assert period.length_days == (end - start).days + 1


def expected_period(day, kind):
    """Bounds and label computed in Python, independently of the library."""
    y, m = day.year, day.month
    month_end = (D(y, m + 1, 1) if m < 12 else D(y + 1, 1, 1)) - ONE_DAY
    if kind == "dekad":
        index = min((day.day - 1) // 10, 2)
        start = D(y, m, 1 + 10 * index)
        end = month_end if index == 2 else start + 9 * ONE_DAY
        return start, end, f"{y}年{m}月{'上中下'[index]}旬"
    if kind == "week":
        iso_year, iso_week, weekday = day.isocalendar()
        start = day - (weekday - 1) * ONE_DAY
        return start, start + 6 * ONE_DAY, f"{iso_year}年第{iso_week}周"
    if kind == "half-month":
        if day.day <= 15:
            return D(y, m, 1), D(y, m, 15), f"{y}年{m}月上半月"
        return D(y, m, 16), month_end, f"{y}年{m}月下半月"
    if kind == "month":
        return D(y, m, 1), month_end, f"{y}年{m}月"
    if kind == "quarter":
        q = (m - 1) // 3
        last_month = 3 * q + 3
        end = (D(y, last_month + 1, 1) if last_month < 12 else
               D(y + 1, 1, 1)) - ONE_DAY
        return D(y, 3 * q + 1, 1), end, f"{y}年第{'一二三四'[q]}季度"
    if kind == "half-year":
        if m <= 6:
            return D(y, 1, 1), D(y, 6, 30), f"{y}年上半年"
        return D(y, 7, 1), D(y, 12, 31), f"{y}年下半年"
    assert kind == "year"
    return D(y, 1, 1), D(y, 12, 31), f"{y}年"


@pytest.mark.parametrize("kind", dutygraph.PERIOD_KINDS)
def test_every_period_of_2023_and_2024(kind):
    for day in date_range(D(2023, 1, 1), D(2024, 12, 31)):
        period = dutygraph.Period.of(day, kind)
        assert (period.start, period.end, period.label) == expected_period(
            day, kind), (day, kind)
        following = period.next()
        assert following.start == period.end + ONE_DAY
        assert (following.start, following.end, following.label) == (
            expected_period(following.start, kind))
        assert period.previous().end == period.start - ONE_DAY


def test_period_shift():
    dekad = dutygraph.Period.of(D(2023, 3, 25), "dekad")
    assert dekad.next() == dutygraph.Period(
        "dekad", D(2023, 4, 1), D(2023, 4, 10), "2023年4月上旬")
    assert dekad.shift(-2).label == "2023年3月上旬"
    assert dekad.shift(0) == dekad
    quarter = dutygraph.Period.of(D(2023, 2, 1), "季")
    assert quarter.previous() == dutygraph.Period(
        "quarter", D(2022, 10, 1), D(2022, 12, 31), "2022年第四季度")
    month = dutygraph.Period.of(D(2023, 1, 20), "月")
    assert month.shift(12) == dutygraph.Period.of(D(2024, 1, 1), "month")
    assert month.shift(-13).label == "2021年12月"
    week = dutygraph.Period.of(D(2022, 12, 26), "week")
    assert week.next().label == "2023年第1周"
    assert week.next().start == D(2023, 1, 2)


def test_chinese_and_english_kinds_agree():
    day = D(2023, 8, 18)
    for chinese, english in [("旬", "dekad"), ("周", "week"),
                             ("半月", "half-month"), ("月", "month"),
                             ("季", "quarter"), ("季度", "quarter"),
                             ("半年", "half-year"), ("年", "year")]:
        assert dutygraph.Period.of(day, chinese) == dutygraph.Period.of(
            day, english)


def test_period_errors():
    error = expect_error(dutygraph.InvalidArgumentError,
                         _capi.DG_INVALID_ARGUMENT, dutygraph.Period.of,
                         D(2023, 1, 1), "fortnight")
    assert "'fortnight'" in error.message and "'dekad'" in error.message
    with pytest.raises(TypeError, match="'kind'"):
        dutygraph.Period.of(D(2023, 1, 1), _capi.DG_PERIOD_MONTH)
    with pytest.raises(TypeError, match="'d'.*fromisoformat"):
        dutygraph.Period.of("2023-01-01", "month")
    with pytest.raises(TypeError, match="'n'"):
        dutygraph.Period.of(D(2023, 1, 1), "month").shift(1.0)
    # Past the representable dates (years 1400..9999).
    expect_error(dutygraph.OutOfRangeError, _capi.DG_OUT_OF_RANGE,
                 dutygraph.Period.of(D(9999, 12, 1), "month").next)


# ---------------------------------------------------------------------------
# Types, errors, lifetime.
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("method, args, argument", [
    ("is_working_day", ("2023-10-01",), "'d'"),
    ("is_working_day", (datetime.datetime(2023, 10, 1, 9, 0),), "datetime"),
    ("day", (20231001,), "'d'"),
    ("holiday_name", (None,), "'d'"),
    ("next_working_day", ("2023-10-01",), "'d'"),
    ("previous_working_day", (1.5,), "'d'"),
    ("add_working_days", (D(2023, 10, 1), 1.5), "'n'"),
    ("add_working_days", (D(2023, 10, 1), True), "'n'"),
    ("add_working_days", ("2023-10-01", 1), "'d'"),
    ("working_days_between", (D(2023, 10, 1), "2023-10-07"), "'b'"),
    ("roll", (D(2023, 10, 1), 0), "'convention'"),
    ("nth_working_day", (D(2023, 10, 1), "month", "1"), "'n'"),
    ("nth_working_day", (D(2023, 10, 1), 3, 1), "'kind'"),
    ("last_working_day", ("2023-10-01", "month"), "'d'"),
    ("days", (D(2023, 10, 1), "2023-10-07"), "'end'"),
    ("is_official_year", ("2023",), "'year'"),
    ("with_mode", (1,), "'provisional'"),
])
def test_wrong_types_raise_type_error(strict, method, args, argument):
    with pytest.raises(TypeError, match=argument):
        getattr(strict, method)(*args)


def test_constructor_checks_types():
    with pytest.raises(TypeError, match="'provisional'"):
        dutygraph.Calendar(provisional="yes")


def test_error_hierarchy():
    assert issubclass(dutygraph.InvalidArgumentError, ValueError)
    assert issubclass(dutygraph.OutOfRangeError, ValueError)
    assert issubclass(dutygraph.NotFoundError, LookupError)
    for cls in (dutygraph.InvalidArgumentError, dutygraph.NotFoundError,
                dutygraph.ResourceExhaustedError,
                dutygraph.FailedPreconditionError, dutygraph.OutOfRangeError,
                dutygraph.InternalError):
        assert issubclass(cls, dutygraph.Error)


def test_errors_survive_pickling(strict):
    with pytest.raises(dutygraph.Error) as caught:
        strict.is_working_day(D(2027, 3, 1))
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is dutygraph.FailedPreconditionError
    assert (copy.status, copy.status_name, copy.message) == (
        caught.value.status, caught.value.status_name, caught.value.message)


def test_error_messages_are_per_thread():
    # Each thread's failures must carry that thread's own message.
    calendar = dutygraph.Calendar()
    problems = []

    def fail_repeatedly(day, expected):
        for _ in range(300):
            try:
                calendar.is_working_day(day)
                problems.append(f"{day}: no error")
            except dutygraph.Error as error:
                if expected not in error.message:
                    problems.append(f"{day}: {error}")

    threads = [threading.Thread(target=fail_repeatedly, args=args)
               for args in [(D(2027, 3, 1), "2027"), (D(1949, 1, 1), "1949"),
                            (D(2005, 3, 1), "2005"), (D(2150, 1, 1), "2150")]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not problems, problems[:5]


def test_concurrent_readers_agree():
    calendar = dutygraph.Calendar()
    expected = [calendar.add_working_days(day, 7)
                for day in date_range(D(2023, 1, 1), D(2023, 12, 31))]
    results = {}

    def read(index):
        results[index] = [calendar.add_working_days(day, 7)
                          for day in date_range(D(2023, 1, 1),
                                                D(2023, 12, 31))]

    threads = [threading.Thread(target=read, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result == expected for result in results.values())


def test_close_and_context_manager():
    with dutygraph.Calendar() as calendar:
        assert not calendar.closed
        assert calendar.is_working_day(D(2023, 10, 7))
    assert calendar.closed
    assert "closed" in repr(calendar)
    with pytest.raises(ValueError, match="closed"):
        calendar.is_working_day(D(2023, 10, 7))
    with pytest.raises(ValueError, match="closed"):
        calendar.with_mode(True)
    calendar.close()  # idempotent


def test_repr():
    assert repr(dutygraph.Calendar()) == "<dutygraph.Calendar strict>"
    assert repr(dutygraph.Calendar(True)) == "<dutygraph.Calendar provisional>"


# ---------------------------------------------------------------------------
# The C date functions, through the raw table.
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("day", [D(1400, 1, 1), D(1950, 1, 1), D(1969, 12, 31),
                                 D(1970, 1, 1), D(2000, 2, 29),
                                 D(2023, 9, 28), D(2149, 12, 31),
                                 D(9999, 12, 31)])
def test_c_dates_agree_with_python_ordinals(day):
    lib = _capi.lib
    value = _capi.dg_date()
    assert lib.dg_date_from_ymd(ctypes.byref(value), day.year, day.month,
                                day.day) == _capi.DG_OK
    assert value.value == day.toordinal() - _capi.EPOCH_ORDINAL
    parts = [ctypes.c_int32() for _ in range(3)]
    assert lib.dg_date_to_ymd(*map(ctypes.byref, parts),
                              value.value) == _capi.DG_OK
    assert [part.value for part in parts] == [day.year, day.month, day.day]
    text = ctypes.create_string_buffer(11)
    assert lib.dg_date_format(text, len(text), value.value) == _capi.DG_OK
    assert text.value.decode() == day.isoformat()
    parsed = _capi.dg_date()
    iso = day.isoformat().encode()
    assert lib.dg_date_parse(ctypes.byref(parsed), iso, len(iso)) == (
        _capi.DG_OK)
    assert parsed.value == value.value


def test_c_date_errors():
    lib = _capi.lib
    value = _capi.dg_date(12345)
    assert lib.dg_date_parse(ctypes.byref(value), b"2023-02-30", 10) == (
        _capi.DG_INVALID_ARGUMENT)
    assert "2023-02-30" in lib.dg_last_error_message().decode()
    assert value.value == 0  # out-params are zeroed on failure
    assert lib.dg_date_from_ymd(ctypes.byref(value), 1399, 12, 31) == (
        _capi.DG_OUT_OF_RANGE)
    small = ctypes.create_string_buffer(10)
    assert lib.dg_date_format(small, len(small), 0) == (
        _capi.DG_INVALID_ARGUMENT)


def test_c_null_handles_and_frees():
    lib = _capi.lib
    working = ctypes.c_int()
    assert lib.dg_calendar_is_working_day(ctypes.byref(working), None, None,
                                          0) == _capi.DG_INVALID_ARGUMENT
    assert lib.dg_last_error_message()  # never NULL, and set
    lib.dg_calendar_free(None)
    lib.dg_string_free(None)
    assert lib.dg_status_name(_capi.DG_OUT_OF_RANGE) == b"DG_OUT_OF_RANGE"
    assert lib.dg_status_name(4242) == b"DG_UNKNOWN"


def test_versions():
    assert dutygraph.library_version() == dutygraph.__version__
    assert _capi.LOADED_VERSION_NUMBER == _capi.DG_VERSION_NUMBER


def test_docstring_examples():
    failures, tried = doctest.testmod(
        dutygraph, extraglobs={"dutygraph": dutygraph, "datetime": datetime})
    assert tried >= 15
    assert failures == 0
