"""The store commands of `dutygraph`: db init / add-plan / info and event
add / list, on the small plan (tests/data/small_plan.json: id 'small',
issued 2023-03-03) and the Hengyang plan, with their errors.
"""

import hashlib
import json
import sqlite3
import subprocess

import pytest

from conftest import REPO_ROOT

USAGE, FAILURE = 2, 1

SMALL_PLAN = REPO_ROOT / "tests" / "data" / "small_plan.json"
HENGYANG_PLAN = REPO_ROOT / "examples" / "hengyang-2023" / "plan.json"

E1 = '{"id":"e1","kind":"assigned","date":"2023-03-06","task":"t_warning"}'
# Written in canonical form (docs/tracking.md), so stored exactly as given.
E2 = '{"id":"e2","kind":"progress","date":"2023-03-31",' \
     '"task":"t_hidden_debt","percent":30.0}'
E3 = '{"id":"e3","kind":"circular","date":"2023-04-03","unit":"czj"}'


@pytest.fixture
def db(tmp_path, ok):
    path = tmp_path / "plan.db"
    ok("db", "init", str(path), "--plan", str(SMALL_PLAN))
    return path


def test_init_and_info(tmp_path, ok):
    path = tmp_path / "plan.db"
    out = ok("db", "init", str(path), "--plan", str(SMALL_PLAN))
    assert out.startswith(f"initialised {path}: plan version 1, effective "
                          f"2023-03-03, sha256 ")
    assert out.endswith("(small)")
    info = json.loads(ok("db", "info", str(path), "--json"))
    # The digest is the SHA-256 of the plan text the store keeps.
    with sqlite3.connect(path) as connection:
        (stored,) = connection.execute(
            "SELECT json FROM plan_versions WHERE version = 1").fetchone()
    assert info == {
        "path": str(path), "schema_version": 2, "read_only": True,
        "plan_versions": 1,
        "latest_plan": {"version": 1, "effective": "2023-03-03",
                        "digest": hashlib.sha256(
                            stored.encode("utf-8")).hexdigest()},
        "event_count": 0, "last_seq": 0, "file_bytes": info["file_bytes"]}
    assert info["file_bytes"] > 0
    text = ok("db", "info", str(path))
    assert f"store: {path}" in text
    assert "schema version: 2" in text
    assert "plan versions: 1" in text
    assert "  plan version 1, effective 2023-03-03, sha256 " in text
    assert "events: 0 (last seq 0)" in text


def test_init_effective_and_twice(tmp_path, ok, run):
    path = tmp_path / "plan.db"
    out = ok("db", "init", str(path), "--plan", str(HENGYANG_PLAN),
             "--effective", "2023-03-10")
    assert "plan version 1, effective 2023-03-10" in out
    result = run("db", "init", str(path), "--plan", str(SMALL_PLAN))
    assert result.returncode == FAILURE
    assert "already initialised (plan version 1, effective 2023-03-10)" in \
        result.stderr


def test_init_with_an_invalid_plan_creates_nothing(tmp_path, run):
    bad = tmp_path / "bad.json"
    plan = json.loads(SMALL_PLAN.read_text(encoding="utf-8"))
    plan["tasks"][2]["parent"] = "s_nope"
    bad.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    path = tmp_path / "plan.db"
    result = run("db", "init", str(path), "--plan", str(bad))
    assert result.returncode == FAILURE
    assert f"{bad} is not a valid plan" in result.stderr
    assert "/tasks/2/parent" in result.stderr
    assert not path.exists()


def test_add_plan(db, ok, run):
    out = ok("db", "add-plan", str(db), "--plan", str(SMALL_PLAN),
             "--effective", "2023-07-01")
    assert out.startswith(f"{db}: plan version 2, effective 2023-07-01")
    result = run("db", "add-plan", str(db), "--plan", str(SMALL_PLAN),
                 "--effective", "2023-06-01")
    assert result.returncode == FAILURE
    assert "before that of the latest plan version 2 (2023-07-01)" in \
        result.stderr
    text = ok("db", "info", str(db))
    assert "plan versions: 2" in text
    assert "  plan version 2, effective 2023-07-01" in text
    result = run("db", "add-plan", str(db), "--plan", str(SMALL_PLAN))
    assert result.returncode == USAGE
    assert "--effective is required" in result.stderr


def test_event_add_and_list(db, tmp_path, ok):
    assert ok("event", "add", "--db", str(db), "--json", E1) == \
        "appended 1 event; last seq 1"
    events = tmp_path / "events.jsonl"
    events.write_text(E1 + "\n" + E2 + "\r\n\n" + E3 + "\n", encoding="utf-8")
    assert ok("event", "add", "--db", str(db), "--file", str(events)) == \
        "appended 2 events (1 already stored); last seq 3"
    assert ok("event", "list", "--db", str(db), "--json") == \
        "\n".join([E1, E2, E3])
    assert ok("event", "list", "--db", str(db), "--task", "t_warning",
              "--json") == E1
    assert ok("event", "list", "--db", str(db), "--after", "1", "--limit",
              "1", "--json") == E2
    table = ok("event", "list", "--db", str(db)).splitlines()
    assert table[0].split() == ["seq", "date", "kind", "task", "id"]
    assert set(table[1]) == {"-", " "}
    assert table[2].split() == ["1", "2023-03-06", "assigned", "t_warning",
                                "e1"]
    assert table[4].split() == ["3", "2023-04-03", "circular", "e3"]
    assert '"event_count":3' in ok("db", "info", str(db), "--json")


