"""The tracking commands of `dutygraph`: status, escalations, rank, ledger
and lifecycle, on the scripted 2023 scenario of the Hengyang plan
(examples/hengyang-2023: policy.json, scenario-2023.jsonl, and in expected/
the log replayed day by day with every due action recorded, and the answers
the C++ test committed). The CLI must give the same bytes as the library.
"""

import csv
import io
import json

import pytest

from conftest import REPO_ROOT

USAGE, FAILURE = 2, 1

EXAMPLE = REPO_ROOT / "examples" / "hengyang-2023"
PLAN = str(EXAMPLE / "plan.json")
POLICY = str(EXAMPLE / "policy.json")
SCENARIO = str(EXAMPLE / "scenario-2023.jsonl")
REPLAYED = str(EXAMPLE / "expected" / "events-replayed-2023.jsonl")
EXPECTED = EXAMPLE / "expected"


def common(events=REPLAYED):
    return ("--plan", PLAN, "--events", events, "--policy", POLICY)


def test_rank_matches_the_committed_ranking(ok):
    out = ok("rank", *common(), "--set", "各县市区", "--period", "2023Q2", "--json")
    assert out + "\n" == (EXPECTED / "ranking-2023Q2.json").read_text(encoding="utf-8")
    rows = json.loads(out)["rows"]
    assert rows[-1]["unit"]["id"] == "leiyang" and rows[-1]["rank"] == 12
    table = ok("rank", *common(), "--set", "counties", "--period", "2023Q4")
    assert table.splitlines()[0].startswith("# 2023年第四季度 counties")


def test_status_matches_the_committed_status(ok):
    out = ok("status", *common(), "--on", "2023-07-14", "--json")
    assert out + "\n" == (EXPECTED / "status-2023-07-14.json").read_text(encoding="utf-8")
    tasks = {t["task"]["id"]: t for t in json.loads(out)["tasks"]}
    enforcement = tasks["p5.2.1.2"]
    # Due 06-30 (交办); (06-30, 07-14] holds 10 working days.
    assert enforcement["state"] == "overdue"
    assert enforcement["working_days_overdue"] == 10
    assert enforcement["due_source"] == "assigned:jb-5.2.1.2"
    assert enforcement["light"] == "red"


def test_status_for_one_unit(ok):
    out = ok("status", *common(), "--on", "2023-07-14", "--unit", "市安委办")
    rows = [line.split("\t") for line in out.splitlines()[1:]]
    assert [r[0].split(" ")[0] for r in rows] == ["5/二/（一）/1", "5/二/（一）/2", "5/二/（一）/3"]


