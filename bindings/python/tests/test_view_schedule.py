"""Schedules through a scoped view (PlanView.schedule, tasks_due,
tasks_overdue, critical_path).

Hand-worked on tests/data/small_plan.json: t_hidden_debt (市财政局, 市发改委)
is due 年底前 = 2023-12-31 and must finish before t_warning (市财政局,
市金融办, ...) starts; 市金融办 sees t_warning alone, 市发改委 t_hidden_debt
alone. On examples/hengyang-2023/plan.json, 市安委办 leads 5/二/（一）/2,
whose leads owe the 每月一通报 c_safety_enf_monthly_circular; 市财政局 does
not.
"""

import datetime
import json
import os

import pytest

import dutygraph

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "..")
SMALL = os.path.join(ROOT, "tests", "data", "small_plan.json")
HENGYANG = os.path.join(ROOT, "examples", "hengyang-2023", "plan.json")
ON = datetime.date(2023, 6, 1)
YEAR = (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))


@pytest.fixture(scope="module")
def plan():
    with dutygraph.Plan.load(SMALL) as p:
        yield p


@pytest.fixture(scope="module")
def calendar():
    return dutygraph.Calendar()


def hidden_names(plan, view):
    """Ids, paths and titles of the nodes the view does not show, from the
    plan's own JSON (not through the library's view)."""
    with open(SMALL, encoding="utf-8") as f:
        document = json.load(f)
    seen = {t.task.id for t in view.tasks()}
    visible_paths = [t.task.path for t in view.tasks()]
    names = []
    for t in document["tasks"]:
        if t["id"] in seen:
            continue
        names += [t["id"], t["title"]]
        # A section's path is the start of its visible tasks' paths (the
        # numbering is no secret); any other hidden path must not show.
        if not any(p.startswith(t["path"]) for p in visible_paths):
            names.append(t["path"])
    # The part's title is the (public) plan title's first words: the iCalendar
    # is named after the plan.
    return [n for n in names if n not in document["plan"]["title"]]


def test_a_unit_sees_exactly_its_tasks_due_dates(plan, calendar):
    everything = plan.tasks_due(calendar, *YEAR)
    assert [(d.task.id, d.due) for d in everything] == [
        ("t_hidden_debt", datetime.date(2023, 12, 31))]
    for unit in ("市金融办", "市发改委", "市财政局", "珠晖区", "市银保监分局"):
        with plan.view(unit=unit, on=ON) as view:
            visible = {t.task.id for t in view.tasks()}
            assert view.tasks_due(calendar, *YEAR) == [
                d for d in everything if d.task.id in visible], unit
            assert view.tasks_overdue(calendar, datetime.date(2024, 1, 2)) == [
                d for d in plan.tasks_overdue(calendar,
                                              datetime.date(2024, 1, 2))
                if d.task.id in visible], unit


def test_hand_worked_due_dates(plan, calendar):
    with plan.view(unit="市金融办", on=ON) as jrb:
        assert jrb.tasks_due(calendar, *YEAR) == []
    with plan.view(unit="市发改委", on=ON) as fgw:
        (due,) = fgw.tasks_due(calendar, *YEAR)
        # 2023-12-31 is a Sunday, kept as stated; three working days before
        # it (12-29, 12-28, 12-27) the reminder.
        assert (due.task.id, due.due, due.reminder, due.deadline_text) == (
            "t_hidden_debt", datetime.date(2023, 12, 31),
            datetime.date(2023, 12, 27), "年底前")


def test_no_rendering_names_a_hidden_task(plan, calendar):
    for unit in ("市金融办", "市发改委", "珠晖区"):
        with plan.view(unit=unit, on=ON) as view:
            hidden = hidden_names(plan, view)
            assert hidden
            texts = [view.tasks_due(calendar, *YEAR, format=f)
                     for f in ("json", "csv", "ics")]
            texts.append(view.schedule(calendar, *YEAR, deadlines=True,
                                       format="ics"))
            texts.append(view.schedule(calendar, *YEAR, deadlines=True,
                                       format="json"))
            texts.append(repr(view.critical_path(
                calendar, datetime.date(2023, 9, 28))))
            texts.append(view.gantt_svg(calendar, datetime.date(2023, 9, 1),
                                        datetime.date(2023, 12, 31),
                                        project_start=datetime.date(2023, 9,
                                                                    28)))
            for text in texts:
                for name in hidden:
                    assert name not in text, (unit, name, text)


def test_critical_path_stops_at_the_view(plan, calendar):
    start = datetime.date(2023, 9, 28)
    with plan.view(unit="市金融办", on=ON) as jrb:
        cp = jrb.critical_path(calendar, start, {"t_warning": 3})
        # 09-28, then 10-07 and 10-08 (make-up working weekend after the
        # 中秋国庆 holiday): the visible task alone.
        assert cp.finish_date == datetime.date(2023, 10, 8)
        assert [(t.task.id, t.predecessor_outside_view,
                 t.successor_outside_view) for t in cp.tasks] == [
            ("t_warning", True, False)]
        assert cp.critical_tasks == ("t_warning",)
        # A hidden task cannot be given a duration: it does not exist here.
        with pytest.raises(dutygraph.NotFoundError) as err:
            jrb.critical_path(calendar, start, {"t_hidden_debt": 2})
        assert str(err.value).endswith(": unknown task 't_hidden_debt'")
    with plan.view(unit="市财政局", on=ON) as czj:
        cp = czj.critical_path(calendar, start,
                               {"t_hidden_debt": 2, "t_warning": 3})
        assert cp.finish_date == datetime.date(2023, 10, 10)
        assert cp.critical_tasks == ("t_hidden_debt", "t_warning")
        assert not any(t.predecessor_outside_view for t in cp.tasks)


def test_cadences_through_a_view(calendar):
    with dutygraph.Plan.load(HENGYANG) as plan:
        first, last = datetime.date(2023, 9, 1), datetime.date(2023, 10, 31)
        with plan.view(unit="市安委办", on=ON) as view:
            answer = view.schedule(calendar, first, last,
                                   cadences="c_safety_enf_monthly_circular")
            assert answer.occurrences
            for o in answer.occurrences:
                assert o.cadence.id == "c_safety_enf_monthly_circular"
                assert [u.name for u in o.owner_units] == ["市安委办"]
        with plan.view(unit="市财政局", on=ON) as view:
            with pytest.raises(dutygraph.NotFoundError) as err:
                view.schedule(calendar, first, last,
                              cadences="c_safety_enf_monthly_circular")
            assert str(err.value).endswith(
                ": unknown cadence 'c_safety_enf_monthly_circular'")
            groups = {o.group.name for o in view.schedule(
                calendar, first, last, cadences="c_dekad_briefing").occurrences}
            assert "防范化解政府债务风险专班" in groups
            assert "打好安全生产翻身仗专班" not in groups


def test_gantt_through_a_view(plan, calendar):
    first, last = datetime.date(2023, 9, 1), datetime.date(2023, 12, 31)
    start = datetime.date(2023, 9, 28)
    with plan.view(unit="市财政局", on=ON) as czj:
        svg = czj.gantt_svg(calendar, first, last, project_start=start)
        assert 'data-from="t_hidden_debt" data-to="t_warning"' in svg
    with plan.view(unit="市金融办", on=ON) as jrb:
        svg = jrb.gantt_svg(calendar, first, last, project_start=start)
        assert 'data-task="t_warning"' in svg
        assert "t_hidden_debt" not in svg and '<path class="link' not in svg
