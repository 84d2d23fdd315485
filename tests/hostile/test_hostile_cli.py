"""The hostile-input catalogue, CLI face (docs/hostile-input.md).

One table line per bad command line: the arguments (FILE stands for a file
the case writes first), the exit status (1: could not be answered, 2: usage
error) and a fragment of stderr that says where. Every error is one
'dutygraph: error: ...' report, never a crash or a partial answer on stdout.
"""

import json
import os
import subprocess

import pytest

CLI = os.environ.get("DUTYGRAPH_CLI", "dutygraph")
SOURCE = os.environ.get("DG_SOURCE_DIR",
                        os.path.join(os.path.dirname(__file__), "..", ".."))
SMALL = os.path.join(SOURCE, "tests", "data", "small_plan.json")
with open(SMALL, "rb") as _f:
    FIXTURE = _f.read()


def edited(old, new):
    assert old in FIXTURE, old
    return FIXTURE.replace(old, new, 1)


# (name, argv with FILE for the written file, file bytes or None, exit, stderr)
CASES = [
    ("plan_missing_file", ["plan", "validate", "no/such/plan.json"], None, 1,
     "no/such/plan.json"),
    ("plan_empty_file", ["plan", "validate", "FILE"], b"", 1, "empty"),
    ("plan_truncated", ["plan", "validate", "FILE"], FIXTURE[:200], 1, "line"),
    # A backslash before 化: the message quotes the whole character, not
    # its lead byte alone (plan_json fuzzer finding).
    ("plan_escape_before_multibyte", ["plan", "validate", "FILE"],
     '{"a\\化": 1}'.encode(), 1, "invalid escape '\\化'"),
    ("plan_invalid_utf8", ["plan", "validate", "FILE"],
     edited("市金融办".encode(), b"\xc0\xaf"), 1, "UTF-8"),
    ("plan_nul_byte", ["plan", "validate", "FILE"],
     edited("市金融办".encode(), b"\x00"), 1, "line"),
    ("plan_dangling_reference", ["plan", "validate", "FILE"],
     edited(b'"unit": "jrb"\n        }', b'"unit": "jrx"\n        }'), 1,
     "/tasks/3/assignments/1/unit"),
    ("plan_dependency_cycle", ["plan", "validate", "FILE"],
     edited(b'"dependencies": [', b'"dependencies": [{"from": "t_warning", '
            b'"to": "t_hidden_debt"},'), 1, "cycle"),
    ("plan_deep_nesting", ["plan", "validate", "FILE"],
     edited(b'"year": 2023', b'"year": 2023, "x": ' + b"[" * 3000 + b"]" * 3000),
     1, "max_depth"),
    ("plan_directory", ["plan", "validate", "."], None, 1, "."),
    ("plan_over_lowered_byte_limit", ["plan", "validate", "--max-bytes",
                                      "100", SMALL], None, 1,
     "max_bytes (100)"),
    ("plan_over_lowered_record_limit", ["raci", "--plan", SMALL,
                                        "--max-records", "3"], None, 1,
     "max_records (3)"),
    ("plan_limit_not_a_number", ["plan", "validate", "--max-depth", "deep",
                                 SMALL], None, 2, "--max-depth"),
    ("plan_limit_zero_depth", ["plan", "validate", "--max-depth", "0",
                               SMALL], None, 2, "--max-depth"),
    ("who_unknown_task", ["who", "9/九", "--plan", SMALL, "--on", "2023-06-01"],
     None, 1, "9/九"),
    ("who_impossible_date", ["who", "t_warning", "--plan", SMALL, "--on",
                             "2023-02-30"], None, 2, "2023-02-30"),
    ("who_date_outside_years", ["who", "t_warning", "--plan", SMALL, "--on",
                                "10000-01-01"], None, 2, "10000-01-01"),
    ("tasks_unknown_unit", ["tasks", "--plan", SMALL, "--unit", "市金融",
                            "--on", "2023-06-01"], None, 1, "did you mean"),
    ("tasks_unknown_role", ["tasks", "--plan", SMALL, "--unit", "czj",
                            "--role", "boss"], None, 2, "boss"),
    ("tasks_unit_and_person", ["tasks", "--plan", SMALL, "--unit", "czj",
                               "--person", "于新凡"], None, 2, "--person"),
    ("calendar_outside_range", ["calendar", "info", "2150-01-01"], None, 1,
     "2150"),
    ("calendar_huge_n", ["calendar", "add", "2023-06-01", "99999999999"], None,
     2, "99999999999"),
    ("calendar_overlay_bad_date", ["calendar", "info", "2023-06-01",
                                   "--overlay", "FILE"],
     b"# local\noff 2023-02-30 x\n", 1, ":2: bad date '2023-02-30'"),
    # The 40-byte quote of a bad keyword stops before 衡, not inside it.
    ("calendar_overlay_long_keyword_quoted_whole",
     ["calendar", "info", "2023-06-01", "--overlay", "FILE"],
     ("x" * 38 + "衡阳 2023-01-01 y\n").encode(), 1,
     "unknown keyword '" + "x" * 38 + "';"),
    ("calendar_overlay_nul", ["calendar", "info", "2023-06-01", "--overlay",
                              "FILE"], b"off 2023-05-04 a\x00b\n", 1,
     ":1: NUL byte"),
    ("calendar_overlay_missing", ["calendar", "info", "2023-06-01",
                                  "--overlay", "no-such-overlay.txt"], None, 1,
     "no-such-overlay.txt"),
    ("calendar_overlay_over_lowered_byte_limit",
     ["calendar", "info", "2023-06-01", "--overlay", "FILE",
      "--overlay-max-bytes", "10"], "off 2023-05-04 青年节\n".encode(), 1,
     "' is 25 bytes; the limit is 10 (max_bytes)"),
    ("calendar_overlay_plan_file_refused_unread",
     ["calendar", "info", "2023-06-01", "--overlay", SMALL,
      "--overlay-max-bytes", "10"], None, 1, "the limit is 10 (max_bytes)"),
    ("calendar_overlay_over_lowered_day_limit",
     ["calendar", "info", "2023-06-01", "--overlay", "FILE",
      "--overlay-max-declared-days", "2"],
     b"work 2023-05-06\noff 2023-05-04..2023-05-05 x\n", 1,
     ":2: the calendar text declares more than 2 days; the limit is 2 "
     "(max_declared_days)"),
    ("calendar_overlay_huge_name", ["calendar", "info", "2023-06-01",
                                    "--overlay", "FILE"],
     b"off 2023-01-01..2023-12-31 " + b"x" * (1 << 20) + b"\n", 1,
     ":1: the day's name is 1048576 bytes; the limit is 1024 "
     "(max_name_bytes)"),
    ("calendar_overlay_past_lowered_layers",
     ["schedule", "--plan", SMALL, "--from", "2023-10-01", "--to",
      "2023-10-31", "--overlay", "FILE", "--overlay-max-layers", "1"],
     b"off 2023-05-04 x\n", 1, "the limit is 1 (max_layers)"),
    ("calendar_overlay_limit_zero", ["calendar", "years",
                                     "--overlay-max-layers", "0"], None, 2,
     "--overlay-max-layers"),
    ("calendar_overlay_limit_not_a_number",
     ["calendar", "years", "--overlay-max-bytes", "lots"], None, 2,
     "--overlay-max-bytes"),
    ("unknown_command", ["frobnicate"], None, 2, "frobnicate"),
]


