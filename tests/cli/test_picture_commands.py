"""The picture commands of `dutygraph`: graph and gantt.

Facts worked by hand from the fixtures:
- tests/data/small_plan.json, task 4/二/（一）/3 (t3) as of 2023-06-01:
  市财政局 (u1) responsible and, from its section, lead; 珠晖区 (u6) in
  support through 各城区政府; the section's 专班 (g1) supervises it.
- tests/data/gantt_plan.json from 2023-06-01 to 2023-07-15: task a covers
  06-05..06-06 and is critical; the 旬简报 of 6月中旬 falls due on Sunday
  06-25, a make-up working day after the 端午节 break (06-22..06-24).
- examples/hengyang-2023/plan.json: task 4/二/（一）/1 is led by 市财政局
  (from its section) with 市财政局 and 市发改委 responsible; 市财政局局长 was
  雷高飞 on 2023-06-01.
"""

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from conftest import REPO_ROOT

USAGE, FAILURE = 2, 1
SVG = "{http://www.w3.org/2000/svg}"
SMALL_PLAN = str(REPO_ROOT / "tests" / "data" / "small_plan.json")
GANTT_PLAN = str(REPO_ROOT / "tests" / "data" / "gantt_plan.json")
HENGYANG_PLAN = str(REPO_ROOT / "examples" / "hengyang-2023" / "plan.json")
HAVE_DOT = shutil.which("dot") is not None


def edges(dot):
    found = set()
    for line in dot.splitlines():
        if line.startswith("  ") and not line.startswith("   ") \
                and " -> " in line:
            head, _, attrs = line.strip().partition(" [")
            label = attrs.split('label="', 1)[1].split('"', 1)[0] \
                if 'label="' in attrs else ""
            found.add((head, label))
    return found


def test_graph_dot_around_a_task(ok):
    dot = ok("graph", "--plan", SMALL_PLAN, "--task", "4/二/（一）/3",
             "--on", "2023-06-01")
    assert dot.startswith("digraph dutygraph {")
    assert {("u1 -> t3", "牵头 lead\\nfrom 4/二/（一）"),
            ("u1 -> t3", "负责 responsible"),
            ("u6 -> t3", "配合 support\\nvia 各城区政府"),
            ("g1 -> t3", "supervises")} <= edges(dot)


def test_graph_hengyang_task_with_holders(ok):
    dot = ok("graph", "--plan", HENGYANG_PLAN, "--task", "4/二/（一）/1",
             "--on", "2023-06-01")
    assert "市财政局局长\\n雷高飞" in dot
    labels = {label for _, label in edges(dot)}
    assert "负责 responsible" in labels and "head" in labels


