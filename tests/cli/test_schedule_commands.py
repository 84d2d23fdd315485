"""The schedule commands of `dutygraph`: schedule, due and critical-path.

The acceptance of issue 4 through the CLI, on the Hengyang plan
(examples/hengyang-2023/plan.json): from its issue date (2023-03-03) to the
end of 2023 each 专班 gets exactly one 旬简报 per dekad, one 月通报 per month
and one 季总结 per quarter, none on a non-working day (checked against the
holiday-cn facts), and on the dates the rules of docs/schedules.md give,
worked by hand around National Day 2023 (09-29..10-06 off, Saturday 10-07
and Sunday 10-08 worked):
- 旬简报 (2nd working day after the dekad) for 2023年9月下旬 (ends Sat
  09-30): 10-07 is the 1st, 10-08 the 2nd -> 2023-10-08.
- 月通报 (5th working day after the month) for September: 10-07, 10-08,
  10-09, 10-10, 10-11 -> 2023-10-11.
- 季总结 (10th working day after the quarter) for Q3: 10-07, 08, 09, 10,
  11, 12, 13, 16, 17, 18 -> 2023-10-18.
The ICS export is parsed back with Debian's python3-icalendar.
"""

import csv
import datetime
import io
import json
import subprocess

import pytest

from conftest import REPO_ROOT

USAGE, FAILURE = 2, 1

HENGYANG_PLAN = REPO_ROOT / "examples" / "hengyang-2023" / "plan.json"
SMALL_PLAN = REPO_ROOT / "tests" / "data" / "small_plan.json"

ACCEPTANCE_RANGE = ("--from", "2023-03-03", "--to", "2023-12-31")
GROUP_CADENCES = {"c_dekad_briefing": "dekad", "c_monthly_circular": "month",
                  "c_quarterly_summary": "quarter"}


@pytest.fixture(scope="module")
def hengyang():
    assert HENGYANG_PLAN.is_file(), f"missing dataset {HENGYANG_PLAN}"
    return str(HENGYANG_PLAN)