def test_event_add_from_stdin(db, cli):
    result = subprocess.run(
        [cli, "event", "add", "--db", str(db), "--file", "-"],
        input=E1 + "\n" + E3 + "\n", capture_output=True, text=True,
        encoding="utf-8", timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "appended 2 events; last seq 2\n"


def test_event_add_errors_say_where_and_append_nothing(db, tmp_path, ok, run):
    events = tmp_path / "events.jsonl"
    events.write_text(E1 + "\n" + E2.replace("2023-03-31", "2023-02-30") +
                      "\n", encoding="utf-8")
    result = run("event", "add", "--db", str(db), "--file", str(events))
    assert result.returncode == FAILURE
    assert (f"{events}:2: field 'date': bad date '2023-02-30'"
            in result.stderr)
    assert "(nothing was appended)" in result.stderr
    assert ok("event", "list", "--db", str(db), "--json") == ""

    ok("event", "add", "--db", str(db), "--json", E1)
    result = run("event", "add", "--db", str(db), "--json",
                 E1.replace("2023-03-06", "2023-03-07"))
    assert result.returncode == FAILURE
    assert ("--json:1 ('e1'): event 'e1' already exists with different "
            "content" in result.stderr)
    assert "(nothing was appended)" in result.stderr

    result = run("event", "add", "--db", str(db), "--json", '{"id":"e9"}')
    assert result.returncode == FAILURE
    assert "--json:1: field 'kind': missing" in result.stderr


def test_event_add_checks_events_against_the_plan(db, ok, run):
    """The tracking layer checks each event against the store's plan before
    the store sees it: an unknown task is refused with a did-you-mean, and
    nothing is stored."""
    result = run("event", "add", "--db", str(db), "--json",
                 E1.replace("t_warning", "t_warnin"))
    assert result.returncode == FAILURE
    assert ("--json:1 ('e1'): field 'task': unknown task 't_warnin'; did "
            "you mean 't_warning'?" in result.stderr)
    assert ok("event", "list", "--db", str(db), "--json") == ""
    # A cause must name an event already stored (or earlier in the batch).
    result = run("event", "add", "--db", str(db), "--json",
                 '{"id":"c1","kind":"circular","date":"2023-04-03",'
                 '"unit":"czj","cause":"nope"}')
    assert result.returncode == FAILURE and "'nope'" in result.stderr
    # Stored as canonical text: a percent written as 30 is stored as 30.0;
    # the same event sent again in either spelling changes nothing.
    ok("event", "add", "--db", str(db), "--json",
       E2.replace("30.0", "30"))
    assert ok("event", "list", "--db", str(db), "--json") == E2
    assert ok("event", "add", "--db", str(db), "--json", E2) == \
        "appended 0 events (1 already stored); last seq 1"


def test_usage_and_missing_files(db, tmp_path, run):
    result = run("event", "add", "--db", str(db))
    assert result.returncode == USAGE
    assert "--json JSON or --file FILE" in result.stderr
    result = run("event", "add", "--db", str(db), "--json", E1, "--file",
                 "x.jsonl")
    assert result.returncode == USAGE
    result = run("event", "list", "--db", str(db), "--limit", "-1")
    assert result.returncode == USAGE
    missing = tmp_path / "none.db"
    for args in (["db", "info", str(missing)],
                 ["event", "list", "--db", str(missing)],
                 ["event", "add", "--db", str(missing), "--json", E1]):
        result = run(*args)
        assert result.returncode == FAILURE, args
        assert f"{missing}: no such store" in result.stderr
        assert "dutygraph db init" in result.stderr
    assert not missing.exists()
    result = run("event", "add", "--db", str(db), "--file",
                 str(tmp_path / "none.jsonl"))
    assert result.returncode == FAILURE
    assert "none.jsonl: cannot read the events file" in result.stderr
    result = run("db", "info", str(SMALL_PLAN))
    assert result.returncode == FAILURE
    assert "not a dutygraph store" in result.stderr


def test_event_add_calendar_options(db, ok, run):
    """2027 has no official holiday notice: refused on the strict calendar,
    with the way forward named; accepted with --provisional."""
    late = E1.replace("2023-03-06", "2027-03-08")
    result = run("event", "add", "--db", str(db), "--json", late)
    assert result.returncode == FAILURE
    assert "no official holiday schedule for 2027" in result.stderr
    assert "--provisional" in result.stderr
    assert ok("event", "add", "--db", str(db), "--json", late,
              "--provisional") == "appended 1 event; last seq 1"