def test_ledger_matches_the_committed_csv(ok):
    out = ok("ledger", *common(), "--on", "2023-12-29")
    assert out + "\n" == (EXPECTED / "ledger-2023-12-29.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["序号", "任务", "牵头单位", "配合单位", "完成时限", "进展", "状态"]
    row = next(r for r in rows if r[1].startswith("5/二/（一）/2 "))
    assert row[2] == "市安委办" and row[4] == "2023-09-29" and row[6] == "已销号"


def test_lifecycle_matches_the_committed_answer(ok):
    out = ok("lifecycle", "--plan", PLAN, "--events", REPLAYED, "--task", "p5.2.1.2", "--json")
    assert out + "\n" == (EXPECTED / "lifecycle-p5.2.1.2.json").read_text(encoding="utf-8")
    life = json.loads(out)
    assert life["deployed"][0]["actor"] == {"post": "exec_vice_mayor"}
    assert life["accepted"][0]["actor"] == {"post": "exec_vice_mayor"}
    text = ok("lifecycle", "--plan", PLAN, "--events", REPLAYED, "--task", "5/二/（一）/2")
    assert "谁验收\t2023-10-27 accepted exec_vice_mayor" in text


def test_escalations_are_due_once(ok):
    # Without the recorded actions, the circular is due on 07-07 ...
    due = json.loads(ok("escalations", *common(SCENARIO), "--on", "2023-07-07", "--json"))
    rules = {(a["rule"], (a["task"] or a["unit"])["id"]) for a in due["actions"]}
    assert ("circular", "p5.2.1.2") in rules
    # ... and the committed replay lists the same action on that day.
    line = next(json.loads(l) for l in (EXPECTED / "escalations-2023.jsonl")
                .read_text(encoding="utf-8").splitlines()
                if json.loads(l)["as_of"] == "2023-07-07")
    assert any(a["rule"] == "circular" and a["task"]["id"] == "p5.2.1.2"
               for a in line["actions"])
    # With them recorded (the replayed log), nothing is issued again.
    again = ok("escalations", *common(), "--on", "2023-07-07")
    assert again == "# no escalation due on 2023-07-07"


def test_escalation_explains_itself(ok):
    out = ok("escalations", *common(SCENARIO), "--on", "2023-03-06")
    assert "listed_supervision" in out
    assert "unit 耒阳市: yellow card in 2022 (2022-yc-leiyang, 2022-12-20)" in out


def test_an_audience_of_nobody_is_explained(ok):
    # The 约谈 of 5/二/（一）/2 goes to the head and the supervising leader of
    # 市安委办, and the seed names neither: nobody can be addressed, and the
    # answer says why (text and JSON), as the committed replay does.
    reasons = ["市安委办 has no head post in the plan on 2023-07-14",
               "市安委办 has no supervising leader post in the plan on 2023-07-14"]
    out = ok("escalations", *common(SCENARIO), "--on", "2023-07-14")
    row = next(line.split("\t") for line in out.splitlines()
               if line.startswith("interview\t"))
    assert row[3] == "（无人）"
    assert row[4].endswith("; ".join([""] + reasons + ["nobody to address"]))
    due = json.loads(ok("escalations", *common(SCENARIO), "--on", "2023-07-14", "--json"))
    interview = next(a for a in due["actions"] if a["rule"] == "interview")
    assert interview["audience"] == []
    assert [(u["role"], u["unit"]["id"], u["reason"])
            for u in interview["unresolved_audience"]] == [
        ("lead_unit_head", "anweiban", reasons[0]),
        ("supervising_leader", "anweiban", reasons[1])]
    committed = next(json.loads(l) for l in (EXPECTED / "escalations-2023.jsonl")
                     .read_text(encoding="utf-8").splitlines()
                     if json.loads(l)["as_of"] == "2023-07-14")
    assert [a for a in committed["actions"] if a["rule"] == "interview"] == [interview]


def test_tracking_limits_are_options(ok, run):
    # Lowered, a limit refuses the scenario naming it; the defaults read it.
    r = run("status", *common(SCENARIO), "--on", "2023-07-14", "--max-batch-events", "10")
    assert r.returncode == FAILURE
    assert "more than the limit max_batch_events (10)" in r.stderr
    r = run("escalations", *common(SCENARIO), "--on", "2023-07-14", "--max-policy-bytes", "100")
    assert r.returncode == FAILURE
    assert "--policy: " in r.stderr and "max_policy_bytes (100)" in r.stderr
    # The Hengyang policy nests 6 deep (escalation, policy, rules, rule,
    # trigger inside the document), its events 2.
    assert ok("status", *common(SCENARIO), "--on", "2023-07-14", "--max-depth", "6")
    r = run("status", *common(SCENARIO), "--on", "2023-07-14", "--max-depth", "5")
    assert r.returncode == FAILURE
    assert "policy: JSON nests deeper than the limit max_depth (5) at line 28" in r.stderr
    assert ok("status", "--plan", PLAN, "--events", SCENARIO, "--on", "2023-07-14",
              "--max-depth", "2")


def test_default_policy_is_the_plans(ok):
    # Without --policy the plan's own escalation policies apply.
    out = ok("escalations", "--plan", PLAN, "--events", SCENARIO, "--on", "2023-06-14")
    assert "fraud_red_yellow_cards/yellow_card" in out


def test_errors(run, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id":"a","kind":"completed","date":"2023-06-01","task":"p5.2.1.2"}\n'
                   '{"id":"b","kind":"completed","date":"2023-06-01","task":"p5.2.1.22"}\n',
                   encoding="utf-8")
    result = run("status", "--plan", PLAN, "--events", str(bad), "--on", "2023-07-01")
    assert result.returncode == FAILURE
    assert "bad.jsonl:2 ('b')" in result.stderr and "field 'task'" in result.stderr
    result = run("rank", *common(), "--set", "各县市", "--period", "2023Q2")
    assert result.returncode == FAILURE and "各县市区" in result.stderr
    result = run("rank", *common(), "--set", "各县市区", "--period", "2023Q5")
    assert result.returncode == FAILURE and "--period" in result.stderr
    result = run("status", "--plan", PLAN, "--on", "2023-07-01")
    assert result.returncode == USAGE and "--events" in result.stderr
    result = run("status", *common(), "--on", "2026-01-05")
    assert result.returncode == FAILURE and "tracking horizon" in result.stderr
    result = run("status", "--plan", PLAN, "--events", str(tmp_path / "none.jsonl"),
                 "--on", "2023-07-01")
    assert result.returncode == FAILURE and "cannot read" in result.stderr


@pytest.fixture
def scenario_db(tmp_path, ok):
    """A store with the Hengyang plan and the replayed 2023 log, filled
    through `event add` (each event checked by the tracking layer)."""
    db = tmp_path / "hengyang.db"
    ok("db", "init", str(db), "--plan", PLAN)
    assert ok("event", "add", "--db", str(db), "--file", REPLAYED) == \
        "appended 119 events; last seq 119"
    return db


def test_db_gives_the_committed_answers(scenario_db, ok):
    db = ("--db", str(scenario_db), "--policy", POLICY)
    out = ok("status", *db, "--on", "2023-07-14", "--json")
    assert out + "\n" == (EXPECTED / "status-2023-07-14.json").read_text(encoding="utf-8")
    out = ok("rank", *db, "--set", "各县市区", "--period", "2023Q2", "--json")
    assert out + "\n" == (EXPECTED / "ranking-2023Q2.json").read_text(encoding="utf-8")
    out = ok("ledger", *db, "--on", "2023-12-29")
    assert out + "\n" == (EXPECTED / "ledger-2023-12-29.csv").read_text(encoding="utf-8")
    for args in (("status", "--on", "2023-07-14", "--unit", "市安委办"),
                 ("escalations", "--on", "2023-07-07"),
                 ("escalations", "--on", "2023-06-14", "--json"),
                 ("lifecycle", "--task", "p5.2.1.2", "--json")):
        assert ok(args[0], *db, *args[1:]) == ok(args[0], *common(), *args[1:]), args


def test_db_holds_only_events_the_tracker_accepts(scenario_db, ok, run):
    # An event already stored, added again: nothing changes.
    lines = open(REPLAYED, encoding="utf-8").read().splitlines()
    assert ok("event", "add", "--db", str(scenario_db), "--json", lines[59]) == \
        "appended 0 events (1 already stored); last seq 119"
    result = run("event", "add", "--db", str(scenario_db), "--json",
                 '{"id":"x1","kind":"completed","date":"2023-06-01",'
                 '"task":"p5.2.1.22"}')
    assert result.returncode == FAILURE
    assert "field 'task'" in result.stderr and "p5.2.1.22" in result.stderr
    assert '"event_count":119' in ok("db", "info", str(scenario_db), "--json")


def test_db_usage_errors(scenario_db, tmp_path, run):
    result = run("status", "--db", str(scenario_db), "--plan", PLAN,
                 "--on", "2023-07-01")
    assert result.returncode == USAGE and "--db" in result.stderr
    result = run("status", "--on", "2023-07-01")
    assert result.returncode == USAGE
    assert "--db STORE, or --plan PLAN and --events EVENTS.jsonl" in result.stderr
    result = run("status", "--db", str(tmp_path / "none.db"), "--on", "2023-07-01")
    assert result.returncode == FAILURE and "--db" in result.stderr
    empty = tmp_path / "empty.db"
    assert run("db", "info", str(empty)).returncode == FAILURE  # not created