def run(argv):
    return subprocess.run([CLI] + argv, capture_output=True, timeout=120)


@pytest.mark.parametrize("name,argv,data,status,fragment", CASES,
                         ids=[c[0] for c in CASES])
def test_hostile(name, argv, data, status, fragment, tmp_path):
    if data is not None:
        path = tmp_path / "input"
        path.write_bytes(data)
        argv = [str(path) if a == "FILE" else a for a in argv]
    r = run(argv)
    stderr = r.stderr.decode("utf-8", errors="replace")
    assert r.returncode == status, stderr
    assert "dutygraph: error: " in stderr or status == 2, stderr
    assert fragment in stderr, stderr
    assert "Traceback" not in stderr and "terminate" not in stderr
    assert r.stdout == b"" or status == 2, r.stdout[:200]


def test_catalogue_size():
    assert len(CASES) >= 20


def test_raised_depth_limit_admits_the_document(tmp_path):
    path = tmp_path / "deep.json"
    path.write_bytes(edited(b'"year": 2023', b'"year": 2023, "x": ' +
                            b"[" * 40 + b"]" * 40))
    refused = run(["plan", "validate", str(path)])
    assert refused.returncode == 1 and b"max_depth" in refused.stderr
    raised = run(["plan", "validate", "--max-depth", "64", str(path)])
    assert raised.returncode == 1
    assert b"max_depth" not in raised.stderr
    assert b"/plan/x" in raised.stderr  # the real problem, found past it


