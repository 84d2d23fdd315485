"""Tests of the schedule methods of dutygraph.Plan against hand-worked facts.

The Hengyang plan (examples/hengyang-2023/plan.json) gives each of its 11
专班 a 旬简报 (2nd working day after each 旬), a 月通报 (5th after each
month) and a 季总结 (10th after each quarter). From the issue date
2023-03-03 to 2023-12-31 that is, per 专班, 29 briefings (3月上旬..12月中旬:
2月下旬's is due 03-02 and 12月下旬's in January), 10 circulars
(February..November) and 3 summaries (Q1..Q3). On the 2023 calendar
(09-29..10-06 off, Saturday 10-07 and Sunday 10-08 worked) the 9月下旬
briefing is due Sunday 2023-10-08.

The small plan (tests/data/small_plan.json): t_hidden_debt is due 年底前 =
2023-12-31 (a Sunday; stated dates are not rolled), reminded three working
days before, 12-27; it precedes t_warning. With 2 and 3 working days from
Thursday 2023-09-28: t_hidden_debt occupies 09-28 and 10-07 (working days 0
and 1), t_warning 10-08, 10-09 and 10-10 (2..4); 5 working days in all.
"""

import datetime
import json
import pathlib
import os
import warnings

import pytest

import dutygraph
from dutygraph import (CriticalPath, Deadline, DueDateChange, Occurrence,
                       Period, Ref, Schedule, TaskDue, TaskRef)

D = datetime.date
ROOT = pathlib.Path(__file__).resolve().parents[3]


def _path(variable, relative):
    explicit = os.environ.get(variable)
    return pathlib.Path(explicit) if explicit else ROOT / relative


SMALL_PLAN = _path("DUTYGRAPH_SMALL_PLAN", "tests/data/small_plan.json")
HENGYANG_PLAN = _path("DUTYGRAPH_HENGYANG_PLAN",
                      "examples/hengyang-2023/plan.json")

ISSUED, YEAR_END = D(2023, 3, 3), D(2023, 12, 31)


@pytest.fixture(scope="module")
def hengyang():
    if not HENGYANG_PLAN.is_file():
        pytest.fail(f"{HENGYANG_PLAN} is missing; set DUTYGRAPH_HENGYANG_PLAN")
    with dutygraph.Plan.load(HENGYANG_PLAN) as loaded:
        yield loaded