@pytest.fixture(scope="module")
def hengyang_document():
    return json.loads(HENGYANG_PLAN.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def acceptance(ok, hengyang):
    return json.loads(ok("schedule", "--plan", hengyang, *ACCEPTANCE_RANGE,
                         "--format", "json"))


def fails(run, code, *args):
    result = run(*args)
    assert result.returncode == code, (result.returncode, result.stderr)
    return result.stderr


def date(text):
    return datetime.date.fromisoformat(text)


# ---- the acceptance of issue 4 ----------------------------------------------


def expected_periods(kind):
    """Periods whose due date can fall in the acceptance range: those ending
    from 2023-02-21 (the dekad before the issue date may be due after it) to
    12-31 minus what is due in 2024. Returned as (start, end) of every
    period of `kind` in 2023; the test narrows by due date."""
    periods = []
    if kind == "dekad":
        for month in range(1, 13):
            last = (datetime.date(2023 + month // 12, month % 12 + 1, 1)
                    - datetime.timedelta(days=1))
            periods += [(datetime.date(2023, month, 1),
                         datetime.date(2023, month, 10)),
                        (datetime.date(2023, month, 11),
                         datetime.date(2023, month, 20)),
                        (datetime.date(2023, month, 21), last)]
    elif kind == "month":
        for month in range(1, 13):
            last = (datetime.date(2023 + month // 12, month % 12 + 1, 1)
                    - datetime.timedelta(days=1))
            periods.append((datetime.date(2023, month, 1), last))
    else:
        for quarter in range(4):
            first = datetime.date(2023, 3 * quarter + 1, 1)
            last = (datetime.date(2023 + (quarter == 3),
                                  (3 * quarter + 3) % 12 + 1, 1)
                    - datetime.timedelta(days=1))
            periods.append((first, last))
    return periods


def nth_working_day_after(facts, day, n):
    while n > 0:
        day += datetime.timedelta(days=1)
        if facts.is_working(day):
            n -= 1
    return day


def test_each_group_gets_one_of_each_per_period_on_its_rule(
        acceptance, hengyang_document, facts):
    cadences = {c["id"]: c for c in hengyang_document["cadences"]}
    first, last = date("2023-03-03"), date("2023-12-31")
    occurrences = acceptance["occurrences"]
    assert acceptance["provisional"] is False
    assert acceptance["from"] == "2023-03-03" and acceptance["to"] == "2023-12-31"
    for cadence_id, kind in GROUP_CADENCES.items():
        cadence = cadences[cadence_id]
        assert cadence["due"]["rule"] == "nth_working_day_after_end"
        n = cadence["due"]["n"]
        # The due dates the rule gives, worked from the official facts.
        expected = {}
        for start, end in expected_periods(kind):
            due = nth_working_day_after(facts, end, n)
            if first <= due <= last:
                expected[start.isoformat()] = due.isoformat()
        assert expected, cadence_id
        for group in cadence["owner"]["groups"]:
            mine = [o for o in occurrences
                    if o["cadence"]["id"] == cadence_id
                    and o["group"]["id"] == group]
            starts = [o["period"]["start"] for o in mine]
            assert len(starts) == len(set(starts)), (cadence_id, group)
            got = {o["period"]["start"]: o["due"] for o in mine}
            assert got == expected, (cadence_id, group)
            for o in mine:
                assert o["period"]["kind"] == kind
                assert facts.is_working(date(o["due"])), o


def test_every_due_date_is_a_working_day(acceptance, facts):
    assert acceptance["occurrences"]
    for o in acceptance["occurrences"]:
        assert facts.is_working(date(o["due"])), o
        assert "2023-03-03" <= o["due"] <= "2023-12-31"


def test_counts_per_group(acceptance, hengyang_document):
    """Hand count of what is due 03-03..12-31. Dekads: 2月下旬 ends Tue
    02-28 and is due 03-02 (03-01, 03-02), before the range; 3月上旬 ..
    11月下旬 are 27, plus 12月上旬 and 12月中旬 (due 12-22); 12月下旬 is due
    in January: 29. Months: February's is due 03-07 (03-01, 02, 03, 06, 07),
    then March .. November; December's is due in January: 10. Quarters:
    Q1..Q3 (Q4 is due in January): 3."""
    groups = hengyang_document["cadences"][0]["owner"]["groups"]
    expected = {"c_dekad_briefing": 29, "c_monthly_circular": 10,
                "c_quarterly_summary": 3}
    for cadence_id, count in expected.items():
        for group in groups:
            n = sum(1 for o in acceptance["occurrences"]
                    if o["cadence"]["id"] == cadence_id
                    and o["group"]["id"] == group)
            assert n == count, (cadence_id, group, n)


@pytest.mark.parametrize("cadence_id,label,due", [
    ("c_dekad_briefing", "2023年9月中旬", "2023-09-22"),
    ("c_dekad_briefing", "2023年9月下旬", "2023-10-08"),
    ("c_dekad_briefing", "2023年10月上旬", "2023-10-12"),
    ("c_monthly_circular", "2023年9月", "2023-10-11"),
    ("c_quarterly_summary", "2023年第三季度", "2023-10-18"),
])
def test_hand_checked_dates_around_national_day(acceptance, cadence_id, label,
                                                due):
    found = {o["due"] for o in acceptance["occurrences"]
             if o["cadence"]["id"] == cadence_id
             and o["period"]["label"] == label}
    assert found == {due}


def test_days_off_agree_with_the_calendar_command(ok, acceptance):
    days = list(csv.DictReader(io.StringIO(ok(
        "calendar", "days", "--from", "2023-03-03", "--to", "2023-12-31"))))
    working = {d["date"] for d in days if d["working"] == "1"}
    assert "2023-10-08" in working and "2023-10-02" not in working
    assert {o["due"] for o in acceptance["occurrences"]} <= working


def test_owners_and_recipients_resolved(acceptance):
    growth = [o for o in acceptance["occurrences"]
              if o["group"] and o["group"]["id"] == "g_growth"
              and o["cadence"]["id"] == "c_dekad_briefing"]
    assert growth
    for o in growth:
        assert [u["name"] for u in o["recipients"]["units"]] == ["市委", "市政府"]
        assert o["owners"]["units"] or o["owners"]["posts"]


# ---- formats ----------------------------------------------------------------


def test_csv_header_and_rows(ok, hengyang, acceptance):
    text = ok("schedule", "--plan", hengyang, *ACCEPTANCE_RANGE,
              "--format", "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "due", "cadence_id", "cadence_name", "kind", "period_kind",
        "period_label", "period_start", "period_end", "group_id",
        "group_name", "member_id", "member_name", "owner_units",
        "owner_posts", "recipient_units", "recipient_posts", "provisional"]
    assert len(rows) - 1 == len(acceptance["occurrences"])
    assert [r[0] for r in rows[1:]] == [
        o["due"] for o in acceptance["occurrences"]]


def test_table_lines_up_and_has_one_row_per_occurrence(ok, hengyang):
    text = ok("schedule", "--plan", hengyang, "--from", "2023-09-21",
              "--to", "2023-10-20", "--cadence", "c_dekad_briefing",
              "--unit", "市发改委")
    lines = text.splitlines()
    assert lines[0].split() == ["due", "weekday", "period", "cadence",
                                "group/member/task", "owners"]
    body = [line.split()[:4] for line in lines[2:]]
    assert body == [["2023-09-22", "Fri", "2023年9月中旬", "旬简报"],
                    ["2023-10-08", "Sun", "2023年9月下旬", "旬简报"],
                    ["2023-10-12", "Thu", "2023年10月上旬", "旬简报"]]


def test_cadence_filter_and_unknown_cadence(ok, run, hengyang):
    data = json.loads(ok("schedule", "--plan", hengyang, "--from",
                         "2023-10-01", "--to", "2023-10-31", "--cadence",
                         "c_monthly_circular", "--format", "json"))
    assert {o["cadence"]["id"] for o in data["occurrences"]} == {
        "c_monthly_circular"}
    assert len(data["occurrences"]) == 11  # one per 专班, September's
    stderr = fails(run, FAILURE, "schedule", "--plan", hengyang, "--from",
                   "2023-10-01", "--to", "2023-10-31", "--cadence", "c_nope")
    assert "c_nope" in stderr


def ics_events(text):
    icalendar = pytest.importorskip(
        "icalendar", reason="Debian's python3-icalendar is not installed")
    calendar = icalendar.Calendar.from_ical(text)
    return [c for c in calendar.walk() if c.name == "VEVENT"]


def test_ics_parses_back_with_stable_unique_uids(cli, run, hengyang):
    args = ("schedule", "--plan", hengyang, *ACCEPTANCE_RANGE, "--deadlines")
    # Bytes, not text: text mode would turn the CRLFs into LFs.
    first, second = (subprocess.run([cli, *args, "--format", "ics"],
                                    capture_output=True, check=True).stdout
                     for _ in range(2))
    assert first == second  # byte-for-byte reproducible
    raw = first
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # folded on character boundaries
    events = ics_events(raw.decode("utf-8"))
    data = json.loads(run(*args, "--format", "json").stdout)
    expected = ([o["due"] for o in data["occurrences"]]
                + [d["due"] for d in data["deadlines"]])
    assert len(events) == len(expected)
    assert [e.decoded("DTSTART").isoformat() for e in events] == expected
    for e in events:
        assert (e.decoded("DTEND") - e.decoded("DTSTART")).days == 1
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert all(u.endswith("@dutygraph.invalid") for u in uids)
    summaries = {str(e["SUMMARY"]) for e in events}
    assert "旬简报 2023年3月中旬 — 打好经济增长主动仗工作专班" in summaries


def test_ics_uids_do_not_depend_on_the_range(run, hengyang):
    """The same occurrence keeps its UID whatever range exported it."""
    def uids(first, last):
        text = run("schedule", "--plan", hengyang, "--from", first, "--to",
                   last, "--format", "ics").stdout
        return {(e.decoded("DTSTART").isoformat(), str(e["SUMMARY"])):
                str(e["UID"]) for e in ics_events(text)}
    wide = uids("2023-09-01", "2023-10-31")
    narrow = uids("2023-10-08", "2023-10-08")
    assert narrow and all(wide[key] == uid for key, uid in narrow.items())


def test_ics_deadline_has_an_alarm(run, hengyang):
    text = run("due", "--plan", hengyang, "--on", "2023-05-04",
               "--format", "ics").stdout
    events = ics_events(text)
    alarms = [a for e in events for a in e.walk() if a.name == "VALARM"]
    assert alarms
    # 5月以前 = 2023-04-30, reminded 3 working days before: 04-26, 09:00 in
    # China (UTC+8) = 01:00Z.
    triggers = {a.decoded("TRIGGER").isoformat() for a in alarms}
    assert "2023-04-26T01:00:00+00:00" in triggers


# ---- due --------------------------------------------------------------------


def test_due_lists_overdue_and_upcoming(ok, hengyang, hengyang_document):
    data = json.loads(ok("due", "--plan", hengyang, "--on", "2023-07-03",
                         "--format", "json"))
    assert data["on"] == "2023-07-03" and data["within"] == 10
    # 10 working days after Monday 07-03: 07-17 (two whole weeks).
    assert data["until"] == "2023-07-17"
    # Every stated deadline of the dataset before 07-03 (from the issue day)
    # is overdue; none is due 07-03..07-17.
    stated = sorted(
        d["date"] for t in hengyang_document["tasks"]
        for d in t.get("deadlines", [])
        if d.get("date") and "2023-03-03" <= d["date"] < "2023-07-03")
    assert sorted(d["due"] for d in data["overdue"]) == stated
    assert any(d["deadline"]["text"].replace(" ", "") == "5月以前"
               and d["due"] == "2023-04-30" and d["reminder"] == "2023-04-26"
               for d in data["overdue"])
    for d in data["upcoming"]:
        assert "2023-07-03" <= d["due"] <= "2023-07-17"


def test_due_within_reaches_year_end(ok, hengyang):
    data = json.loads(ok("due", "--plan", hengyang, "--on", "2023-12-20",
                         "--within", "10", "--format", "json"))
    # 12-21, 22, 25..29, 01-02 (01-01 元旦 off), 03, 04: the 10th is 01-04.
    assert data["until"] == "2024-01-04"
    assert any(d["due"] == "2023-12-31" for d in data["upcoming"])
    text = ok("due", "--plan", hengyang, "--on", "2023-12-20", "--format",
              "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["due", "reminder", "task_id"]
    assert len(rows) - 1 == len(data["overdue"]) + len(data["upcoming"])


# ---- critical-path ----------------------------------------------------------


def test_critical_path_on_the_small_plan(ok, tmp_path):
    """t_hidden_debt (5 days) -> t_warning (3 days), start Thursday
    2023-09-28: t_hidden_debt occupies 09-28, 10-07, 10-08, 10-09, 10-10
    (09-29..10-06 off, 10-07/08 worked), t_warning 10-11, 10-12, 10-13.
    t_vague (2 days, no dependency) occupies 09-28, 10-07: float 6."""
    durations = tmp_path / "durations.csv"
    durations.write_text("task,working_days\n# hand-worked\nt_hidden_debt,5\n"
                         "4/二/（一）/3,3\n\nt_vague,2\n", encoding="utf-8")
    data = json.loads(ok("critical-path", "--plan", str(SMALL_PLAN),
                         "--durations", str(durations), "--start",
                         "2023-09-28", "--format", "json"))
    project = data["project"]
    assert project["start_date"] == "2023-09-28"
    assert project["duration"] == 8
    assert project["finish_date"] == "2023-10-13"
    assert data["critical_paths"] == [["t_hidden_debt", "t_warning"]]
    tasks = {t["task"]["id"]: t for t in data["tasks"]}
    debt, warning, vague = (tasks["t_hidden_debt"], tasks["t_warning"],
                            tasks["t_vague"])
    assert (debt["earliest_start_date"], debt["earliest_finish_date"]) == (
        "2023-09-28", "2023-10-10")
    assert (warning["earliest_start_date"],
            warning["earliest_finish_date"]) == ("2023-10-11", "2023-10-13")
    assert vague["total_float"] == 6 and not vague["critical"]
    assert vague["earliest_finish_date"] == "2023-10-07"
    # Latest start: offset 8 - 2 = 6; working days 0..6 are 09-28, 10-07,
    # 08, 09, 10, 11, 12, so 10-12 (t_warning starts at offset 5, 10-11).
    assert vague["latest_start_date"] == "2023-10-12"
    table = ok("critical-path", "--plan", str(SMALL_PLAN), "--durations",
               str(durations), "--start", "2023-09-28")
    assert "critical path: t_hidden_debt -> t_warning" in table
    assert "finishes 2023-10-13" in table


def test_critical_path_defaults(ok):
    """No durations: every task a milestone, start = issue date 03-03."""
    data = json.loads(ok("critical-path", "--plan", str(SMALL_PLAN),
                         "--format", "json"))
    assert data["project"]["start_date"] == "2023-03-03"
    assert data["project"]["duration"] == 0


def test_critical_path_takes_durations_from_the_plan(ok, tmp_path):
    """The same hand-worked network as above, with the durations written in
    the plan (duration_working_days) instead of a file; a file line still
    overrides the plan's value."""
    document = json.loads(SMALL_PLAN.read_text(encoding="utf-8"))
    days = {"t_hidden_debt": 5, "t_warning": 3, "t_vague": 2}
    for task in document["tasks"]:
        if task["id"] in days:
            task["duration_working_days"] = days[task["id"]]
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    data = json.loads(ok("critical-path", "--plan", str(plan), "--start",
                         "2023-09-28", "--format", "json"))
    assert data["project"]["duration"] == 8
    assert data["project"]["finish_date"] == "2023-10-13"
    assert data["critical_paths"] == [["t_hidden_debt", "t_warning"]]
    override = tmp_path / "d.csv"
    override.write_text("t_warning,1\n", encoding="utf-8")
    data = json.loads(ok("critical-path", "--plan", str(plan), "--durations",
                         str(override), "--start", "2023-09-28",
                         "--format", "json"))
    assert data["project"]["duration"] == 6      # 5 + 1
    assert data["project"]["finish_date"] == "2023-10-11"


@pytest.mark.parametrize("content,needle", [
    ("t_hidden_debt,five\n", ":1: working_days 'five'"),
    ("task,working_days\nt_hidden_debt,-1\n", ":2: working_days '-1'"),
    ("t_nope,3\n", ":1: "),
    ("t_hidden_debt,1,2\n", ":1: expected 2 fields"),
    ("t_hidden_debt,1\nt_hidden_debt,2\n", ":2: task 't_hidden_debt' already"),
])
def test_bad_durations_file(run, tmp_path, content, needle):
    path = tmp_path / "d.csv"
    path.write_text(content, encoding="utf-8")
    stderr = fails(run, FAILURE, "critical-path", "--plan", str(SMALL_PLAN),
                   "--durations", str(path))
    assert str(path) + needle in stderr
    if "t_nope" in content:
        assert "t_nope" in stderr


# ---- errors -----------------------------------------------------------------


def test_unknown_unit(run, hengyang):
    stderr = fails(run, FAILURE, "schedule", "--plan", hengyang,
                   *ACCEPTANCE_RANGE, "--unit", "市不存在局")
    assert "--unit" in stderr and "市不存在局" in stderr
    stderr = fails(run, FAILURE, "due", "--plan", hengyang, "--on",
                   "2023-07-03", "--unit", "市不存在局")
    assert "市不存在局" in stderr


def test_bad_format_is_a_usage_error(run, hengyang):
    stderr = fails(run, USAGE, "schedule", "--plan", hengyang,
                   *ACCEPTANCE_RANGE, "--format", "xml")
    assert "--format" in stderr and "xml" in stderr
    fails(run, USAGE, "critical-path", "--plan", hengyang, "--format", "ics")
    fails(run, USAGE, "schedule", "--plan", hengyang, *ACCEPTANCE_RANGE,
          "--format", "csv", "--deadlines")
    fails(run, USAGE, "schedule", "--plan", hengyang, "--from", "2023-12-31",
          "--to", "2023-01-01")
    fails(run, USAGE, "schedule", "--plan", hengyang, "--from", "2023-02-30",
          "--to", "2023-12-31")


def test_strict_2027_fails_naming_the_year_and_provisional_answers(
        run, ok, hengyang):
    args = ("schedule", "--plan", hengyang, "--from", "2027-01-01", "--to",
            "2027-01-31", "--format", "json")
    stderr = fails(run, FAILURE, *args)
    assert "2027" in stderr and "--provisional" in stderr
    result = run(*args, "--provisional")
    assert result.returncode == 0, result.stderr
    assert "warning: provisional" in result.stderr
    data = json.loads(result.stdout)
    assert data["provisional"] is True
    assert data["occurrences"]
    assert all(o["provisional"] for o in data["occurrences"])
    for o in data["occurrences"]:
        assert date(o["due"]).weekday() < 5


def test_overlay_moves_a_due_date(ok, hengyang, tmp_path):
    """A local day off on Monday 10-09 moves September's 月通报 to 10-12."""
    overlay = tmp_path / "local.txt"
    overlay.write_text("calendar 本地\noff 2023-10-09 本地假日\n",
                       encoding="utf-8")
    data = json.loads(ok("schedule", "--plan", hengyang, "--from",
                         "2023-10-01", "--to", "2023-10-31", "--cadence",
                         "c_monthly_circular", "--format", "json",
                         "--overlay", str(overlay)))
    assert {o["due"] for o in data["occurrences"]} == {"2023-10-12"}


def test_missing_plan(run, tmp_path):
    missing = str(tmp_path / "nope.json")
    stderr = fails(run, FAILURE, "due", "--plan", missing, "--on",
                   "2023-07-03")
    assert "nope.json" in stderr


def test_help_documents_the_choices(ok):
    text = ok("schedule", "--help")
    assert "--deadlines" in text and "table|csv|ics|json" in text
    assert "--within" in ok("due", "--help")
    text = ok("critical-path", "--help")
    assert "task,working_days" in text and "milestone" in text
