"""`--as-unit` / `--as-post` on `schedule`, `due` and `critical-path`.

Hand-worked on tests/data/small_plan.json: t_hidden_debt (市财政局,
市发改委; 年底前 = 2023-12-31) must finish before t_warning (市财政局,
市金融办, ...) starts. 市金融办 sees t_warning alone; 市发改委
t_hidden_debt alone. examples/hengyang-2023/plan.json: 市安委办 owes the
每月一通报 of 5/二/（一）/2; 市财政局 does not.
"""

import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
PLAN = str(ROOT / "tests" / "data" / "small_plan.json")
HENGYANG = str(ROOT / "examples" / "hengyang-2023" / "plan.json")
HIDDEN = ("t_hidden_debt", "严禁新增隐性债务", "4/二/（一）/1", "t_vague",
          "合力化解存量债务")


def no_leak(text):
    for hidden in HIDDEN:
        assert hidden not in text, (hidden, text)


def test_due_as_unit_lists_its_own_tasks_only(ok):
    everything = json.loads(ok("due", "--plan", PLAN, "--on", "2023-12-20",
                               "--json"))
    assert [d["task"]["id"] for d in everything["upcoming"]] == [
        "t_hidden_debt"]
    mine = json.loads(ok("due", "--plan", PLAN, "--on", "2023-12-20",
                         "--json", "--as-unit", "市发改委"))
    assert mine["upcoming"] == everything["upcoming"]
    for fmt in ("table", "json", "csv", "ics"):
        no_leak(ok("due", "--plan", PLAN, "--on", "2023-12-20", "--format",
                   fmt, "--as-unit", "市金融办"))
    assert ok("due", "--plan", PLAN, "--on", "2024-01-02", "--as-unit",
              "市金融办").startswith("as of 2024-01-02: 0 overdue, 0 due")


def test_schedule_as_unit(ok):
    for fmt in ("json", "ics"):
        no_leak(ok("schedule", "--plan", PLAN, "--from", "2023-03-03",
                   "--to", "2023-12-31", "--deadlines", "--format", fmt,
                   "--as-unit", "市金融办"))
    text = ok("schedule", "--plan", PLAN, "--from", "2023-03-03", "--to",
              "2023-12-31", "--deadlines", "--format", "ics", "--as-unit",
              "市发改委")
    assert "SUMMARY:截止 4/二/（一）/1 严禁新增隐性债务" in text


def test_schedule_cadences_as_unit(ok, run):
    args = ("schedule", "--plan", HENGYANG, "--from", "2023-09-01", "--to",
            "2023-10-31", "--cadence", "c_safety_enf_monthly_circular",
            "--json")
    mine = json.loads(ok(*args, "--as-unit", "市安委办"))
    assert mine["occurrences"]
    assert {u["name"] for o in mine["occurrences"]
            for u in o["owners"]["units"]} == {"市安委办"}
    other = run(*args, "--as-unit", "市财政局")
    assert other.returncode == 1
    assert other.stderr == ("dutygraph: error: --cadence: unknown cadence "
                            "'c_safety_enf_monthly_circular'\n")


def test_critical_path_as_unit(ok, run, tmp_path):
    durations = tmp_path / "durations.csv"
    durations.write_text("t_warning,3\n", encoding="utf-8")
    common = ("critical-path", "--plan", PLAN, "--start", "2023-09-28",
              "--durations", str(durations))
    answer = json.loads(ok(*common, "--json", "--as-unit", "市金融办"))
    assert answer["project"]["finish_date"] == "2023-10-08"
    assert [(t["task"]["id"], t["predecessor_outside_view"])
            for t in answer["tasks"]] == [("t_warning", True)]
    table = ok(*common, "--as-unit", "市金融办")
    no_leak(table)
    assert "before" in table and "outside the view" in table
    # Through the whole plan the chain is followed (finish 10-10).
    durations.write_text("t_hidden_debt,2\nt_warning,3\n", encoding="utf-8")
    assert json.loads(ok(*common, "--json"))["project"]["finish_date"] == \
        "2023-10-10"
    # A hidden task in --durations is unknown, like a missing one.
    hidden = run(*common, "--as-unit", "市金融办")
    assert hidden.returncode == 1
    assert "unknown task 't_hidden_debt'" in hidden.stderr
    assert "did you mean" not in hidden.stderr


def test_view_options_are_exclusive_and_checked(run):
    both = run("due", "--plan", PLAN, "--on", "2023-12-20", "--as-unit",
               "市金融办", "--as-post", "czj.director")
    assert both.returncode == 2
    unknown = run("due", "--plan", PLAN, "--on", "2023-12-20", "--as-unit",
                  "市不存在局")
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("dutygraph: error: --as-unit: ")


def test_gantt_as_unit(ok):
    common = ("gantt", "--plan", PLAN, "--from", "2023-09-01", "--to",
              "2023-12-31", "--start", "2023-09-28")
    whole = ok(*common)
    assert 'data-from="t_hidden_debt" data-to="t_warning"' in whole
    mine = ok(*common, "--as-unit", "市金融办")
    assert 'data-task="t_warning"' in mine
    assert "(unit jrb (市金融办))" in mine
    no_leak(mine)