@pytest.fixture(scope="module")
def hengyang_data():
    return json.loads(HENGYANG_PLAN.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def small():
    with dutygraph.Plan.load(SMALL_PLAN) as loaded:
        yield loaded


@pytest.fixture(scope="module")
def year_2023(hengyang, strict_module):
    return hengyang.schedule(strict_module, ISSUED, YEAR_END)


@pytest.fixture(scope="module")
def strict_module():
    with dutygraph.Calendar() as calendar:
        yield calendar


def _working_groups(data):
    """The 专班 that owe the three rhythms, read from the plan file."""
    cadence = next(c for c in data["cadences"]
                   if c["id"] == "c_dekad_briefing")
    return cadence["owner"]["groups"]


# --- Cadence occurrences --------------------------------------------------


def test_each_working_group_gets_its_rhythms(year_2023, hengyang_data):
    groups = _working_groups(hengyang_data)
    assert len(groups) == 11
    assert isinstance(year_2023, Schedule)
    assert year_2023.deadlines == ()
    expected = {"c_dekad_briefing": 29, "c_monthly_circular": 10,
                "c_quarterly_summary": 3}
    for group in groups:
        for cadence, count in expected.items():
            mine = [o for o in year_2023.occurrences
                    if o.group is not None and o.group.id == group
                    and o.cadence.id == cadence]
            assert len(mine) == count, (group, cadence)
            # Exactly one per period, each period distinct.
            assert len({o.period.label for o in mine}) == count


def test_occurrences_fall_on_working_days_in_order(year_2023, strict_module):
    dues = [o.due for o in year_2023.occurrences]
    assert dues == sorted(dues)
    assert all(ISSUED <= d <= YEAR_END for d in dues)
    for d in set(dues):
        assert strict_module.is_working_day(d), d


def test_briefing_dates_follow_the_rule(year_2023, strict_module):
    # Each briefing: the 2nd working day after its 旬 ends, checked with the
    # calendar's own arithmetic on the period the answer names.
    for o in year_2023.occurrences:
        if o.cadence.id == "c_dekad_briefing":
            assert o.period.kind == "dekad"
            assert o.due == strict_module.add_working_days(o.period.end, 2)
        if o.cadence.id == "c_quarterly_summary":
            assert o.due == strict_module.add_working_days(o.period.end, 10)


def test_september_last_dekad_briefing(hengyang, strict):
    s = hengyang.schedule(strict, D(2023, 9, 21), D(2023, 10, 31),
                          cadences="c_dekad_briefing")
    first = s.occurrences[0]
    assert isinstance(first, Occurrence)
    assert (first.period.label, first.due) == ("2023年9月中旬", D(2023, 9, 22))
    late_september = [o for o in s.occurrences
                      if o.period.label == "2023年9月下旬"]
    assert len(late_september) == 11
    assert {o.due for o in late_september} == {D(2023, 10, 8)}
    o = late_september[0]
    assert o.period == Period("dekad", D(2023, 9, 21), D(2023, 9, 30),
                              "2023年9月下旬")
    assert o.kind == "briefing"
    assert o.cadence == Ref("c_dekad_briefing", "旬简报")
    assert {u.id for u in o.recipient_units} == {"city_party", "city_gov"}
    assert not o.provisional


def test_unit_filter(hengyang, strict, hengyang_data):
    # fgw hosts only 经济增长's office: its 29 briefings.
    s = hengyang.schedule(strict, ISSUED, YEAR_END, unit="fgw",
                          cadences=["c_dekad_briefing"])
    assert len(s.occurrences) == 29
    assert {o.group.id for o in s.occurrences} == {"g_growth"}
    assert all(Ref("fgw", "市发改委") in o.owner_units for o in s.occurrences)
    hosted = [g["id"] for g in hengyang_data["groups"]
              if g.get("office_host") == "yjj"
              and g["id"] in _working_groups(hengyang_data)]
    by_record = hengyang.schedule(strict, ISSUED, YEAR_END,
                                  unit=hengyang.find_unit("yjj"),
                                  cadences=("c_dekad_briefing",))
    assert sorted({o.group.id for o in by_record.occurrences}) == sorted(
        hosted)
    assert len(by_record.occurrences) == 29 * len(hosted)


def test_text_formats(hengyang, strict):
    args = (strict, D(2023, 10, 1), D(2023, 10, 10))
    as_json = json.loads(hengyang.schedule(*args, cadences="c_dekad_briefing",
                                           format="json"))
    assert [o["due"] for o in as_json["occurrences"]] == ["2023-10-08"] * 11
    assert as_json["deadlines"] == []
    csv = hengyang.schedule(*args, cadences="c_dekad_briefing", format="csv")
    lines = csv.splitlines()
    assert lines[0].startswith("due,cadence_id,cadence_name,kind,")
    assert len(lines) == 12
    assert all(line.startswith("2023-10-08,c_dekad_briefing,")
               for line in lines[1:])


def test_ics_parses_back(hengyang, strict):
    icalendar = pytest.importorskip("icalendar")
    text = hengyang.schedule(strict, D(2023, 10, 1), D(2023, 10, 31),
                             cadences="c_dekad_briefing", format="ics")
    parsed = icalendar.Calendar.from_ical(text)
    events = [c for c in parsed.walk() if c.name == "VEVENT"]
    # 9月下旬 (10-08), 10月上旬 (10-12), 10月中旬 (10-24), per 专班.
    assert len(events) == 33
    starts = sorted({e.decoded("DTSTART") for e in events})
    assert starts == [D(2023, 10, 8), D(2023, 10, 12), D(2023, 10, 24)]
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    again = hengyang.schedule(strict, D(2023, 10, 1), D(2023, 10, 31),
                              cadences="c_dekad_briefing", format="ics")
    assert [str(e["UID"]) for e in icalendar.Calendar.from_ical(again).walk()
            if e.name == "VEVENT"] == uids


def test_schedule_with_deadlines(small, strict):
    s = small.schedule(strict, D(2023, 12, 1), YEAR_END, deadlines=True)
    assert s.occurrences == ()
    assert [d.due for d in s.deadlines] == [YEAR_END]
    with pytest.raises(dutygraph.InvalidArgumentError, match="CSV"):
        small.schedule(strict, D(2023, 12, 1), YEAR_END, deadlines=True,
                       format="csv")


def test_schedule_errors(hengyang, strict):
    with pytest.raises(dutygraph.NotFoundError, match="c_no_such"):
        hengyang.schedule(strict, ISSUED, YEAR_END,
                          cadences=["c_dekad_briefing", "c_no_such"])
    with pytest.raises(dutygraph.FailedPreconditionError) as error:
        hengyang.schedule(strict, D(2026, 12, 1), D(2027, 1, 31))
    assert "2027" in error.value.message
    with pytest.raises(dutygraph.InvalidArgumentError, match="format"):
        hengyang.schedule(strict, ISSUED, YEAR_END, format="xml")
    with pytest.raises(dutygraph.InvalidArgumentError, match="before"):
        hengyang.schedule(strict, YEAR_END, ISSUED)
    with pytest.raises(dutygraph.NotFoundError):
        hengyang.schedule(strict, ISSUED, YEAR_END, unit="no such unit")
    with pytest.raises(dutygraph.OutOfRangeError):
        hengyang.schedule(strict, ISSUED, YEAR_END, unit=10**6)
    with pytest.raises(dutygraph.InvalidArgumentError,
                       match="reminder_working_days"):
        hengyang.schedule(strict, ISSUED, YEAR_END, reminder_days=-1)
    with pytest.raises(TypeError, match="Calendar"):
        hengyang.schedule("strict", ISSUED, YEAR_END)
    with pytest.raises(TypeError, match="datetime.date"):
        hengyang.schedule(strict, "2023-03-03", YEAR_END)
    with pytest.raises(TypeError, match="bool"):
        hengyang.schedule(strict, ISSUED, YEAR_END, deadlines=1)


def test_provisional_schedule_warns(hengyang, provisional):
    with pytest.warns(dutygraph.ProvisionalWarning, match="2027"):
        s = hengyang.schedule(provisional, D(2026, 12, 1), D(2027, 1, 31),
                              cadences="c_dekad_briefing")
    assert any(o.provisional for o in s.occurrences)
    assert not all(o.provisional for o in s.occurrences)


# --- Task deadlines ---------------------------------------------------------


def test_tasks_due(small, strict):
    dues = small.tasks_due(strict, D(2023, 1, 1), YEAR_END)
    assert len(dues) == 1
    due = dues[0]
    assert isinstance(due, TaskDue)
    assert due.task.id == "t_hidden_debt"
    assert (due.due, due.reminder) == (YEAR_END, D(2023, 12, 27))
    assert (due.deadline, due.deadline_kind, due.deadline_text) == (
        0, "by", "年底前")
    assert not due.provisional
    assert small.tasks_due(strict, D(2023, 1, 1), D(2023, 12, 30)) == []
    quiet = small.tasks_due(strict, D(2023, 1, 1), YEAR_END, reminder_days=0)
    assert quiet[0].reminder is None
    # By unit: 市财政局 has a role in it, 市金融办 none.
    assert len(small.tasks_due(strict, D(2023, 1, 1), YEAR_END,
                               unit="市财政局")) == 1
    assert small.tasks_due(strict, D(2023, 1, 1), YEAR_END,
                           unit="jrb") == []
    csv = small.tasks_due(strict, D(2023, 1, 1), YEAR_END, format="csv")
    assert csv.splitlines()[1].startswith("2023-12-31,2023-12-27,"
                                          "t_hidden_debt,")
    as_json = json.loads(small.tasks_due(strict, D(2023, 1, 1), YEAR_END,
                                         format="json"))
    assert as_json[0]["due"] == "2023-12-31"


def test_hengyang_tasks_due_match_the_plan_file(hengyang, strict,
                                                hengyang_data):
    # Every `by` deadline dated in 2023 is listed on its stated date.
    stated = sorted(
        (d["date"], t["id"]) for t in hengyang_data["tasks"]
        for d in t.get("deadlines", ())
        if d["kind"] in ("by", "end_of_period")
        and ISSUED.isoformat() <= d.get("date", "") <= "2023-12-31")
    dues = hengyang.tasks_due(strict, ISSUED, YEAR_END)
    listed = sorted((d.due.isoformat(), d.task.id) for d in dues
                    if d.deadline_kind in ("by", "end_of_period"))
    assert listed == stated
    assert len(stated) > 0


def test_tasks_overdue(small, strict):
    assert small.tasks_overdue(strict, YEAR_END) == []
    overdue = small.tasks_overdue(strict, D(2024, 1, 2))
    assert [(d.task.id, d.due) for d in overdue] == [("t_hidden_debt",
                                                      YEAR_END)]
    with pytest.raises(dutygraph.InvalidArgumentError):
        small.tasks_overdue(strict, ISSUED)
    with pytest.raises(dutygraph.InvalidArgumentError, match="format"):
        small.tasks_overdue(strict, D(2024, 1, 2), format="objects2")


# --- Critical path ----------------------------------------------------------


def test_critical_path_small_plan(small, strict):
    cp = small.critical_path(strict, D(2023, 9, 28),
                             {"t_hidden_debt": 2, "t_warning": 3})
    assert isinstance(cp, CriticalPath)
    assert (cp.start_date, cp.duration, cp.finish_date) == (
        D(2023, 9, 28), 5, D(2023, 10, 10))
    assert (cp.latest_finish, cp.float, cp.provisional) == (5, 0, False)
    assert cp.critical_tasks == ("t_hidden_debt", "t_warning")
    assert cp.critical_paths == (("t_hidden_debt", "t_warning"),)
    assert not cp.truncated
    debt = cp.task("t_hidden_debt")
    assert debt.task == TaskRef("t_hidden_debt", "4/二/（一）/1",
                                debt.task.title)
    assert (debt.earliest_start, debt.earliest_finish) == (0, 2)
    assert (debt.earliest_start_date, debt.earliest_finish_date) == (
        D(2023, 9, 28), D(2023, 10, 7))
    warning = cp.task("t_warning")
    assert (warning.earliest_start, warning.earliest_finish) == (2, 5)
    assert (warning.earliest_start_date, warning.earliest_finish_date) == (
        D(2023, 10, 8), D(2023, 10, 10))
    assert warning.total_float == 0 and warning.critical
    # t_vague: a milestone with the whole project as float.
    vague = cp.task("t_vague")
    assert (vague.duration, vague.total_float, vague.critical) == (0, 5,
                                                                   False)
    assert len(cp.tasks) == 5
    # Keys by path, Record or index give the same answer.
    same = small.critical_path(strict, D(2023, 9, 28), {
        "4/二/（一）/1": 2, small.find_task("t_warning"): 3})
    assert same == cp
    assert small.critical_path(strict, D(2023, 9, 28), {2: 2, 3: 3}) == cp


def test_critical_path_keeps_the_plans_own_durations(strict):
    # The plan gives t_hidden_debt 2 working days; the call gives only
    # t_warning (a higher task index). The same answer as giving both
    # (test above): t_hidden_debt keeps its 2 days, it does not become 0.
    data = json.loads(SMALL_PLAN.read_text(encoding="utf-8"))
    for task in data["tasks"]:
        if task["id"] == "t_hidden_debt":
            task["duration_working_days"] = 2
    plan = dutygraph.Plan.from_json(json.dumps(data, ensure_ascii=False))
    cp = plan.critical_path(strict, D(2023, 9, 28), {"t_warning": 3})
    assert (cp.duration, cp.finish_date) == (5, D(2023, 10, 10))
    assert cp.task("t_hidden_debt").duration == 2
    # A duration given overrides the plan's.
    assert plan.critical_path(strict, D(2023, 9, 28),
                              {"t_hidden_debt": 4, "t_warning": 3}
                              ).duration == 7


def test_critical_path_errors(small, strict):
    with pytest.raises(dutygraph.InvalidArgumentError, match="t_warning"):
        small.critical_path(strict, D(2023, 9, 28), {"t_warning": -1})
    with pytest.raises(dutygraph.NotFoundError):
        small.critical_path(strict, D(2023, 9, 28), {"t_nope": 1})
    with pytest.raises(dutygraph.FailedPreconditionError) as error:
        small.critical_path(strict, D(2026, 12, 28), {"t_hidden_debt": 5})
    assert "2027" in error.value.message
    with pytest.raises(TypeError, match="dict"):
        small.critical_path(strict, D(2023, 9, 28), [2, 3])
    with pytest.raises(TypeError):
        small.critical_path(strict, D(2023, 9, 28), {"t_warning": 1.5})
    assert small.critical_path(strict, D(2023, 9, 28)).duration == 0


# --- Deadline text and calendar changes -------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("年底前", Deadline("by", "年底前", D(2023, 12, 31), None, 0, "", 0)),
    ("6月底前", Deadline("by", "6月底前", D(2023, 6, 30), None, 0, "", 0)),
    ("5月以前", Deadline("by", "5月以前", D(2023, 4, 30), None, 0, "", 0)),
    ("上半年", Deadline("end_of_period", "上半年", D(2023, 6, 30),
                        "half-year", 0, "", 0)),
    ("四季度前", Deadline("end_of_period", "四季度前", D(2023, 9, 30),
                          "quarter", 0, "", 0)),
    ("每月5日前", Deadline("recurring", "每月5日前", None, "month", 0, "",
                           5)),
    ("10个工作日内", Deadline("relative", "10个工作日内", None, None, 10,
                              "交办", 0)),
])
def test_resolve_deadline_text(text, expected):
    assert dutygraph.resolve_deadline_text(text, 2023) == expected


