"""THE acceptance test: `dutygraph calendar days` over every official year
agrees, day by day, with the State Council notices (holiday-cn facts)."""

import csv
import datetime
import io
import json

from conftest import daterange

FIRST = datetime.date(2007, 1, 1)
LAST = datetime.date(2026, 12, 31)


def expected_row(facts, day):
    """The row the notices imply: a listed day is off or working as listed,
    with its name; any other day works Monday–Friday and has no name."""
    fact = facts.days.get(day.isoformat())
    if fact is not None:
        return [day.isoformat(), "0" if fact.is_off_day else "1", fact.name]
    return [day.isoformat(), "1" if day.weekday() < 5 else "0", ""]


def test_facts_cover_every_year_checked(facts):
    # Guards against passing vacuously on an empty or partial facts dir.
    for year in range(FIRST.year, LAST.year + 1):
        listed = [d for d in facts.days if d.startswith(f"{year}-")]
        assert facts.papers.get(year), f"no notice in the facts for {year}"
        assert len(listed) >= 15, f"only {len(listed)} facts for {year}"


def test_days_2007_to_2026_agree_with_official_notices(run, facts):
    result = run("calendar", "days", "--from", FIRST.isoformat(),
                 "--to", LAST.isoformat())
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "official years must need no warning"

    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0] == ["date", "working", "name"]
    body = rows[1:]
    assert len(body) == 7305  # 20 years, 5 of them leap years

    mismatches = []
    for row, day in zip(body, daterange(FIRST, LAST)):
        expected = expected_row(facts, day)
        if row != expected:
            source = facts.days.get(day.isoformat())
            mismatches.append(f"{day} {day.strftime('%a')}: got {row}, the "
                              f"notices say {expected} "
                              f"({source.source if source else 'unlisted'})")
    assert not mismatches, (f"{len(mismatches)} days disagree:\n" +
                            "\n".join(mismatches[:30]))


def test_every_listed_day_is_reported_with_its_name(run, facts):
    # The other direction: each fact in range is visible in the output.
    result = run("calendar", "days", "--from", FIRST.isoformat(),
                 "--to", LAST.isoformat())
    assert result.returncode == 0, result.stderr
    by_date = {row[0]: row for row in
               csv.reader(io.StringIO(result.stdout, newline=""))}
    in_range = {d: f for d, f in facts.days.items()
                if FIRST.isoformat() <= d <= LAST.isoformat()}
    assert len(in_range) > 20 * 15
    for date_text, fact in in_range.items():
        assert by_date[date_text][1:] == ["0" if fact.is_off_day else "1",
                                          fact.name], date_text


def test_json_days_agree_with_csv_and_notices(run, facts):
    first, last = datetime.date(2023, 1, 1), datetime.date(2024, 12, 31)
    result = run("calendar", "days", "--from", first.isoformat(),
                 "--to", last.isoformat(), "--json")
    assert result.returncode == 0, result.stderr
    days = json.loads(result.stdout)
    assert len(days) == (last - first).days + 1
    for entry, day in zip(days, daterange(first, last)):
        assert entry["date"] == day.isoformat()
        assert entry["working"] is facts.is_working(day), entry
        assert entry["name"] == facts.name(day), entry
        assert entry["provisional"] is False
        fact = facts.days.get(day.isoformat())
        if fact is None:
            assert entry["kind"] == ("workday" if day.weekday() < 5
                                     else "weekend"), entry
            assert entry["notice"] == ""
        else:
            assert entry["kind"] == ("holiday" if fact.is_off_day
                                     else "makeup-workday"), entry
            assert entry["notice"] != "", entry


def test_years_are_the_years_with_a_notice(ok, facts):
    years = [int(line) for line in ok("calendar", "years").splitlines()]
    assert years == facts.years_with_notice()


def test_between_agrees_with_notices_for_every_month(ok, facts):
    # WorkingDaysBetween counts (a, b]: from the last day of the previous
    # month to the last day of this one is the month's working days.
    for year in (2020, 2023, 2024):
        for month in range(1, 13):
            start = datetime.date(year, month, 1)
            end = (datetime.date(year + month // 12, month % 12 + 1, 1) -
                   datetime.timedelta(days=1))
            expected = sum(facts.is_working(d) for d in daterange(start, end))
            before = start - datetime.timedelta(days=1)
            got = ok("calendar", "between", before.isoformat(),
                     end.isoformat())
            assert int(got) == expected, f"{year}-{month:02d}"
