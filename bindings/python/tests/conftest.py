"""Shared fixtures: calendars and the independent holiday facts."""

import datetime
import json
import os
import pathlib
import warnings

import pytest

import dutygraph


@pytest.fixture(autouse=True)
def _provisional_warnings_are_errors():
    # A provisional answer that a test did not expect fails the test; tests
    # that expect one use pytest.warns, which records it instead.
    with warnings.catch_warnings():
        warnings.simplefilter("error", dutygraph.ProvisionalWarning)
        yield


@pytest.fixture
def strict():
    with dutygraph.Calendar() as calendar:
        yield calendar


@pytest.fixture
def provisional():
    with dutygraph.Calendar(provisional=True) as calendar:
        yield calendar


class HolidayFacts:
    """The holiday-cn per-year JSON: {"year", "papers", "days": [...]}."""

    def __init__(self, directory):
        self.directory = directory

    def year(self, year):
        path = self.directory / f"{year}.json"
        if not path.is_file():
            pytest.skip(f"no facts for {year}: {path} is missing")
        return json.loads(path.read_text(encoding="utf-8"))

    def declared_days(self, year):
        """date -> (is_off_day, name) for the days the year's notice names."""
        return {
            datetime.date.fromisoformat(day["date"]): (day["isOffDay"],
                                                       day["name"])
            for day in self.year(year)["days"]
        }

    def years_with_notice(self):
        years = []
        for path in sorted(self.directory.glob("[0-9][0-9][0-9][0-9].json")):
            if json.loads(path.read_text(encoding="utf-8"))["papers"]:
                years.append(int(path.stem))
        return years


@pytest.fixture(scope="session")
def facts():
    directory = os.environ.get("DUTYGRAPH_FACTS_DIR")
    if not directory:
        pytest.skip("DUTYGRAPH_FACTS_DIR is not set (CTest sets it to "
                    "DG_HOLIDAY_FACTS_DIR)")
    path = pathlib.Path(directory)
    if not path.is_dir():
        pytest.skip(f"DUTYGRAPH_FACTS_DIR={directory} is not a directory")
    return HolidayFacts(path)
