"""Tracking from Python: event logs, status, escalations, rankings, the
ledger and lifecycle, on the small plan (hand-worked dates: 2023-09-28 due,
2023-10-09 is 3 working days later across National Day) and on the Hengyang
2023 scenario (examples/hengyang-2023), whose committed answers the Python
face must reproduce byte for byte.
"""

import datetime
import json
import pathlib

import pytest

import dutygraph

ROOT = pathlib.Path(__file__).resolve().parents[3]
SMALL = ROOT / "tests" / "data" / "small_plan.json"
EXAMPLE = ROOT / "examples" / "hengyang-2023"

POLICY = json.dumps({
    "format": "dutygraph/policy@1", "id": "py",
    "light": {"red": {"working_days_overdue": 3}},
    "escalation": [{"id": "debt", "applies_to": ["s_debt"], "rules": [
        {"id": "yellow", "trigger": {"kind": "working_days_overdue", "n": 3},
         "action": "yellow_card", "audience": ["lead_unit", "lead_unit_head"]}]}],
})


@pytest.fixture
def small(strict):
    plan = dutygraph.Plan.load(SMALL)
    log = dutygraph.EventLog(plan, strict)
    tracker = dutygraph.Tracker(plan, strict, POLICY)
    return plan, log, tracker


def test_append_is_idempotent(small):
    _, log, _ = small
    event = {"id": "a1", "kind": "assigned", "date": "2023-09-01",
             "task": "4/二/（一）/1", "due": "2023-09-28"}
    assert log.append(event) is True
    assert log.append(event) is False
    with pytest.raises(dutygraph.AlreadyExistsError, match="event 'a1' already exists"):
        log.append(dict(event, date="2023-09-02"))
    assert len(log) == 1
    assert '"task":"t_hidden_debt"' in log.to_jsonl()
    with pytest.raises(dutygraph.NotFoundError, match="t_warning"):
        log.append({"id": "x", "kind": "completed", "date": "2023-06-01",
                    "task": "t_warnin"})
    with pytest.raises(dutygraph.InvalidArgumentError, match="e.jsonl:1"):
        log.append_jsonl('{"id":"y","kind":"completed","date":"2023-02-30"}\n', "e.jsonl")


def test_status_and_escalations(small):
    _, log, tracker = small
    log.append({"id": "a1", "kind": "assigned", "date": "2023-09-01",
                "task": "t_hidden_debt", "due": "2023-09-28"})
    report = tracker.status(log, datetime.date(2023, 10, 9))
    task = next(t for t in report["tasks"] if t["task"]["id"] == "t_hidden_debt")
    assert (task["state"], task["light"], task["working_days_overdue"]) == ("overdue", "red", 3)
    assert [t["task"]["id"] for t in tracker.status(
        log, datetime.date(2023, 10, 9), unit="市发改委")["tasks"]] == ["t_hidden_debt"]
    due = tracker.escalations(log, datetime.date(2023, 10, 9))
    assert [(a["rule"], a["action"]) for a in due] == [("yellow", "yellow_card")]
    assert due[0]["audience"][1]["holder"]["person"]["name"] == "继任局长"
    assert due[0]["unresolved_audience"] == []  # 市财政局 has a head post
    # Recording the action (the event ToEvent() would make) makes it not due.
    log.append({"id": due[0]["event_id"], "kind": "card_issued", "date": "2023-10-09",
                "task": "t_hidden_debt", "unit": "czj", "card": "yellow",
                "policy": "debt", "policy_version": 1, "rule": "yellow"})
    assert tracker.escalations(log, datetime.date(2023, 10, 9)) == []
    assert tracker.lifecycle(log, "t_hidden_debt")["deployed"][0]["event"] == "a1"
    assert tracker.ledger_csv(log, datetime.date(2023, 10, 9)).startswith(
        "序号,任务,牵头单位,配合单位,完成时限,进展,状态\n1,4/二/（一）/1 严禁新增隐性债务,市财政局,,2023-09-28")
    with pytest.raises(dutygraph.FailedPreconditionError, match="tracking horizon"):
        tracker.status(log, datetime.date(2025, 1, 2))
    with pytest.raises(TypeError):
        tracker.status("log", datetime.date(2023, 10, 9))