def test_raised_overlay_limit_admits_the_overlay(tmp_path):
    path = tmp_path / "long-name.txt"
    name = "n" * 2000
    path.write_text(f"off 2023-05-04..2023-05-05 {name}\n", encoding="utf-8")
    refused = run(["calendar", "info", "2023-05-05", "--overlay", str(path)])
    assert refused.returncode == 1 and b"(max_name_bytes)" in refused.stderr
    raised = run(["calendar", "info", "2023-05-05", "--overlay", str(path),
                  "--overlay-max-name-bytes", "2000", "--json"])
    assert raised.returncode == 0, raised.stderr
    assert json.loads(raised.stdout)["name"] == name


# Events into a store (`event add --db DB --file FILE`) and tracking over
# it: the store holds the small plan and one event (e1); each case writes
# FILE, runs the command and must fail with its exit status and a fragment
# that says where, leaving the stored events byte for byte as they were.
E1 = b'{"id":"e1","kind":"assigned","date":"2023-03-06","task":"t_warning"}'
GOOD = b'{"id":"e2","kind":"reminder","date":"2023-03-07","task":"t_warning"}\n'
ADD = ["event", "add", "--db", "DB", "--file", "FILE"]
STATUS = ["status", "--db", "DB", "--on", "2023-06-01", "--policy", "FILE"]
STORE_CASES = [
    ("event_malformed", ADD, GOOD + b'{"id":"e3","kind":', 1, "input:2: malformed JSON"),
    ("event_empty_object", ADD, b"{}", 1, "input:1: field 'id': missing"),
    ("event_unknown_kind", ADD, b'{"id":"x","kind":"progress_reported","date":"2023-03-07"}',
     1, "unknown event kind 'progress_reported'"),
    ("event_impossible_date", ADD,
     b'{"id":"x","kind":"reminder","date":"2023-02-30","task":"t_warning"}', 1,
     "input:1: field 'date': bad date '2023-02-30'"),
    ("event_year_without_notice", ADD,
     b'{"id":"x","kind":"reminder","date":"2027-03-08","task":"t_warning"}', 1,
     "--provisional"),
    ("event_unknown_task", ADD,
     GOOD + b'{"id":"x","kind":"completed","date":"2023-06-01","task":"t_warnin"}', 1,
     "input:2 ('x'): field 'task': unknown task 't_warnin'; did you mean 't_warning'?"),
    ("event_id_conflict", ADD,
     b'{"id":"e1","kind":"assigned","date":"2023-03-07","task":"t_warning"}', 1,
     "event 'e1' already exists with different content"),
    ("event_unknown_cause", ADD,
     b'{"id":"x","kind":"circular","date":"2023-06-01","unit":"czj","cause":"nope"}', 1,
     "'nope'"),
    ("event_invalid_utf8", ADD,
     b'{"id":"x","kind":"progress","date":"2023-06-01","task":"t_warning","text":"\xc3\x28"}',
     1, "UTF-8"),
    ("event_duplicate_key", ADD,
     GOOD + b'{"id":"x","kind":"reminder","date":"2023-06-01","task":"t_warning",'
            b'"date":"2023-06-02"}', 1,
     "input:2: duplicate key 'date' at /date (line 1, column 68 (byte 67))"),
    ("event_duplicate_nested_key", ADD,
     b'{"id":"x","kind":"progress","date":"2023-06-01","task":"t_warning",'
     b'"actor":{"unit":"czj","unit":"fgw"},"percent":5}', 1,
     "input:1: duplicate key 'unit' at /actor/unit"),
    ("event_too_deep", ADD,
     b'{"id":"x","kind":"progress","date":"2023-06-01","task":"t_warning",'
     b'"text":"x","note":' + b"[" * 500 + b"]" * 500 + b"}", 1,
     "input:1: JSON nests deeper than the limit max_depth (32)"),
    ("event_over_the_size_limit", ADD,
     b'{"id":"x","kind":"progress","date":"2023-06-01","task":"t_warning",'
     b'"text":"' + b"x" * (1 << 20) + b'"}', 1,
     "more than the limit max_event_bytes (1048576)"),
    ("event_over_a_lowered_size_limit", ADD + ["--max-event-bytes", "40"],
     GOOD, 1, "input:1: the event is 68 bytes, more than the limit "
     "max_event_bytes (40)"),
    ("event_over_a_lowered_batch_limit", ADD + ["--max-batch-events", "1"],
     GOOD + GOOD.replace(b'"e2"', b'"e3"'), 1,
     "a batch of 2 events, more than the limit max_batch_events (1)"),
    ("event_invalid_utf8_in_a_nested_field", ADD,
     b'{"id":"x","kind":"progress","date":"2023-06-01","task":"t_warning",'
     b'"values":{"\xe8\xa6":1}}', 1, "input:1: event: invalid UTF-8 at byte 78"),
    ("event_date_before_the_calendar", ADD,
     b'{"id":"x","kind":"reminder","date":"1899-12-31","task":"t_warning"}', 1,
     "outside the calendar's range"),
    ("policy_duplicate_key", STATUS,
     b'{"format":"dutygraph/policy@1","id":"p","version":1,"light":{"red":'
     b'{"missed_reports":1},"red":{"missed_reports":9}}}', 1,
     "policy: duplicate key 'red' at /light/red (line 1, column 89 (byte 88))"),
    ("policy_too_deep", STATUS,
     b'{"format":"dutygraph/policy@1","id":"p","text":' + b"[" * 99 + b"]" * 99
     + b"}", 1, "policy: JSON nests deeper than the limit max_depth (32)"),
    ("policy_over_a_lowered_limit", STATUS + ["--max-policy-bytes", "10"],
     b'{"format":"dutygraph/policy@1","id":"p","version":1}', 1,
     "more than the limit max_policy_bytes (10)"),
    ("policy_malformed", STATUS, b'{"format":', 1, "--policy"),
    ("policy_wrong_format", STATUS,
     b'{"format":"dutygraph/policy@9","id":"p","version":1}', 1,
     'policy /format: expected "dutygraph/policy@1"'),
    ("policy_unknown_action", STATUS,
     b'{"format":"dutygraph/policy@1","id":"p","version":1,"escalation":[{"id":"e",'
     b'"version":1,"applies_to":["t_warning"],"rules":[{"id":"r","trigger":{"kind":'
     b'"working_days_overdue","n":5},"action":"shout","audience":["lead_unit"]}]}]}',
     1, "shout"),
]


