"""Tests of dutygraph.Store: plan versions, the event log, idempotent and
all-or-nothing appends checked by the tracking layer against the store's
plan, errors with where they happened, read-only use, damaged files, a full
store and several threads on one file; EventLog.from_store().

The plan fixture is tests/data/small_plan.json (issued 2023-03-03; tasks
t_hidden_debt, t_warning, t_vague).
"""

import datetime
import hashlib
import json
import os
import pathlib
import sqlite3
import threading

import pytest

import dutygraph
from dutygraph import AppendResult

D = datetime.date
ROOT = pathlib.Path(__file__).resolve().parents[3]
SMALL_PLAN = pathlib.Path(os.environ.get(
    "DUTYGRAPH_SMALL_PLAN", ROOT / "tests" / "data" / "small_plan.json"))


def event(id, date="2023-03-06", kind="reminder", task="t_warning", **more):
    e = {"id": id, "kind": kind, "date": date}
    if task is not None:
        e["task"] = task
    e.update(more)
    return e


def new_store(path, **options):
    """A store at `path` with the small plan as version 1."""
    opened = dutygraph.Store(path, **options)
    opened.init(SMALL_PLAN.read_text(encoding="utf-8"), D(2023, 3, 3))
    return opened


@pytest.fixture
def path(tmp_path):
    return tmp_path / "plan.db"


@pytest.fixture
def empty_store(path):
    with dutygraph.Store(path) as opened:
        yield opened


@pytest.fixture
def store(path):
    with new_store(path) as opened:
        yield opened


def test_init_and_plan_versions(empty_store):
    store = empty_store
    text = SMALL_PLAN.read_text(encoding="utf-8")
    assert store.init(text, D(2023, 3, 3)) == 1
    with dutygraph.Plan.load(SMALL_PLAN) as plan:
        canonical = plan.to_json()
        version, stored = store.plan_json()
        assert (version, stored) == (1, canonical)
        # A new version from a Plan object, effective 2023-07-01.
        assert store.add_plan(plan, D(2023, 7, 1)) == 2
        assert store.add_plan(plan, D(2023, 7, 1)) == 2  # a retry
    assert store.plan_json(D(2023, 6, 30))[0] == 1
    assert store.plan_json(D(2023, 7, 1))[0] == 2
    with store.plan(D(2023, 5, 1)) as loaded:
        assert loaded.find_task("t_warning").name == "健全债务风险预警机制"
    info = store.info()
    assert info["plan_versions"] == 2
    assert info["latest_plan"] == {
        "version": 2, "effective": "2023-07-01",
        "digest": hashlib.sha256(canonical.encode("utf-8")).hexdigest()}
    assert info["schema_version"] == 2
    assert info["read_only"] is False

    with pytest.raises(dutygraph.FailedPreconditionError) as caught:
        store.init(text, D(2023, 3, 3))
    assert ("already initialised (plan version 2, effective 2023-07-01)"
            in caught.value.message)
    with pytest.raises(dutygraph.FailedPreconditionError) as caught:
        store.add_plan(text, D(2023, 6, 1))
    assert "before that of the latest plan version 2" in caught.value.message
    with pytest.raises(dutygraph.NotFoundError) as caught:
        store.plan_json(D(2023, 3, 2))
    assert "no plan version is in effect on 2023-03-02" in caught.value.message


def test_invalid_plan_stores_nothing(empty_store):
    store = empty_store
    with pytest.raises(dutygraph.InvalidArgumentError) as caught:
        store.init('{"format": "dutygraph/plan@1"}', D(2023, 3, 3))
    assert "missing required key 'plan'" in caught.value.message
    with pytest.raises(dutygraph.NotFoundError):
        store.plan_json()
    with pytest.raises(TypeError):
        store.init(42, D(2023, 3, 3))


def test_append_is_idempotent_and_ordered(store):
    events = [event("e1", kind="assigned"),
              event("e2", "2023-03-31", kind="progress", percent=30),
              event("e3", "2023-04-03", kind="circular", task=None,
                    unit="czj")]
    assert store.append(events) == AppendResult(appended=3, unchanged=0)
    assert store.append(events[1:]) == AppendResult(appended=0, unchanged=2)
    assert len(store) == 3
    assert store.events() == events
    assert [e["id"] for e in store.events(task="t_warning")] == ["e1", "e2"]
    assert [e["id"] for e in store.events(after_seq=1, limit=1)] == ["e2"]
    assert store.events(after_seq=3) == []
    # Stored as canonical JSON (compact, keys in a fixed order, UTF-8
    # unescaped): 30 is stored as 30.0.
    assert '"percent":30.0}' in store.events_jsonl(after_seq=1, limit=1)
    line = ('{"id":"e4","kind":"progress","date":"2023-05-01",'
            '"task":"t_warning","text":"已完成"}')
    assert store.append_jsonl(line + "\r\n\n") == AppendResult(1, 0)
    assert store.events_jsonl(after_seq=3) == line + "\n"
    assert store.info()["last_seq"] == 4


