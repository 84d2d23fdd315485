"""The hostile-input catalogue, Python face (docs/hostile-input.md).

One table line per bad call through the bindings: the exception class, the C
status name (or None for a Python TypeError/ValueError raised before the C
call), and a fragment of the message that says where. After each case the
shared plan and calendar must answer exactly as before.
"""

import datetime
import os

import pytest

import dutygraph

SOURCE = os.environ.get("DG_SOURCE_DIR",
                        os.path.join(os.path.dirname(__file__), "..", ".."))
SMALL = os.path.join(SOURCE, "tests", "data", "small_plan.json")
with open(SMALL, encoding="utf-8") as _f:
    FIXTURE = _f.read()

D = datetime.date


def edit(old, new):
    assert old in FIXTURE, old
    return FIXTURE.replace(old, new, 1)


@pytest.fixture(scope="module")
def plan():
    with dutygraph.Plan.load(SMALL) as p:
        yield p


@pytest.fixture(scope="module")
def cal():
    return dutygraph.Calendar.china_mainland()


# (name, call taking (plan, cal, tmp_path), exception, status name, message)
CASES = [
    # --- documents -----------------------------------------------------------
    ("empty_text", lambda p, c, t: dutygraph.Plan.from_json(""),
     dutygraph.PlanError, "DG_INVALID_ARGUMENT", "empty"),
    ("truncated", lambda p, c, t: dutygraph.Plan.from_json(FIXTURE[:300]),
     dutygraph.PlanError, "DG_INVALID_ARGUMENT", "line"),
    # A backslash before 化: the message quotes the whole character, not
    # its lead byte alone (plan_json fuzzer finding).
    ("escape_before_multibyte", lambda p, c, t: dutygraph.Plan.from_json(
        '{"a\\化": 1}'),
     dutygraph.PlanError, "DG_INVALID_ARGUMENT", "invalid escape '\\化'"),
    ("wrong_type", lambda p, c, t: dutygraph.Plan.from_json(
        edit('"year": 2023', '"year": "2023"')),
     dutygraph.PlanError, "DG_INVALID_ARGUMENT", "/plan/year"),
    ("duplicate_id", lambda p, c, t: dutygraph.Plan.from_json(
        edit('"id": "jrb"', '"id": "czj"')),
     dutygraph.PlanError, "DG_INVALID_ARGUMENT", "/units/3/id"),
    ("dangling_reference", lambda p, c, t: dutygraph.Plan.from_json(
        edit('"person": "lin_xiyang"', '"person": "lin_xiyan"')),
     dutygraph.PlanError, "DG_INVALID_ARGUMENT", "did you mean 'lin_xiyang'"),
    ("impossible_date", lambda p, c, t: dutygraph.Plan.from_json(
        edit("2023-03-03", "2023-02-30")),
     dutygraph.PlanError, "DG_INVALID_ARGUMENT", "2023-02-30"),
    ("invalid_utf8_bytes", lambda p, c, t: dutygraph.Plan.from_json(
        edit("市金融办", "X").encode().replace(b"X", b"\xc3\x28")),
     dutygraph.PlanError, "DG_INVALID_ARGUMENT", "UTF-8"),
    ("lone_surrogate_str", lambda p, c, t: dutygraph.Plan.from_json(
        edit("市金融办", "\ud800")),
     dutygraph.PlanError, "DG_INVALID_ARGUMENT", "not valid Unicode"),
    ("nul_byte", lambda p, c, t: dutygraph.Plan.from_json(
        edit("市金融办", "市\x00办")),
     dutygraph.PlanError, "DG_INVALID_ARGUMENT", "line"),
    ("deep_nesting", lambda p, c, t: dutygraph.Plan.from_json(
        edit('"year": 2023', '"year": 2023, "x": ' + "[" * 5000 + "]" * 5000)),
     dutygraph.ResourceExhaustedError, "DG_RESOURCE_EXHAUSTED", "max_depth"),
    ("huge_number", lambda p, c, t: dutygraph.Plan.from_json(
        edit('"year": 2023', '"year": 1e999')),
     dutygraph.PlanError, "DG_INVALID_ARGUMENT", "line"),
    ("over_lowered_byte_limit", lambda p, c, t: dutygraph.Plan.from_json(
        FIXTURE, limits={"max_bytes": 100}),
     dutygraph.ResourceExhaustedError, "DG_RESOURCE_EXHAUSTED",
     "max_bytes (100)"),
    ("over_lowered_record_limit", lambda p, c, t: dutygraph.Plan.load(
        SMALL, limits={"max_records": 3}),
     dutygraph.ResourceExhaustedError, "DG_RESOURCE_EXHAUSTED",
     "max_records (3)"),
    ("unknown_limit", lambda p, c, t: dutygraph.Plan.from_json(
        FIXTURE, limits={"max_size": 3}),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT", "max_size"),
    ("not_text", lambda p, c, t: dutygraph.Plan.from_json(42),
     TypeError, None, "must be str or bytes"),
    ("missing_file", lambda p, c, t: dutygraph.Plan.load(str(t / "nope.json")),
     dutygraph.NotFoundError, "DG_NOT_FOUND", "nope.json"),
    ("empty_file", lambda p, c, t: dutygraph.Plan.load(write(t, b"")),
     dutygraph.PlanError, "DG_INVALID_ARGUMENT", "empty"),
    ("directory_as_file", lambda p, c, t: dutygraph.Plan.load(str(t)),
     dutygraph.NotFoundError, "DG_NOT_FOUND", "dg_plan_load_file"),
    # --- arguments -------------------------------------------------------------
    ("unknown_unit", lambda p, c, t: p.find_unit("市金融"),
     dutygraph.NotFoundError, "DG_NOT_FOUND", "did you mean"),
    ("unknown_task", lambda p, c, t: p.accountability("9/九", D(2023, 6, 1)),
     dutygraph.NotFoundError, "DG_NOT_FOUND", "9/九"),
    ("task_index_past_end", lambda p, c, t: p.accountability(10**6, D(2023, 6, 1)),
     dutygraph.OutOfRangeError, "DG_OUT_OF_RANGE", "task index"),
    ("negative_index", lambda p, c, t: p.accountability(-1, D(2023, 6, 1)),
     dutygraph.OutOfRangeError, "DG_OUT_OF_RANGE", ""),
    ("date_as_string", lambda p, c, t: p.accountability("t_warning", "2023-06-01"),
     TypeError, None, "datetime.date"),
    ("datetime_not_date", lambda p, c, t: c.is_working_day(
        datetime.datetime(2023, 6, 1)), TypeError, None, "datetime.datetime"),
    ("date_outside_calendar", lambda p, c, t: c.is_working_day(D(2150, 1, 1)),
     dutygraph.OutOfRangeError, "DG_OUT_OF_RANGE", "2150"),
    ("huge_n", lambda p, c, t: c.add_working_days(D(2023, 6, 1), 2**40),
     dutygraph.OutOfRangeError, "DG_OUT_OF_RANGE", "32-bit"),
    ("unknown_role", lambda p, c, t: p.tasks_of_unit("czj", D(2023, 6, 1),
                                                     roles=["boss"]),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT", "boss"),
    ("overlay_bad_date", lambda p, c, t: c.derive_text("off 2023-02-30 x"),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT", ":1: bad date"),
    ("overlay_surrogate", lambda p, c, t: c.derive_text("off 2023-05-04 \udc80"),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT", "Unicode"),
    # The 40-byte quote of a bad keyword stops before 衡, not inside it.
    ("overlay_long_keyword_quoted_whole", lambda p, c, t: c.derive_text(
        "x" * 38 + "衡阳 2023-01-01 y"),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT",
     "unknown keyword '" + "x" * 38 + "';"),
    ("overlay_over_lowered_byte_limit", lambda p, c, t: c.derive_text(
        "off 2023-05-04 青年节\n", limits={"max_bytes": 10}),
     dutygraph.ResourceExhaustedError, "DG_RESOURCE_EXHAUSTED",
     "<text>: calendar text is 25 bytes; the limit is 10 (max_bytes)"),
    ("overlay_file_over_lowered_byte_limit", lambda p, c, t: c.derive_file(
        SMALL, limits={"max_bytes": 10}),
     dutygraph.ResourceExhaustedError, "DG_RESOURCE_EXHAUSTED",
     "bytes; the limit is 10 (max_bytes)"),
    ("overlay_over_lowered_day_limit", lambda p, c, t: c.derive_text(
        "work 2023-05-06\noff 2023-05-04..2023-05-05 x",
        limits={"max_declared_days": 2}),
     dutygraph.ResourceExhaustedError, "DG_RESOURCE_EXHAUSTED",
     "<text>:2: the calendar text declares more than 2 days; the limit is 2 "
     "(max_declared_days)"),
    ("overlay_huge_name_in_a_long_range", lambda p, c, t: c.derive_text(
        "off 2023-01-01..2023-12-31 " + "x" * (4 << 20),
        limits={"max_bytes": 32 << 20}),
     dutygraph.ResourceExhaustedError, "DG_RESOURCE_EXHAUSTED",
     "<text>:1: the day's name is 4194304 bytes; the limit is 1024 "
     "(max_name_bytes)"),
    ("overlay_unknown_limit", lambda p, c, t: c.derive_text(
        "", limits={"max_size": 3}),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT", "max_size"),
    ("overlay_zero_limit", lambda p, c, t: c.derive_text(
        "", limits={"max_layers": 0}),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT",
     "opts->max_layers is 0"),
    ("deadline_feb_30", lambda p, c, t: dutygraph.resolve_deadline_text(
        "2月30日前", 2023),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT", "2月30日前"),
    ("calendar_as_plan_argument", lambda p, c, t: p.tasks_due(
        p, D(2023, 1, 1), D(2023, 12, 31)),
     TypeError, None, "Calendar"),
    # --- wrong order ----------------------------------------------------------
    ("closed_plan", lambda p, c, t: closed_plan().to_json(),
     ValueError, None, "closed"),
    ("closed_calendar", lambda p, c, t: closed_calendar().is_working_day(
        D(2023, 6, 1)), ValueError, None, "closed"),
]


def write(tmp_path, data):
    path = tmp_path / "plan.json"
    path.write_bytes(data)
    return str(path)


def closed_plan():
    p = dutygraph.Plan.load(SMALL)
    p.close()
    return p


def closed_calendar():
    c = dutygraph.Calendar.china_mainland()
    c.close()
    return c


def observe(plan, cal):
    return (plan.to_json(), cal.is_working_day(D(2023, 5, 1)),
            cal.next_working_day(D(2023, 4, 29)))


@pytest.mark.parametrize("name,call,error,status,message", CASES,
                         ids=[c[0] for c in CASES])
def test_hostile(name, call, error, status, message, plan, cal, tmp_path):
    before = observe(plan, cal)
    with pytest.raises(error) as caught:
        call(plan, cal, tmp_path)
    if status is not None:
        assert isinstance(caught.value, dutygraph.Error)
        assert caught.value.status_name == status, caught.value
        assert message in caught.value.message
    else:
        assert not isinstance(caught.value, dutygraph.Error)
        assert message in str(caught.value)
    assert observe(plan, cal) == before


def test_plan_error_lists_every_problem_with_its_pointer():
    text = edit('"year": 2023', '"year": "x"').replace(
        '"id": "jrb"', '"id": "j r b"', 1)
    with pytest.raises(dutygraph.PlanError) as caught:
        dutygraph.Plan.from_json(text)
    pointers = [p for p, _ in caught.value.diagnostics]
    assert "/plan/year" in pointers and "/units/3/id" in pointers


def test_catalogue_size():
    assert len(CASES) >= 25


def test_raised_limit_admits_what_the_default_refuses():
    deep = edit('"year": 2023', '"year": 2023, "notes_x": ' + "[" * 40 + "]" * 40)
    with pytest.raises(dutygraph.ResourceExhaustedError):
        dutygraph.Plan.from_json(deep)
    # Raised: the loader reads on and reports the real problem.
    with pytest.raises(dutygraph.PlanError) as caught:
        dutygraph.Plan.from_json(deep, limits={"max_depth": 64})
    assert "notes_x" in caught.value.message


def test_raised_overlay_limit_admits_what_the_default_refuses(cal):
    name = "n" * 2000
    with pytest.raises(dutygraph.ResourceExhaustedError):
        cal.derive_text("off 2023-05-04..2023-05-05 " + name)
    local = cal.derive_text("off 2023-05-04..2023-05-05 " + name,
                            limits={"max_name_bytes": 2000})
    assert local.holiday_name(D(2023, 5, 5)) == name
    assert not local.is_working_day(D(2023, 5, 5))


# Events into a store and an event log, and tracking policies. The store
# holds the small plan and one event (e1); after each case its events are
# byte for byte as before.
E1 = {"id": "e1", "kind": "assigned", "date": "2023-03-06", "task": "t_warning"}
GOOD = {"id": "e2", "kind": "reminder", "date": "2023-03-07", "task": "t_warning"}
WRONG_FORMAT = '{"format":"dutygraph/policy@9","id":"p","version":1}'
# Python dicts cannot hold a key twice: these are JSON text.
TWICE = ('{"id":"e2","kind":"reminder","id":"e3","date":"2023-03-07",'
         '"task":"t_warning"}')
TWICE_NESTED = ('{"id":"x","kind":"progress","date":"2023-06-01",'
                '"task":"t_warning","actor":{"unit":"czj","unit":"fgw"},'
                '"percent":5}')
POLICY_TWICE = ('{"format":"dutygraph/policy@1","id":"p","light":{"red":'
                '{"pace_behind":20,"pace_behind":50}}}')
DEEP_NOTE = dict(GOOD, id="deep", kind="progress", text="x")

# (name, call taking (store, log, plan, cal), exception, status name, message)
STORE_CASES = [
    ("store_malformed_event", lambda s, l, p, c: s.append_jsonl(
        '{"id":"e2","kind":"reminder","date":"2023-03-07","task":"t_warning"}\n'
        '{"id":"e3","kind":'),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT", "line 2: malformed JSON"),
    ("store_unknown_kind", lambda s, l, p, c: s.append(
        [{"id": "x", "kind": "progress_reported", "date": "2023-03-07"}]),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT",
     "unknown event kind 'progress_reported'"),
    ("store_unknown_task", lambda s, l, p, c: s.append(
        [GOOD, dict(GOOD, id="x", task="t_warnin")]),
     dutygraph.NotFoundError, "DG_NOT_FOUND",
     "line 2 ('x'): field 'task': unknown task 't_warnin'; did you mean 't_warning'?"),
    ("store_id_conflict", lambda s, l, p, c: s.append([dict(E1, date="2023-03-07")]),
     dutygraph.AlreadyExistsError, "DG_ALREADY_EXISTS",
     "event 'e1' already exists with different content"),
    ("store_unknown_cause", lambda s, l, p, c: s.append(
        [{"id": "x", "kind": "circular", "date": "2023-06-01", "unit": "czj",
          "cause": "nope"}]),
     dutygraph.NotFoundError, "DG_NOT_FOUND", "'nope'"),
    ("store_year_without_notice", lambda s, l, p, c: s.append(
        [dict(GOOD, date="2027-03-08")]),
     dutygraph.FailedPreconditionError, "DG_FAILED_PRECONDITION", "2027"),
    ("store_lone_surrogate", lambda s, l, p, c: s.append(
        [dict(GOOD, id="x\ud800")]),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT", "not valid Unicode"),
    ("log_unknown_task", lambda s, l, p, c: l.append(dict(GOOD, task="t_warnin")),
     dutygraph.NotFoundError, "DG_NOT_FOUND", "did you mean 't_warning'"),
    ("log_percent_over_100", lambda s, l, p, c: l.append(
        {"id": "x", "kind": "progress", "date": "2023-06-01", "task": "t_warning",
         "percent": 140}),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT", "percent"),
    ("log_load_store_wrong_type", lambda s, l, p, c: l.load_store(p),
     TypeError, None, "dutygraph.Store"),
    ("store_duplicate_key", lambda s, l, p, c: s.append_jsonl(TWICE),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT",
     "line 1: duplicate key 'id' at /id (line 1, column 30 (byte 29))"),
    ("log_duplicate_key", lambda s, l, p, c: l.append(TWICE),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT",
     "duplicate key 'id' at /id"),
    ("log_duplicate_nested_key", lambda s, l, p, c: l.append_jsonl(
        "\n" + TWICE_NESTED, "ev.jsonl"),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT",
     "ev.jsonl:2: duplicate key 'unit' at /actor/unit"),
    ("log_too_deep", lambda s, l, p, c: l.append(
        dict(DEEP_NOTE, note=[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]])),
     dutygraph.ResourceExhaustedError, "DG_RESOURCE_EXHAUSTED",
     "JSON nests deeper than the limit max_depth (32)"),
    ("log_over_the_size_limit", lambda s, l, p, c: l.append(
        dict(GOOD, id="big", kind="progress", text="x" * (1 << 20))),
     dutygraph.ResourceExhaustedError, "DG_RESOURCE_EXHAUSTED",
     "more than the limit max_event_bytes (1048576)"),
    ("log_over_a_lowered_limit", lambda s, l, p, c: dutygraph.EventLog(
        p, c, limits={"max_event_bytes": 40}).append(GOOD),
     dutygraph.ResourceExhaustedError, "DG_RESOURCE_EXHAUSTED",
     "more than the limit max_event_bytes (40)"),
    ("log_invalid_utf8_in_a_field", lambda s, l, p, c: l.append(
        b'{"id":"x","kind":"progress","date":"2023-06-01","task":"t_warning",'
        b'"text":"\xe8\xa1"}'.decode("utf-8", "surrogateescape")),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT", "not valid Unicode"),
    ("log_date_outside_the_calendar", lambda s, l, p, c: l.append(
        dict(GOOD, date="2150-01-01")),
     dutygraph.OutOfRangeError, "DG_OUT_OF_RANGE", "outside the calendar's range"),
    ("log_unknown_limit", lambda s, l, p, c: dutygraph.EventLog(
        p, c, limits={"max_events": 3}),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT",
     "unknown limit 'max_events'; expected max_event_bytes, max_batch_events, "
     "max_policy_bytes, max_depth"),
    ("log_depth_zero", lambda s, l, p, c: dutygraph.EventLog(
        p, c, limits={"max_depth": 0}),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT", "max_depth is 0"),
    ("policy_duplicate_key", lambda s, l, p, c: dutygraph.Tracker(p, c, POLICY_TWICE),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT",
     "policy: duplicate key 'pace_behind' at /light/red/pace_behind"),
    ("policy_too_deep", lambda s, l, p, c: dutygraph.Tracker(
        p, c, '{"format":"dutygraph/policy@1","id":"p","text":' + "[" * 99 + "]" * 99 + "}"),
     dutygraph.ResourceExhaustedError, "DG_RESOURCE_EXHAUSTED",
     "policy: JSON nests deeper than the limit max_depth (32)"),
    ("policy_over_a_lowered_limit", lambda s, l, p, c: dutygraph.Tracker(
        p, c, WRONG_FORMAT, limits={"max_policy_bytes": 10}),
     dutygraph.ResourceExhaustedError, "DG_RESOURCE_EXHAUSTED",
     "more than the limit max_policy_bytes (10)"),
    ("policy_malformed", lambda s, l, p, c: dutygraph.Tracker(p, c, "{"),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT", "malformed JSON"),
    ("policy_wrong_format", lambda s, l, p, c: dutygraph.Tracker(p, c, WRONG_FORMAT),
     dutygraph.InvalidArgumentError, "DG_INVALID_ARGUMENT",
     'policy /format: expected "dutygraph/policy@1"'),
]


def test_raised_tracking_limits_admit_what_the_defaults_refuse(plan, cal):
    big = dict(GOOD, id="big", kind="progress", text="x" * (2 << 20))
    with pytest.raises(dutygraph.ResourceExhaustedError):
        dutygraph.EventLog(plan, cal).append(big)
    log = dutygraph.EventLog(plan, cal, limits={"max_event_bytes": 4 << 20})
    assert log.append(big) is True
    deep_policy = ('{"format":"dutygraph/policy@1","id":"p","text":'
                   + "[" * 40 + "]" * 40 + "}")
    with pytest.raises(dutygraph.ResourceExhaustedError):
        dutygraph.Tracker(plan, cal, deep_policy)
    # Raised: the parser reads on and reports the real problem.
    with pytest.raises(dutygraph.InvalidArgumentError) as caught:
        dutygraph.Tracker(plan, cal, deep_policy, limits={"max_depth": 64})
    assert "policy /text: expected a string" in caught.value.message


@pytest.mark.parametrize("name,call,error,status,message", STORE_CASES,
                         ids=[c[0] for c in STORE_CASES])
def test_hostile_store(name, call, error, status, message, plan, cal, tmp_path):
    with dutygraph.Store(tmp_path / "plan.db") as store:
        store.init(FIXTURE, D(2023, 3, 3))
        store.append([E1])
        log = dutygraph.EventLog(plan, cal)
        log.append(E1)
        before = (store.events_jsonl(), log.to_jsonl())
        with pytest.raises(error) as caught:
            call(store, log, plan, cal)
        if status is not None:
            assert caught.value.status_name == status, caught.value
            assert message in caught.value.message
        else:
            assert message in str(caught.value)
        assert (store.events_jsonl(), log.to_jsonl()) == before