def test_raised_tracking_limits_admit_what_the_defaults_refuse(tmp_path):
    db = tmp_path / "plan.db"
    assert run(["db", "init", str(db), "--plan", SMALL]).returncode == 0
    path = tmp_path / "deep.jsonl"
    # 40 levels: past the default max_depth (32), well formed otherwise.
    path.write_bytes(b'{"id":"x","kind":"progress","date":"2023-06-01",'
                     b'"task":"t_warning","text":"x","note":'
                     + b"[" * 39 + b"]" * 39 + b"}")
    refused = run(["event", "add", "--db", str(db), "--file", str(path)])
    assert refused.returncode == 1 and b"max_depth (32)" in refused.stderr
    raised = run(["event", "add", "--db", str(db), "--file", str(path),
                  "--max-depth", "64"])
    # Read past the limit, the event is refused for what it says.
    assert raised.returncode == 1, raised.stderr
    assert b"max_depth" not in raised.stderr
    assert b"field 'note': expected a string" in raised.stderr
    assert run(["event", "add", "--db", str(db), "--file", str(path),
                "--max-depth", "0"]).returncode == 2


@pytest.mark.parametrize("name,argv,data,status,fragment", STORE_CASES,
                         ids=[c[0] for c in STORE_CASES])
def test_hostile_store(name, argv, data, status, fragment, tmp_path):
    db = tmp_path / "plan.db"
    assert run(["db", "init", str(db), "--plan", SMALL]).returncode == 0
    path = tmp_path / "input"
    path.write_bytes(E1 + b"\n")
    assert run(["event", "add", "--db", str(db), "--file", str(path)]).returncode == 0
    before = run(["event", "list", "--db", str(db), "--json"]).stdout
    path.write_bytes(data)
    r = run([str(db) if a == "DB" else str(path) if a == "FILE" else a
             for a in argv])
    stderr = r.stderr.decode("utf-8", errors="replace")
    assert r.returncode == status, stderr
    assert "dutygraph: error: " in stderr, stderr
    assert fragment in stderr, stderr
    assert r.stdout == b"", r.stdout[:200]
    assert run(["event", "list", "--db", str(db), "--json"]).stdout == before
