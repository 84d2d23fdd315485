"""scripts/demo.sh reports the calendar facts of the reference plan's year
(2023) correctly: every number and date in it is recomputed here from the
official notices (holiday-cn facts)."""

import datetime
import os
import re
import subprocess

from conftest import REPO_ROOT, daterange

YEAR = 2023


def run_demo(cli):
    result = subprocess.run(
        ["bash", str(REPO_ROOT / "scripts" / "demo.sh"), cli],
        capture_output=True, text=True, encoding="utf-8", timeout=300,
        check=False, env={**os.environ, "LC_ALL": "C.UTF-8"})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout.splitlines()


def section(lines, title_start):
    """The indented lines under the heading that starts with `title_start`."""
    start = next(i for i, line in enumerate(lines)
                 if line.startswith(title_start))
    body = []
    for line in lines[start + 1:]:
        if not line.startswith("  "):
            break
        body.append(line)
    assert body, f"empty section {title_start!r}"
    return body


def iso(text):
    return datetime.date.fromisoformat(text)


def test_demo_years(cli, facts):
    lines = run_demo(cli)
    years = facts.years_with_notice()
    assert any(line.startswith(
        f"Official holiday schedules available: {years[0]}–{years[-1]} "
        f"({len(years)} years") for line in lines), lines[:5]


def test_demo_holidays_match_notices(cli, facts):
    lines = run_demo(cli)
    pattern = re.compile(
        r"^  (\d{4}-\d\d-\d\d) (\w{3})(?: \.\. (\d{4}-\d\d-\d\d) (\w{3}))?\s+"
        r"(off|make-up working day)(?: \((\d+) days\))?\s+(\S+)$")
    reported = {}
    for line in section(lines, f"{YEAR} holidays and make-up working days"):
        match = pattern.match(line)
        assert match, line
        first, first_day, last, last_day, what, count, name = match.groups()
        last = last or first
        assert iso(first).strftime("%a") == first_day, line
        if last_day:
            assert iso(last).strftime("%a") == last_day, line
        days = list(daterange(iso(first), iso(last)))
        assert len(days) == int(count or 1), line
        for day in days:
            reported[day.isoformat()] = (what == "make-up working day", name)

    expected = {d: (not f.is_off_day, f.name) for d, f in facts.days.items()
                if d.startswith(f"{YEAR}-")}
    assert reported == expected


def test_demo_quarter_working_days(cli, facts):
    lines = run_demo(cli)
    body = section(lines, f"Working days per quarter of {YEAR}")
    quarters = [(1, 3), (4, 6), (7, 9), (10, 12)]
    total = 0
    for line, (first_month, last_month) in zip(body, quarters):
        start = datetime.date(YEAR, first_month, 1)
        end = (datetime.date(YEAR + last_month // 12, last_month % 12 + 1, 1)
               - datetime.timedelta(days=1))
        expected = sum(facts.is_working(d) for d in daterange(start, end))
        total += expected
        assert re.match(rf"^  {start}\.\.{end}\s+{expected} working days\s+"
                        rf"{YEAR}年第[一二三四]季度$", line), line
    assert re.match(rf"^  whole year\s+{total} working days", body[4]), body[4]
    assert len(body) == 5


def test_demo_dekad_briefing_due_dates(cli, facts):
    lines = run_demo(cli)
    body = section(lines, "旬简报 due dates")
    expected = []
    for month in (1, 2, 3):
        next_month = datetime.date(YEAR, month + 1, 1)
        for first, last in ((1, 10), (11, 20), (21, None)):
            start = datetime.date(YEAR, month, first)
            end = (datetime.date(YEAR, month, last) if last
                   else next_month - datetime.timedelta(days=1))
            due = max(d for d in daterange(start, end) if facts.is_working(d))
            label = f"{YEAR}年{month}月{'上中下'[(first - 1) // 10]}旬"
            expected.append(f"  {start}..{end}  due {due} "
                            f"{due.strftime('%a')}  {label}")
    assert body == expected