@pytest.mark.skipif(not HAVE_DOT, reason="Graphviz's dot is not installed")
def test_graph_svg_and_png(ok, run, tmp_path):
    svg = ok("graph", "--plan", SMALL_PLAN, "--unit", "市财政局",
             "--format", "svg")
    root = ET.fromstring(svg.encode())
    assert root.tag == SVG + "svg"
    assert "u1" in {t.text for t in root.iter(SVG + "title")}
    out = tmp_path / "g.png"
    result = run("graph", "--plan", SMALL_PLAN, "--group",
                 "防范化解政府债务风险专班", "--format", "png", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.skipif(not HAVE_DOT, reason="Graphviz's dot is not installed")
def test_dot_accepts_a_hengyang_unit_two_steps_out(ok):
    dot = ok("graph", "--plan", HENGYANG_PLAN, "--unit", "市财政局",
             "--depth", "2")
    result = subprocess.run(["dot", "-Tsvg"], input=dot.encode(),
                            capture_output=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr.decode()
    titles = {t.text for t in ET.fromstring(result.stdout).iter(
        SVG + "title")}
    assert {"u25", "g5"} <= titles  # 市财政局 and the 债务 专班 it hosts


def test_graph_without_graphviz_says_so(cli, tmp_path):
    env = dict(os.environ, PATH=str(tmp_path))  # no `dot` anywhere
    result = subprocess.run(
        [cli, "graph", "--plan", SMALL_PLAN, "--format", "svg"],
        capture_output=True, text=True, env=env, check=False)
    assert result.returncode == FAILURE
    assert result.stdout == ""
    assert result.stderr.startswith("dutygraph: error: --format svg needs "
                                    "Graphviz's 'dot' program")
    assert "graphviz" in result.stderr
    # DOT itself needs no Graphviz.
    result = subprocess.run([cli, "graph", "--plan", SMALL_PLAN],
                            capture_output=True, text=True, env=env,
                            check=False)
    assert result.returncode == 0 and result.stdout.startswith("digraph")


@pytest.mark.parametrize("args, code, message", [
    (("--task", "t_warning", "--unit", "市财政局"), USAGE, "excludes"),
    (("--depth", "99"), USAGE, "--depth"),
    (("--format", "pdf"), USAGE, "--format"),
    (("--on", "2023-02-30"), USAGE, "2023-02-30"),
    (("--task", "t_warnin"), FAILURE, "did you mean"),
    (("--group", "专班"), FAILURE, "--group"),
])
def test_graph_errors(run, args, code, message):
    result = run("graph", "--plan", SMALL_PLAN, *args)
    assert result.returncode == code
    assert message in result.stderr


def test_gantt_to_a_file(run, tmp_path):
    out = tmp_path / "g.svg"
    result = run("gantt", "--plan", GANTT_PLAN, "--from", "2023-06-01",
                 "--to", "2023-07-15", "-o", str(out))
    assert result.returncode == 0, result.stderr
    root = ET.parse(out).getroot()
    bars = {g.get("data-task"): g.find(SVG + "rect")
            for g in root.iter(SVG + "g") if g.get("class") == "task"}
    assert (bars["a"].get("class"), bars["a"].get("data-start"),
            bars["a"].get("data-end")) == ("bar critical", "2023-06-05",
                                           "2023-06-06")
    marks = [l.get("data-date") for g in root.iter(SVG + "g")
             if g.get("data-cadence") == "c_dekad" for l in g]
    assert "2023-06-25" in marks


def test_gantt_hengyang_unit(ok):
    svg = ok("gantt", "--plan", HENGYANG_PLAN, "--from", "2023-09-01",
             "--to", "2023-10-31", "--unit", "市发改委")
    root = ET.fromstring(svg.encode())
    marks = {g.get("data-cadence"): [l.get("data-date") for l in g
                                     if l.tag == SVG + "line"]
             for g in root.iter(SVG + "g") if g.get("class") == "cadence"}
    # The 9月下旬 briefing: 2nd working day after 09-30 is Sunday 10-08.
    assert "2023-10-08" in marks["c_dekad_briefing"]


@pytest.mark.parametrize("args, code, message", [
    (("--from", "2023-06-02", "--to", "2023-06-01"), USAGE, "before --from"),
    (("--from", "2023-06-01"), USAGE, "--to"),
    (("--from", "2023-06-01", "--to", "2023-06-30", "--unit", "市财政厅"),
     FAILURE, "--unit"),
    (("--from", "2023-06-01", "--to", "2023-06-30", "--cadence", "c_nope"),
     FAILURE, "c_nope"),
    (("--from", "2027-01-01", "--to", "2027-01-31"), FAILURE, "2027"),
])
def test_gantt_errors(run, args, code, message):
    result = run("gantt", "--plan", GANTT_PLAN, *args)
    assert result.returncode == code
    assert message in result.stderr


def test_help(ok):
    for command, options in (("graph", ["--task", "--unit", "--group",
                                        "--depth", "--format", "-o"]),
                             ("gantt", ["--from", "--to", "--unit",
                                        "--cadence", "-o"])):
        text = ok(command, "--help")
        for option in options:
            assert option in text, (command, option)
        assert "Exit status" in text