def test_append_checks_events_against_the_plan(store):
    with pytest.raises(dutygraph.NotFoundError) as caught:
        store.append([event("e1"), event("e2", task="t_warnin")])
    assert ("line 2 ('e2'): field 'task': unknown task 't_warnin'; did you "
            "mean 't_warning'?" in caught.value.message)
    with pytest.raises(dutygraph.FailedPreconditionError) as caught:
        store.append([event("e1", "2027-03-08")])
    assert "no official holiday schedule for 2027" in caught.value.message
    assert len(store) == 0
    # The caller's calendar: a provisional one accepts 2027.
    assert store.append([event("e1", "2027-03-08")],
                        calendar=dutygraph.Calendar(provisional=True)) == \
        AppendResult(1, 0)
    with pytest.raises(TypeError):
        store.append([event("e2")], plan="small")


def test_empty_store_refuses_events(empty_store):
    with pytest.raises(dutygraph.NotFoundError) as caught:
        empty_store.append([event("e1")])
    assert "no plan version is in effect on 2023-03-06" in caught.value.message


def test_event_log_from_store(store):
    store.append([event("e1", kind="assigned"),
                  event("e2", "2023-04-03", kind="completed")])
    log = dutygraph.EventLog.from_store(store, D(2023, 5, 1))
    assert len(log) == 2
    assert log.to_jsonl() == store.events_jsonl()
    assert log.load_store(store) == 0  # idempotent
    tracker = dutygraph.Tracker(log.plan, dutygraph.Calendar())
    ledger = tracker.ledger_csv(log, D(2023, 5, 1))
    assert "健全债务风险预警机制" in ledger
    with pytest.raises(TypeError):
        log.load_store("plan.db")


def test_snapshot_reads_a_version_with_its_events(path):
    with new_store(path) as store:
        store.append([event("e1", kind="assigned")])
        # Version 2 adds a task; its events only fit version 2.
        plan = json.loads(SMALL_PLAN.read_text(encoding="utf-8"))
        plan["tasks"].append({
            "id": "t_new", "parent": "s_debt", "path": "4/二/（一）/9",
            "title": "新增任务",
            "assignments": [{"role": "lead", "unit": "czj"}]})
        assert store.add_plan(json.dumps(plan, ensure_ascii=False),
                              D(2023, 4, 3)) == 2
        store.append([event("e2", "2023-04-04", kind="assigned",
                            task="t_new")])

        version, snap_plan, log = store.snapshot()
        assert version == 2 and len(log) == 2
        assert snap_plan.find_task("t_new").id == "t_new"
        assert log.plan is snap_plan
        # Version 1 does not accept e2: the error names its seq.
        with pytest.raises(dutygraph.FailedPreconditionError,
                           match=r"seq N.*event 2 \('e2'\).*unknown task"):
            store.snapshot(D(2023, 3, 10))
        # Before version 1 takes effect: version 1's.
        with pytest.raises(dutygraph.FailedPreconditionError):
            dutygraph.EventLog.from_store(store, D(2023, 1, 2))
        assert dutygraph.EventLog.from_store(store).to_jsonl() == \
            store.events_jsonl()
        with pytest.raises(TypeError, match="Store.snapshot.. argument 'calendar'"):
            store.snapshot(calendar="china")


def test_snapshot_of_an_empty_store(empty_store):
    with pytest.raises(dutygraph.NotFoundError, match="no plan version"):
        empty_store.snapshot()


def test_conflicting_id_applies_nothing(store):
    store.append([event("e1")])
    with pytest.raises(dutygraph.AlreadyExistsError) as caught:
        store.append([event("e2"), event("e1", "2023-03-07")])
    assert caught.value.status_name == "DG_ALREADY_EXISTS"
    assert ("line 2 ('e1'): event 'e1' already exists with different content"
            in caught.value.message)
    assert len(store) == 1


