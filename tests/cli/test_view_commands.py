"""`--as-unit` / `--as-post` on the plan query commands (scoped views).

Hand-worked on tests/data/small_plan.json: 市金融办 has a role on t_warning
(4/二/（一）/3) only; 市财政局局长 heads 市财政局, which leads the whole
section 4/二/（一）.
"""

import json
import pathlib

import pytest

PLAN = str(pathlib.Path(__file__).resolve().parents[2] / "tests" / "data" /
           "small_plan.json")
COMMON = ("--plan", PLAN, "--on", "2023-06-01")
HIDDEN = ("t_hidden_debt", "严禁新增隐性债务", "t_vague", "合力化解存量债务")


def no_leak(text):
    for hidden in HIDDEN:
        assert hidden not in text, (hidden, text)


def test_raci_as_unit(ok):
    assert ok("raci", *COMMON, "--as-unit", "市金融办") == (
        "id,path,title,市财政局,市金融办,衡阳银保监分局,珠晖区,雁峰区\n"
        "t_warning,4/二/（一）/3,健全债务风险预警机制,R,R,R,S,S")


def test_who_hidden_task_is_unknown(run, ok):
    hidden = run("who", "t_hidden_debt", *COMMON, "--as-unit", "市金融办")
    missing = run("who", "t_nowhere", *COMMON, "--as-unit", "市金融办")
    assert hidden.returncode == missing.returncode == 1
    assert hidden.stderr == ("dutygraph: error: TASK: unknown task "
                             "'t_hidden_debt'\n")
    assert missing.stderr.replace("t_nowhere", "X") == \
        hidden.stderr.replace("t_hidden_debt", "X")
    assert "健全债务风险预警机制" in ok("who", "t_warning", *COMMON,
                                       "--as-unit", "市金融办")


@pytest.mark.parametrize("command", [
    ("tasks", "--unit", "市财政局"),
    ("tasks", "--person", "雷高飞"),
    ("workload",),
    ("lint",),
    ("raci",),
])
def test_lists_leave_hidden_tasks_out(run, command):
    result = run(*command, *COMMON, "--as-unit", "市金融办", "--json",
                 check_clean_failure=False)
    assert result.returncode in (0, 1), result.stderr
    no_leak(result.stdout)
    # The same command without the view answers differently (about the
    # hidden tasks too): the test can fail.
    whole = run(*command, *COMMON, "--json", check_clean_failure=False)
    assert whole.stdout != result.stdout


def test_tasks_of_unit_through_view(ok):
    answer = json.loads(ok("tasks", "--unit", "市财政局", *COMMON,
                           "--as-unit", "市金融办", "--json"))
    assert [t["task"]["id"] for t in answer["tasks"]] == ["t_warning"]


def test_as_post(ok):
    # 市财政局局长 sees all of 市财政局's own assignments.
    answer = json.loads(ok("tasks", "--unit", "市财政局", *COMMON,
                           "--as-post", "czj.director", "--json"))
    assert {t["task"]["id"] for t in answer["tasks"]} == {
        "s_debt", "t_hidden_debt", "t_warning"}
    # 市发改委主任 sees only t_hidden_debt of them.
    answer = json.loads(ok("tasks", "--unit", "市财政局", *COMMON,
                           "--as-post", "fgw.director", "--json"))
    assert [t["task"]["id"] for t in answer["tasks"]] == ["t_hidden_debt"]


def test_bad_viewers(run):
    unknown = run("raci", *COMMON, "--as-unit", "市金融")
    assert unknown.returncode == 1
    assert "--as-unit: unknown unit '市金融'" in unknown.stderr
    both = run("raci", *COMMON, "--as-unit", "市金融办", "--as-post", "x",
               check_clean_failure=False)
    assert both.returncode == 2
    assert "excludes" in both.stderr
