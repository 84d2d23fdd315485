"""Tests of Plan.graph_dot() and Plan.gantt_svg() against hand-worked facts.

tests/data/small_plan.json, task 4/二/（一）/3 (t_warning) as of 2023-06-01:
市财政局 responsible and, from its section 4/二/（一）, lead; 珠晖区 and 雁峰区
in support through 各城区政府; the section's 专班 supervises it; the post
市金融办主任 has no holder.

tests/data/gantt_plan.json from 2023-06-01 to 2023-07-15: task a (2 working
days from Monday 06-05) covers 06-05..06-06 and is critical; c (1 day after
a) covers 06-07 with 3 days of float; d is due 06-20, reminded 06-15; the
旬简报 of 6月中旬 falls due on Sunday 06-25, a make-up working day after the
端午节 break (06-22..06-24).
"""

import datetime
import os
import pathlib
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

import dutygraph

D = datetime.date
ROOT = pathlib.Path(__file__).resolve().parents[3]
SVG = "{http://www.w3.org/2000/svg}"


def _path(variable, relative):
    explicit = os.environ.get(variable)
    return pathlib.Path(explicit) if explicit else ROOT / relative


SMALL_PLAN = _path("DUTYGRAPH_SMALL_PLAN", "tests/data/small_plan.json")
GANTT_PLAN = _path("DUTYGRAPH_GANTT_PLAN", "tests/data/gantt_plan.json")


@pytest.fixture
def small():
    with dutygraph.Plan.load(SMALL_PLAN) as plan:
        yield plan


@pytest.fixture
def gantt_plan():
    with dutygraph.Plan.load(GANTT_PLAN) as plan:
        yield plan


def _edges(dot):
    """{(from, to): [label, ...]} of the edge statements (legend excluded)."""
    edges = {}
    for line in dot.splitlines():
        if not line.startswith("  ") or line.startswith("   "):
            continue
        head, _, attrs = line.strip().partition(" [")
        if " -> " not in head:
            continue
        a, b = head.split(" -> ")
        label = ""
        if 'label="' in attrs:
            label = attrs.split('label="', 1)[1].split('"', 1)[0]
        edges.setdefault((a, b), []).append(label)
    return edges


def test_graph_around_a_task(small):
    dot = small.graph_dot(task="4/二/（一）/3", on=D(2023, 6, 1))
    edges = _edges(dot)
    assert sorted(edges[("u1", "t3")]) == [
        "牵头 lead\\nfrom 4/二/（一）", "负责 responsible"]
    assert edges[("u6", "t3")] == ["配合 support\\nvia 各城区政府"]
    assert edges[("g1", "t3")] == ["supervises"]
    assert "市金融办主任\\n空缺 vacant" in dot
    # The same graph from a Record and from the index.
    record = small.find_task("t_warning")
    assert small.graph_dot(task=record, on=D(2023, 6, 1)) == dot
    assert small.graph_dot(task=3, on=D(2023, 6, 1)) == dot


def test_graph_focus_kinds_and_depth(small):
    alone = small.graph_dot(unit="市发改委", depth=0, on=D(2023, 6, 1))
    assert _edges(alone).keys() == {("u2", "p2"), ("p0", "u2")}
    deeper = small.graph_dot(unit="市发改委", depth=1, on=D(2023, 6, 1))
    assert ("u2", "t2") in _edges(deeper)
    group = small.graph_dot(group="防范化解政府债务风险专班",
                            on=D(2023, 6, 1))
    assert ("g1", "t1") in _edges(group)
    whole = small.graph_dot(legend=False)
    assert "cluster_legend" not in whole and "as of 2023-03-03" in whole


def test_graph_errors(small):
    with pytest.raises(TypeError, match="at most one of task, unit and group"):
        small.graph_dot(task="t_warning", unit="市财政局")
    with pytest.raises(dutygraph.NotFoundError):
        small.graph_dot(unit="市财政厅")
    with pytest.raises(dutygraph.InvalidArgumentError, match="depth 99"):
        small.graph_dot(depth=99)


@pytest.mark.skipif(shutil.which("dot") is None,
                    reason="Graphviz's dot is not installed")