def test_resolve_deadline_text_errors():
    with pytest.raises(dutygraph.InvalidArgumentError, match="下个月"):
        dutygraph.resolve_deadline_text("下个月", 2023)
    with pytest.raises(dutygraph.InvalidArgumentError):
        dutygraph.resolve_deadline_text("2月30日前", 2023)
    with pytest.raises(TypeError):
        dutygraph.resolve_deadline_text("年底前".encode(), 2023)
    with pytest.raises(TypeError):
        dutygraph.resolve_deadline_text("年底前", "2023")


def test_due_date_changes(hengyang, strict):
    local = strict.derive_text("off 2023-10-09 调休\n")
    changes = hengyang.due_date_changes(strict, local, D(2023, 10, 1),
                                        D(2023, 10, 31))
    assert all(isinstance(c, DueDateChange) for c in changes)
    assert changes == sorted(changes, key=lambda c: min(c.before, c.after))
    circulars = [c for c in changes if c.type == "occurrence"
                 and c.cadence.id == "c_monthly_circular"]
    assert len(circulars) == 11
    assert {(c.period, c.before, c.after) for c in circulars} == {
        ("2023年9月", D(2023, 10, 11), D(2023, 10, 12))}
    summaries = [c for c in changes if c.type == "occurrence"
                 and c.cadence.id == "c_quarterly_summary"]
    assert {(c.period, c.before, c.after) for c in summaries} == {
        ("2023年第三季度", D(2023, 10, 18), D(2023, 10, 19))}
    # Neither the 9月下旬 briefing (10-08) nor the 10月上旬 one (10-12).
    assert not [c for c in changes
                if c.period in ("2023年9月下旬", "2023年10月上旬")]
    assert hengyang.due_date_changes(strict, strict, ISSUED, YEAR_END) == []
    with pytest.raises(dutygraph.FailedPreconditionError, match="2027"):
        hengyang.due_date_changes(strict, local, D(2026, 12, 1),
                                  D(2027, 1, 31))
    with pytest.raises(TypeError, match="'after'"):
        hengyang.due_date_changes(strict, None, ISSUED, YEAR_END)