def test_an_audience_of_nobody_is_explained(strict):
    # 4/二/（一）/1 has no supporting unit (its section's lead 市财政局 and
    # the responsible units only): a rule addressed to support units alone
    # reaches nobody, and says why.
    plan = dutygraph.Plan.load(SMALL)
    policy = json.loads(POLICY)
    policy["escalation"][0]["rules"][0]["audience"] = ["support_units"]
    tracker = dutygraph.Tracker(plan, strict, json.dumps(policy))
    log = dutygraph.EventLog(plan, strict)
    log.append({"id": "a1", "kind": "assigned", "date": "2023-09-01",
                "task": "t_hidden_debt", "due": "2023-09-28"})
    [action] = tracker.escalations(log, datetime.date(2023, 10, 9))
    reason = "task 4/二/（一）/1 严禁新增隐性债务 has no supporting unit on 2023-10-09"
    assert action["audience"] == []
    assert action["unresolved_audience"] == [
        {"role": "support_units", "unit": None, "reason": reason}]
    assert action["explanation"].endswith(
        "calls for yellow_card; " + reason + "; nobody to address")


def test_tracking_limits_and_duplicate_keys(strict):
    plan = dutygraph.Plan.load(SMALL)
    log = dutygraph.EventLog(plan, strict, limits={"max_batch_events": 1})
    two = ('{"id":"a","kind":"completed","date":"2023-06-01","task":"t_warning"}\n'
           '{"id":"b","kind":"completed","date":"2023-06-02","task":"t_warning"}\n')
    with pytest.raises(dutygraph.ResourceExhaustedError,
                       match=r"e.jsonl: a batch of 2 events, more than the limit "
                             r"max_batch_events \(1\)"):
        log.append_jsonl(two, "e.jsonl")
    assert len(log) == 0
    assert log.append_jsonl(two.splitlines()[0]) == 1
    with pytest.raises(dutygraph.InvalidArgumentError,
                       match=r"duplicate key 'task' at /task \(line 1, column 69"):
        log.append('{"id":"c","kind":"completed","date":"2023-06-01",'
                   '"task":"t_warning","task":"s_debt"}')
    with pytest.raises(TypeError, match="'max_depth'"):
        dutygraph.EventLog(plan, strict, limits={"max_depth": "32"})
    with pytest.raises(dutygraph.ResourceExhaustedError, match="max_policy_bytes"):
        dutygraph.Tracker(plan, strict, POLICY, limits={"max_policy_bytes": 100})
    assert dutygraph.Tracker(plan, strict, POLICY,
                             limits={"max_policy_bytes": len(POLICY.encode())})


def test_bad_policy(strict):
    plan = dutygraph.Plan.load(SMALL)
    with pytest.raises(dutygraph.InvalidArgumentError, match="/format"):
        dutygraph.Tracker(plan, strict, '{"format": 1}')


def test_hengyang_scenario_matches_the_committed_answers(strict):
    plan = dutygraph.Plan.load(EXAMPLE / "plan.json")
    tracker = dutygraph.Tracker(plan, strict, (EXAMPLE / "policy.json").read_text(encoding="utf-8"))
    log = dutygraph.EventLog(plan, strict)
    replayed = (EXAMPLE / "expected" / "events-replayed-2023.jsonl").read_text(encoding="utf-8")
    assert log.append_jsonl(replayed, "replayed") == replayed.count("\n")
    assert log.to_jsonl() == replayed
    ranking = tracker.rank(log, "各县市区", "quarter", datetime.date(2023, 4, 1))
    assert json.dumps(ranking, ensure_ascii=False, separators=(",", ":")) + "\n" == (
        EXAMPLE / "expected" / "ranking-2023Q2.json").read_text(encoding="utf-8")
    assert tracker.ledger_csv(log, datetime.date(2023, 12, 29)) == (
        EXAMPLE / "expected" / "ledger-2023-12-29.csv").read_text(encoding="utf-8")
    # Default policy (the plan's): the 反诈 yellow card is due on 06-14.
    fresh = dutygraph.EventLog(plan, strict)
    fresh.append_jsonl((EXAMPLE / "scenario-2023.jsonl").read_text(encoding="utf-8"))
    rules = {a["rule"] for a in dutygraph.Tracker(plan, strict).escalations(
        fresh, datetime.date(2023, 6, 14))}
    assert "yellow_card" in rules