@pytest.mark.parametrize("bad, error, message", [
    ({"kind": "reminder", "date": "2023-03-06"}, dutygraph.InvalidArgumentError,
     "line 2: field 'id': missing"),
    ({"id": "", "kind": "reminder", "date": "2023-03-06"},
     dutygraph.InvalidArgumentError, "line 2: field 'id': must not be empty"),
    ({"id": "b", "kind": 3, "date": "2023-03-06"},
     dutygraph.InvalidArgumentError,
     "line 2: field 'kind': expected a string, got number"),
    ({"id": "b", "kind": "x", "date": "2023-03-06"},
     dutygraph.InvalidArgumentError,
     "line 2: field 'kind': unknown event kind 'x'"),
    (event("b", "2023-02-29"), dutygraph.InvalidArgumentError,
     "line 2: field 'date': bad date '2023-02-29'"),
    (event("b", "2150-01-01"), dutygraph.OutOfRangeError,
     "line 2 ('b'): field 'date': date 2150-01-01 is outside the calendar's "
     "range"),
    (event("b", task=["t"]), dutygraph.InvalidArgumentError,
     "line 2: field 'task': expected a string, got array"),
    ('{"id":"b","kind":"x",', dutygraph.InvalidArgumentError,
     "line 2: malformed JSON at line 1, column 22"),
    ("[]", dutygraph.InvalidArgumentError,
     "line 2: an event must be a JSON object, got array"),
])
def test_bad_events_say_where(store, bad, error, message):
    with pytest.raises(error) as caught:
        store.append([event("ok"), bad])
    assert message in caught.value.message
    assert len(store) == 0


def test_append_argument_types(store):
    with pytest.raises(TypeError):
        store.append('{"id":"e1"}')
    with pytest.raises(TypeError):
        store.append([42])
    with pytest.raises(dutygraph.InvalidArgumentError) as caught:
        store.append([event("e1"), '{"id":"e2",\n"kind":"x"}'])
    assert "line 2" in caught.value.message
    with pytest.raises(ValueError):
        store.events(limit=-1)


def test_read_only_and_missing(path):
    with pytest.raises(dutygraph.NotFoundError) as caught:
        dutygraph.Store(path, read_only=True)
    assert f"{path}: no such store" in caught.value.message
    with pytest.raises(dutygraph.NotFoundError):
        dutygraph.Store(path, create=False)
    assert not path.exists()
    with new_store(path) as store:
        store.append([event("e1")])
    with dutygraph.Store(path, read_only=True) as store:
        assert store.info()["read_only"] is True
        assert len(store) == 1
        with pytest.raises(dutygraph.FailedPreconditionError) as caught:
            store.append([event("e2")])
        assert "opened read-only" in caught.value.message
    store = dutygraph.Store(path)
    store.close()
    store.close()
    assert store.closed and repr(store) == "<dutygraph.Store closed>"
    with pytest.raises(ValueError):
        store.event_count()


def test_foreign_and_damaged_files(tmp_path):
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE customers(name TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(dutygraph.FailedPreconditionError) as caught:
        dutygraph.Store(other)
    assert "an SQLite database of another application" in caught.value.message

    text = tmp_path / "notes.db"
    text.write_bytes(b"not a database" * 400)
    with pytest.raises(dutygraph.FailedPreconditionError) as caught:
        dutygraph.Store(text)
    assert "not an SQLite database" in caught.value.message

    damaged = tmp_path / "damaged.db"
    with new_store(damaged) as store:
        store.append([event(f"e{i}", task="t_warning") for i in range(2000)])
    data = bytearray(damaged.read_bytes())
    for page in range(3, 12):
        data[page * 4096:page * 4096 + 64] = b"\xA5" * 64
    damaged.write_bytes(bytes(data))
    with pytest.raises(dutygraph.DataLossError) as caught:
        dutygraph.Store(damaged)
    assert caught.value.status_name == "DG_DATA_LOSS"
    assert str(damaged) in caught.value.message


def test_full_store_writes_nothing(path):
    with new_store(path, max_page_count=40) as store:
        big = [event(f"f{i}", note="n" * 200) for i in range(2000)]
        with pytest.raises(dutygraph.ResourceExhaustedError) as caught:
            store.append(big)
        assert "the disk or the store's size cap is full" in \
            caught.value.message
        assert len(store) == 0
        assert store.append([event("small")]) == AppendResult(1, 0)
        store.check_integrity()


def test_threads_on_separate_handles(path):
    new_store(path).close()
    failures = []

    def writer(w):
        try:
            with dutygraph.Store(path) as store:
                for b in range(10):
                    store.append([event(f"w{w}-{b}-{i}") for i in range(5)])
        except dutygraph.Error as error:  # pragma: no cover - reported below
            failures.append(str(error))

    def reader():
        try:
            with dutygraph.Store(path, read_only=True) as store:
                for _ in range(20):
                    count = len(store.events())
                    if count % 5:
                        failures.append(f"saw a partial batch: {count}")
        except dutygraph.Error as error:  # pragma: no cover
            failures.append(str(error))

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(3)]
    threads += [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    with dutygraph.Store(path) as store:
        assert len(store) == 150
        assert len({e["id"] for e in store.events()}) == 150