def test_graphviz_accepts_the_dot(small):
    dot = small.graph_dot(task="t_warning", on=D(2023, 12, 1))
    # Graphviz is not ours: under the sanitizer builds it must not inherit
    # the runtime preloaded into this interpreter (CMakeLists.txt).
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    svg = subprocess.run(["dot", "-Tsvg"], input=dot.encode(), env=env,
                         capture_output=True, check=True).stdout
    root = ET.fromstring(svg)
    titles = {t.text for t in root.iter(SVG + "title")}
    assert {"t3", "u1", "u5", "g1"} <= titles  # u5: the renamed regulator


def _x(root, day):
    left = float(root.get("data-left"))
    width = float(root.get("data-day-width"))
    start = D.fromisoformat(root.get("data-from"))
    return left + (day - start).days * width


def test_gantt_bars_where_hand_worked(gantt_plan, strict):
    text = gantt_plan.gantt_svg(strict, D(2023, 6, 1), D(2023, 7, 15))
    root = ET.fromstring(text.encode())  # well-formed XML
    assert root.tag == SVG + "svg"
    tasks = {g.get("data-task"): g for g in root.iter(SVG + "g")
             if g.get("class") == "task"}
    assert list(tasks) == ["a", "b", "c", "d", "e"]
    bar_a = tasks["a"].find(SVG + "rect")
    assert bar_a.get("class") == "bar critical"
    assert abs(float(bar_a.get("x")) - _x(root, D(2023, 6, 5))) < 0.11
    assert abs(float(bar_a.get("x")) + float(bar_a.get("width"))
               - _x(root, D(2023, 6, 7))) < 0.11
    bar_c = tasks["c"].find(SVG + "rect")
    assert bar_c.get("class") == "bar"  # float 3: not critical
    assert tasks["c"].find(SVG + "line").get("data-end") == "2023-06-12"
    dues = [p.get("data-date") for p in tasks["d"].iter(SVG + "path")]
    assert dues == ["2023-06-20"]
    reminders = [l.get("data-date") for l in tasks["d"].iter(SVG + "line")]
    assert reminders == ["2023-06-15"]
    window = tasks["e"].find(SVG + "rect")
    assert (window.get("class"), window.get("data-end")) == ("window",
                                                             "2023-06-30")
    marks = {g.get("data-cadence"): [l.get("data-date")
                                     for l in g.iter(SVG + "line")]
             for g in root.iter(SVG + "g") if g.get("class") == "cadence"}
    assert marks == {
        "c_dekad": ["2023-06-02", "2023-06-13", "2023-06-25", "2023-07-04",
                    "2023-07-12"],
        "c_month": ["2023-06-30"]}
    off = {r.get("data-date") for r in root.iter(SVG + "rect")
           if r.get("class") == "off"}
    assert {"2023-06-22", "2023-06-23", "2023-06-24"} <= off
    assert "2023-06-25" not in off


def test_gantt_options_and_errors(gantt_plan, strict):
    text = gantt_plan.gantt_svg(strict, D(2023, 6, 1), D(2023, 7, 15),
                                unit="市财政局", cadences="c_month",
                                reminder_days=0)
    root = ET.fromstring(text.encode())
    assert [g.get("data-task") for g in root.iter(SVG + "g")
            if g.get("class") == "task"] == ["c", "e"]
    assert 'class="reminder"' not in text
    none = gantt_plan.gantt_svg(strict, D(2023, 6, 1), D(2023, 7, 15),
                                show_cadences=False)
    assert 'class="cadence"' not in none
    with pytest.raises(dutygraph.NotFoundError, match="c_nope"):
        gantt_plan.gantt_svg(strict, D(2023, 6, 1), D(2023, 6, 30),
                             cadences=["c_nope"])
    with pytest.raises(dutygraph.InvalidArgumentError):
        gantt_plan.gantt_svg(strict, D(2023, 6, 2), D(2023, 6, 1))
    with pytest.raises(dutygraph.FailedPreconditionError, match="2027"):
        gantt_plan.gantt_svg(strict, D(2027, 1, 1), D(2027, 1, 31))
